/**
 * Big-screen links and the cockpit's map on a real database: a town or county officer makes a link
 * for a place of their subtree (the token shown once, stored only as a keyed hash, both audited); the
 * screen opens with the token alone as a kiosk (no drill-down, no ledger) and stops with 401 once
 * revoked; the map gives the child areas of a place with their reports and overdue cases, for a
 * viewer and for a screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import type { CockpitAnswer } from '../../cockpit/cockpit.schema';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';
import { deliverRollups } from '../rollups/rollups.testing';
import { ensureGrids, generateCases } from '../rollups/synthetic.testing';

const TOWN = '421081001';
const VILLAGE = '421081001007';
const OTHER_TOWN = '421081107';
const [x, y] = COUNTY_SEAT;

let ctx: TestContext;
let county: TestActor, town: TestActor, otherTown: TestActor, village: TestActor, handler: TestActor;

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_READ_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids(
      { tx, crypto: ctx.deps.crypto },
      [1, 2].map((n) => ({
        code: `${VILLAGE}00${n}`,
        name: `网格 ${n}`,
        polygon: squareAround([x + n * 0.02, y], 0.01),
        synthetic: true,
      })),
    ),
  );
  invalidateGridIndex(ctx.db);
  await ensureGrids(ctx.db.owner, '421081', 2);
  await generateCases(ctx.db.owner, { county: '421081', count: 800, firstDay: '2026-09-01', days: 90 });
  ctx.clock.set(new Date('2026-12-04T10:00:00+08:00'));
  await deliverRollups(ctx.deps, ctx.clock.now());
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', TOWN);
  otherTown = await staffActor(ctx, 'town_officer', OTHER_TOWN);
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const screen = (token: string | null, query = '', lang = 'zh-CN', how: 'header' | 'query' = 'header') =>
  ctx.app.inject({
    method: 'GET',
    url: `/api/cockpit/screen?${how === 'query' && token ? `token=${encodeURIComponent(token)}&` : ''}${query}`,
    headers: { 'accept-language': lang, ...(how === 'header' && token ? { 'x-screen-token': token } : {}) },
  });

describe('big-screen links', () => {
  let made: { id: string; token: string; url: string };

  it('are made by town and county officers for places of their subtree, the token shown once', async () => {
    const r = await call(ctx, town, 'POST', '/api/cockpit/screens', { place: TOWN, label: '镇指挥中心大屏' });
    expect(r.statusCode, r.body).toBe(201);
    made = r.json();
    expect(r.json()).toMatchObject({
      place: { code: TOWN, name: '绣林街道' },
      label: '镇指挥中心大屏',
      createdAt: '2026-12-04T02:00:00.000Z',
    });
    expect(made.token.length).toBeGreaterThanOrEqual(40);
    expect(made.url).toBe(`/admin/screen?token=${made.token}`);
    expect(
      (await call(ctx, county, 'POST', '/api/cockpit/screens', { place: '421081', label: '县大屏' })).statusCode,
    ).toBe(201);
    expect(
      (await call(ctx, town, 'POST', '/api/cockpit/screens', { place: VILLAGE, label: '村大屏' })).statusCode,
    ).toBe(201);
    // not above or beside their place, nor for other roles
    expect((await call(ctx, town, 'POST', '/api/cockpit/screens', { place: '421081', label: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(ctx, town, 'POST', '/api/cockpit/screens', { place: OTHER_TOWN, label: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(ctx, village, 'POST', '/api/cockpit/screens', { place: VILLAGE, label: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(ctx, handler, 'POST', '/api/cockpit/screens', { place: '421081', label: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(ctx, town, 'POST', '/api/cockpit/screens', { place: TOWN, label: '' })).statusCode).toBe(400);
    expect((await call(ctx, null, 'POST', '/api/cockpit/screens', { place: TOWN, label: 'x' })).statusCode).toBe(401);
  });

  it('keep only a keyed hash of the token', async () => {
    const { rows } = await ctx.db.owner.query<{ row: string; token_hash: string }>(
      'SELECT s::text AS row, token_hash FROM cockpit_screens s WHERE id = $1',
      [made.id],
    );
    expect(rows[0].row).not.toContain(made.token);
    expect(rows[0].token_hash).toBe(ctx.deps.crypto.blindIndex('cockpit-screen-token', made.token));
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('open the place’s cockpit with the token alone, as a kiosk without drill-down or ledger', async () => {
    const r = await screen(made.token, 'from=2026-10-01&to=2026-10-31');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const a = r.json() as CockpitAnswer;
    expect(a.place).toEqual({ code: TOWN, name: '绣林街道', level: 'town' });
    expect(a.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const handling = a.panels.find((p) => p.key === 'cases.handling')!;
    expect(handling.status).toBe('ready');
    expect(handling.figures.length).toBeGreaterThan(5);
    expect(r.body).not.toContain('drill');
    expect(r.body).not.toContain('ledger');
    // the same figures a town officer sees, with links
    const officer = (await call(ctx, town, 'GET', `/api/cockpit?place=${TOWN}&from=2026-10-01&to=2026-10-31`)).json();
    const strip = (f: Record<string, unknown>) => ({ key: f.key, value: f.value, previous: f.previous });
    expect(handling.figures.map(strip)).toEqual(
      officer.panels.find((p: { key: string }) => p.key === 'cases.handling').figures.map(strip),
    );
    expect(officer.panels.find((p: { key: string }) => p.key === 'cases.handling').figures[0].drill).toBeDefined();
    expect((await screen(made.token, '', 'zh-CN', 'query')).statusCode).toBe(200);
    expect((await screen(made.token, 'from=2026-13-01')).statusCode).toBe(400);
  });

  it('notes when a screen was last seen and lists the links of the viewer’s places, never their tokens', async () => {
    const mine = await call(ctx, town, 'GET', '/api/cockpit/screens');
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as { place: { code: string }; lastSeenAt: string | null; label: string }[];
    expect(items.map((i) => i.place.code).sort()).toEqual([TOWN, VILLAGE]);
    expect(items.find((i) => i.label === '镇指挥中心大屏')?.lastSeenAt).toBe('2026-12-04T02:00:00.000Z');
    expect(mine.body).not.toContain(made.token);
    expect((await call(ctx, county, 'GET', '/api/cockpit/screens')).json().items).toHaveLength(3);
    expect((await call(ctx, otherTown, 'GET', '/api/cockpit/screens')).json().items).toEqual([]);
    expect((await call(ctx, village, 'GET', '/api/cockpit/screens')).json().items).toEqual([]);
  });

  it('stop with 401 once revoked (revoking twice is fine), both steps audited', async () => {
    expect((await call(ctx, otherTown, 'DELETE', `/api/cockpit/screens/${made.id}`)).statusCode).toBe(404);
    expect((await call(ctx, village, 'DELETE', `/api/cockpit/screens/${made.id}`)).statusCode).toBe(404);
    expect((await call(ctx, town, 'DELETE', `/api/cockpit/screens/${made.id}`)).statusCode).toBe(204);
    expect((await call(ctx, county, 'DELETE', `/api/cockpit/screens/${made.id}`)).statusCode).toBe(204);
    const zh = await screen(made.token);
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'screen_token_invalid', message: '此大屏链接无效或已停用' });
    const en = await screen(made.token, '', 'en');
    expect(en.json().message).toBe('This screen link is invalid or has been revoked');
    expect((await screen(made.token, '', 'zh-CN', 'query')).statusCode).toBe(401);
    expect((await screen('not-a-token')).statusCode).toBe(401);
    expect((await screen(null)).statusCode).toBe(401);
    const listed = (await call(ctx, town, 'GET', '/api/cockpit/screens')).json().items;
    expect(listed.find((i: { id: string }) => i.id === made.id).revokedAt).toBe('2026-12-04T02:00:00.000Z');
    const { rows } = await ctx.db.owner.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = $1 GROUP BY 1 ORDER BY 1`,
      [made.id],
    );
    expect(rows).toEqual([
      { action: 'cockpit.screen_create', n: 1 },
      { action: 'cockpit.screen_revoke', n: 1 },
    ]);
  });
});

describe('the map', () => {
  type MapAnswer = {
    place: { code: string; level: string };
    level: string;
    features: {
      type: string;
      features: { id: string; geometry: { type: string }; properties: Record<string, number | string> }[];
    };
  };
  const map = async (actor: TestActor, query: string) => {
    const r = await call(ctx, actor, 'GET', `/api/cockpit/map?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as MapAnswer;
  };

  it('gives the towns of the county on its outline, each with its reports and overdue cases as the cockpit ranks them', async () => {
    const m = await map(county, 'from=2026-10-01&to=2026-10-31');
    expect(m.place).toMatchObject({ code: '421081', level: 'county' });
    expect(m.level).toBe('town');
    expect(m.features.type).toBe('FeatureCollection');
    expect(m.features.features.length).toBeGreaterThanOrEqual(10);
    const a = (await call(ctx, county, 'GET', '/api/cockpit?from=2026-10-01&to=2026-10-31')).json() as CockpitAnswer;
    const reports = a.panels
      .find((p) => p.key === 'cases.handling')!
      .rankings.find((r) => r.key === 'cases.received.by_place')!;
    for (const f of m.features.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.reports).toBe(reports.rows.find((r) => r.code === f.id)?.value);
      expect(f.properties.overdue).toBeGreaterThanOrEqual(0);
    }
    expect(m.features.features.reduce((n, f) => n + Number(f.properties.reports), 0)).toBeGreaterThan(0);
  });

  it('gives the villages of a town and the grids of a village from the grids’ outlines', async () => {
    const v = await map(town, `place=${TOWN}&from=2026-10-01&to=2026-10-31`);
    expect(v.level).toBe('village');
    expect(v.features.features.map((f) => f.id)).toEqual([VILLAGE]); // the only village with drawn grids
    expect(v.features.features[0].geometry.type).toBe('MultiPolygon');
    const g = await map(village, 'from=2026-10-01&to=2026-10-31');
    expect(g.level).toBe('grid');
    expect(g.features.features.map((f) => f.id)).toEqual([`${VILLAGE}001`, `${VILLAGE}002`]);
    expect(g.features.features[0].properties.name).toBe('网格 1');
  });

  it('keeps to the viewer’s region, and serves a screen by its token', async () => {
    expect((await call(ctx, village, 'GET', `/api/cockpit/map?place=${TOWN}`)).statusCode).toBe(404);
    expect((await call(ctx, town, 'GET', `/api/cockpit/map?place=${OTHER_TOWN}`)).statusCode).toBe(404);
    expect((await call(ctx, county, 'GET', '/api/cockpit/map?from=2026-10-05&to=2026-10-01')).statusCode).toBe(400);
    const made = (await call(ctx, county, 'POST', '/api/cockpit/screens', { place: TOWN, label: '地图' })).json();
    const r = await ctx.app.inject({
      method: 'GET',
      url: '/api/cockpit/screen/map?from=2026-10-01&to=2026-10-31',
      headers: { 'x-screen-token': made.token },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().level).toBe('village');
    expect(r.json().features).toEqual((await map(town, `place=${TOWN}&from=2026-10-01&to=2026-10-31`)).features);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/cockpit/screen/map', headers: { 'x-screen-token': 'nope' } }))
        .statusCode,
    ).toBe(401);
  });
});
