/** Near-duplicate reports (重复上报) for the dispatcher's case view and the reporter's form. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { similarToCase, similarToText } from './classifier.similar';
import { Similar, SimilarTextBody, SimilarToText } from './classifier.schema';
import { IdParams } from '../cases';

export default async function similarRoutes(app: App, deps: Deps) {
  app.get(
    '/api/cases/:id/similar',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Open reports within 250 m and 7 days that read like this case (top 5): candidates to reject it as a duplicate of',
        params: IdParams,
        response: { 200: Type.Array(Similar), ...errorResponses(401, 403, 404, 503) },
      },
    },
    async (req) => similarToCase(deps, requireUser(req), req.params.id),
  );

  app.post(
    '/api/cases/similar',
    {
      config: limitPerMinute(120),
      schema: {
        tags: ['cases'],
        summary:
          'Before submitting: open reports within 250 m and 7 days that read like this text (top 5), to follow instead',
        body: SimilarTextBody,
        response: { 200: Type.Array(SimilarToText), ...errorResponses(400, 401, 429, 503) },
      },
    },
    async (req) => similarToText(deps, requireUser(req), req.body),
  );
}
