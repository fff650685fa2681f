/**
 * Big-screen links (大屏): a town or county officer makes a read-only link for a wall screen showing
 * one place of their subtree; the token is shown once and only its keyed hash (HMAC-SM3) is kept;
 * revoking stops it at once. Making and revoking are audited.
 */
import { randomBytes } from 'node:crypto';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findDivision } from '../divisions';
import { mayKeepScreens, screenScopes } from './cockpit.policy';
import * as repo from './screens.repo';
import type { CreatedScreen, NewScreen, ScreenItem } from './screens.schema';

/** The blind-index domain of screen tokens (a keyed HMAC-SM3, platform/crypto). */
const TOKEN_DOMAIN = 'cockpit-screen-token';
const tokenHash = (deps: Deps, token: string) => deps.crypto.blindIndex(TOKEN_DOMAIN, token);

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function itemOf(r: repo.ScreenRow): ScreenItem {
  return {
    id: r.id,
    place: { code: r.placeCode, name: r.placeName },
    label: r.label,
    createdAt: new Date(r.createdAt).toISOString(),
    createdBy: { id: r.createdBy, name: r.createdByName },
    revokedAt: iso(r.revokedAt),
    lastSeenAt: iso(r.lastSeenAt),
  };
}

export async function createScreen(deps: Deps, actor: UserActor, body: NewScreen): Promise<CreatedScreen> {
  if (!mayKeepScreens(actor, body.place)) throw new AppError('not_found', { what: `place ${body.place}` });
  const place = await findDivision(deps.db, body.place);
  if (!place) throw new AppError('not_found', { what: `place ${body.place}` });
  const token = randomBytes(32).toString('base64url');
  const label = body.label.trim();
  if (!label)
    throw new AppError('validation_failed', {
      summary: 'label is empty',
      fields: [{ field: 'label', problem: 'is empty' }],
    });
  const at = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const id = await repo.insertScreen(tx, {
      placeCode: place.code,
      label,
      tokenHash: tokenHash(deps, token),
      createdBy: actor.userId,
      at,
    });
    await audit(tx, actor, {
      action: 'cockpit.screen_create',
      entityType: 'cockpit_screen',
      entityId: id,
      scopeCode: place.code,
      after: { place: place.code, label },
    });
    return id;
  });
  return {
    id,
    place: { code: place.code, name: place.name },
    label,
    createdAt: at.toISOString(),
    token,
    url: `/admin/screen?token=${token}`,
  };
}

/** The links of the places the actor keeps screens for (none: an empty list). */
export async function listScreens(deps: Deps, actor: UserActor): Promise<{ items: ScreenItem[] }> {
  return { items: (await repo.listScreens(deps.db, screenScopes(actor))).map(itemOf) };
}

/** Revokes a link of a place the actor keeps screens for; revoking twice is fine; 404 for any other. */
export async function revokeScreen(deps: Deps, actor: UserActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const screen = await repo.findScreen(tx, id);
    if (!screen || !mayKeepScreens(actor, screen.placeCode)) throw new AppError('not_found', { what: `screen ${id}` });
    if (!(await repo.revokeScreen(tx, id, deps.clock.now()))) return;
    await audit(tx, actor, {
      action: 'cockpit.screen_revoke',
      entityType: 'cockpit_screen',
      entityId: id,
      scopeCode: screen.placeCode,
      before: { label: screen.label },
    });
  });
}

/** The place a big screen's token shows; 401 screen_token_invalid when it is unknown or revoked. */
export async function screenPlace(deps: Deps, token: string | undefined): Promise<string> {
  const place = token ? await repo.liveScreenPlace(deps.db, tokenHash(deps, token), deps.clock.now()) : null;
  if (!place) throw new AppError('screen_token_invalid');
  return place;
}
