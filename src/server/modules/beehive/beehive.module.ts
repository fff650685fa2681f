/** The beehive module's manifest: 红色蜂巢 stations, new-employment workers, 五帮 requests (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { BEEHIVE_ERRORS } from './beehive.errors';
import { AUDIT_LABELS } from './beehive.labels';

export const beehiveModule = {
  name: 'beehive',
  errors: BEEHIVE_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, alliance, policy, demo, cockpit] = await Promise.all([
      import('./beehive.routes'),
      import('./alliance.routes'),
      import('./beehive.policy'),
      import('./beehive.demo'),
      import('./beehive.cockpit'),
    ]);
    return {
      routes: [routes.default, alliance.default],
      capabilities: policy.beehiveCapabilities,
      demo: demo.beehiveDemo,
      cockpit: cockpit.beehiveCockpit,
    };
  },
} satisfies ModuleManifest;
