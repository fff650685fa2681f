/** Red-errand routes (红色代办): the item list, asking, following, handling, rating; the console's board. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './errands.schema';
import * as svc from './errands.service';

const tags = ['services'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const stepErrors = errorResponses(400, 401, 403, 404, 409, 422);

export default async function errandRoutes(app: App, deps: Deps) {
  app.get(
    '/api/services/errand-items',
    {
      schema: {
        tags,
        summary: 'The county’s errand items offered now: kind, documents needed, time limit in working days',
        response: { 200: S.ErrandItemList, ...errorResponses(401) },
      },
    },
    async (req) => {
      requireUser(req);
      return svc.listItems(deps);
    },
  );
  app.put(
    '/api/services/console/errand-items',
    {
      schema: {
        tags,
        summary: 'Save an errand item by its code (county officers)',
        body: S.ErrandItemInput,
        response: { 200: S.ErrandItem, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.saveItem(deps, requireUser(req), req.body),
  );
  app.get(
    '/api/services/console/errand-items',
    {
      schema: {
        tags,
        summary: 'Every errand item of the county, offered or not',
        response: { 200: S.ErrandItemList, ...errorResponses(401) },
      },
    },
    async (req) => {
      requireUser(req);
      return svc.listItems(deps, true);
    },
  );
  app.post(
    '/api/services/errands',
    {
      schema: {
        tags,
        summary: 'Ask for an errand (staff for a resident: residentPhone and a reason, logged)',
        body: S.ErrandRequest,
        response: { 201: S.ErrandSummary, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.requestErrand(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/services/me/errands',
    {
      schema: {
        tags,
        summary: 'The errands I asked for, newest first',
        querystring: S.ErrandQuery,
        response: { 200: S.ErrandPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => svc.myErrands(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/me/errands/handling',
    {
      schema: {
        tags,
        summary: 'The errands given to me to handle, newest first',
        querystring: S.ErrandQuery,
        response: { 200: S.ErrandPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => svc.errandsToHandle(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/errands/:id',
    {
      schema: {
        tags,
        summary: 'One errand with its notes, documents and timeline (audited when read by anyone but the resident)',
        params: IdParams,
        response: { 200: S.ErrandDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.errandDetail(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/services/errands/:id/assign',
    {
      schema: {
        tags,
        summary: 'Give the errand to a party member or cadre of its village',
        params: IdParams,
        body: S.AssignBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.assignErrand(deps, requireUser(req), req.params.id, req.body.handlerId),
  );
  app.post(
    '/api/services/errands/:id/accept',
    {
      schema: {
        tags,
        summary: 'The handler accepts',
        params: IdParams,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.acceptErrand(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/services/errands/:id/decline',
    {
      schema: {
        tags,
        summary: 'The handler gives it back (with the reason)',
        params: IdParams,
        body: S.NoteBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.declineErrand(deps, requireUser(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/services/errands/:id/progress',
    {
      schema: {
        tags,
        summary: 'The handler reports progress (stored encrypted)',
        params: IdParams,
        body: S.NoteBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.progressErrand(deps, requireUser(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/services/errands/:id/finish',
    {
      schema: {
        tags,
        summary: 'The handler records the outcome: done, or could not be done',
        params: IdParams,
        body: S.FinishBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.finishErrand(deps, requireUser(req), req.params.id, req.body.success, req.body.outcome),
  );
  app.post(
    '/api/services/errands/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Withdraw the request (the resident or organising staff)',
        params: IdParams,
        body: S.OptionalNoteBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.cancelErrand(deps, requireUser(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/services/errands/:id/rate',
    {
      schema: {
        tags,
        summary: 'The resident rates the finished errand once, and may send thanks (锦旗/表扬)',
        params: IdParams,
        body: S.RateBody,
        response: { 200: S.ErrandSummary, ...stepErrors },
      },
    },
    async (req) => svc.rateErrand(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/services/console/errands',
    {
      schema: {
        tags,
        summary: 'The errand board: errands at the actor’s places (or a place within them, a period), newest first',
        querystring: S.ErrandBoardQuery,
        response: { 200: S.ErrandPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.errandBoard(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/console/errands/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Party members and embedded cadres of the errand’s village (at most 200)',
        params: IdParams,
        response: { 200: S.HandlerCandidates, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.candidatesFor(deps, requireUser(req), req.params.id),
  );
}
