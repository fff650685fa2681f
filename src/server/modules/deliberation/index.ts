/**
 * The deliberation module's public surface (议事协商: meetings and votes, 四议两公开, 村务公开). It is
 * wired in by its manifest, deliberation.module.ts.
 */
import type { Deps } from '../../platform/deps';
import type { App } from '../../platform/http/types';
import mattersRoutes from './matters.routes';
import meetingsRoutes from './meetings.routes';
import proposalsRoutes from './proposals.routes';

export { decision, quorum, type RuleResult, type Tally, type Turnout } from './quorum.domain';
export { publish as publishDisclosure } from './disclosures.service';

export default async function deliberationRoutes(app: App, deps: Deps) {
  await meetingsRoutes(app, deps);
  await mattersRoutes(app, deps);
  await proposalsRoutes(app, deps);
}

/** Demo data for 百子庵村 (loaded by `cocreate demo`). */
export async function deliberationDemo(deps: Deps): Promise<string | null> {
  return (await import('./demo')).seedDeliberationDemo(deps);
}
