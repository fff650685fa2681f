/** The collective economy's routes (村级集体经济): thin, schema → service. */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps';
import { pickLang } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, XlsxFile, errorResponses } from '../../platform/http/types';
import {
  MAX_SHEET_UPLOAD,
  SheetImportOutcome,
  SheetImportQuery,
  sendXlsx,
  uploadedSheet,
} from '../../platform/http/sheet-upload';
import { publishFinance } from './disclosure.service';
import * as S from './economy.schema';
import * as incomes from './incomes.service';
import * as imports from './registers-import.service';
import * as registers from './registers.service';
import * as sheets from './sheets.service';

const tags = ['economy'];

const langOf = (req: FastifyRequest) => (pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh');

export default async function economyRoutes(app: App, deps: Deps) {
  app.get(
    '/api/economy/incomes',
    {
      schema: {
        tags,
        summary: 'Villages of the area with their collective income by source for a year, by code',
        querystring: S.YearQuery,
        response: { 200: S.VillageIncomePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => incomes.listIncomes(deps, requireUser(req), req.query),
  );
  app.put(
    '/api/economy/incomes/:village/:year',
    {
      schema: {
        tags,
        summary: 'Enter or correct a village’s collective income for a year (fen by source; audited before/after)',
        params: S.IncomeParams,
        body: S.IncomeBody,
        response: { 200: S.VillageIncome, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => incomes.setIncome(deps, requireUser(req), req.params.village, req.params.year, req.body),
  );
  app.get(
    '/api/economy/summary',
    {
      schema: {
        tags,
        summary: 'The share of villages with collective income at or above the threshold, overall and per town',
        querystring: S.SummaryQuery,
        response: { 200: S.Summary, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => incomes.summary(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/economy/settings',
    {
      schema: {
        tags,
        summary: 'The county’s income threshold',
        response: { 200: S.Settings, ...errorResponses(401, 403) },
      },
    },
    async (req) => incomes.settings(deps, requireUser(req)),
  );
  app.put(
    '/api/economy/settings',
    {
      schema: {
        tags,
        summary: 'Change the county’s income threshold (county officers; audited)',
        body: S.SettingsBody,
        response: { 200: S.Settings, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => incomes.setThreshold(deps, requireUser(req), req.body.thresholdFen),
  );
  app.get(
    '/api/economy/cooperatives',
    {
      schema: {
        tags,
        summary: 'The cooperatives of 村社合一 in the area',
        querystring: S.ScopePageQuery,
        response: { 200: S.CooperativePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => registers.listCooperatives(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/economy/cooperatives',
    {
      schema: {
        tags,
        summary: 'Register a cooperative of a village',
        body: S.CooperativeBody,
        response: { 201: S.Cooperative, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await registers.createCooperative(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/economy/assets',
    {
      schema: {
        tags,
        summary: 'Collective assets in the area',
        querystring: S.ScopePageQuery,
        response: { 200: S.AssetPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => registers.listAssets(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/economy/assets',
    {
      schema: {
        tags,
        summary: 'Register a collective asset of a village',
        body: S.AssetBody,
        response: { 201: S.Asset, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await registers.createAsset(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/economy/contracts',
    {
      schema: {
        tags,
        summary: 'Contracts and leases in the area with their dues and overdue flags',
        querystring: S.ScopePageQuery,
        response: { 200: S.ContractPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => registers.listContracts(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/economy/contracts',
    {
      schema: {
        tags,
        summary: 'Register a contract or lease with its payment schedule',
        body: S.ContractBody,
        response: { 201: S.Contract, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await registers.createContract(deps, requireUser(req), req.body)),
  );
  app.post(
    '/api/economy/contracts/:id/dues/:due/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment received against a due (never more than is outstanding)',
        params: S.PaymentParams,
        body: S.PaymentBody,
        response: { 200: S.Contract, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => registers.recordPayment(deps, requireUser(req), req.params.id, req.params.due, req.body),
  );
  app.post(
    '/api/economy/incomes/imports',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import collective income (the template’s xlsx or csv): a dry run, or every row or none',
        querystring: S.ImportQuery,
        response: { 200: S.ImportOutcome, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      incomes.scopesFor(actor);
      const file = await uploadedSheet(req);
      return sheets.importIncomes(deps, actor, file, req.query.format ?? 'xlsx', req.query.mode);
    },
  );
  app.get(
    '/api/economy/incomes/template.xlsx',
    {
      schema: {
        tags,
        summary: 'The income import template (台账模板)',
        response: { 200: XlsxFile, ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => {
      incomes.scopesFor(requireUser(req));
      return sendXlsx(reply, 'collective-income-template', (out) => sheets.incomeTemplate(out, langOf(req)));
    },
  );
  app.post(
    '/api/economy/registers/:sheet/imports',
    {
      bodyLimit: MAX_SHEET_UPLOAD,
      schema: {
        tags,
        summary:
          'Import a register from the rural collective asset system’s xlsx export (assets, contracts with their dues, cooperatives): a dry run, or every row or none',
        params: S.ImportSheetParams,
        querystring: SheetImportQuery,
        response: { 200: SheetImportOutcome, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      incomes.scopesFor(actor);
      const file = await uploadedSheet(req);
      return imports.importRegister(deps, actor, req.params.sheet, file, req.query.format ?? 'xlsx', req.query.mode);
    },
  );
  app.get(
    '/api/economy/registers/:sheet/template.xlsx',
    {
      schema: {
        tags,
        summary: 'A register’s import template (Chinese headers as the asset system exports them)',
        params: S.ImportSheetParams,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      incomes.scopesFor(requireUser(req));
      return sendXlsx(reply, `${req.params.sheet}-template`, (out) => imports.registerTemplate(req.params.sheet, out));
    },
  );
  app.get(
    '/api/economy/registers/:sheet/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export a register of the area as 台账 (incomes of a year, cooperatives, contracts with dues)',
        params: S.SheetParams,
        querystring: S.ExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      incomes.scopesFor(actor);
      return sendXlsx(reply, req.params.sheet, (out) =>
        sheets.exportSheet(deps, actor, req.params.sheet, req.query.year, out, langOf(req)),
      );
    },
  );
  app.post(
    '/api/economy/disclosures',
    {
      schema: {
        tags,
        summary: 'Publish a village’s monthly finance summary to the 村务公开 board (category finance)',
        body: S.DisclosureBody,
        response: { 201: S.Disclosure, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await publishFinance(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/economy/my-village',
    {
      schema: {
        tags,
        summary: 'A resident’s village: its collective income for a year (default last year) and cooperatives',
        querystring: S.MyVillageQuery,
        response: { 200: S.MyVillage, ...errorResponses(400, 401) },
      },
    },
    async (req) => incomes.myVillage(deps, requireUser(req), req.query.year),
  );
}
