/**
 * Who may do what with points. Residents and woodpeckers see their own points and redemptions.
 * Grid workers and village officers review awards, keep the shop and run the pickup desk for
 * their village (a grid worker's village is the first 12 digits of the grid); town officers do
 * so for their town (its own shop and the villages under it). County officers read everything
 * in their subtree. Settings belong to town officers (their town) and the system administrator.
 * Nobody acts on points for themselves or their household, and an award's creator never reviews,
 * approves or publishes it (`dutyConflict`).
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';
import { AWARD_ALLOWED, type AwardAction, type AwardState, type RedemptionState, villageOf } from './points.domain';

const VILLAGE_STAFF: readonly Role[] = ['grid_worker', 'village_officer'];
const READERS: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

/** May the actor operate points at this place (review, manual awards, shop, pickup desk, rules)? */
export function managesAt(actor: Actor, code: string): boolean {
  if (actor.kind !== 'user') return false;
  if (holdsAt(actor, ['town_officer'], code)) return true;
  return actor.grants.some(
    (g) => VILLAGE_STAFF.includes(g.role) && code.length >= 12 && code.startsWith(villageOf(g.scopeCode)),
  );
}

/** The subtrees the actor operates in (village of a grid worker, village, town). */
export function managedScopes(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants
    .filter((g) => VILLAGE_STAFF.includes(g.role) || g.role === 'town_officer')
    .map((g) => (g.role === 'town_officer' ? g.scopeCode : villageOf(g.scopeCode)));
}

/** The subtrees the actor may read in the console (reports, queues, ledgers). */
export function readableScopes(actor: Actor): string[] {
  return [...new Set([...managedScopes(actor), ...scopesWith(actor, ['county_officer'])])];
}

export function canReadAt(actor: Actor, code: string): boolean {
  return managesAt(actor, code) || holdsAt(actor, ['county_officer'], code);
}

const SETTINGS_KEEPERS: readonly Role[] = ['town_officer', 'system_admin'];

export function canManageSettingsAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, SETTINGS_KEEPERS, code);
}

/** The points capabilities sent to the web, from the scopes the services check. */
export function pointsCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (managedScopes(actor).length > 0) caps.push('points.review', 'points.shop');
  if (readableScopes(actor).length > 0) caps.push('points.read');
  if (scopesWith(actor, SETTINGS_KEEPERS).length > 0) caps.push('points.settings');
  return caps;
}

export function isStaffReader(actor: Actor): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => READERS.includes(g.role));
}

/**
 * Separation of duties (四眼原则). `related`: the acting person's own accounts and their household
 * members' (nobody acts on points for them); `places`: the actor's registered places (a resident
 * objects to awards of their own village only).
 */
export interface Duties {
  related: ReadonlySet<string>;
  places: readonly string[];
}

export type DutyAction = 'award' | 'approve' | 'review' | 'publish' | 'reject' | 'resolve' | 'fulfil' | 'confirm_place';

export const DUTY_ACTION_LABELS: Record<DutyAction, { zh: string; en: string }> = {
  award: { zh: '申报积分', en: 'award points' },
  approve: { zh: '批准分值', en: 'approve an amount' },
  review: { zh: '审核', en: 'review an award' },
  publish: { zh: '公示', en: 'publish an award' },
  reject: { zh: '驳回', en: 'reject an award' },
  resolve: { zh: '处理异议', en: 'resolve an objection' },
  fulfil: { zh: '核销兑换', en: 'hand out a redemption' },
  confirm_place: { zh: '确认积分超市所属地', en: 'confirm a shop place' },
};

/** Which duty a staff action on this award would break, if any. The creator may still reject (withdraw) it. */
export function dutyConflict(
  actor: Actor,
  d: Duties,
  a: { userId: string; createdBy: string | null; objectorIds?: readonly string[] },
  action: DutyAction,
): { code: 'points_self_dealing' } | { code: 'points_second_person_required'; as: 'creator' | 'objector' } | null {
  if (actor.kind !== 'user' || d.related.has(a.userId)) return { code: 'points_self_dealing' };
  if ((action === 'approve' || action === 'review' || action === 'publish') && a.createdBy === actor.userId)
    return { code: 'points_second_person_required', as: 'creator' };
  if (action === 'resolve' && a.objectorIds?.includes(actor.userId))
    return { code: 'points_second_person_required', as: 'objector' };
  return null;
}

/** May the actor object to this award: not their own; a resident of its place or staff whose scope covers it. */
export function mayObject(actor: Actor, d: Duties, a: { userId: string; issuerCode: string }): boolean {
  if (actor.kind !== 'user' || actor.userId === a.userId) return false;
  return d.places.some((p) => p.startsWith(a.issuerCode)) || canReadAt(actor, a.issuerCode);
}

/** The award actions this actor may take now (sent with each award so the UI shows only these). */
export function awardActions(
  actor: Actor,
  d: Duties,
  a: { state: AwardState; issuerCode: string; userId: string; createdBy: string | null },
): AwardAction[] {
  if (actor.kind !== 'user') return [];
  return AWARD_ALLOWED[a.state].filter((action) => {
    if (action === 'object') return mayObject(actor, d, a);
    return managesAt(actor, a.issuerCode) && !dutyConflict(actor, d, a, action);
  });
}

export function redemptionActions(
  actor: Actor,
  r: { state: RedemptionState; userId: string; divisionCode: string },
): ('cancel' | 'fulfil')[] {
  if (actor.kind !== 'user' || r.state !== 'reserved') return [];
  const actions: ('cancel' | 'fulfil')[] = [];
  if (actor.userId === r.userId) actions.push('cancel');
  if (managesAt(actor, r.divisionCode))
    actions.push(...(actor.userId === r.userId ? [] : (['fulfil'] as const)), 'cancel');
  return [...new Set(actions)];
}

export function itemActions(
  actor: Actor,
  item: { divisionCode: string; active: boolean; stock: number },
): ('update' | 'restock' | 'redeem')[] {
  if (actor.kind !== 'user') return [];
  if (managesAt(actor, item.divisionCode)) return ['update', 'restock'];
  return item.active && item.stock > 0 ? ['redeem'] : [];
}

/** May a resident with these registered places redeem at a shop of `shopCode`? Their village's, town's or county's. */
export function shopServes(places: readonly string[], shopCode: string): boolean {
  return places.some((p) => p.startsWith(shopCode));
}
