/**
 * The covenants module's public surface (村规民约 / 居民公约, the councils 两会, the 红白事 register). It
 * is wired in by its manifest, covenants.module.ts. Another module cites an article by a stable
 * reference (covenant version id + article number) and resolves it with `articleRef`.
 */
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import councilRoutes from './councils.routes';
import covenantRoutes from './covenants.routes';

export { articleRef } from './covenants.service';

export default async function covenantsRoutes(app: App, deps: Deps) {
  await covenantRoutes(app, deps);
  await councilRoutes(app, deps);
}

/** Demo data for 百子庵村 (loaded by `cocreate demo`, after deliberation's). */
export async function covenantsDemo(deps: Deps): Promise<string | null> {
  return (await import('./covenants.demo')).seedCovenantsDemo(deps);
}
