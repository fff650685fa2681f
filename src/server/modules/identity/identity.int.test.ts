import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_HEADERS,
  PASSWORD,
  call,
  cookieOf,
  createTestContext,
  staffActor,
  type TestContext,
} from '../../../../test/harness';
import { CAPABILITIES } from '../access/capabilities';
import { currentTotp } from './identity.secrets';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await ctx.close();
});

const signIn = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

describe('staff sign-in', () => {
  it('gives the same answer for an unknown user and a wrong password', async () => {
    const known = await staffActor(ctx, 'county_officer', '421081');
    const wrong = await signIn(known.username, 'Wrong@pass1');
    const unknown = await signIn('nobody-here', 'Wrong@pass1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks an account for 10 minutes after 5 failures, even for the right password', async () => {
    const a = await staffActor(ctx, 'town_officer', '421081107');
    for (let i = 0; i < 5; i++)
      expect((await signIn(a.username, 'Wrong@pass1')).json().code).toBe('invalid_credentials');
    const locked = await signIn(a.username, PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked', details: { minutes: 10 } });
    ctx.clock.advance(9 * 60_000);
    expect((await signIn(a.username, PASSWORD)).statusCode).toBe(423);
    ctx.clock.advance(61_000);
    expect((await signIn(a.username, PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown name exactly like a real account (no enumeration)', async () => {
    for (let i = 0; i < 5; i++) await signIn('ghost-user', 'Wrong@pass1');
    const r = await signIn('ghost-user', 'Wrong@pass1');
    expect(r.statusCode).toBe(423);
    expect(r.json().code).toBe('account_locked');
  });

  it('ends a session after 30 idle minutes and revokes it server-side', async () => {
    const a = await staffActor(ctx, 'county_officer', '421081');
    expect((await call(ctx, a, 'GET', '/api/me')).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000);
    expect((await call(ctx, a, 'GET', '/api/me')).statusCode).toBe(200); // activity resets the idle clock
    ctx.clock.advance(31 * 60_000);
    const expired = await call(ctx, a, 'GET', '/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
    const again = await call(ctx, a, 'GET', '/api/me');
    expect(again.statusCode).toBe(401);
  });

  it('sign-out revokes the session on the server', async () => {
    const a = await staffActor(ctx, 'county_officer', '421081');
    expect((await call(ctx, a, 'POST', '/api/auth/sign-out')).statusCode).toBe(204);
    const after = await call(ctx, a, 'GET', '/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });
});

describe('TOTP second factor', () => {
  it('is demanded of an administrator: enrolment before any access', async () => {
    const admin = await staffActor(ctx, 'system_admin', '421081');
    await ctx.db.owner.query('UPDATE users SET totp_enabled = false, totp_secret_cipher = NULL WHERE id = $1', [
      admin.userId,
    ]);
    const first = await signIn(admin.username, PASSWORD);
    expect(first.json().stage).toBe('totp_enroll');
    expect(first.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const cookie = cookieOf(first);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401); // a pending session grants nothing
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code: '000000' },
      headers: { cookie, ...CLIENT_HEADERS },
    });
    expect(bad.json().code).toBe('totp_invalid');
    const code = await currentTotp(first.json().secret, ctx.clock.now());
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code },
      headers: { cookie, ...CLIENT_HEADERS },
    });
    expect(ok.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    // enrolled from now on: the next sign-in asks for a code
    expect((await signIn(admin.username, PASSWORD)).json().stage).toBe('totp');
  });

  it('refuses a replayed code', async () => {
    const admin = await staffActor(ctx, 'audit_admin', '421081');
    const first = await signIn(admin.username, PASSWORD);
    expect(first.json().stage).toBe('totp');
    // staffActor already used the current code once
    const code = await currentTotp(admin.totpSecret!, ctx.clock.now());
    const replay = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      payload: { code },
      headers: { cookie: cookieOf(first), ...CLIENT_HEADERS },
    });
    expect(replay.json().code).toBe('totp_invalid');
  });

  it('is not demanded of a non-administrator without enrolment', async () => {
    const a = await staffActor(ctx, 'grid_worker', '421081107212');
    expect((await call(ctx, a, 'GET', '/api/me')).json().grants[0]).toMatchObject({
      role: 'grid_worker',
      scopeName: '百子庵村委会',
    });
  });
});

describe('resident sign-in by SMS', () => {
  it('sends a code through the gateway outbox and signs in, creating the resident', async () => {
    const phone = '13912345678';
    const sent = await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } });
    expect(sent.statusCode).toBe(200);
    const { rows } = await ctx.db.owner.query<{ body: string; phone_masked: string }>(
      'SELECT body, phone_masked FROM sms_outbox ORDER BY id DESC LIMIT 1',
    );
    expect(rows[0].phone_masked).toBe('139****5678');
    const code = /(\d{6})/.exec(rows[0].body)![1];
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sms-sign-in',
      payload: { phone, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.json().code).toBe('sms_code_invalid');
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-sign-in', payload: { phone, code } });
    expect(ok.json()).toEqual({ stage: 'active', created: true });
    const cookie = cookieOf(ok);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().user.kind).toBe('resident');
    expect(me.json().capabilities).not.toContain('console.use');
    const place = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/place',
      payload: { divisionCode: '421081107212' },
      headers: { cookie, ...CLIENT_HEADERS },
    });
    expect(place.json().user.homeDivision).toMatchObject({ code: '421081107212', name: '百子庵村委会' });
    expect(place.json().user.homeDivision.path.map((p: { name: string }) => p.name)).toEqual(['石首市', '高基庙镇']);
    // a used code cannot be used again
    const reuse = await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-sign-in', payload: { phone, code } });
    expect(reuse.json().code).toBe('sms_code_invalid');
    // the phone is stored encrypted, never in plain text
    const stored = await ctx.db.owner.query<{ phone_cipher: string }>(
      `SELECT phone_cipher FROM users WHERE phone_masked = '139****5678'`,
    );
    expect(stored.rows[0].phone_cipher).not.toContain(phone);
    expect(ctx.deps.crypto.decrypt(stored.rows[0].phone_cipher)).toBe(phone);
  });

  it('rejects a bad phone number naming it, and codes requested too often', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sms-code',
      payload: { phone: '12345' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_phone', message: 'Not a valid mobile phone number: 12345' });
    await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13700000000' } });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sms-code',
      payload: { phone: '13700000000' },
    });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('sms_code_too_soon');
  });
});

