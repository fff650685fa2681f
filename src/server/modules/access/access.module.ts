/** The access module's manifest: roles scoped to places, the staff list (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './access.labels';
import { ACCESS_ERRORS } from './access.errors';

export const accessModule = {
  name: 'access',
  auditLabels: AUDIT_LABELS,
  errors: ACCESS_ERRORS,
  server: async () => ({
    routes: [(await import('./access.routes')).default],
    capabilities: (await import('./access.policy')).capabilities,
  }),
} satisfies ModuleManifest;
