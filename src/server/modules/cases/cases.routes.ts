import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { hasRole } from '../access';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { cachedCategories, createLocalCategory, editCategory } from './categories.service';
import { addFollower, findCase } from './cases.repo';
import { listNotifications, markRead } from './notifications.repo';
import { caseReadScope } from './cases.policy';
import { findReadableCase } from './case-scope.repo';
import { submitReport } from './intake.service';
import { describePlace, myRegisteredPlaces } from './report-location';
import { revealReporter } from './reveal.service';
import { applyEvent } from './loop.service';
import { EventBody, type EventInput } from './events/table';
import { getCase, listHandlingCandidates, listQueue, nearbySameCategory, presentCase } from './queries.service';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** A case as returned to staff and reporters: every column plus `actions` (the events you may take). */
const CaseView = Type.Unknown({
  description: 'Case: id, number, title, state, tier, categoryCode, location, deadlines, ruleTrace, actions[]',
});
const Candidate = Type.Object({
  userId: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  role: Type.String(),
  scopeCode: Type.String(),
  scopeName: Type.String(),
  departmentCode: Type.Union([Type.String(), Type.Null()]),
});

const ReportBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 60 })),
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    categoryCode: Type.String({ maxLength: 10 }),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    locationSource: Type.Optional(
      Type.Union([Type.Literal('gps'), Type.Literal('map'), Type.Literal('household')], {
        description:
          "where the location comes from: gps (the phone's position) or map (a pick) with lng/lat — coordinates without a source count as a map pick — or household (the reporter's registered household, no lng/lat). A report without any location is refused (422 location_missing)",
      }),
    ),
    householdCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{22}$',
        description: 'with locationSource household: which household (required for staff reporting on behalf)',
      }),
    ),
    coordSystem: Type.Optional(Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')])),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    urgency: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('critical')])),
    anonymous: Type.Optional(Type.Boolean()),
    extra: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    onBehalfOf: Type.Optional(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 40 }), phone: Type.Optional(Type.String({ maxLength: 20 })) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export default async function caseRoutes(app: App, deps: Deps) {
  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The category tree (GB/T 47678.5-2026 and local categories); includeInactive for category administrators',
        querystring: Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      const all = await cachedCategories(deps.db);
      return req.query.includeInactive && hasRole(req.actor, 'county_officer') ? all : all.filter((c) => c.active);
    },
  );

  app.post(
    '/api/cases',
    {
      config: limitPerMinute(deps.config.rateLimit.publicWritePerMinute),
      schema: {
        tags: ['cases'],
        summary:
          'Report a problem (resident app or console; staff may report on behalf of a resident). Idempotency-Key header honoured.',
        body: ReportBody,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        response: { 200: CaseView, 201: CaseView, ...errorResponses(400, 401, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const r = await submitReport(deps, actor, req.body, {
        source: actor.userKind === 'staff' ? 'console' : 'app',
        idempotencyKey: req.headers['idempotency-key'],
      });
      return reply.status(r.replayed ? 200 : 201).send(presentCase(actor, r.case));
    },
  );

  app.get(
    '/api/cases/nearby',
    {
      schema: {
        tags: ['cases'],
        summary: 'Open reports of the same category within 250 m (offered before submitting)',
        querystring: Type.Object(
          { categoryCode: Type.String({ maxLength: 10 }), lng: Type.Number(), lat: Type.Number() },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => nearbySameCategory(deps, req.query.categoryCode, req.query.lng, req.query.lat),
  );

  app.get(
    '/api/cases/place',
    {
      schema: {
        tags: ['cases'],
        summary: 'The names of the place at a point (town, village, grid), shown to the reporter before submitting',
        querystring: Type.Object(
          {
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            coordSystem: Type.Optional(Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')])),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            inCounty: Type.Boolean(),
            gridCode: Type.Union([Type.String(), Type.Null()]),
            names: Type.Array(Type.String()),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      requireUser(req);
      return describePlace(deps, req.query.lng, req.query.lat, req.query.coordSystem);
    },
  );

  app.get(
    '/api/cases/registered-places',
    {
      schema: {
        tags: ['cases'],
        summary: "The signed-in resident's registered households a report may be placed at (我家)",
        response: {
          200: Type.Array(
            Type.Object({
              householdCode: Type.String(),
              address: Type.String(),
              gridName: Type.String(),
              located: Type.Boolean(),
            }),
          ),
          ...errorResponses(401),
        },
      },
    },
    async (req) => myRegisteredPlaces(deps, requireUser(req)),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Work queues: triage, tasks, verify, overdue, due_soon, supervised, mine, all',
        querystring: Type.Object(
          {
            queue: Type.Union(
              ['triage', 'tasks', 'verify', 'overdue', 'due_soon', 'supervised', 'mine', 'all'].map((q) =>
                Type.Literal(q),
              ),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => listQueue(deps, requireUser(req), req.query.queue as never, req.query.limit),
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its timeline, rule trace and the actions you may take',
        params: Id,
      },
    },
    async (req) => getCase(deps, requireUser(req), req.params.id),
  );

  app.post(
    '/api/cases/:id/reporter/reveal',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Who reported the case, with phone (anonymous reports included): personal-data viewers in scope only; every reveal is audited',
        params: Id,
        response: {
          200: Type.Object({
            reporterId: Type.Union([Type.String(), Type.Null()]),
            name: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
            anonymous: Type.Boolean(),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req) => revealReporter(deps, requireUser(req), req.params.id),
  );

  app.get(
    '/api/cases/:id/handling-candidates',
    {
      schema: {
        tags: ['cases'],
        summary:
          "Staff a dispatcher may give the case to: grid workers and village officers of its grid or village, handlers of the department (default: the case's)",
        params: Id,
        querystring: Type.Object(
          { departmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Candidate), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listHandlingCandidates(deps, requireUser(req), req.params.id, req.query.departmentCode),
  );

  app.post(
    '/api/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Take a step in the loop: file, reject, dispatch, accept, send_back, progress, request/approve/deny suspension, resume, feedback, verify, rate, reopen, supervise',
        params: Id,
        body: EventBody,
        response: { 200: CaseView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      presentCase(req.actor, await applyEvent(deps, requireUser(req), req.params.id, req.body as EventInput)),
  );

  app.post(
    '/api/cases/:id/follow',
    {
      schema: {
        tags: ['cases'],
        summary: 'Follow an existing report instead of filing a duplicate',
        params: Id,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const c = await findCase(deps.db, req.params.id);
      if (!c || (!c.isPublic && !(await findReadableCase(deps.db, c.id, caseReadScope(actor)))))
        throw new AppError('not_found', { what: `case ${req.params.id}` });
      await deps.db.transaction((tx) => addFollower(tx, c.id, actor.userId, deps.clock.now()));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: { tags: ['cases'], summary: 'My notifications, newest first' },
    },
    async (req) => {
      const actor = requireUser(req);
      return listNotifications(deps.db, actor.userId, caseReadScope(actor), 100);
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['cases'],
        summary: 'Mark my notifications read (the given ids, or all)',
        body: Type.Object(
          { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      return {
        marked: await deps.db.transaction((tx) => markRead(tx, actor.userId, req.body.ids ?? null, deps.clock.now())),
      };
    },
  );
}

const Limit = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 365 }),
    unit: Type.Union([Type.Literal('working_hours'), Type.Literal('working_days'), Type.Literal('calendar_days')]),
  },
  { additionalProperties: false },
);
const CategoryFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  nameEn: Type.Union([Type.String({ maxLength: 80 }), Type.Null()]),
  synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 }),
  defaultTier: Type.Union([Type.Literal('grid'), Type.Literal('village'), Type.Literal('department')]),
  departmentKey: Type.Union([Type.String({ pattern: '^[a-z0-9]{2,10}$' }), Type.Null()]),
  timeLimits: Type.Object(
    {
      response: Limit,
      dispatch: Limit,
      handle: Type.Object({ normal: Limit, urgent: Limit, critical: Limit }, { additionalProperties: false }),
      verify: Limit,
    },
    { additionalProperties: false },
  ),
  extraFields: Type.Array(
    Type.Object(
      {
        key: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,30}$' }),
        label: Type.Object(
          { zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
        type: Type.Union([
          Type.Literal('string'),
          Type.Literal('number'),
          Type.Literal('boolean'),
          Type.Literal('enum'),
        ]),
        required: Type.Boolean(),
        options: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  isPublic: Type.Boolean(),
};

export async function categoryAdminRoutes(app: App, deps: Deps) {
  app.patch(
    '/api/categories/:code',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Edit a category: tier, department, time limits, extra fields, synonyms, public, active (county officers)',
        params: Type.Object({ code: Type.String({ maxLength: 10 }) }),
        body: Type.Partial(Type.Object({ ...CategoryFields, active: Type.Boolean() }), { additionalProperties: false }),
      },
    },
    async (req) => editCategory(deps, requireUser(req), req.params.code, req.body),
  );

  app.post(
    '/api/categories',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a local category (county officers)',
        body: Type.Object(CategoryFields, { additionalProperties: false }),
      },
    },
    async (req, reply) => reply.status(201).send(await createLocalCategory(deps, requireUser(req), req.body)),
  );
}
