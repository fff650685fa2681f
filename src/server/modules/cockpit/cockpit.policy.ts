/**
 * Who sees the cockpit of which place: as the case indicators (../indicators/indicators.policy.ts):
 * village, town and county officers any place in their subtree; department handlers the places of
 * their grant's region, counting only their own departments' cases (and no other module's figures).
 * Everyone else nothing (404, as for any place out of scope). Big-screen links (大屏) are made and
 * revoked by town and county officers for places in their subtree.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';
import { defaultScope, indicatorView, type IndicatorView } from '../indicators';

/** The place a viewer may see and the departments their case figures are limited to (null: all). */
export type CockpitViewer = IndicatorView;

export function cockpitViewer(actor: Actor, place: string): CockpitViewer | null {
  return indicatorView(actor, place);
}

/** The place shown when the request names none: the viewer's widest. */
export function defaultPlace(actor: Actor): string | null {
  return defaultScope(actor);
}

const SCREEN_KEEPERS: readonly Role[] = ['town_officer', 'county_officer'];

/** May the actor make (and revoke) big-screen links for this place? */
export function mayKeepScreens(actor: Actor, place: string): boolean {
  return holdsAt(actor, SCREEN_KEEPERS, place);
}

/** The places under which the actor keeps screens (their links are listed). */
export function screenScopes(actor: Actor): string[] {
  return scopesWith(actor, SCREEN_KEEPERS);
}

export function cockpitCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (defaultPlace(actor) !== null) caps.push('cockpit.read');
  if (screenScopes(actor).length > 0) caps.push('cockpit.screens');
  return caps;
}
