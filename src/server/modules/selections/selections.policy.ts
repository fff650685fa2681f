/**
 * Who may do what in 评选. Town and county officers run selections in their subtree; a village
 * officer runs the selections of their own village. Grid workers and the officers above read them
 * in the console. Panel members (any staff account put on the panel) score; verified residents of
 * the area nominate, endorse, vote and object (checked against the registers by the services).
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const RUNNERS: readonly Role[] = ['town_officer', 'county_officer'];
const READERS: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

/** May the actor run (create, advance, check, enter paper votes, answer objections) a selection of this place? */
export function managesAt(actor: Actor, code: string): boolean {
  if (actor.kind !== 'user') return false;
  if (holdsAt(actor, RUNNERS, code)) return true;
  return scopesWith(actor, ['village_officer']).some((s) => s.length >= 12 && code.startsWith(s.slice(0, 12)));
}

/** The subtrees whose selections the actor reads in the console. */
export function readableScopes(actor: Actor): string[] {
  return [...new Set(scopesWith(actor, READERS))];
}

/** Staff of the place or above it, and staff of a place inside the selection's area (a village's staff see their town's). */
export function canReadAt(actor: Actor, code: string): boolean {
  return (
    managesAt(actor, code) ||
    holdsAt(actor, READERS, code) ||
    scopesWith(actor, READERS).some((s) => s.startsWith(code))
  );
}

export function isStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.userKind === 'staff';
}

/** Staff who may sit on a panel (the administrators and the PII viewer do not score). */
const PANELISTS: readonly Role[] = [...READERS, 'department_handler'];

export function selectionsCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (scopesWith(actor, [...RUNNERS, 'village_officer']).length > 0) caps.push('selections.manage');
  if (readableScopes(actor).length > 0) caps.push('selections.read');
  if (isStaff(actor) && scopesWith(actor, PANELISTS).length > 0) caps.push('selections.score');
  return caps;
}
