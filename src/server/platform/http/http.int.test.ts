import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, call, createTestContext, staffActor, type TestContext } from '../../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ BODY_LIMIT_BYTES: '4096', RATE_LIMIT_SIGNIN_PER_MINUTE: '3' });
});
afterAll(async () => {
  await ctx.close();
});

describe('HTTP API conventions', () => {
  it('reports health with the backend in use', async () => {
    const r = await ctx.app.inject({ url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok', database: ctx.db.kind, version: expect.any(String) });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/divisions/{code}', '/api/auth/sign-in', '/api/audit']),
    );
    expect((await ctx.app.inject({ url: '/api/docs' })).statusCode).toBe(200);
  });

  it('rejects malformed JSON, wrong types, unknown fields and missing fields with 400 naming the field', async () => {
    const post = (payload: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/accounts',
        payload,
        headers: { 'content-type': 'application/json' },
      });
    const sys = await staffActor(ctx, 'system_admin', '421081');
    const withCookie = (payload: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/accounts',
        payload,
        headers: { ...CLIENT_HEADERS, 'content-type': 'application/json', cookie: sys.cookie },
      });
    expect((await post('{"username": ')).json().code).toBe('malformed_json');
    const wrongType = await withCookie(JSON.stringify({ username: 123, displayName: 'x', password: 'Abcdefg1!' }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details.fields).toContainEqual({ field: 'body.username', problem: 'must be string' });
    const unknown = await withCookie(
      JSON.stringify({ username: 'abc', displayName: 'x', password: 'Abcdefg1!', isAdmin: true }),
    );
    expect(unknown.json().details.fields).toContainEqual({ field: 'body.isAdmin', problem: 'unknown field' });
    const missing = await withCookie(JSON.stringify({ username: 'abc' }));
    expect(missing.json().details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['body.displayName', 'body.password']),
    );
    // nothing was written
    expect((await call(ctx, sys, 'GET', '/api/accounts?q=abc')).json().items).toEqual([]);
  });

  it('rejects an oversized body with 413', async () => {
    const r = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sms-code',
      payload: JSON.stringify({ phone: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ code: 'body_too_large', details: { limit: 4096 } });
  });

  it('answers in English when asked, Chinese by default', async () => {
    const zh = await ctx.app.inject({ url: '/api/me' });
    const en = await ctx.app.inject({ url: '/api/me', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(zh.json()).toEqual({ code: 'unauthenticated', message: '请先登录', details: {} });
    expect(en.json().message).toBe('Please sign in first');
    expect((await ctx.app.inject({ url: '/api/nothing-here' })).json().code).toBe('route_not_found');
  });

  it('sends security headers', async () => {
    const r = await ctx.app.inject({ url: '/api/health' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rate-limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { username: 'x', password: 'y' },
            remoteAddress: '10.9.9.9',
          })
        ).statusCode,
      );
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'x', password: 'y' },
      remoteAddress: '10.9.9.9',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
  });

  it('answers 503 with a code when the database goes away, and keeps serving', async () => {
    await ctx.db.close();
    const r = await ctx.app.inject({ url: '/api/divisions/421081' });
    expect(r.statusCode).toBe(503);
    expect(r.json().code).toBe('database_unavailable');
    const again = await ctx.app.inject({ url: '/api/health' });
    expect(again.statusCode).toBe(503);
  });
});
