/**
 * Who decides woodpecker applications: the village officer of the applicant's village (a town
 * officer above it too). Officers of the village, town and county read the applications and the
 * roster of their places. Anyone else: 404, as for a missing application.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const DECIDERS: readonly Role[] = ['village_officer', 'town_officer'];
const READERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

export const rosterScopes = (actor: Actor) => scopesWith(actor, READERS);
export const canDecideAt = (actor: Actor, villageCode: string) => holdsAt(actor, DECIDERS, villageCode);

export function woodpeckerCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (rosterScopes(actor).length) caps.push('woodpeckers.read');
  if (scopesWith(actor, DECIDERS).length) caps.push('woodpeckers.decide');
  return caps;
}
