/**
 * The cockpit module's manifest (see src/server/module.ts): who sees the cockpit of which place, its
 * big-screen links (大屏) and its map. The joiner of every module's panels (GET /api/cockpit) is not a
 * module: src/server/cockpit, registered by app.ts with the list of modules.
 */
import type { ModuleManifest } from '../../module';
import { COCKPIT_ERRORS } from './cockpit.errors';
import { AUDIT_LABELS } from './cockpit.labels';

export const cockpitModule = {
  name: 'cockpit',
  errors: COCKPIT_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [screens, policy] = await Promise.all([import('./screens.routes'), import('./cockpit.policy')]);
    return { routes: [screens.default], capabilities: policy.cockpitCapabilities };
  },
} satisfies ModuleManifest;
