/**
 * Who may do what with points. Residents and woodpeckers see their own points and redemptions.
 * Grid workers and village officers review awards, keep the shop and run the pickup desk for
 * their village (a grid worker's village is the first 12 digits of the grid); town officers do
 * so for their town (its own shop and the villages under it). County officers read everything
 * in their subtree. Settings belong to town officers (their town) and the system administrator.
 */
import type { Actor, Role } from '../../platform/actor';
import { holdsAt, scopesWith } from '../access/access.domain';
import { AWARD_ALLOWED, type AwardAction, type AwardState, type RedemptionState, villageOf } from './points.domain';

const VILLAGE_STAFF: readonly Role[] = ['grid_worker', 'village_officer'];
const READERS: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

/** May the actor operate points at this place (review, manual awards, shop, pickup desk, rules)? */
export function managesAt(actor: Actor, code: string): boolean {
  if (actor.kind !== 'user') return false;
  if (holdsAt(actor, ['town_officer'], code)) return true;
  return actor.grants.some((g) => VILLAGE_STAFF.includes(g.role) && code.length >= 12 && code.startsWith(villageOf(g.scopeCode)));
}

/** The subtrees the actor operates in (village of a grid worker, village, town). */
export function managedScopes(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => VILLAGE_STAFF.includes(g.role) || g.role === 'town_officer').map((g) => (g.role === 'town_officer' ? g.scopeCode : villageOf(g.scopeCode)));
}

/** The subtrees the actor may read in the console (reports, queues, ledgers). */
export function readableScopes(actor: Actor): string[] {
  return [...new Set([...managedScopes(actor), ...scopesWith(actor, ['county_officer'])])];
}

export function canReadAt(actor: Actor, code: string): boolean {
  return managesAt(actor, code) || holdsAt(actor, ['county_officer'], code);
}

export function canManageSettingsAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, ['town_officer', 'system_admin'], code);
}

export function isStaffReader(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => READERS.includes(g.role));
}

/** The award actions this actor may take now (sent with each award so the UI shows only these). */
export function awardActions(actor: Actor, a: { state: AwardState; issuerCode: string; userId: string }): AwardAction[] {
  if (actor.kind !== 'user') return [];
  return AWARD_ALLOWED[a.state].filter((action) => {
    if (action === 'object') return actor.userId !== a.userId && !managesAt(actor, a.issuerCode); // residents, not about oneself
    return managesAt(actor, a.issuerCode);
  });
}

export function redemptionActions(actor: Actor, r: { state: RedemptionState; userId: string; divisionCode: string }): string[] {
  if (actor.kind !== 'user' || r.state !== 'reserved') return [];
  const actions: string[] = [];
  if (actor.userId === r.userId) actions.push('cancel');
  if (managesAt(actor, r.divisionCode)) actions.push('fulfil', 'cancel');
  return [...new Set(actions)];
}

export function itemActions(actor: Actor, item: { divisionCode: string; active: boolean; stock: number }): string[] {
  if (actor.kind !== 'user') return [];
  if (managesAt(actor, item.divisionCode)) return ['update', 'restock'];
  return item.active && item.stock > 0 ? ['redeem'] : [];
}

/** The places a resident belongs to: home place and places of resident/woodpecker roles. */
export function residentPlaces(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  const places = actor.grants.filter((g) => g.role === 'resident' || g.role === 'woodpecker').map((g) => g.scopeCode);
  if (actor.homeDivisionCode) places.push(actor.homeDivisionCode);
  return [...new Set(places)];
}

/** May this resident redeem at a shop of `shopCode`? Shops of the resident's village, town or county. */
export function shopServes(actor: Actor, shopCode: string): boolean {
  return residentPlaces(actor).some((p) => p.startsWith(shopCode));
}
