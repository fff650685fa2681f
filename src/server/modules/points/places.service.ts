/**
 * A resident's shop place (积分超市所属地): their registered place. A resident who sets "my place"
 * to another village asks for a change; staff of that village (not the resident, not their
 * household) confirm it here, and only then does its shop, publicity list and objection right open.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { assertDuty, dutiesOf } from './duties';
import { confirmPlace, homePlaceForUpdate, placeRequestKey, placeRequests } from './people.repo';
import { managedScopes, managesAt } from './points.policy';
import type { PageRequest, PlaceRequest } from './points.schema';

/** Change requests of residents whose chosen place lies in the actor's villages or town, by name. */
export async function listPlaceRequests(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<PlaceRequest>> {
  const scopes = managedScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['string', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const duties = await dutiesOf(deps.db, actor);
  const rows = await placeRequests(deps.db, scopes, limit + 1, after);
  return mapPage(pageOf(rows, limit, placeRequestKey), (r) => ({
    ...r,
    actions: duties.related.has(r.userId) ? [] : (['confirm'] as const),
  }));
}

/** Staff confirm the place the resident asked for (it must still be the one they chose). */
export async function confirmPlaceRequest(deps: Deps, actor: Actor, userId: string, divisionCode: string) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, divisionCode)) throw new AppError('forbidden');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const requested = await homePlaceForUpdate(tx, userId);
    if (requested === undefined) throw new AppError('not_found', { what: `person ${userId}` });
    if (requested !== divisionCode) throw new AppError('points_place_not_requested', { code: divisionCode });
    assertDuty(actor, await dutiesOf(tx, actor), { userId, createdBy: null }, 'confirm_place');
    const before = await confirmPlace(tx, userId, divisionCode, actor.userId, now);
    await audit(tx, actor, {
      action: 'points.place_confirm',
      entityType: 'user',
      entityId: userId,
      scopeCode: divisionCode,
      before: { place: before },
      after: { place: divisionCode },
    });
    return { userId, divisionCode, confirmedAt: now };
  });
}
