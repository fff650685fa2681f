import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { type App, errorResponses } from '../../platform/http/types';
import { getChildren, getDivision } from './divisions.service';

export const DivisionSchema = Type.Object(
  {
    code: Type.String({ description: 'national statistical code (2/4/6/9/12 digits)' }),
    name: Type.String(),
    kind: Type.String({
      description:
        'province | city | county | street | town | township | other_town | residents_committee | village_committee | other_village | grid',
    }),
    level: Type.Integer({ description: '1 province … 5 village/community, 6 grid' }),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    childCount: Type.Integer(),
  },
  { description: 'A division of the national statistical tree' },
);

const Params = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,15}$' }) });

export default async function divisionRoutes(app: App, deps: Deps) {
  app.get(
    '/api/divisions/:code',
    {
      schema: {
        tags: ['divisions'],
        summary: 'One division (public)',
        params: Params,
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
        params: Params,
        response: { 200: Type.Array(DivisionSchema), ...errorResponses(400, 404) },
      },
    },
    async (req) => getChildren(deps.db, req.params.code),
  );
}
