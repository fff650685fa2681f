import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_HEADERS,
  PASSWORD,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { crossSiteProblem } from './request-guards';

let ctx: TestContext;
let sys: TestActor, town: TestActor;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  sys = await staffActor(ctx, 'system_admin', '421081');
  town = await staffActor(ctx, 'town_officer', '421081107');
});
afterAll(async () => {
  await ctx.close();
});

const FOREIGN = 'https://evil.example';
const disabled = async (userId: string) =>
  (await ctx.db.owner.query<{ disabled_at: Date | null }>('SELECT disabled_at FROM users WHERE id = $1', [userId]))
    .rows[0].disabled_at;

describe('CSRF: state-changing requests with the session cookie', () => {
  it('refuses a foreign Origin on every method, with a body or without, and writes nothing', async () => {
    const requests = [
      { method: 'POST', url: `/api/accounts/${town.userId}/disable` },
      { method: 'POST', url: `/api/accounts/${town.userId}/password`, payload: { password: 'Evil@2026xx' } },
      { method: 'PUT', url: '/api/me/place', payload: { divisionCode: '421081107212' } },
      { method: 'DELETE', url: '/api/role-assignments/00000000-0000-4000-8000-000000000000' },
      { method: 'PATCH', url: '/api/categories/L0002', payload: {} },
      { method: 'POST', url: '/api/auth/sign-out' },
    ] as const;
    for (const r of requests) {
      for (const origin of [FOREIGN, 'null', 'http://localhost.evil.example', 'http://localhost:8080']) {
        const res = await ctx.app.inject({ ...r, headers: { cookie: sys.cookie, origin, ...CLIENT_HEADERS } });
        expect(res.statusCode, `${r.method} ${r.url} from ${origin}`).toBe(403);
        expect(res.json().code).toBe('cross_site_request');
      }
    }
    expect(await disabled(town.userId)).toBeNull();
    expect((await ctx.app.inject({ url: '/api/me', headers: { cookie: sys.cookie } })).statusCode).toBe(200); // not signed out
  });

  it('without Origin, wants X-Requested-With (which a cross-site form cannot send)', async () => {
    const bare = await ctx.app.inject({
      method: 'POST',
      url: `/api/accounts/${town.userId}/disable`,
      headers: { cookie: sys.cookie },
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('cross_site_request');
    const form = await ctx.app.inject({
      method: 'POST',
      url: `/api/accounts/${town.userId}/password`,
      payload: 'password=Evil%402026xx',
      headers: { cookie: sys.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(403);
    expect(await disabled(town.userId)).toBeNull();
  });

  it('accepts the site itself: same Origin, or the client header', async () => {
    const same = await ctx.app.inject({
      method: 'POST',
      url: `/api/accounts/${town.userId}/disable`,
      headers: { cookie: sys.cookie, origin: 'http://localhost' },
    });
    expect(same.statusCode).toBe(204);
    const withHeader = await ctx.app.inject({
      method: 'POST',
      url: `/api/accounts/${town.userId}/enable`,
      headers: { cookie: sys.cookie, ...CLIENT_HEADERS },
    });
    expect(withHeader.statusCode).toBe(204);
    expect(await disabled(town.userId)).toBeNull();
  });

  it('refuses a foreign Origin on the sign-in endpoints too, but not on Open311 (API keys)', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: town.username, password: PASSWORD },
      headers: { origin: FOREIGN },
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    const open311 = await ctx.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: 'nope' },
      headers: { origin: FOREIGN },
    });
    expect(open311.json().code).not.toBe('cross_site_request');
  });

  it('decides by method, path, Origin and scheme (pure rule)', () => {
    const base = {
      method: 'POST',
      url: '/api/x',
      origin: undefined,
      requestedWith: undefined,
      hasSessionCookie: true,
      host: 'gov.example:8443',
      protocol: 'https',
    };
    expect(crossSiteProblem({ ...base, method: 'GET' })).toBeNull();
    expect(crossSiteProblem(base)).toBe('no Origin and no X-Requested-With');
    expect(crossSiteProblem({ ...base, hasSessionCookie: false })).toBeNull();
    expect(crossSiteProblem({ ...base, origin: 'https://gov.example:8443' })).toBeNull();
    expect(crossSiteProblem({ ...base, origin: 'http://gov.example:8443' })).toBe('foreign origin'); // a plain-HTTP page of an HTTPS site
    expect(crossSiteProblem({ ...base, host: 'gov.example:443', origin: 'https://gov.example' })).toBeNull();
    expect(crossSiteProblem({ ...base, url: '/open311/v2/requests.json', origin: FOREIGN })).toBeNull();
  });
});

describe('caching and the cookie', () => {
  it('marks authenticated JSON (errors too) and sign-in answers no-store (PII reveals: organisation.int.test)', async () => {
    for (const url of ['/api/me', '/api/accounts', `/api/users/${town.userId}/roles`]) {
      const r = await ctx.app.inject({ url, headers: { cookie: sys.cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const err = await ctx.app.inject({ url: '/api/audit', headers: { cookie: sys.cookie } });
    expect(err.headers['cache-control']).toBe('no-store');
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: town.username, password: PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const publicList = await ctx.app.inject({ url: '/api/divisions/421081' });
    expect(publicList.headers['cache-control']).toBeUndefined();
  });

  it('is Secure over HTTPS behind a trusted proxy, and only then (or when forced)', async () => {
    const login = (c: TestContext, proto?: string) =>
      c.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: town.username, password: PASSWORD },
        headers: proto ? { 'x-forwarded-proto': proto } : {},
      });
    const isSecure = (r: { headers: Record<string, unknown> }) => /;\s*Secure/i.test(String(r.headers['set-cookie']));
    expect(isSecure(await login(ctx, 'https'))).toBe(false); // the header is not trusted by default
    expect(isSecure(await login(ctx))).toBe(false);
    const proxied = await createTestContext({ TRUST_PROXY: 'true', RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
    try {
      const t = await staffActor(proxied, 'town_officer', '421081107', { username: town.username });
      expect(t.userId).toBeTruthy();
      expect(isSecure(await login(proxied, 'https'))).toBe(true);
      expect(isSecure(await login(proxied, 'http'))).toBe(false);
    } finally {
      await proxied.close();
    }
    const forced = await createTestContext({ COOKIE_SECURE: 'true' });
    try {
      await staffActor(forced, 'town_officer', '421081107', { username: town.username });
      expect(isSecure(await login(forced))).toBe(true);
    } finally {
      await forced.close();
    }
  });
});
