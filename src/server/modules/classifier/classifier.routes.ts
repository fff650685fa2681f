import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { classify } from './classifier.service';

const Suggestion = Type.Object({
  label: Type.String({ description: 'department line (部门条线)' }),
  probability: Type.Number(),
  reasons: Type.Array(Type.Object({ term: Type.String(), weight: Type.Number() }), { description: 'the words that drove the suggestion' }),
  departmentCode: Type.Union([Type.String(), Type.Null()], { description: 'the county department this line maps to' }),
});

export default async function classifierRoutes(app: App, deps: Deps) {
  app.post('/api/classify', {
    config: limitPerMinute(120),
    schema: {
      tags: ['cases'], summary: 'Suggest the department line of a report text: top-k labels with probabilities and reasons',
      body: Type.Object({
        text: Type.Optional(Type.String({ maxLength: 20000 })), title: Type.Optional(Type.String({ maxLength: 2000 })),
        body: Type.Optional(Type.String({ maxLength: 20000 })), k: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(Suggestion), ...errorResponses(400, 401, 503) },
    },
  }, async (req) => {
    requireUser(req);
    return classify(deps, req.body);
  });
}
