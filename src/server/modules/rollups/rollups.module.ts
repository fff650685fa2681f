/** The rollups module's manifest: the case figures pre-aggregated per place × day × category × department (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { ROLLUPS_ERRORS } from './rollups.errors';

const RANGE = '[--from YYYY-MM-DD] [--to YYYY-MM-DD]';

export const rollupsModule = {
  name: 'rollups',
  errors: ROLLUPS_ERRORS,
  commands: {
    'rollups rebuild': {
      usage: RANGE,
      description:
        'Recompute the case rollups from the raw cases in one transaction (all days, or the days [from, to)).',
      load: async () => (await import('./rollups.cli')).rollupsRebuild,
    },
    'rollups verify': {
      usage: RANGE,
      description:
        'Compare the case rollups with a GROUP BY over the raw cases, every figure of every place and day; exits 1 naming each difference.',
      load: async () => (await import('./rollups.cli')).rollupsVerify,
    },
  },
  server: async () => {
    const [routes, service] = await Promise.all([import('./rollups.routes'), import('./rollups.service')]);
    return {
      routes: [routes.default],
      // every statement writing cases queues their ids (a trigger, migrations/0030_rollups.sql)
      subscriptions: (deps) => [service.casesChangedHandler(deps)],
    };
  },
} satisfies ModuleManifest;
