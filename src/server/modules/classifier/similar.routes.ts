/** Near-duplicate reports (重复上报) for the dispatcher's case view and the reporter's form. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { similarToCase, similarToText } from './classifier.similar';

const Similar = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'case number, for "same as case N" (reject as duplicate: duplicateOf)' }),
  title: Type.String(),
  state: Type.String(),
  categoryCode: Type.String(),
  distanceMeters: Type.Integer(),
  similarity: Type.Number({ description: 'text similarity 0..1' }),
});

export default async function similarRoutes(app: App, deps: Deps) {
  app.get(
    '/api/cases/:id/similar',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Open reports within 250 m and 7 days that read like this case (top 5): candidates to reject it as a duplicate of',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
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
        body: Type.Object(
          {
            description: Type.String({ minLength: 2, maxLength: 2000 }),
            title: Type.Optional(Type.String({ maxLength: 60 })),
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            coordSystem: Type.Optional(Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')])),
            categoryCode: Type.Optional(Type.String({ maxLength: 10 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              ...Similar.properties,
              sameCategory: Type.Union([Type.Boolean(), Type.Null()], {
                description: 'same category as the one chosen (null: none chosen)',
              }),
            }),
          ),
          ...errorResponses(400, 401, 429, 503),
        },
      },
    },
    async (req) => similarToText(deps, requireUser(req), req.body),
  );
}
