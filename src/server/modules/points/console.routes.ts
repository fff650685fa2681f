/** The staff console's points API: rules, approval, publicity and objections, manual awards, shop, pickup desk, reports. */
import { PassThrough } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { listAwardQueue, listObjectionQueue, resolveObjection, stepAwardAsStaff } from './approval.service';
import { createRuleVersion, listRuleVersions, manualAward } from './earning.service';
import { getSettings, personReport, putSettings, villageReport } from './ledger.service';
import { confirmPlaceRequest, listPlaceRequests } from './places.service';
import { ledgerLines, writePointsXlsx } from './points.export';
import * as S from './points.schema';
import { confirmPickup } from './redemption.service';
import { createItem, itemsForStaff, restockItem, updateItem } from './shop.service';

const P = '/api/points/console';
const tags = ['points'];

export default async function consolePointsRoutes(app: App, deps: Deps) {
  app.get(
    `${P}/rules`,
    {
      schema: {
        tags,
        summary: 'Rule versions in and above my scope, by place and code (latest version first)',
        querystring: S.PageQuery,
        response: { 200: S.RulePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listRuleVersions(deps, requireUser(req), req.query),
  );
  app.post(
    `${P}/rules`,
    {
      schema: {
        tags,
        summary: 'A new rule version, effective from now or later (never backwards)',
        body: S.RuleBody,
        response: { 201: S.Rule, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createRuleVersion(deps, requireUser(req), req.body)),
  );

  app.get(
    `${P}/awards`,
    {
      schema: {
        tags,
        summary: 'Award queues, newest first: approval (pending, reviewed), publicity, done, all',
        querystring: S.AwardsQuery,
        response: { 200: S.AwardPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listAwardQueue(deps, requireUser(req), req.query),
  );
  app.post(
    `${P}/awards`,
    {
      schema: {
        tags,
        summary:
          'Manual award or deduction under a rule item (volunteer service, …); then review and publicity. Never for oneself or one’s household; ' +
          'an amount other than the rule’s needs amountReason, stays within the caps and awaits a second person’s approval',
        body: S.ManualAwardBody,
        response: { 201: S.Award, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await manualAward(deps, requireUser(req), req.body)),
  );
  app.post(
    `${P}/awards/:id/steps`,
    {
      schema: {
        tags,
        summary:
          'Approve an adjusted amount, review, publish, reject, or resolve an objection (never one’s own creation, self or household)',
        params: S.IdParams,
        body: S.StepBody,
        response: { 200: S.Award, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => stepAwardAsStaff(deps, requireUser(req), req.params.id, req.body),
  );

  app.get(
    `${P}/objections`,
    {
      schema: {
        tags,
        summary: 'Objections raised during publicity, newest first',
        querystring: S.ObjectionsQuery,
        response: { 200: S.ObjectionPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listObjectionQueue(deps, requireUser(req), req.query.open ?? true, req.query),
  );
  app.post(
    `${P}/objections/:id/resolve`,
    {
      schema: {
        tags,
        summary: 'Resolve an objection: upheld rejects the award, dismissed returns it to publicity',
        params: S.IdParams,
        body: S.ResolveBody,
        response: { 200: S.Award, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => resolveObjection(deps, requireUser(req), req.params.id, req.body.upheld, req.body.reason),
  );

  app.get(
    `${P}/places`,
    {
      schema: {
        tags,
        summary: 'Residents asking to make a village in my scope their shop place, by name',
        querystring: S.PageQuery,
        response: { 200: S.PlaceRequestPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listPlaceRequests(deps, requireUser(req), req.query),
  );
  app.post(
    `${P}/places/:id/confirm`,
    {
      schema: {
        tags,
        summary: 'Confirm the shop place a resident asked for',
        params: S.IdParams,
        body: S.ConfirmPlaceBody,
        response: { 200: S.PlaceConfirmed, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => confirmPlaceRequest(deps, requireUser(req), req.params.id, req.body.divisionCode),
  );

  app.get(
    `${P}/items`,
    {
      schema: {
        tags,
        summary: 'Shop items in my scope, by place and name',
        querystring: S.PageQuery,
        response: { 200: S.ItemPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => itemsForStaff(deps, requireUser(req), req.query),
  );
  app.post(
    `${P}/items`,
    {
      schema: {
        tags,
        summary: 'Add an item to a village, community or town shop',
        body: S.ItemBody,
        response: { 201: S.Item, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await createItem(deps, requireUser(req), req.body)),
  );
  app.patch(
    `${P}/items/:id`,
    {
      schema: {
        tags,
        summary: 'Change an item (not its stock)',
        params: S.IdParams,
        body: S.ItemPatch,
        response: { 200: S.Item, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateItem(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    `${P}/items/:id/restock`,
    {
      schema: {
        tags,
        summary: 'Add stock',
        params: S.IdParams,
        body: S.RestockBody,
        response: { 200: S.Item, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => restockItem(deps, requireUser(req), req.params.id, req.body.quantity),
  );

  app.post(
    `${P}/pickup`,
    {
      schema: {
        tags,
        summary:
          'Pickup desk: confirm a reservation by its 6-digit code or QR payload (5 wrong codes in a row lock the desk)',
        body: S.PickupBody,
        response: { 200: S.Redemption, ...errorResponses(400, 401, 404, 410, 423) },
      },
    },
    async (req) => confirmPickup(deps, requireUser(req), req.body.code),
  );

  app.get(
    `${P}/reports/places`,
    {
      schema: {
        tags,
        summary: 'Ledger per village/town, by code: issued, deducted, reserved, redeemed',
        querystring: S.PlacesQuery,
        response: { 200: S.PlaceReportPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => villageReport(deps, requireUser(req), req.query.scope, req.query),
  );
  app.get(
    `${P}/reports/people/:id`,
    {
      schema: {
        tags,
        summary: 'One person’s balance and a page of their ledger entries, newest first',
        params: S.IdParams,
        querystring: S.PageQuery,
        response: { 200: S.PersonReport, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => personReport(deps, requireUser(req), req.params.id, req.query),
  );
  app.get(
    `${P}/reports/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'The points ledger (积分台账) as xlsx: every line in my scope, or the newest `limit`',
        querystring: S.ExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const rows = await ledgerLines(deps, requireUser(req), req.query.scope, req.query.limit);
      const stream = new PassThrough();
      void writePointsXlsx(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="points-${deps.clock.now().toISOString().slice(0, 10)}.xlsx"`,
        )
        .send(fileBody(stream));
    },
  );

  app.get(
    `${P}/settings/:scope`,
    {
      schema: {
        tags,
        summary: 'Points settings in force at a place',
        params: S.ScopeParams,
        response: { 200: S.SettingsView, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => getSettings(deps, requireUser(req), req.params.scope),
  );
  app.put(
    `${P}/settings/:scope`,
    {
      schema: {
        tags,
        summary: 'Set points settings for a town (or the county: system administrator)',
        params: S.ScopeParams,
        body: S.SettingsBody,
        response: { 200: S.Settings, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => putSettings(deps, requireUser(req), req.params.scope, req.body),
  );
}
