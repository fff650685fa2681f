/**
 * GET /api/cockpit (a signed-in viewer's cockpit of a place) and GET /api/cockpit/screen (a big
 * screen's, by its token: no session, rate-limited like the other anonymous routes). Registered by
 * app.ts with the list of modules, whose panels the joiner collects.
 */
import type { LoadedModule } from '../assembly';
import type { Deps } from '../platform/deps';
import { requireUser } from '../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../platform/http/types';
import { cockpitMap, screenToken } from '../modules/cockpit';
import { CockpitAnswer, CockpitMapAnswer, CockpitQuery, ScreenQuery } from './cockpit.schema';
import { cockpitFor, screenCockpit, screenView, viewerView } from './cockpit.service';
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

  app.get(
    '/api/cockpit/screen',
    {
      config: limitPerMinute(deps.config.rateLimit.publicReadPerMinute),
      schema: {
        tags,
        summary:
          'A big screen’s cockpit (大屏): the place of its token (X-Screen-Token or ?token=), no session; no drill-down, no ledger, no personal data',
        querystring: ScreenQuery,
        response: { 200: CockpitAnswer, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const answer = await screenCockpit(deps, modules, screenToken(req), req.query);
      return reply.header('cache-control', 'no-store').send(answer);
    },
  );

  app.get(
    '/api/cockpit/map',
    {
      schema: {
        tags,
        summary:
          'The cockpit’s map: the child areas of a place (towns, villages or grids) as GeoJSON with their reports and overdue cases of the period (offline, no tiles)',
        querystring: CockpitQuery,
        response: { 200: CockpitMapAnswer, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => cockpitMap(deps, viewerView(deps, requireUser(req), req.query)),
  );

  app.get(
    '/api/cockpit/screen/map',
    {
      config: limitPerMinute(deps.config.rateLimit.publicReadPerMinute),
      schema: {
        tags,
        summary: 'A big screen’s map: as /api/cockpit/map for the place of its token (X-Screen-Token or ?token=)',
        querystring: ScreenQuery,
        response: { 200: CockpitMapAnswer, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const map = await cockpitMap(deps, await screenView(deps, screenToken(req), req.query));
      return reply.header('cache-control', 'no-store').send(map);
    },
  );

  registerReports(app, deps, modules);
}
