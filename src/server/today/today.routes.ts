/**
 * GET /api/console/today: the joined counts of every module's `today` (its manifest's server part),
 * for the signed-in staff member's roles and scopes. A module whose counter fails is left out and
 * logged: one broken counter does not blank the console's home.
 */
import type { LoadedModule } from '../assembly';
import type { Deps } from '../platform/deps';
import { requireUser } from '../platform/http/request-context';
import { type App, errorResponses } from '../platform/http/types';
import { TodayAnswer, type TodayItem } from './today.schema';

export function registerToday(app: App, deps: Deps, modules: readonly LoadedModule[]) {
  const sources = modules.flatMap((m) => (m.server.today ? [{ module: m.name, count: m.server.today }] : []));
  app.get(
    '/api/console/today',
    {
      schema: {
        tags: ['platform'],
        summary: 'What waits for me today: each module’s counts for my roles and region, with the list behind each',
        response: { 200: TodayAnswer, ...errorResponses(401) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const lists = await Promise.all(
        sources.map(async (s): Promise<TodayItem[]> => {
          try {
            return (await s.count(deps, actor)).map((c) => ({ ...c, module: s.module }));
          } catch (err) {
            deps.log.error({ err, module: s.module }, 'today counter failed');
            return [];
          }
        }),
      );
      const items = lists.flat().sort((a, b) => a.order - b.order);
      return { items, waiting: items.reduce((n, i) => n + i.count, 0) };
    },
  );
}
