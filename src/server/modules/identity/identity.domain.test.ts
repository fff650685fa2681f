import { describe, expect, it } from 'vitest';
import { attemptAllowed, isLocked, isStrongPassword, newSmsCode, sessionState } from './identity.domain';

const policy = { maxFailures: 5, lockMinutes: 10 };
const t0 = new Date('2026-11-25T08:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('password policy', () => {
  it('wants 8 characters of 3 classes', () => {
    expect(isStrongPassword('Abcdefg1')).toBe(true);
    expect(isStrongPassword('abcdefg1!')).toBe(true);
    expect(isStrongPassword('Abc1!')).toBe(false);
    expect(isStrongPassword('abcdefgh1')).toBe(false);
    expect(isStrongPassword('ABCDEFGH')).toBe(false);
  });
});

describe('sign-in throttle', () => {
  it('checks the attempt that reaches the limit and none after it while locked', () => {
    const lock = later(10);
    expect(attemptAllowed({ failures: 1, lockedUntil: null }, policy)).toBe(true);
    expect(attemptAllowed({ failures: 4, lockedUntil: null }, policy)).toBe(true);
    expect(attemptAllowed({ failures: 5, lockedUntil: lock }, policy)).toBe(true);
    expect(attemptAllowed({ failures: 6, lockedUntil: lock }, policy)).toBe(false);
    // a lock from before the limit was raised still holds
    expect(attemptAllowed({ failures: 6, lockedUntil: lock }, { ...policy, maxFailures: 10 })).toBe(false);
    expect(isLocked({ failures: 5, lockedUntil: lock }, later(9))).toBe(true);
    expect(isLocked({ failures: 5, lockedUntil: lock }, later(10))).toBe(false);
  });
});

describe('session lifetime', () => {
  const s = { lastSeenAt: t0, expiresAt: later(600), revokedAt: null };
  it('times out after the idle period', () => {
    expect(sessionState(s, later(30), 30)).toBe('valid');
    expect(sessionState(s, later(31), 30)).toBe('idle_timeout');
    expect(sessionState(s, later(601), 30000)).toBe('expired');
    expect(sessionState({ ...s, revokedAt: t0 }, later(1), 30)).toBe('revoked');
  });
  it('makes 6-digit SMS codes', () => {
    for (let i = 0; i < 50; i++) expect(newSmsCode()).toMatch(/^\d{6}$/);
  });
});
