/** The collective economy's manifest (村级集体经济: incomes, cooperatives, assets, contracts; see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { ECONOMY_ERRORS } from './economy.errors';
import { AUDIT_LABELS } from './economy.labels';

export const economyModule = {
  name: 'economy',
  errors: ECONOMY_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, demo, cockpit] = await Promise.all([
      import('./economy.routes'),
      import('./economy.policy'),
      import('./economy.demo'),
      import('./economy.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: policy.economyCapabilities,
      demo: demo.economyDemo,
      cockpit: cockpit.economyCockpit,
    };
  },
} satisfies ModuleManifest;