describe('/api/me capabilities', () => {
  it('sends each officer the precise case capabilities the console reads, from the policies', async () => {
    const caps = async (role: Parameters<typeof staffActor>[1], scope: string, departmentCode?: string) =>
      (await call(ctx, await staffActor(ctx, role, scope, { departmentCode }), 'GET', '/api/me'))
        .json()
        .capabilities.filter((c: string) => c.startsWith('cases.'));
    expect(await caps('grid_worker', '421081107212')).toEqual([
      'cases.handle',
      'cases.read',
      'cases.report',
      'cases.triage',
      'cases.verify',
    ]);
    expect(await caps('town_officer', '421081107')).toEqual([
      'cases.read',
      'cases.report',
      'cases.supervise',
      'cases.triage',
      'cases.verify',
    ]);
    expect(await caps('department_handler', '421081', '421081-zjj')).toEqual([
      'cases.handle',
      'cases.read',
      'cases.report',
    ]);
    expect(await caps('audit_admin', '421081')).toEqual([]);
  });

  it('lists every capability the server can send in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const me = doc.paths['/api/me'].get.responses['200'].content['application/json'].schema;
    const listed = me.properties.capabilities.items.anyOf.map(
      (s: { const?: string; enum?: string[] }) => s.const ?? s.enum?.[0],
    );
    expect(listed).toEqual([...CAPABILITIES]);
  });
});
