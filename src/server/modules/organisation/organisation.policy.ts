/**
 * Who may see and change places and people. Everything is limited to the actor's subtree: a grid
 * worker sees the grid's people, a village officer the village's, and so on up to the county.
 * Revealing a full ID number or phone is a separate role (pii_viewer) and is always audited.
 */
import type { Actor, Role } from '../../platform/actor';
import { holdsAt, scopesWith } from '../access';

export const PEOPLE_READERS: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];
export const PEOPLE_EDITORS: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

export function canReadPeopleAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, PEOPLE_READERS, code);
}

export function canEditPeopleAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, PEOPLE_EDITORS, code);
}

export function canRevealAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, ['pii_viewer'], code);
}

/** The subtrees in which the actor may read people (for scoping searches). */
export function peopleScopes(actor: Actor): string[] {
  return scopesWith(actor, PEOPLE_READERS);
}

/** Actions on a person or household the UI may offer this actor. */
export function personActions(actor: Actor, householdCode: string): string[] {
  const actions: string[] = [];
  if (canEditPeopleAt(actor, householdCode)) actions.push('edit');
  if (canRevealAt(actor, householdCode)) actions.push('reveal');
  return actions;
}
