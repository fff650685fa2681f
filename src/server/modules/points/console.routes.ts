/** The staff console's points API: rules, approval, publicity and objections, manual awards, shop, pickup desk, reports. */
import { PassThrough } from 'node:stream';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import {
  listAwardQueue,
  listObjectionQueue,
  resolveObjection,
  type StaffStep,
  stepAwardAsStaff,
} from './approval.service';
import { createRuleVersion, listRuleVersions, manualAward } from './earning.service';
import { getSettings, personReport, putSettings, villageReport } from './ledger.service';
import { confirmPlaceRequest, listPlaceRequests } from './places.service';
import { ledgerLines, writePointsXlsx } from './points.export';
import { confirmPickup } from './redemption.service';
import { createItem, itemsForStaff, restockItem, updateItem } from './shop.service';

const P = '/api/points/console';
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Code = Type.String({ pattern: '^[0-9]{6,20}$' });
const Points = Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'a positive whole number' });
const Cap = Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 1_000_000 })]);
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Award = Type.Unknown({
  description: 'Award: id, rule, person, issuer, kind, amount, reason, state, publicityUntil, actions[]',
});
const Item = Type.Unknown({ description: 'Item with yuanValue, exchange and actions[]' });
const Scope = Type.Object({ scope: Type.Optional(Code) }, { additionalProperties: false });

const RuleBody = Type.Object(
  {
    scopeCode: Code,
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    kind: Type.Union([Type.Literal('earn'), Type.Literal('deduct')]),
    source: Type.Union([Type.Literal('cases.filed'), Type.Literal('manual')]),
    amount: Points,
    dailyCap: Type.Optional(Cap),
    monthlyCap: Type.Optional(Cap),
    effectiveFrom: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

const StepBody = Type.Union([
  Type.Object(
    { type: Type.Union([Type.Literal('approve'), Type.Literal('review'), Type.Literal('publish')]) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('reject'), reason: Reason }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('resolve'), upheld: Type.Boolean(), reason: Reason },
    { additionalProperties: false },
  ),
]);

const ItemBody = Type.Object(
  {
    divisionCode: Code,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    pricePoints: Points,
    stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    perPersonLimit: Type.Optional(Cap),
    photoUrl: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500 })])),
  },
  { additionalProperties: false },
);

const ItemPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    pricePoints: Type.Optional(Points),
    perPersonLimit: Type.Optional(Cap),
    photoUrl: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500 })])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const SettingsBody = Type.Object(
  {
    exchangePoints: Type.Integer({ minimum: 1, maximum: 10_000 }),
    exchangeYuan: Type.Number({ minimum: 0.01, maximum: 100_000 }), // numeric(10,2): less than a fen rounds to 0
    publicityDays: Type.Integer({ minimum: 0, maximum: 60 }),
    reservationHours: Type.Integer({ minimum: 1, maximum: 720 }),
    expiryMonths: Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 120 })]),
    deskMaxFailures: Type.Integer({ minimum: 1, maximum: 100 }),
    deskLockMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    overrideFactor: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: 'an adjusted award is at most this many times the rule’s amount (default 10)',
      }),
    ),
    overrideMonthlyCap: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'adjusted points per person per month (default 200)',
      }),
    ),
  },
  { additionalProperties: false },
);

