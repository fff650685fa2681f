import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestContext, staffActor, type TestContext } from '../../../../test/harness';
import { clearThrottle, reserveAttempt } from './identity.repo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_SIGNIN_PER_MINUTE: '1000', SMS_DAILY_CAP_PER_PHONE: '3' });
});
afterAll(async () => {
  await ctx.close();
});

const signIn = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
const smsCode = (phone: string, lang = 'zh-CN') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sms-code',
    payload: { phone },
    headers: { 'accept-language': lang },
  });
const smsSignIn = (phone: string, code: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sms-sign-in', payload: { phone, code } });
const lastCode = async () => {
  const { rows } = await ctx.db.owner.query<{ body: string }>('SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1');
  return /(\d{6})/.exec(rows[0].body)![1];
};
const lastAuditId = async () =>
  Number((await ctx.db.owner.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM audit_log')).rows[0].id);
/** Passwords checked for a name since audit row `since`: failures recorded as a wrong password plus successful sign-ins. */
const checked = async (username: string, userId: string, since: number) => {
  const { rows } = await ctx.db.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE id > $3 AND action = 'auth.sign_in' AND (
       (outcome = 'failure' AND actor_label = $1 AND after->>'reason' = 'bad_password') OR (outcome = 'success' AND entity_id = $2))`,
    [username, userId, since],
  );
  return Number(rows[0].n);
};

/** Lengths of the runs of wrong passwords between successful sign-ins, in the order the trail recorded them. */
const failureRuns = async (username: string, userId: string, since: number) => {
  const { rows } = await ctx.db.owner.query<{ outcome: string }>(
    `SELECT outcome FROM audit_log WHERE id > $3 AND action = 'auth.sign_in' AND (
       (outcome = 'failure' AND actor_label = $1 AND after->>'reason' = 'bad_password') OR (outcome = 'success' AND entity_id = $2))
     ORDER BY id`,
    [username, userId, since],
  );
  const runs = [0];
  for (const r of rows)
    if (r.outcome === 'success') runs.push(0);
    else runs[runs.length - 1]++;
  return runs;
};

describe('sign-in under concurrency', () => {
  it('checks at most LOGIN_MAX_FAILURES passwords when ten wrong and one right arrive at once', async () => {
    const a = await staffActor(ctx, 'town_officer', '421081107');
    const since = await lastAuditId();
    const attempts = [...Array.from({ length: 10 }, () => 'Wrong@pass1'), PASSWORD];
    const answers = await Promise.all(attempts.map((pw) => signIn(a.username, pw)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.every((c) => [200, 401, 423].includes(c))).toBe(true);
    expect(await checked(a.username, a.userId, since)).toBe(codes.filter((c) => c !== 423).length);
    // The owner's success clears the count when no guess was counted after it, so guesses checked
    // before it do not add to those after it: no run of wrong passwords between successes is longer
    // than LOGIN_MAX_FAILURES, and without a success at most that many were checked at all.
    expect(Math.max(...(await failureRuns(a.username, a.userId, since)))).toBeLessThanOrEqual(5);
    if (!codes.includes(200)) expect(codes.filter((c) => c !== 423).length).toBeLessThanOrEqual(5);
    // if the right one came too late, it was refused unchecked and the name stays locked
    if (!codes.includes(200)) expect((await signIn(a.username, PASSWORD)).statusCode).toBe(423);
  });

  it('a success clears the count only if no attempt was counted after its own (it never lifts their lock)', async () => {
    const policy = { maxFailures: 5, lockMinutes: 10 };
    const now = ctx.clock.now();
    const principal = 'user:race-test';
    const owner = await reserveAttempt(ctx.db, principal, now, policy); // the owner's attempt: 1
    for (let i = 0; i < 4; i++) await reserveAttempt(ctx.db, principal, now, policy); // guesses: 2..5, the 5th locks
    await clearThrottle(ctx.db, principal, owner); // the owner's password was right
    const row = async () =>
      (
        await ctx.db.owner.query<{ failures: number; locked: boolean }>(
          'SELECT failures, locked_until IS NOT NULL AS locked FROM sign_in_throttle WHERE principal = $1',
          [principal],
        )
      ).rows[0];
    expect(await row()).toEqual({ failures: 5, locked: true });
    const alone = await reserveAttempt(ctx.db, 'user:alone', now, policy);
    await clearThrottle(ctx.db, 'user:alone', alone);
    expect(
      (await ctx.db.owner.query('SELECT 1 FROM sign_in_throttle WHERE principal = $1', ['user:alone'])).rows,
    ).toEqual([]);
    expect(await row()).toBeDefined();
  });

  it('locks an unknown name after exactly five checks, however many arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn('ghost-parallel', 'Wrong@pass1')));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 423)).toHaveLength(7);
    expect(answers.find((r) => r.statusCode === 423)!.json()).toMatchObject({
      code: 'account_locked',
      details: { minutes: 10 },
    });
  });

  it('serialises parallel SMS sign-ins for one phone: one session, no 5xx', async () => {
    const phone = '13911110001';
    expect((await smsCode(phone)).statusCode).toBe(200);
    const code = await lastCode();
    const answers = await Promise.all(Array.from({ length: 10 }, () => smsSignIn(phone, code)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c !== 200).every((c) => c === 401 || c === 423)).toBe(true);
    const { rows } = await ctx.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE phone_masked = '139****0001'`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('sends one code when ten are asked for at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => smsCode('13911110002')));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 429)).toHaveLength(9);
  });
});

describe('daily cap of SMS codes per phone', () => {
  it('refuses the code past SMS_DAILY_CAP_PER_PHONE in 24 hours, in Chinese and English, and allows it again a day later', async () => {
    const phone = '13911110003';
    for (let i = 0; i < 3; i++) {
      expect((await smsCode(phone)).statusCode).toBe(200);
      ctx.clock.advance(61_000);
    }
    const zh = await smsCode(phone);
    expect(zh.statusCode).toBe(429);
    expect(zh.json()).toMatchObject({ code: 'sms_daily_cap', details: { cap: 3 } });
    expect(zh.json().message).toContain('已达上限');
    const en = await smsCode(phone, 'en');
    expect(en.json().message).toBe(
      'This phone has received 3 codes in the last 24 hours, the most allowed; try again tomorrow',
    );
    // another phone is not affected
    expect((await smsCode('13911110004')).statusCode).toBe(200);
    ctx.clock.advance(24 * 3_600_000);
    expect((await smsCode(phone)).statusCode).toBe(200);
  });
});
