/** Pure rules of identity: password strength, sign-in throttling, session lifetime. */
import { createHash, randomBytes } from 'node:crypto';
import type { Grant, UserActor } from '../../platform/actor';

/** ≥ 8 characters from at least 3 of 4 classes (upper, lower, digit, symbol). */
export function isStrongPassword(pw: string): boolean {
  if (pw.length < 8 || pw.length > 256) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3;
}

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil > now);
}

/**
 * Attempts are counted before their secret is checked (identity.repo reserveAttempt): the count
 * that reaches the limit sets the lock and is the last one checked; every later one is refused
 * until the lock runs out. So at most `maxFailures` secrets are checked per lock period, however
 * many attempts arrive at once.
 */
export function attemptAllowed(reserved: ThrottleState, policy: ThrottlePolicy): boolean {
  return (
    reserved.failures <= policy.maxFailures &&
    (reserved.lockedUntil === null || reserved.failures === policy.maxFailures)
  );
}

export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionState = 'valid' | 'idle_timeout' | 'expired' | 'revoked';

export function sessionState(s: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (s.revokedAt) return 'revoked';
  if (s.expiresAt <= now) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() > idleMinutes * 60_000) return 'idle_timeout';
  return 'valid';
}

/** 32 random bytes for the cookie; only the SHA-256 is stored server-side. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A 6-digit SMS code. */
export function newSmsCode(): string {
  return String(randomBytes(4).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function actorOf(
  user: { id: string; kind: 'staff' | 'resident'; displayName: string; homeDivisionCode: string | null },
  grants: Grant[],
  ip: string | null,
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    userKind: user.kind,
    displayName: user.displayName,
    homeDivisionCode: user.homeDivisionCode,
    grants,
    ip,
  };
}