export default async function consolePointsRoutes(app: App, deps: Deps) {
  app.get(`${P}/rules`, { schema: { tags: ['points'], summary: 'Rule versions in and above my scope' } }, async (req) =>
    listRuleVersions(deps, requireUser(req)),
  );
  app.post(
    `${P}/rules`,
    {
      schema: {
        tags: ['points'],
        summary: 'A new rule version, effective from now or later (never backwards)',
        body: RuleBody,
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createRuleVersion(deps, requireUser(req), req.body)),
  );

  app.get(
    `${P}/awards`,
    {
      schema: {
        tags: ['points'],
        summary: 'Award queues: approval (pending, reviewed), publicity, done, all',
        querystring: Type.Object(
          {
            queue: Type.Union(['approval', 'publicity', 'done', 'all'].map((q) => Type.Literal(q))),
            userId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => listAwardQueue(deps, requireUser(req), req.query.queue as 'approval', req.query.userId),
  );
  app.post(
    `${P}/awards`,
    {
      schema: {
        tags: ['points'],
        summary:
          'Manual award or deduction under a rule item (volunteer service, …); then review and publicity. Never for oneself or one’s household; ' +
          'an amount other than the rule’s needs amountReason, stays within the caps and awaits a second person’s approval',
        body: Type.Object(
          {
            userId: Type.String({ format: 'uuid' }),
            ruleCode: Type.String({ maxLength: 40 }),
            placeCode: Code,
            reason: Reason,
            amount: Type.Optional(Points),
            amountReason: Type.Optional(Type.String({ maxLength: 500 })),
            sourceRef: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Award, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await manualAward(deps, requireUser(req), req.body)),
  );
  app.post(
    `${P}/awards/:id/steps`,
    {
      schema: {
        tags: ['points'],
        summary:
          'Approve an adjusted amount, review, publish, reject, or resolve an objection (never one’s own creation, self or household)',
        params: Id,
        body: StepBody,
        response: { 200: Award, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => stepAwardAsStaff(deps, requireUser(req), req.params.id, req.body as StaffStep),
  );

  app.get(
    `${P}/objections`,
    {
      schema: {
        tags: ['points'],
        summary: 'Objections raised during publicity',
        querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (req) => listObjectionQueue(deps, requireUser(req), req.query.open ?? true),
  );
  app.post(
    `${P}/objections/:id/resolve`,
    {
      schema: {
        tags: ['points'],
        summary: 'Resolve an objection: upheld rejects the award, dismissed returns it to publicity',
        params: Id,
        body: Type.Object({ upheld: Type.Boolean(), reason: Reason }, { additionalProperties: false }),
      },
    },
    async (req) => resolveObjection(deps, requireUser(req), req.params.id, req.body.upheld, req.body.reason),
  );

  app.get(
    `${P}/places`,
    { schema: { tags: ['points'], summary: 'Residents asking to make a village in my scope their shop place' } },
    async (req) => listPlaceRequests(deps, requireUser(req)),
  );
  app.post(
    `${P}/places/:id/confirm`,
    {
      schema: {
        tags: ['points'],
        summary: 'Confirm the shop place a resident asked for',
        params: Id,
        body: Type.Object({ divisionCode: Code }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => confirmPlaceRequest(deps, requireUser(req), req.params.id, req.body.divisionCode),
  );

  app.get(
    `${P}/items`,
    { schema: { tags: ['points'], summary: 'Shop items in my scope', response: { 200: Type.Array(Item) } } },
    async (req) => itemsForStaff(deps, requireUser(req)),
  );
  app.post(
    `${P}/items`,
    {
      schema: {
        tags: ['points'],
        summary: 'Add an item to a village, community or town shop',
        body: ItemBody,
        response: { 201: Item, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await createItem(deps, requireUser(req), req.body)),
  );
  app.patch(
    `${P}/items/:id`,
    {
      schema: {
        tags: ['points'],
        summary: 'Change an item (not its stock)',
        params: Id,
        body: ItemPatch,
        response: { 200: Item, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateItem(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    `${P}/items/:id/restock`,
    {
      schema: {
        tags: ['points'],
        summary: 'Add stock',
        params: Id,
        body: Type.Object({ quantity: Points }, { additionalProperties: false }),
        response: { 200: Item, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => restockItem(deps, requireUser(req), req.params.id, req.body.quantity),
  );

  app.post(
    `${P}/pickup`,
    {
      schema: {
        tags: ['points'],
        summary:
          'Pickup desk: confirm a reservation by its 6-digit code or QR payload (5 wrong codes in a row lock the desk)',
        body: Type.Object(
          { code: Type.String({ pattern: '^([0-9]{6}|cocreate:points:pickup:[0-9a-f-]{36}:[0-9]{6})$' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 404, 410, 423) },
      },
    },
    async (req) => confirmPickup(deps, requireUser(req), req.body.code),
  );

  app.get(
    `${P}/reports/places`,
    {
      schema: {
        tags: ['points'],
        summary: 'Ledger per village/town: issued, deducted, reserved, redeemed',
        querystring: Scope,
      },
    },
    async (req) => villageReport(deps, requireUser(req), req.query.scope),
  );
  app.get(
    `${P}/reports/people/:id`,
    { schema: { tags: ['points'], summary: 'One person’s balance and ledger', params: Id } },
    async (req) => personReport(deps, requireUser(req), req.params.id),
  );
  app.get(
    `${P}/reports/export.xlsx`,
    {
      schema: {
        tags: ['points'],
        summary: 'The points ledger (积分台账) as xlsx',
        querystring: Type.Object(
          { scope: Type.Optional(Code), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const rows = await ledgerLines(deps, requireUser(req), req.query.scope, req.query.limit ?? 50_000);
      const stream = new PassThrough();
      void writePointsXlsx(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="points-${deps.clock.now().toISOString().slice(0, 10)}.xlsx"`,
        )
        .send(stream);
    },
  );

  app.get(
    `${P}/settings/:scope`,
    {
      schema: {
        tags: ['points'],
        summary: 'Points settings in force at a place',
        params: Type.Object({ scope: Code }),
      },
    },
    async (req) => getSettings(deps, requireUser(req), req.params.scope),
  );
  app.put(
    `${P}/settings/:scope`,
    {
      schema: {
        tags: ['points'],
        summary: 'Set points settings for a town (or the county: system administrator)',
        params: Type.Object({ scope: Code }),
        body: SettingsBody,
      },
    },
    async (req) => putSettings(deps, requireUser(req), req.params.scope, req.body),
  );
}
