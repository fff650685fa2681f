/** Problems in plain words: the resident app's list, the console's editing (county officers). */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import {
  NewProblemWordBody,
  ProblemWordParams,
  ProblemWordPatchBody,
  ProblemWordsQuery,
  ProblemWordView,
} from './problem-words.schema';
import { createProblemWord, editProblemWord, listProblemWords } from './problem-words.service';

export default async function problemWordRoutes(app: App, deps: Deps) {
  app.get(
    '/api/problem-words',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Common problems in plain words, each with the category its case is filed under (enabled ones; includeDisabled for county officers)',
        querystring: ProblemWordsQuery,
        response: { 200: Type.Array(ProblemWordView), ...errorResponses(400) },
      },
    },
    async (req) => listProblemWords(deps, req.actor, req.query.includeDisabled),
  );

  app.post(
    '/api/problem-words',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a common problem (county officers); a term belongs to one problem only',
        body: NewProblemWordBody,
        response: { 201: ProblemWordView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createProblemWord(deps, requireUser(req), req.body)),
  );

  app.patch(
    '/api/problem-words/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Edit a common problem: word, synonyms, category, order, enabled (county officers)',
        params: ProblemWordParams,
        body: ProblemWordPatchBody,
        response: { 200: ProblemWordView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => editProblemWord(deps, requireUser(req), req.params.id, req.body),
  );
}
