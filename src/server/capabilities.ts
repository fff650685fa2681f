/**
 * What `/api/me` tells the web apps they may show: the union of each module's capabilities, each
 * computed by that module's own policy (assembled here, like the routes in app.ts, so no module
 * imports another's policy for it).
 */
import { capabilities as accessCapabilities } from './modules/access/access.policy';
import type { Capability } from './modules/access/capabilities';
import { caseCapabilities } from './modules/cases/capabilities.policy';
import { indicatorCapabilities } from './modules/indicators/indicators.policy';
import { pointsCapabilities } from './modules/points/points.policy';
import type { Actor } from './platform/actor';

const SOURCES: readonly ((actor: Actor) => Capability[])[] = [
  accessCapabilities,
  caseCapabilities,
  indicatorCapabilities,
  pointsCapabilities,
];

export function capabilitiesOf(actor: Actor): Capability[] {
  return [...new Set(SOURCES.flatMap((of) => of(actor)))].sort();
}
