import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { classify, classifierStatus, classifyCategories } from './classifier.service';

const Reasons = Type.Array(Type.Object({ term: Type.String(), weight: Type.Number() }), {
  description: 'the words that drove the suggestion',
});
const Suggestion = Type.Object({
  label: Type.String({ description: 'department line (部门条线)' }),
  probability: Type.Number(),
  reasons: Reasons,
  departmentCode: Type.Union([Type.String(), Type.Null()], { description: 'the county department this line maps to' }),
});
const CategorySuggestion = Type.Object({
  code: Type.String(),
  name: Type.String(),
  probability: Type.Number(),
  reasons: Reasons,
});

export default async function classifierRoutes(app: App, deps: Deps) {
  app.post(
    '/api/classify',
    {
      config: limitPerMinute(120),
      schema: {
        tags: ['cases'],
        summary:
          'Suggest the department line of a report text: top-k labels with probabilities and reasons. With withCategories: ' +
          '{labels, categories}, categories being the top-k case categories from the county category model (null while there is none).',
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ maxLength: 20000 })),
            title: Type.Optional(Type.String({ maxLength: 2000 })),
            body: Type.Optional(Type.String({ maxLength: 20000 })),
            k: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
            withCategories: Type.Optional(
              Type.Boolean({ description: 'answer {labels, categories} instead of the array of labels' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Union([
            Type.Array(Suggestion),
            Type.Object({
              labels: Type.Array(Suggestion),
              categories: Type.Union([Type.Array(CategorySuggestion), Type.Null()], {
                description: 'null: no county category model yet (see GET /api/classifier/status)',
              }),
            }),
          ]),
          ...errorResponses(400, 401, 503),
        },
      },
    },
    async (req) => {
      requireUser(req);
      const labels = await classify(deps, req.body);
      return req.body.withCategories ? { labels, categories: await classifyCategories(deps, req.body) } : labels;
    },
  );

  app.get(
    '/api/classifier/status',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The classifier models in use (shipped or county-trained), when trained, and how they scored; why a model is missing',
      },
    },
    async (req) => {
      const actor = requireUser(req);
      if (actor.userKind !== 'staff') throw new AppError('forbidden');
      return classifierStatus(deps);
    },
  );
}
