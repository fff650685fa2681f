/**
 * Who may read and keep the service circle: grid workers and village, town and county officers read
 * the coverage of their subtree; county officers keep the facility kinds, facilities, the road
 * network and the detour factor.
 */
import type { Actor } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const READERS = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'] as const;

/** The subtrees whose coverage the actor reads (a grid worker reads their village). */
export const circleScopes = (actor: Actor) =>
  scopesWith(actor, READERS).map((s) => (s.length > 12 ? s.slice(0, 12) : s));
export const readsCircleAt = (actor: Actor, code: string) => circleScopes(actor).some((s) => code.startsWith(s));
export const keepsCircle = (actor: Actor, countyCode: string) => holdsAt(actor, ['county_officer'], countyCode);

export function circleCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (circleScopes(actor).length > 0) caps.push('circle.read');
  if (scopesWith(actor, ['county_officer']).length > 0) caps.push('circle.manage');
  return caps;
}
