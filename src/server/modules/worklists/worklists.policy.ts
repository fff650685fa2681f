/**
 * Who works the three lists. Staff whose area covers a problem's village read it and work it
 * (grid workers, village, town and county officers); a task owner (any staff member given the
 * task, department handlers included) finishes their own task; the resident who raised a problem
 * reads it and confirms or disputes its effect. Everyone else: 404, as for a missing problem.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

export const WORKLIST_STAFF: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];
/** Roles a task may be given to at a village (their grant must cover it). */
export const TASK_OWNER_ROLES: readonly Role[] = [...WORKLIST_STAFF, 'department_handler'];
const OFFICERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

/**
 * The lists are kept per village: staff scoped to a grid work their village's lists (a grid's
 * scope widens to its village, the first 12 digits).
 */
export const worklistScopes = (actor: Actor) => [
  ...new Set(scopesWith(actor, WORKLIST_STAFF).map((s) => s.slice(0, 12))),
];
export const canWorkAt = (actor: Actor, code: string) => worklistScopes(actor).some((s) => code.startsWith(s));
export const canOverseeAt = (actor: Actor, villageCode: string) => holdsAt(actor, OFFICERS, villageCode);

export function worklistCapabilities(actor: Actor): Capability[] {
  return worklistScopes(actor).length ? ['worklists.read'] : [];
}
