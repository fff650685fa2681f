/**
 * Staff sign-in: username + password, then TOTP where enrolled (mandatory for administrators:
 * an administrator without TOTP must enrol before the session becomes active), then a new
 * password when the current one was set by someone else (one-time). Attempts are counted per
 * username whether or not it exists, BEFORE the secret is checked (atomically, so parallel
 * attempts cannot pass the limit); unknown user and wrong password get the same answer.
 */
import type { AnonymousActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError, fail, ok, unwrap } from '../../platform/errors';
import { isAdministrator } from '../access';
import type { Queryable } from '../../platform/db/db';
import { actorOf, attemptAllowed, minutesLeft, newToken, type ThrottleState } from './identity.domain';
import * as repo from './identity.repo';
import { checkTotp, newTotpSecret, totpUri, verifyPassword } from './identity.secrets';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export type PendingStage = 'totp' | 'totp_enroll' | 'password_change';

export type SignInStep =
  | { stage: 'active'; token: string }
  | { stage: 'totp' | 'password_change'; token: string }
  | { stage: 'totp_enroll'; token: string; secret: string; otpauthUrl: string };

const PENDING_MINUTES = 5;
export const sessionEnd = (deps: Deps, now: Date) => new Date(now.getTime() + deps.config.session.maxHours * 3_600_000);
const pendingEnd = (now: Date) => new Date(now.getTime() + PENDING_MINUTES * 60_000);
const anon = (meta: ClientMeta): AnonymousActor => ({ kind: 'anonymous', ip: meta.ip });

/**
 * Counts an attempt for `principal` before its secret is checked (its own statement, committed
 * at once). Returns the count, or the account_locked error (recorded) when it may not be checked.
 */
export async function reserveAttempt(
  deps: Deps,
  principal: string,
  label: string,
  meta: ClientMeta,
  action: string,
): Promise<ThrottleState> {
  const now = deps.clock.now();
  const reserved = await repo.reserveAttempt(deps.db, principal, now, deps.config.signIn);
  if (attemptAllowed(reserved, deps.config.signIn)) return reserved;
  await deps.db.transaction((tx) =>
    audit(tx, anon(meta), { action, outcome: 'failure', label, after: { reason: 'locked' } }),
  );
  throw new AppError('account_locked', { minutes: minutesLeft(reserved.lockedUntil!, now) });
}

/** Records a failed attempt (already counted by reserveAttempt). */
export async function recordFailure(
  tx: Queryable,
  reserved: ThrottleState,
  label: string,
  meta: ClientMeta,
  action: string,
  reason: string,
): Promise<void> {
  await audit(tx, anon(meta), {
    action,
    outcome: 'failure',
    label,
    after: { reason, failures: reserved.failures, locked: Boolean(reserved.lockedUntil) },
  });
}

export async function signInWithPassword(
  deps: Deps,
  input: { username: string; password: string },
  meta: ClientMeta,
): Promise<SignInStep> {
  const username = input.username.trim().toLowerCase();
  const principal = `user:${username}`;
  const reserved = await reserveAttempt(deps, principal, username, meta, 'auth.sign_in');
  const user = await repo.findUserByUsername(deps.db, username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    if (!user || !passwordOk || user.disabledAt || user.kind !== 'staff') {
      await recordFailure(tx, reserved, username, meta, 'auth.sign_in', user ? 'bad_password' : 'unknown_user');
      return fail('invalid_credentials');
    }
    await repo.clearThrottle(tx, principal, reserved);
    const grants = await repo.activeGrants(tx, user.id);
    const { token, hash } = newToken();
    const actor = actorOf(user, grants, meta.ip);
    const session = { tokenHash: hash, userId: user.id, now, ...meta };
    if (user.totpEnabled || isAdministrator(grants)) {
      const enrol = !user.totpEnabled;
      const secret = enrol ? newTotpSecret() : null;
      if (secret) await repo.setTotp(tx, user.id, deps.crypto.encrypt(secret), false, null);
      await repo.insertSession(tx, { ...session, stage: enrol ? 'totp_enroll' : 'totp', expiresAt: pendingEnd(now) });
      await audit(tx, actor, {
        action: 'auth.password_ok',
        entityType: 'user',
        entityId: user.id,
        after: { next: enrol ? 'totp_enroll' : 'totp' },
      });
      return ok<SignInStep>(
        secret
          ? { stage: 'totp_enroll', token, secret, otpauthUrl: totpUri(secret, username) }
          : { stage: 'totp', token },
      );
    }
    if (user.mustChangePassword) {
      await repo.insertSession(tx, { ...session, stage: 'password_change', expiresAt: pendingEnd(now) });
      await audit(tx, actor, {
        action: 'auth.password_ok',
        entityType: 'user',
        entityId: user.id,
        after: { next: 'password_change' },
      });
      return ok<SignInStep>({ stage: 'password_change', token });
    }
    await repo.insertSession(tx, { ...session, stage: 'active', expiresAt: sessionEnd(deps, now) });
    await audit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
    return ok<SignInStep>({ stage: 'active', token });
  });
  return unwrap(outcome);
}

