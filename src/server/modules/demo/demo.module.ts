/** The demo module's manifest: /api/site and, in demo mode, /api/demo (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';

export const demoModule = {
  name: 'demo',
  server: async () => {
    const { default: siteRoutes } = await import('./site.routes');
    return { routes: [(app, deps, ctx) => siteRoutes(app, deps, ctx.demo)] };
  },
} satisfies ModuleManifest;
