/** The leaders module's manifest: 头雁 records for the organisation department (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { LEADERS_ERRORS } from './leaders.errors';
import { AUDIT_LABELS } from './leaders.labels';

export const leadersModule = {
  name: 'leaders',
  errors: LEADERS_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, demo] = await Promise.all([
      import('./leaders.routes'),
      import('./leaders.policy'),
      import('./leaders.demo'),
    ]);
    return { routes: [routes.default], capabilities: policy.leadersCapabilities, demo: demo.leadersDemo };
  },
} satisfies ModuleManifest;
