import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './rollups.schema';
import { casesTable } from './rollups.service';

export default async function rollupRoutes(app: App, deps: Deps) {
  app.get(
    '/api/rollups/cases',
    {
      schema: {
        tags: ['rollups'],
        summary:
          'Case indicators per town, village, grid, category or department for whole days, from the rollup (as /api/indicators; same viewers)',
        querystring: S.CasesTableQuery,
        response: { 200: S.IndicatorTable, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => casesTable(deps, requireUser(req), req.query),
  );
}
