/**
 * Resident sign-in: phone number + SMS code through the pluggable gateway. A first sign-in
 * creates the resident's account. Phones are stored encrypted with a blind index for lookup.
 * Everything about one phone (sending a code, signing in) runs one at a time under the phone's
 * advisory lock, so parallel requests neither deadlock nor pass the limits; a phone gets at most
 * SMS_DAILY_CAP_PER_PHONE codes in 24 hours.
 */
import { createHash } from 'node:crypto';
import { audit } from '../../platform/audit/audit';
import { maskPhone, normalizePhone } from '../../platform/crypto/masking';
import type { Deps } from '../../platform/deps';
import { AppError, fail, ok, unwrap } from '../../platform/errors';
import { actorOf, attemptAllowed, minutesLeft, newSmsCode, newToken } from './identity.domain';
import * as repo from './identity.repo';
import { type ClientMeta, recordFailure, sessionEnd } from './signin.service';
import { cutText } from '../../platform/text';

const DAY_MS = 86_400_000;

const RESEND_SECONDS = 60;
const MAX_CODE_ATTEMPTS = 5;

function phoneOrFail(input: string): string {
  const phone = normalizePhone(input);
  if (!phone) throw new AppError('invalid_phone', { phone: cutText(input, 20) });
  return phone;
}

const codeHash = (phoneIndex: string, code: string) =>
  createHash('sha256').update(`${phoneIndex}:${code}`).digest('hex');

export async function requestSmsCode(
  deps: Deps,
  phoneInput: string,
  meta: ClientMeta,
): Promise<{ resendAfterSeconds: number }> {
  const phone = phoneOrFail(phoneInput);
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    await repo.lockPhone(tx, phoneIndex);
    const cap = deps.config.sms.dailyCapPerPhone;
    if ((await repo.countSmsCodesSince(tx, phoneIndex, new Date(now.getTime() - DAY_MS))) >= cap) {
      await audit(
        tx,
        { kind: 'anonymous', ip: meta.ip },
        {
          action: 'auth.sms_code_sent',
          outcome: 'failure',
          label: maskPhone(phone),
          after: { reason: 'daily_cap', cap },
        },
      );
      return fail('sms_daily_cap', { cap });
    }
    const last = await repo.latestSmsCode(tx, phoneIndex);
    const age = last ? (now.getTime() - new Date(last.created_at).getTime()) / 1000 : Infinity;
    if (age < RESEND_SECONDS) return fail('sms_code_too_soon', { seconds: Math.ceil(RESEND_SECONDS - age) });
    const code = newSmsCode();
    const expiresAt = new Date(now.getTime() + deps.config.sms.codeTtlMinutes * 60_000);
    await repo.insertSmsCode(tx, phoneIndex, codeHash(phoneIndex, code), now, expiresAt);
    await deps.sms.send(tx, {
      phone,
      body: `【共同缔造】您的登录验证码是 ${code}，${deps.config.sms.codeTtlMinutes} 分钟内有效。`,
    });
    await audit(tx, { kind: 'anonymous', ip: meta.ip }, { action: 'auth.sms_code_sent', label: maskPhone(phone) });
    return ok(null);
  });
  unwrap(outcome);
  return { resendAfterSeconds: RESEND_SECONDS };
}

export async function signInWithSms(
  deps: Deps,
  input: { phone: string; code: string },
  meta: ClientMeta,
): Promise<{ token: string; created: boolean }> {
  const phone = phoneOrFail(input.phone);
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  const principal = `phone:${phoneIndex}`;
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    await repo.lockPhone(tx, phoneIndex);
    const reserved = await repo.reserveAttempt(tx, principal, now, deps.config.signIn);
    if (!attemptAllowed(reserved, deps.config.signIn)) {
      await audit(
        tx,
        { kind: 'anonymous', ip: meta.ip },
        { action: 'auth.sign_in_sms', outcome: 'failure', label: maskPhone(phone), after: { reason: 'locked' } },
      );
      return fail('account_locked', { minutes: minutesLeft(reserved.lockedUntil!, now) });
    }
    const last = await repo.latestSmsCode(tx, phoneIndex);
    const valid = last && !last.consumed_at && new Date(last.expires_at) > now && last.attempts < MAX_CODE_ATTEMPTS;
    if (!valid || last.code_hash !== codeHash(phoneIndex, input.code.trim())) {
      if (last && valid) await repo.markSmsCode(tx, last.id, false, now);
      await recordFailure(tx, reserved, maskPhone(phone), meta, 'auth.sign_in_sms', 'bad_code');
      return fail('sms_code_invalid');
    }
    await repo.markSmsCode(tx, last.id, true, now);
    await repo.clearThrottle(tx, principal, reserved);
    let user = await repo.findUserByPhoneIndex(tx, phoneIndex);
    const created = !user;
    if (!user) {
      const id = await repo.insertUser(tx, {
        kind: 'resident',
        displayName: `居民${phone.slice(-4)}`,
        phoneCipher: deps.crypto.encrypt(phone),
        phoneIndex,
        phoneMasked: maskPhone(phone),
      });
      user = (await repo.findUserById(tx, id))!;
    }
    if (user.disabledAt) return fail('sms_code_invalid');
    const { token, hash } = newToken();
    await repo.insertSession(tx, {
      tokenHash: hash,
      userId: user.id,
      stage: 'active',
      now,
      expiresAt: sessionEnd(deps, now),
      ...meta,
    });
    const actor = actorOf(user, await repo.activeGrants(tx, user.id), meta.ip);
    if (created)
      await audit(tx, actor, {
        action: 'users.register_resident',
        entityType: 'user',
        entityId: user.id,
        after: { phone: maskPhone(phone) },
      });
    await audit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { method: 'sms' } });
    return ok({ token, created });
  });
  return unwrap(outcome);
}
