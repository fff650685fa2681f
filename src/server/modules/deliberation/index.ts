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
export { publish as publishDisclosure, publishIn as publishDisclosureIn } from './disclosures.service';
export { type MatterResolution, matterResolution } from './resolutions';
export { placesOfUser } from './disclosures.repo';

export default async function deliberationRoutes(app: App, deps: Deps) {
  await meetingsRoutes(app, deps);
  await mattersRoutes(app, deps);
  await proposalsRoutes(app, deps);
}

/** Demo data for 百子庵村 (loaded by `cocreate demo`). */
export async function deliberationDemo(deps: Deps): Promise<string | null> {
  return (await import('./demo')).seedDeliberationDemo(deps);
}

/** For another module's demo: a matter of 百子庵村 taken through its resolution (see demo.ts). */
export async function seedResolvedDemoMatter(deps: Deps, input: { title: string; summary: string }) {
  return (await import('./demo')).seedResolvedDemoMatter(deps, input);
}
