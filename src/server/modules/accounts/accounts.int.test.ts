import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_HEADERS,
  PASSWORD,
  call,
  cookieOf,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { operatorResetPassword } from '../../../cli/commands/account';
import { setTotp } from '../identity/identity.repo';
import { currentTotp, newTotpSecret } from '../identity/identity.secrets';

let ctx: TestContext;
let sys: TestActor, sec: TestActor, aud: TestActor, county: TestActor;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  sys = await staffActor(ctx, 'system_admin', '421081');
  sec = await staffActor(ctx, 'security_admin', '421081');
  aud = await staffActor(ctx, 'audit_admin', '421081');
  county = await staffActor(ctx, 'county_officer', '421081');
});
afterAll(async () => {
  await ctx.close();
});

const NEW_PASSWORD = 'Mine@2026new';
const signIn = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
const post = (cookie: string, url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: { cookie, ...CLIENT_HEADERS } });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('三员分立: administrator roles', () => {
  it('are granted by nobody through the API, not even to a fresh account', async () => {
    const fresh = (
      await call(ctx, sys, 'POST', '/api/accounts', {
        username: 'fresh.one',
        displayName: '新人',
        password: 'Fresh@2026x',
      })
    ).json();
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      for (const target of [fresh.id, sys.userId, aud.userId]) {
        const r = await call(ctx, sec, 'POST', '/api/role-assignments', { userId: target, role, scopeCode: '421081' });
        expect(r.statusCode).toBe(403);
        expect(r.json().code).toBe('admin_role_not_grantable');
      }
    }
    const held = (await call(ctx, sec, 'GET', `/api/users/${sys.userId}/roles`)).json();
    const revoke = await call(ctx, sec, 'DELETE', `/api/role-assignments/${held[0].id}`);
    expect(revoke.json().code).toBe('admin_role_not_grantable');
  });

  it('keep an administrator account to its one role: no pii_viewer or officer role for any of the three', async () => {
    for (const admin of [sys, sec, aud]) {
      for (const role of ['pii_viewer', 'county_officer']) {
        const r = await call(ctx, sec, 'POST', '/api/role-assignments', {
          userId: admin.userId,
          role,
          scopeCode: '421081',
        });
        expect(r.statusCode).toBe(admin === sec ? 403 : 409); // the security administrator never grants to themselves
        if (admin !== sec) expect(r.json()).toMatchObject({ code: 'admin_account_dedicated', details: { role } });
      }
    }
    expect((await call(ctx, aud, 'GET', '/api/me')).json().capabilities).not.toContain('people.reveal');
  });

  it('are kept apart by the database too, for any writer', async () => {
    const grant = (userId: string, role: string) =>
      ctx.db.owner.query(`INSERT INTO role_assignments (user_id, role, scope_code) VALUES ($1, $2, '421081')`, [
        userId,
        role,
      ]);
    await expect(grant(sys.userId, 'audit_admin')).rejects.toMatchObject({ code: 'CC071' });
    await expect(grant(aud.userId, 'pii_viewer')).rejects.toMatchObject({ code: 'CC071' });
    await expect(grant(county.userId, 'security_admin')).rejects.toMatchObject({ code: 'CC071' });
    await grant(county.userId, 'pii_viewer'); // business roles combine freely
  });
});

describe('the system administrator manages only accounts below their scope', () => {
  it('cannot reset, disable, enable or sign out an administrator or an account of equal scope', async () => {
    const unenrolled = await staffActor(ctx, 'audit_admin', '421081');
    await ctx.db.owner.query('UPDATE users SET totp_enabled = false, totp_secret_cipher = NULL WHERE id = $1', [
      unenrolled.userId,
    ]);
    for (const target of [sec, aud, unenrolled, county, sys]) {
      for (const [method, url, body] of [
        ['POST', `/api/accounts/${target.userId}/password`, { password: 'Taken@2026x' }],
        ['POST', `/api/accounts/${target.userId}/disable`, undefined],
        ['POST', `/api/accounts/${target.userId}/enable`, undefined],
        ['POST', `/api/users/${target.userId}/revoke-sessions`, undefined],
      ] as const) {
        const r = await call(ctx, sys, method, url, body);
        expect(r.statusCode, `${url}`).toBe(403);
        expect(r.json().code).toBe('account_protected');
      }
    }
    // nothing changed: they all still sign in with their own passwords
    for (const target of [county, unenrolled]) expect((await signIn(target.username, PASSWORD)).statusCode).toBe(200);
  });
});

