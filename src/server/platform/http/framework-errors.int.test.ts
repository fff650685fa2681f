/**
 * Errors Fastify raises before routing (found by the fuzz suite): a path that is not
 * percent-encoded UTF-8 and an over-long path parameter answer 400 in the error shape, in the
 * asked language — Open311 paths in Open311's own shape. And a number PGlite cannot parse
 * (a subnormal float) is no 500 on either backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestContext } from '../../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('errors raised before routing', () => {
  const BAD_PATHS = [
    '/api/cases/%FF%FE',
    '/api/people/%ED%A0%80',
    '/api/divisions/%ZZ',
    '/api/cases/%',
    `/api/divisions/${'1'.repeat(500)}`,
    `/api/photos/${'x'.repeat(5000)}`,
  ];

  it.each(BAD_PATHS)('%s answers 400 validation_failed naming the path, in zh and en', async (url) => {
    const zh = await ctx.app.inject({ url });
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toMatch(/^application\/json/);
    expect(zh.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^请求内容不符合要求：path /),
      details: { fields: [{ field: 'path' }] },
    });
    const en = await ctx.app.inject({ url, headers: { 'accept-language': 'en' } });
    expect(en.json().message).toMatch(/^The request is not valid: path /);
  });

  it('answers Open311 paths in the Open311 error shape', async () => {
    const json = await ctx.app.inject({ url: `/open311/v2/requests/${'1'.repeat(300)}.json` });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toEqual([{ code: 400, description: expect.stringContaining('path') }]);
    const xml = await ctx.app.inject({ url: '/open311/v2/requests/%FF.xml' });
    expect(xml.statusCode).toBe(400);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.body).toMatch(/<errors>\s*<error>\s*<code>400<\/code>\s*<description>[^<]*path/);
  });
});

describe('numbers PGlite cannot parse', () => {
  it('a subnormal float parameter is stored as 0 on PGlite and as itself on PostgreSQL, never an error', async () => {
    const { rows } = await ctx.db.query<{ x: number; y: number[] }>('SELECT $1::float8 AS x, $2::float8[] AS y', [
      5e-323,
      [1, -2.5e-320],
    ]);
    const expected = ctx.db.kind === 'pglite' ? 0 : 5e-323;
    expect(rows[0].x).toBe(expected);
    expect(rows[0].y.map(Number)).toEqual([1, ctx.db.kind === 'pglite' ? 0 : -2.5e-320]);
  });

  it('a report search at a subnormal coordinate answers, not 500', async () => {
    const staff = await staffActor(ctx, 'county_officer', '421081');
    const r = await call(ctx, staff, 'POST', '/api/cases/similar', {
      description: '路灯不亮',
      lng: 7.4e-323,
      lat: 5e-323,
    });
    expect(r.statusCode).toBe(200);
  });
});
