/**
 * Who works livelihood projects: officers whose area covers a project's place create it, move its
 * milestones and choose its supervising representatives (village, town and county officers). Anyone
 * reads the public progress page; the representatives chosen for a project (residents) rate it.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

export const PROJECT_OFFICERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

export const projectScopes = (actor: Actor) => scopesWith(actor, PROJECT_OFFICERS);
export const canManageAt = (actor: Actor, placeCode: string) => holdsAt(actor, PROJECT_OFFICERS, placeCode);

export function projectCapabilities(actor: Actor): Capability[] {
  return projectScopes(actor).length ? ['projects.manage'] : [];
}
