/**
 * Who keeps the collective economy: village officers for their village, town and county officers for
 * their subtree (enter and correct income, cooperatives, assets, contracts; publish the finance
 * summary); county officers change the county's income threshold. Reads follow the same scopes.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const KEEPERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

/** The subtrees whose collective economy the actor reads and keeps. */
export const economyScopes = (actor: Actor) => [...new Set(scopesWith(actor, KEEPERS))];

export const keepsEconomyAt = (actor: Actor, code: string) => holdsAt(actor, KEEPERS, code);

/** County officers set the threshold of their county. */
export const setsThresholdOf = (actor: Actor, countyCode: string) => holdsAt(actor, ['county_officer'], countyCode);

export function economyCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (economyScopes(actor).length > 0) caps.push('economy.read');
  if (scopesWith(actor, ['county_officer']).length > 0) caps.push('economy.settings');
  return caps;
}
