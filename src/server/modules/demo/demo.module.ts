/** The demo module's manifest: /api/site and, in demo mode, /api/demo (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './demo.labels';

export const demoModule = {
  name: 'demo',
  auditLabels: AUDIT_LABELS,
  server: async () => {
    const { default: siteRoutes } = await import('./site.routes');
    return { routes: [(app, deps, ctx) => siteRoutes(app, deps, ctx.demo)] };
  },
} satisfies ModuleManifest;
