/** The identity module's manifest: sign-in, sessions and "me" (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './identity.labels';
import { IDENTITY_ERRORS } from './identity.errors';

export const identityModule = {
  name: 'identity',
  auditLabels: AUDIT_LABELS,
  errors: IDENTITY_ERRORS,
  server: async () => {
    const { default: identityRoutes } = await import('./identity.routes');
    // /api/me sends the capabilities every module's policy grants: joined by the assembly, passed in
    return { routes: [(app, deps, ctx) => identityRoutes(ctx.capabilitiesOf)(app, deps)] };
  },
} satisfies ModuleManifest;
