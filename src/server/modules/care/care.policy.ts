/**
 * Who reads a person's care record (strict). Named roles, nobody else:
 * - the **assigned grid worker**, while they hold the grid_worker role over the person's grid;
 * - **village officers** of the person's village, **town officers** of its town and **county
 *   officers** of its county (the civil-affairs line: 村两委, 镇民政, 市民政/县级干部).
 * Not other grid workers (even of the same grid), department handlers, woodpeckers, residents
 * (the person included: the record is about them, kept for the staff serving them), personal-data
 * viewers (pii_viewer reveals register identifiers, not care records) or any administrator.
 * Everyone else gets 404 as for a missing record; every read is audited; outside the register the
 * person appears only masked (maskName) and counts are aggregates.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

export const CARE_OFFICERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

export interface CareRecordRef {
  gridCode: string;
  workerId: string;
}

export const isAssignedWorker = (actor: Actor, p: CareRecordRef) =>
  actor.kind === 'user' && actor.userId === p.workerId && holdsAt(actor, ['grid_worker'], p.gridCode);

export const canManageAt = (actor: Actor, code: string) => holdsAt(actor, CARE_OFFICERS, code);

export function canReadRecord(actor: Actor, p: CareRecordRef): boolean {
  return isAssignedWorker(actor, p) || canManageAt(actor, p.gridCode);
}

/** Officers' subtrees: the register lists everything under them. */
export const registerScopes = (actor: Actor) => scopesWith(actor, CARE_OFFICERS);
/** A grid worker's subtrees: their own assigned persons under them. */
export const workerScopes = (actor: Actor) => scopesWith(actor, ['grid_worker']);
/** Aggregate visit rates (counts only, no person): officers and grid workers of the place. */
export const canReadRatesAt = (actor: Actor, code: string) => holdsAt(actor, [...CARE_OFFICERS, 'grid_worker'], code);
export const canEditSettings = (actor: Actor, countyCode: string) => holdsAt(actor, ['county_officer'], countyCode);

export function careCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (workerScopes(actor).length) caps.push('care.visit');
  if (registerScopes(actor).length) caps.push('care.register');
  if (scopesWith(actor, ['county_officer']).length) caps.push('care.settings');
  return caps;
}
