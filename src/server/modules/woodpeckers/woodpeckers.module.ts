/** The woodpeckers module's manifest: enrolment in a village's woodpecker team and the roster (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { WOODPECKERS_ERRORS } from './woodpeckers.errors';
import { AUDIT_LABELS } from './woodpeckers.labels';

export const woodpeckersModule = {
  name: 'woodpeckers',
  errors: WOODPECKERS_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy, cockpit] = await Promise.all([
      import('./woodpeckers.routes'),
      import('./woodpeckers.policy'),
      import('./woodpeckers.cockpit'),
    ]);
    return {
      routes: [routes.default],
      capabilities: policy.woodpeckerCapabilities,
      cockpit: cockpit.woodpeckersCockpit,
    };
  },
} satisfies ModuleManifest;
