/** The covenants module's manifest: 村规民约 / 居民公约, the councils (两会), the 红白事 register (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { COVENANTS_ERRORS } from './covenants.errors';
import { AUDIT_LABELS } from './covenants.labels';

export const covenantsModule = {
  name: 'covenants',
  errors: COVENANTS_ERRORS,
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const [routes, policy] = await Promise.all([import('./index'), import('./covenants.policy')]);
    return { routes: [routes.default], capabilities: policy.covenantCapabilities, demo: routes.covenantsDemo };
  },
} satisfies ModuleManifest;
