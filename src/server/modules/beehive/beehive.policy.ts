/**
 * Who may do what with stations, workers and 五帮 requests. Town and village officers keep the
 * stations of their subtree (agreements, medicine stock); county officers keep all of the county's.
 * Grid workers and the officers read stations and worker counts of their subtree. A request is
 * handled by the department it was routed to (a department handler of that department) and read by
 * county officers; a worker reads and rates only their own requests. Riders' positions are never stored.
 */
import type { Actor } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const KEEPERS = ['village_officer', 'town_officer', 'county_officer'] as const;
const READERS = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'] as const;

export const managesStationAt = (actor: Actor, divisionCode: string) => holdsAt(actor, KEEPERS, divisionCode);
export const readsStationsAt = (actor: Actor, divisionCode: string) => holdsAt(actor, READERS, divisionCode);
/** The subtrees whose stations the actor reads in the console. */
export const stationScopes = (actor: Actor) => scopesWith(actor, READERS);

/** The departments whose 五帮 requests the actor handles. */
export function handledDepartments(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.flatMap((g) => (g.role === 'department_handler' && g.departmentCode ? [g.departmentCode] : []));
}

/** County officers read every request of their county and edit the support measures. */
export const readsAllRequests = (actor: Actor, countyCode: string) => holdsAt(actor, ['county_officer'], countyCode);

export function canHandleRequest(actor: Actor, departmentCode: string): boolean {
  return handledDepartments(actor).includes(departmentCode);
}

export function beehiveCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (stationScopes(actor).length > 0) caps.push('beehive.read');
  if (scopesWith(actor, KEEPERS).length > 0) caps.push('beehive.manage');
  if (handledDepartments(actor).length > 0 || scopesWith(actor, ['county_officer']).length > 0)
    caps.push('beehive.requests');
  if (scopesWith(actor, ['county_officer']).length > 0) caps.push('beehive.alliance');
  return caps;
}
