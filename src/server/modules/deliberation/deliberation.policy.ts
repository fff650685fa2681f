/**
 * Who may do what in deliberation. Village officers and grid workers run meetings, matters and the
 * 村务公开 board of their village (a grid worker's village: the grid's first 12 digits); town officers
 * do so for the villages of their town and see the board's overdue flags; county officers read their
 * subtree and alone change the meeting types' defaults. Residents sign in to meetings whose roster
 * holds them and read the board of their own village. Pure.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const VILLAGE_STAFF: readonly Role[] = ['grid_worker', 'village_officer'];

export const villageOf = (code: string): string => code.slice(0, 12);

/** The subtrees the actor runs meetings and matters in. */
export function managedScopes(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants
    .filter((g) => VILLAGE_STAFF.includes(g.role) || g.role === 'town_officer')
    .map((g) => (g.role === 'town_officer' ? g.scopeCode : villageOf(g.scopeCode)));
}

export function managesAt(actor: Actor, code: string): boolean {
  return code.length >= 12 && managedScopes(actor).some((s) => code.startsWith(s));
}

/** The subtrees the actor may read in the console. */
export function readableScopes(actor: Actor): string[] {
  return [...new Set([...managedScopes(actor), ...scopesWith(actor, ['county_officer'])])];
}

export function canReadAt(actor: Actor, code: string): boolean {
  return managesAt(actor, code) || holdsAt(actor, ['county_officer'], code);
}

/** Meeting types' defaults (notice period, proxies): county staff only. */
export function canEditRules(actor: Actor): boolean {
  return scopesWith(actor, ['county_officer']).length > 0;
}

/** Overdue flags of the 村务公开 schedule: the town (and the county above it). */
export function oversightScopes(actor: Actor): string[] {
  return scopesWith(actor, ['town_officer', 'county_officer']);
}

export function deliberationCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (readableScopes(actor).length > 0) caps.push('deliberation.read');
  if (managedScopes(actor).length > 0) caps.push('deliberation.manage');
  if (canEditRules(actor)) caps.push('deliberation.rules');
  if (oversightScopes(actor).length > 0) caps.push('deliberation.oversee');
  return caps;
}