/** A pending session of `stage`s, or sign_in_step_invalid. */
export async function pendingSession(
  q: Queryable,
  tokenHash: string | null,
  stages: readonly PendingStage[],
  now: Date,
) {
  const session = tokenHash ? await repo.findSession(q, tokenHash) : null;
  if (
    !session ||
    session.revokedAt ||
    session.expiresAt <= now ||
    !(stages as readonly string[]).includes(session.stage)
  )
    throw new AppError('sign_in_step_invalid');
  const user = await repo.findUserById(q, session.userId);
  if (!user || user.disabledAt) throw new AppError('sign_in_step_invalid');
  return { session, user };
}

/**
 * Second step: a TOTP code for a pending session (stage totp), or the first code of an enrolment.
 * The session becomes active, or moves on to the password change when the password is one-time.
 */
export async function completeTotp(
  deps: Deps,
  tokenHash: string | null,
  code: string,
  meta: ClientMeta,
): Promise<{ stage: 'active' | 'password_change' }> {
  const { session, user } = await pendingSession(deps.db, tokenHash, ['totp', 'totp_enroll'], deps.clock.now());
  const principal = `user:${user.username}`;
  const label = user.username ?? user.id;
  let reserved: ThrottleState;
  try {
    reserved = await reserveAttempt(deps, principal, label, meta, 'auth.totp');
  } catch (e) {
    await repo.revokeSession(deps.db, session.tokenHash, deps.clock.now());
    throw e;
  }
  const now = deps.clock.now();
  const secret = user.totpSecretCipher ? deps.crypto.decrypt(user.totpSecretCipher) : null;
  const step = secret ? await checkTotp(secret, code, now, user.totpLastStep) : null;
  const outcome = await deps.db.transaction(async (tx) => {
    if (step === null || !(await repo.claimTotpStep(tx, user.id, step))) {
      await recordFailure(tx, reserved, label, meta, 'auth.totp', 'bad_code');
      return fail('totp_invalid');
    }
    await repo.clearThrottle(tx, principal, reserved);
    const actor = actorOf(user, await repo.activeGrants(tx, user.id), meta.ip);
    if (session.stage === 'totp_enroll')
      await audit(tx, actor, { action: 'auth.totp_enrolled', entityType: 'user', entityId: user.id });
    if (user.mustChangePassword) {
      await repo.setSessionStage(tx, session.tokenHash, 'password_change');
      await audit(tx, actor, {
        action: 'auth.totp_ok',
        entityType: 'user',
        entityId: user.id,
        after: { next: 'password_change' },
      });
      return ok<{ stage: 'active' | 'password_change' }>({ stage: 'password_change' });
    }
    await repo.activateSession(tx, session.tokenHash, now, sessionEnd(deps, now));
    await audit(tx, actor, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { secondFactor: 'totp' },
    });
    return ok<{ stage: 'active' | 'password_change' }>({ stage: 'active' });
  });
  return unwrap(outcome);
}
