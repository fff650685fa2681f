/** The 四议两公开 and 村务公开 API: matters and their steps (console), the board (console and residents), the schedule (town). */
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { IdParams, ListQuery } from './deliberation.schema';
import * as board from './disclosures.service';
import * as S from './matters.schema';
import * as matters from './matters.service';

const tags = ['deliberation'];

export default async function mattersRoutes(app: App, deps: Deps) {
  app.get(
    '/api/matters',
    {
      schema: {
        tags,
        summary: '四议两公开 matters in my places, newest first',
        querystring: ListQuery,
        response: { 200: S.MatterPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => matters.listMatters(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/matters',
    {
      schema: {
        tags,
        summary: 'The village party organisation proposes a matter (村党组织提议)',
        body: S.NewMatter,
        response: { 201: S.Matter, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await matters.proposeMatter(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/matters/:id',
    {
      schema: {
        tags,
        summary: 'A matter with its whole history: steps, their meetings and votes, disclosures',
        params: IdParams,
        response: { 200: S.Matter, ...errorResponses(401, 404) },
      },
    },
    async (req) => matters.getMatter(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/matters/:id/steps',
    {
      schema: {
        tags,
        summary:
          'The next step, on its record: a voted motion for the deliberations; disclosures are published on the board',
        params: IdParams,
        body: S.StepBody,
        response: { 200: S.Matter, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => matters.recordStep(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/deliberation/matters/:id',
    {
      schema: {
        tags,
        summary: 'The public parts of a matter, for residents of its village',
        params: IdParams,
        response: { 200: S.Matter, ...errorResponses(401, 404) },
      },
    },
    async (req) => matters.publicMatter(deps, requireUser(req), req.params.id),
  );

  app.get(
    '/api/disclosures',
    {
      schema: {
        tags,
        summary: '村务公开 items of my places, newest first',
        querystring: ListQuery,
        response: { 200: S.DisclosurePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => board.staffBoard(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/disclosures',
    {
      schema: {
        tags,
        summary: 'Publish a 村务公开 item (general affairs, finances, major matters)',
        body: S.NewDisclosure,
        response: { 201: S.Disclosure, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await board.publish(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/disclosures/schedule',
    {
      schema: {
        tags,
        summary: 'The §30 schedule of the villages under a town: due dates and overdue flags',
        querystring: S.ScheduleQuery,
        response: { 200: S.SchedulePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => board.schedule(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/deliberation/board',
    {
      schema: {
        tags,
        summary: 'The 村务公开 board of my village, newest first',
        querystring: ListQuery,
        response: { 200: S.DisclosurePage, ...errorResponses(400, 401) },
      },
    },
    async (req) => board.residentBoard(deps, requireUser(req), req.query),
  );
}
