/** Turning a cookie into an actor, idle timeout, sign-out and server-side revocation. */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { type Batcher, createBatcher } from '../../platform/db/batcher';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { accountProtection, canManageAccounts } from '../access';
import { actorOf, hashToken, sessionState } from './identity.domain';
import * as repo from './identity.repo';

export type Resolved =
  | { actor: Actor; tokenHash: string; problem?: undefined }
  | { actor: Actor; tokenHash?: undefined; problem?: 'session_expired' };

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 15_000;

/**
 * Session look-ups (and last-seen updates) of concurrent requests share one statement: a lone
 * request queries at once; under load each statement carries what arrived while the previous ran.
 */
interface Grouped {
  lookup: Batcher<string, repo.SessionWithUser | null>;
  touch: Batcher<{ tokenHash: string; at: Date }, void>;
}
const grouped = new WeakMap<Database, Grouped>();

function groups(db: Database): Grouped {
  let g = grouped.get(db);
  if (!g) {
    g = {
      lookup: createBatcher(
        async (hashes: string[]) => {
          const found = await repo.sessionsWithUsers(db, [...new Set(hashes)]);
          return hashes.map((h) => ({ ok: true as const, value: found.get(h) ?? null }));
        },
        { maxBatch: 200, maxInFlight: 1 },
      ),
      touch: createBatcher(
        async (seen: { tokenHash: string; at: Date }[]) => {
          await repo.touchSessions(db, seen);
          return seen.map(() => ({ ok: true as const, value: undefined }));
        },
        { maxBatch: 200, maxInFlight: 1 },
      ),
    };
    grouped.set(db, g);
  }
  return g;
}

export async function resolveSession(deps: Deps, token: string | undefined, ip: string | null): Promise<Resolved> {
  const anonymous: Actor = { kind: 'anonymous', ip };
  if (!token) return { actor: anonymous };
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const found = await groups(deps.db).lookup.submit(tokenHash);
  if (!found || found.session.stage !== 'active') return { actor: anonymous };
  const { session, user, grants } = found;
  const state = sessionState(session, now, deps.config.session.idleMinutes);
  if (state !== 'valid') {
    if (state === 'idle_timeout') {
      await deps.db.transaction(async (tx) => {
        await repo.revokeSession(tx, tokenHash, now);
        await audit(
          tx,
          { kind: 'anonymous', ip },
          { action: 'auth.idle_timeout', entityType: 'user', entityId: session.userId },
        );
      });
    }
    return { actor: anonymous, problem: state === 'revoked' ? undefined : 'session_expired' };
  }
  if (user.disabledAt) return { actor: anonymous };
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await groups(deps.db).touch.submit({ tokenHash, at: now });
  return { actor: actorOf(user, grants, ip), tokenHash };
}

export async function signOut(deps: Deps, actor: Actor, tokenHash: string | undefined): Promise<void> {
  if (!tokenHash || actor.kind !== 'user') return;
  await deps.db.transaction(async (tx) => {
    await repo.revokeSession(tx, tokenHash, deps.clock.now());
    await audit(tx, actor, { action: 'auth.sign_out', entityType: 'user', entityId: actor.userId });
  });
}

/** Server-side revocation of every session of a user (system administrator; not of an administrator or a wider account). */
export async function revokeAllSessions(deps: Deps, actor: Actor, userId: string): Promise<{ revoked: number }> {
  if (!canManageAccounts(actor)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) throw new AppError('not_found', { what: `user ${userId}` });
    const reason = accountProtection(actor, { id: user.id, grants: await repo.activeGrants(tx, user.id) });
    if (reason) throw new AppError('account_protected', { reason });
    const revoked = await repo.revokeUserSessions(tx, userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'auth.sessions_revoked',
      entityType: 'user',
      entityId: userId,
      after: { revoked },
    });
    return { revoked };
  });
}
