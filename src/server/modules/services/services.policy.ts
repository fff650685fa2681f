/**
 * Who may do what in services. Village staff (grid workers for their village, village officers),
 * town and county officers organise activities and assign errands at their places; town and county
 * officers keep the partner-unit registers and the county keeps the errand item list. Residents sign
 * up, check in and ask for errands for themselves; a party member or embedded cadre of the errand's
 * village may be given it (checked against the registers in the service).
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const OFFICERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];
const REGISTER_KEEPERS: readonly Role[] = ['town_officer', 'county_officer'];

const villageOf = (code: string) => (code.length > 12 ? code.slice(0, 12) : code);

/** The subtrees the actor organises in (a grid worker's whole village). */
export function staffScopes(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  const scopes = actor.grants
    .filter((g) => OFFICERS.includes(g.role) || g.role === 'grid_worker')
    .map((g) => (g.role === 'grid_worker' ? villageOf(g.scopeCode) : g.scopeCode));
  return [...new Set(scopes)];
}

/** May the actor organise activities and assign errands at this place? */
export function organisesAt(actor: Actor, code: string): boolean {
  return staffScopes(actor).some((s) => code.startsWith(s));
}

/** The subtrees whose partner units, cadres and work groups the actor keeps. */
export const registerScopes = (actor: Actor) => scopesWith(actor, REGISTER_KEEPERS);

export const keepsRegistersAt = (actor: Actor, code: string) => holdsAt(actor, REGISTER_KEEPERS, code);

/** The county's errand item list is kept by county officers. */
export const keepsItemsAt = (actor: Actor, code: string) => holdsAt(actor, ['county_officer'], code);

export function servicesCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (staffScopes(actor).length > 0) caps.push('services.manage');
  if (registerScopes(actor).length > 0) caps.push('services.registers');
  return caps;
}
