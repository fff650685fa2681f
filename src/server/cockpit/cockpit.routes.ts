/**
 * GET /api/cockpit (a signed-in viewer's cockpit of a place) and GET /api/cockpit/screen (a big
 * screen's, by its token: no session, rate-limited like the other anonymous routes). Registered by
 * app.ts with the list of modules, whose panels the joiner collects.
 */
import type { LoadedModule } from '../assembly';
import type { Deps } from '../platform/deps';
import { requireUser } from '../platform/http/request-context';
import { type App, errorResponses } from '../platform/http/types';
import { CockpitAnswer, CockpitQuery } from './cockpit.schema';
import { cockpitFor } from './cockpit.service';
import { registerReports } from './report/report.routes';

const tags = ['cockpit'];

export function registerCockpit(app: App, deps: Deps, modules: readonly LoadedModule[]) {
  app.get(
    '/api/cockpit',
    {
      schema: {
        tags,
        summary:
          'The cockpit (驾驶舱) of a place for a period: every module’s panels with the previous period and last year (village/town/county officers; department handlers: their departments)',
        querystring: CockpitQuery,
        response: { 200: CockpitAnswer, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => cockpitFor(deps, modules, requireUser(req), req.query),
  );
  registerReports(app, deps, modules);
}
