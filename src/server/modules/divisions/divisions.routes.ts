import type { Deps } from '../../platform/deps';
import { type App, errorResponses } from '../../platform/http/types';
import { DivisionChildren, DivisionParams, DivisionSchema } from './divisions.schema';
import { getChildren, getDivision } from './divisions.service';

export default async function divisionRoutes(app: App, deps: Deps) {
  app.get(
    '/api/divisions/:code',
    {
      schema: {
        tags: ['divisions'],
        summary: 'One division (public)',
        params: DivisionParams,
        response: { 200: DivisionSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => getDivision(deps.db, req.params.code),
  );

  app.get(
    '/api/divisions/:code/children',
    {
      schema: {
        tags: ['divisions'],
        summary: 'The children of a division (public)',
        params: DivisionParams,
        response: { 200: DivisionChildren, ...errorResponses(400, 404) },
      },
    },
    async (req) => getChildren(deps.db, req.params.code),
  );
}
