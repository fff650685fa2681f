import { PassThrough } from 'node:stream';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { hasRole } from '../access';
import { type App, errorResponses, fileBody, limitPerMinute, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { cachedCategories, createLocalCategory, editCategory } from './categories.service';
import { addFollower, findCase } from './cases.repo';
import { listNotifications, markRead } from './notifications.repo';
import { caseReadScope } from './cases.policy';
import { findReadableCase } from './case-scope.repo';
import { submitReport } from './intake.service';
import { attachStagedPhotos, checkStagedPhotos } from './staged-photos.service';
import { describePlace, myRegisteredPlaces } from './report-location';
import { revealReporter } from './reveal.service';
import { applyEvent } from './loop.service';
import { EventBody, type EventInput } from './events/table';
import { getCase, listHandlingCandidates, nearbySameCategory, presentCase } from './queries.service';
import { listQueue } from './case-list.service';
import { exportCases } from './case-export.service';
import { writeCasesXlsx } from './case-export';
import { shanghaiDay } from './case-filters';
import {
  CandidatesQuery,
  CandidateList,
  CaseDetail,
  CaseExportQuery,
  CasePage,
  CaseView,
  IdParams,
  MarkReadBody,
  Marked,
  NearbyCase,
  NearbyQuery,
  NotificationPage,
  NotificationQuery,
  PlaceQuery,
  PlaceView,
  QueueQuery,
  RegisteredPlace,
  ReportBody,
  ReportHeaders,
  RevealedReporter,
} from './cases.schema';
import { CategoriesQuery, CategoryParams, CategoryPatchBody, CategoryView, NewCategoryBody } from './categories.schema';

export default async function caseRoutes(app: App, deps: Deps) {
  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The category tree (GB/T 47678.5-2026 and local categories); includeInactive for category administrators',
        querystring: CategoriesQuery,
        response: { 200: Type.Array(CategoryView), ...errorResponses(400) },
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
        headers: ReportHeaders,
        response: { 200: CaseView, 201: CaseView, ...errorResponses(400, 401, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const { photoIds = [], ...report } = req.body;
      await checkStagedPhotos(deps, actor, photoIds);
      const r = await submitReport(deps, actor, report, {
        source: actor.userKind === 'staff' ? 'console' : 'app',
        idempotencyKey: req.headers['idempotency-key'],
      });
      await attachStagedPhotos(deps, actor, r.case, photoIds);
      return reply.status(r.replayed ? 200 : 201).send(presentCase(actor, r.case));
    },
  );

  app.get(
    '/api/cases/nearby',
    {
      schema: {
        tags: ['cases'],
        summary: 'Open reports of the same category within 250 m (offered before submitting)',
        querystring: NearbyQuery,
        response: { 200: Type.Array(NearbyCase), ...errorResponses(400) },
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
        querystring: PlaceQuery,
        response: { 200: PlaceView, ...errorResponses(400, 401) },
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
        response: { 200: Type.Array(RegisteredPlace), ...errorResponses(401) },
      },
    },
    async (req) => myRegisteredPlaces(deps, requireUser(req)),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Work queues (triage, tasks, verify, overdue, due_soon, supervised, mine) and every case you may read (all): filtered, sorted (reported time or deadline), a page at a time',
        querystring: QueueQuery,
        response: { 200: CasePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listQueue(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/cases/export.xlsx',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Every case you may read with the list filters, as an xlsx ledger (staff; at most 50,000 rows; audited; phone and ID numbers masked)',
        querystring: CaseExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { lines } = await exportCases(deps, requireUser(req), req.query);
      const stream = new PassThrough();
      void writeCasesXlsx(lines, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="cases-${shanghaiDay(deps.clock.now())}.xlsx"`)
        .send(fileBody(stream));
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          'A case with its timeline and the actions you may take (staff: every step, rule trace, handler; residents: the public steps)',
        params: IdParams,
        response: { 200: CaseDetail, ...errorResponses(400, 401, 404) },
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
        params: IdParams,
        response: { 200: RevealedReporter, ...errorResponses(401, 403, 404) },
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
        params: IdParams,
        querystring: CandidatesQuery,
        response: { 200: CandidateList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listHandlingCandidates(deps, requireUser(req), req.params.id, req.query),
  );

  app.post(
    '/api/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Take a step in the loop: file, reject, dispatch, accept, send_back, progress, request/approve/deny suspension, resume, feedback, verify, rate, reopen, supervise',
        params: IdParams,
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
        params: IdParams,
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
      schema: {
        tags: ['cases'],
        summary: 'My notifications, newest first, a page at a time',
        querystring: NotificationQuery,
        response: { 200: NotificationPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      return listNotifications(deps.db, actor.userId, caseReadScope(actor), req.query);
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['cases'],
        summary: 'Mark my notifications read (the given ids, or all)',
        body: MarkReadBody,
        response: { 200: Marked, ...errorResponses(400, 401) },
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

export async function categoryAdminRoutes(app: App, deps: Deps) {
  app.patch(
    '/api/categories/:code',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Edit a category: tier, department, time limits, extra fields, synonyms, public, active (county officers)',
        params: CategoryParams,
        body: CategoryPatchBody,
        response: { 200: CategoryView, ...errorResponses(400, 401, 403, 404, 409) },
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
        body: NewCategoryBody,
        response: { 201: CategoryView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createLocalCategory(deps, requireUser(req), req.body)),
  );
}
