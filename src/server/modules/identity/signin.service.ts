/**
 * Staff sign-in: username + password, then TOTP where enrolled (mandatory for administrators:
 * an administrator without TOTP must enrol before the session becomes active). Failed attempts
 * are counted per username whether or not it exists; unknown user and wrong password get the
 * same answer.
 */
import type { AnonymousActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { isAdministrator } from '../access/access.domain';
import { actorOf, afterFailure, isLocked, minutesLeft, newToken } from './identity.domain';
import * as repo from './identity.repo';
import { checkTotp, newTotpSecret, totpUri, verifyPassword } from './identity.secrets';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export type SignInStep =
  | { stage: 'active'; token: string }
  | { stage: 'totp'; token: string }
  | { stage: 'totp_enroll'; token: string; secret: string; otpauthUrl: string };

const PENDING_MINUTES = 5;

export const sessionEnd = (deps: Deps, now: Date) => new Date(now.getTime() + deps.config.session.maxHours * 3_600_000);

const anon = (meta: ClientMeta): AnonymousActor => ({ kind: 'anonymous', ip: meta.ip });

/** Counts a failure for `principal` and records it; returns the error to throw after commit. */
export async function recordFailure(
  deps: Deps,
  tx: Parameters<typeof repo.readThrottle>[0],
  principal: string,
  label: string,
  meta: ClientMeta,
  action: string,
  reason: string,
): Promise<void> {
  const now = deps.clock.now();
  const state = await repo.readThrottle(tx, principal);
  const next = afterFailure(state, now, deps.config.signIn);
  await repo.writeThrottle(tx, principal, next, now);
  await audit(tx, anon(meta), { action, outcome: 'failure', label, after: { reason, failures: next.failures, locked: Boolean(next.lockedUntil) } });
}

export async function signInWithPassword(deps: Deps, input: { username: string; password: string }, meta: ClientMeta): Promise<SignInStep> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const principal = `user:${username}`;
  const outcome = await deps.db.transaction(async (tx) => {
    const throttle = await repo.readThrottle(tx, principal);
    if (isLocked(throttle, now)) {
      await audit(tx, anon(meta), { action: 'auth.sign_in', outcome: 'failure', label: username, after: { reason: 'locked' } });
      return { error: new AppError('account_locked', { minutes: minutesLeft(throttle!.lockedUntil!, now) }) };
    }
    const user = await repo.findUserByUsername(tx, username);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.disabledAt || user.kind !== 'staff') {
      await recordFailure(deps, tx, principal, username, meta, 'auth.sign_in', user ? 'bad_password' : 'unknown_user');
      return { error: new AppError('invalid_credentials') };
    }
    await repo.clearThrottle(tx, principal);
    const grants = await repo.activeGrants(tx, user.id);
    const { token, hash } = newToken();
    const actor = actorOf(user, grants, meta.ip);
    const pendingUntil = new Date(now.getTime() + PENDING_MINUTES * 60_000);
    if (user.totpEnabled) {
      await repo.insertSession(tx, { tokenHash: hash, userId: user.id, stage: 'totp', now, expiresAt: pendingUntil, ...meta });
      await audit(tx, actor, { action: 'auth.password_ok', entityType: 'user', entityId: user.id, after: { next: 'totp' } });
      return { step: { stage: 'totp', token } as SignInStep };
    }
    if (isAdministrator(grants)) {
      const secret = newTotpSecret();
      await repo.setTotp(tx, user.id, deps.crypto.encrypt(secret), false, null);
      await repo.insertSession(tx, { tokenHash: hash, userId: user.id, stage: 'totp_enroll', now, expiresAt: pendingUntil, ...meta });
      await audit(tx, actor, { action: 'auth.password_ok', entityType: 'user', entityId: user.id, after: { next: 'totp_enroll' } });
      return { step: { stage: 'totp_enroll', token, secret, otpauthUrl: totpUri(secret, username) } as SignInStep };
    }
    await repo.insertSession(tx, { tokenHash: hash, userId: user.id, stage: 'active', now, expiresAt: sessionEnd(deps, now), ...meta });
    await audit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
    return { step: { stage: 'active', token } as SignInStep };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.step;
}

/** Second step: a TOTP code for a pending session (stage totp), or the first code of an enrolment. */
export async function completeTotp(deps: Deps, tokenHash: string | null, code: string, meta: ClientMeta): Promise<{ stage: 'active' }> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const session = tokenHash ? await repo.findSession(tx, tokenHash) : null;
    if (!session || session.revokedAt || session.expiresAt <= now || session.stage === 'active') {
      return { error: new AppError('sign_in_step_invalid') };
    }
    const user = (await repo.findUserById(tx, session.userId))!;
    const principal = `user:${user.username}`;
    const throttle = await repo.readThrottle(tx, principal);
    if (isLocked(throttle, now)) {
      await repo.revokeSession(tx, session.tokenHash, now);
      return { error: new AppError('account_locked', { minutes: minutesLeft(throttle!.lockedUntil!, now) }) };
    }
    const secret = user.totpSecretCipher ? deps.crypto.decrypt(user.totpSecretCipher) : null;
    const step = secret ? await checkTotp(secret, code, now, user.totpLastStep) : null;
    if (step === null) {
      await recordFailure(deps, tx, principal, user.username ?? user.id, meta, 'auth.totp', 'bad_code');
      return { error: new AppError('totp_invalid') };
    }
    await repo.clearThrottle(tx, principal);
    await repo.setTotp(tx, user.id, user.totpSecretCipher, true, step);
    await repo.activateSession(tx, session.tokenHash, now, sessionEnd(deps, now));
    const grants = await repo.activeGrants(tx, user.id);
    const actor = actorOf(user, grants, meta.ip);
    if (session.stage === 'totp_enroll') await audit(tx, actor, { action: 'auth.totp_enrolled', entityType: 'user', entityId: user.id });
    await audit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { secondFactor: 'totp' } });
    return { ok: true as const };
  });
  if ('error' in outcome) throw outcome.error;
  return { stage: 'active' };
}