describe('a reset password is one-time', () => {
  it('is audited, listed for the security administrator, and must be replaced at the next sign-in', async () => {
    const town = await staffActor(ctx, 'town_officer', '421081107');
    const reset = await call(ctx, sys, 'POST', `/api/accounts/${town.userId}/password`, { password: 'OneTime@2026' });
    expect(reset.statusCode).toBe(204);
    expect((await call(ctx, town, 'GET', '/api/me')).statusCode).toBe(401); // signed out everywhere

    const first = await signIn(town.username, 'OneTime@2026');
    expect(first.json()).toEqual({ stage: 'password_change' });
    const cookie = cookieOf(first);
    expect((await me(cookie)).statusCode).toBe(401); // the pending session grants nothing
    expect((await post(cookie, '/api/auth/password', { newPassword: 'OneTime@2026' })).json().code).toBe(
      'password_unchanged',
    );
    expect((await post(cookie, '/api/auth/password', { newPassword: 'short' })).json().code).toBe('weak_password');
    const done = await post(cookie, '/api/auth/password', { newPassword: NEW_PASSWORD });
    expect(done.json()).toEqual({ stage: 'active' });
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await post(cookie, '/api/auth/password', { newPassword: 'Again@2026x' })).json().code).toBe(
      'sign_in_step_invalid',
    );
    // the one-time password is gone; the new one signs in directly
    expect((await signIn(town.username, 'OneTime@2026')).statusCode).toBe(401);
    expect((await signIn(town.username, NEW_PASSWORD)).json()).toEqual({ stage: 'active' });

    const list = await call(ctx, sec, 'GET', '/api/password-resets');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      userId: town.userId,
      username: town.username,
      resetBy: `system_admin ${sys.username}`,
      changedAt: expect.any(String),
    });
    expect(list.headers['cache-control']).toBe('no-store');
    for (const other of [sys, aud, county])
      expect((await call(ctx, other, 'GET', '/api/password-resets')).statusCode).toBe(403);
    const { rows } = await ctx.db.owner.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('accounts.reset_password', 'auth.password_changed') ORDER BY id`,
      [town.userId],
    );
    expect(rows.map((r) => r.action)).toEqual(['accounts.reset_password', 'auth.password_changed']);
  });

  it('keeps an enrolled TOTP: the code first, then the new password', async () => {
    const village = await staffActor(ctx, 'village_officer', '421081107212');
    const secret = newTotpSecret();
    await ctx.db.ownerTransaction((tx) => setTotp(tx, village.userId, ctx.deps.crypto.encrypt(secret), true, null));
    expect(
      (await call(ctx, sys, 'POST', `/api/accounts/${village.userId}/password`, { password: 'OneTime@2026' }))
        .statusCode,
    ).toBe(204);
    const first = await signIn(village.username, 'OneTime@2026');
    expect(first.json()).toEqual({ stage: 'totp' });
    const cookie = cookieOf(first);
    expect((await post(cookie, '/api/auth/password', { newPassword: NEW_PASSWORD })).json().code).toBe(
      'sign_in_step_invalid',
    );
    const totp = await post(cookie, '/api/auth/totp', { code: await currentTotp(secret, ctx.clock.now()) });
    expect(totp.json()).toEqual({ stage: 'password_change' });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await post(cookie, '/api/auth/password', { newPassword: NEW_PASSWORD })).json()).toEqual({
      stage: 'active',
    });
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('also applies to the password of a new account', async () => {
    await call(ctx, sys, 'POST', '/api/accounts', {
      username: 'new.clerk2',
      displayName: '办事员',
      password: 'Clerk@2026x',
    });
    expect((await signIn('new.clerk2', 'Clerk@2026x')).json()).toEqual({ stage: 'password_change' });
  });

  it('for an administrator, comes only from the server command, with TOTP enrolled again', async () => {
    const auditor = await staffActor(ctx, 'audit_admin', '421081');
    expect(await operatorResetPassword(ctx.db, auditor.username, 'Cli@2026pass', ctx.clock.now())).toEqual({
      administrator: true,
    });
    expect((await call(ctx, auditor, 'GET', '/api/me')).statusCode).toBe(401);
    const first = await signIn(auditor.username, 'Cli@2026pass');
    expect(first.json().stage).toBe('totp_enroll');
    const cookie = cookieOf(first);
    const totp = await post(cookie, '/api/auth/totp', {
      code: await currentTotp(first.json().secret, ctx.clock.now()),
    });
    expect(totp.json()).toEqual({ stage: 'password_change' });
    expect((await post(cookie, '/api/auth/password', { newPassword: NEW_PASSWORD })).json()).toEqual({
      stage: 'active',
    });
    expect((await me(cookie)).json().capabilities).toContain('audit.read');
    const listed = (await call(ctx, sec, 'GET', '/api/password-resets')).json().items;
    expect(listed[0]).toMatchObject({ username: auditor.username, resetBy: 'cli', changedAt: expect.any(String) });
  });

  it('are listed a page at a time by username: every account once, more false at the end', async () => {
    const names = ['pg.e', 'pg.a', 'pg.d', 'pg.c', 'pg.b'];
    for (const username of names)
      expect(
        (await call(ctx, sys, 'POST', '/api/accounts', { username, displayName: username, password: 'Paging@2026x' }))
          .statusCode,
      ).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let more = true;
    while (more) {
      const r = await call(ctx, sys, 'GET', `/api/accounts?q=pg.&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      seen.push(...r.json().items.map((a: { username: string }) => a.username));
      ({ next: cursor, more } = r.json());
    }
    expect(seen).toEqual([...names].sort());
    expect(cursor).toBeNull();
    const forged = await call(ctx, sys, 'GET', `/api/accounts?cursor=${Buffer.from('[3]').toString('base64url')}`);
    expect(forged.json()).toMatchObject({ code: 'cursor_invalid' });
  });
});
