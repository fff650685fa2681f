/** The access module's manifest: roles scoped to places, the staff list (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { ACCESS_ERRORS } from './access.errors';

export const accessModule = {
  name: 'access',
  errors: ACCESS_ERRORS,
  server: async () => ({
    routes: [(await import('./access.routes')).default],
    capabilities: (await import('./access.policy')).capabilities,
  }),
} satisfies ModuleManifest;
