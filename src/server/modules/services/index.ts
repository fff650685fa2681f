/**
 * The services module's public surface (issue #14): its routes for the manifest, and what other
 * modules may read. Wired in by services.module.ts.
 */
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import activityRoutes from './activities.routes';
import errandRoutes from './errands.routes';
import unitRoutes from './units.routes';

export default async function servicesRoutes(app: App, deps: Deps) {
  await activityRoutes(app, deps);
  await errandRoutes(app, deps);
  await unitRoutes(app, deps);
}

/** Demo data (cocreate demo): filled in by services.demo.ts. */
export async function servicesDemo(deps: Deps): Promise<string | null> {
  return (await import('./services.demo')).seedServicesDemo(deps);
}
