/** A visit's needs turned into a case or a three-lists problem after the visit (the visit record page). */
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './care.schema';
import { needToCase, needToProblem, visitOutcomes } from './visit-needs.service';

const tags = ['care'];

export default async function visitNeedsRoutes(app: App, deps: Deps) {
  app.post(
    '/api/care/visits/:id/case',
    {
      schema: {
        tags,
        summary: "File a need found on the visit as a case on the resident's behalf (source: visit)",
        params: IdParams,
        body: S.NeedCaseBody,
        response: { 201: S.NeedCaseResult, ...errorResponses(400, 401, 404, 422, 429) },
      },
    },
    async (req, reply) => reply.code(201).send(await needToCase(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/care/visits/:id/problem',
    {
      schema: {
        tags,
        summary: 'List a need found on the visit as a problem on the three lists (source: visit), with its tasks',
        params: IdParams,
        body: S.Need,
        response: { 201: S.NeedProblemResult, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await needToProblem(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/care/visits/:id/outcomes',
    {
      schema: {
        tags,
        summary: "What the visit's needs became: cases (by number) and three-lists problems",
        params: IdParams,
        response: { 200: S.VisitOutcomes, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => visitOutcomes(deps, requireUser(req), req.params.id),
  );
}
