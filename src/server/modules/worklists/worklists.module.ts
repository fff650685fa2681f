/** The three lists' manifest: problems, tasks, effects and their counts (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { WORKLISTS_ERRORS } from './worklists.errors';
import { AUDIT_LABELS } from './worklists.labels';

export const worklistsModule = {
  name: 'worklists',
  errors: WORKLISTS_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, cockpit] = await Promise.all([
      import('./worklists.routes'),
      import('./worklists.policy'),
      import('./worklists.cockpit'),
    ]);
    return { routes: [routes.default], capabilities: policy.worklistCapabilities, cockpit: cockpit.worklistsCockpit };
  },
} satisfies ModuleManifest;
