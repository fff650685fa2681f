import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './worklists.schema';
import * as svc from './worklists.service';

const tags = ['worklists'];

export default async function worklistRoutes(app: App, deps: Deps) {
  app.get(
    '/api/worklists/problems',
    {
      schema: {
        tags,
        summary:
          'Problems of the three lists at your places (staff), or the ones you raised (a resident), newest first',
        querystring: S.ProblemQuery,
        response: { 200: S.ProblemPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.listProblems(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/worklists/problems',
    {
      schema: {
        tags,
        summary:
          'List a problem from a meeting, a proposal, a case (readable by you, in the village) or by hand, with its first tasks',
        body: S.NewProblemBody,
        response: { 201: S.Created, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createManualProblem(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/worklists/problems/:id',
    {
      schema: {
        tags,
        summary: 'A problem with its tasks and effect',
        params: IdParams,
        response: { 200: S.ProblemDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.problemDetail(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/worklists/problems/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task (owner, deadline) to an open problem',
        params: IdParams,
        body: S.NewTask,
        response: { 201: S.Created, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.addTask(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/worklists/tasks/:id/done',
    {
      schema: {
        tags,
        summary: 'The task owner (or an officer of the village) reports the task done',
        params: IdParams,
        body: S.TaskDoneBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.finishTask(deps, requireUser(req), req.params.id, req.body.outcome),
  );
  app.post(
    '/api/worklists/problems/:id/effect',
    {
      schema: {
        tags,
        summary: 'Record the effect once every task is done (closes it, or waits for the resident who raised it)',
        params: IdParams,
        body: S.EffectBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => svc.recordEffect(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    '/api/worklists/problems/:id/confirm',
    {
      schema: {
        tags,
        summary: 'The resident who raised the problem confirms the effect or disputes it',
        params: IdParams,
        body: S.ConfirmBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => svc.answerEffect(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/worklists/summary',
    {
      schema: {
        tags,
        summary: 'Problems, tasks, effects and "七个一" results per village or per partner unit',
        querystring: S.SummaryQuery,
        response: { 200: S.Summary, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.worklistSummary(deps, requireUser(req), req.query),
  );
}
