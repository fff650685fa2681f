/**
 * GET /api/cockpit on a real database: the joiner collects every module's panels (a failing one is
 * left out, never blanking the others; a kiosk's carry no drill-down), names the place, and keeps to
 * the viewer's region: officers in their subtree, department handlers to their departments, nobody
 * else; bad periods answer 400 naming the problem in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../test/harness';
import type { LoadedModule } from '../assembly';
import { ensureGrids } from '../modules/rollups/synthetic.testing';
import { comparisons } from './cockpit.period';
import type { CockpitAnswer, CockpitPanelPart, CockpitView } from './cockpit.schema';
import { cockpitAnswer } from './cockpit.service';

const TOWN = '421081001';
const VILLAGE = '421081001007';
const OTHER_VILLAGE = '421081001008';

let ctx: TestContext;
let county: TestActor, town: TestActor, village: TestActor, handler: TestActor, resident: TestActor, worker: TestActor;

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGrids(ctx.db.owner, '421081', 2);
  ctx.clock.set(new Date('2026-12-04T10:00:00+08:00'));
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', TOWN);
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
  worker = await staffActor(ctx, 'grid_worker', `${VILLAGE}001`);
  resident = await residentActor(ctx, '13911114444');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const get = async (actor: TestActor | null, url: string, lang = 'zh-CN') => {
  const r = await call(ctx, actor, 'GET', url, undefined, { 'accept-language': lang });
  return { status: r.statusCode, body: r.json() };
};

const panel = (key: string, order: number): CockpitPanelPart => ({
  key,
  title: { zh: '测试', en: 'Test' },
  order,
  status: 'ready',
  figures: [
    {
      key: `${key}.n`,
      label: { zh: '数', en: 'Count' },
      unit: 'count',
      value: 1,
      previous: 0,
      lastYear: null,
      drill: '/cases?x=1',
      ledger: '/api/x.xlsx',
    },
  ],
  rankings: [
    {
      key: `${key}.r`,
      label: { zh: '排名', en: 'Ranking' },
      unit: 'count',
      by: 'town',
      rows: [{ code: TOWN, name: '绣林街道', value: 1, drill: '/cases?y=1' }],
    },
  ],
  series: [],
});

describe('the joiner', () => {
  const seen: CockpitView[] = [];
  const modules: LoadedModule[] = [
    {
      name: 'late',
      server: {
        cockpit: async (_d, v) => {
          seen.push(v);
          return [panel('late.p', 20)];
        },
      },
    },
    {
      name: 'broken',
      server: {
        cockpit: async () => {
          throw new Error('boom');
        },
      },
    },
    { name: 'none', server: {} },
    { name: 'early', server: { cockpit: async () => [panel('early.p', 10)] } },
  ];
  const view = (kiosk: boolean): CockpitView => ({
    scope: TOWN,
    departments: null,
    kiosk,
    ...comparisons({ from: '2026-11-01', to: '2026-11-30' }),
  });

  it('joins every module’s panels in order, leaving out a failing one, and names the place', async () => {
    const a = await cockpitAnswer(ctx.deps, modules, view(false));
    expect(a.place).toEqual({ code: TOWN, name: '绣林街道', level: 'town' });
    expect(a.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(a.previous).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(a.lastYear).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(a.panels.map((p) => [p.module, p.key])).toEqual([
      ['early', 'early.p'],
      ['late', 'late.p'],
    ]);
    expect(a.panels[0].figures[0].drill).toBe('/cases?x=1');
    expect(seen.at(-1)?.scope).toBe(TOWN);
  });

  it('gives a kiosk no drill-down and no ledger, whatever a contributor wrote', async () => {
    const a = await cockpitAnswer(ctx.deps, modules, view(true));
    expect(a.panels).toHaveLength(2);
    const text = JSON.stringify(a);
    expect(text).not.toContain('drill');
    expect(text).not.toContain('ledger');
  });
});

describe('GET /api/cockpit', () => {
  it('shows a viewer their widest place by default, this month up to today', async () => {
    const r = await get(county, '/api/cockpit');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const a = r.body as CockpitAnswer;
    expect(a.place).toMatchObject({ code: '421081', level: 'county' });
    expect(a.period).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(a.previous).toEqual({ from: '2026-11-27', to: '2026-11-30' });
    expect((await get(town, '/api/cockpit')).body.place).toEqual({ code: TOWN, name: '绣林街道', level: 'town' });
    expect((await get(village, '/api/cockpit')).body.place.code).toBe(VILLAGE);
  });

  it('keeps officers to their subtree, and refuses everyone else', async () => {
    expect((await get(town, `/api/cockpit?place=${VILLAGE}`)).status).toBe(200);
    expect((await get(town, '/api/cockpit?place=421081107')).status).toBe(404);
    expect((await get(village, `/api/cockpit?place=${OTHER_VILLAGE}`)).status).toBe(404);
    expect((await get(village, `/api/cockpit?place=${TOWN}`)).status).toBe(404);
    expect((await get(village, `/api/cockpit?place=${VILLAGE}001`)).status).toBe(200); // its grid
    expect((await get(worker, '/api/cockpit')).status).toBe(404);
    expect((await get(resident, '/api/cockpit')).status).toBe(404);
    expect((await get(null, '/api/cockpit')).status).toBe(401);
    expect((await get(county, '/api/cockpit?place=421081999')).status).toBe(404); // no such town
  });

  it('lets a department handler see their grant’s region', async () => {
    expect((await get(handler, '/api/cockpit')).status).toBe(200);
    expect((await get(handler, `/api/cockpit?place=${TOWN}`)).status).toBe(200);
    expect((await get(handler, '/api/cockpit?place=421082')).status).toBe(404);
  });

  it('refuses a bad period by name, in Chinese and in English', async () => {
    const zh = await get(county, '/api/cockpit?from=2026-02-30');
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe('cockpit_period_invalid');
    expect(zh.body.message).toContain('不是有效日期');
    const en = await get(county, '/api/cockpit?from=2026-11-05&to=2026-11-01', 'en');
    expect(en.status).toBe(400);
    expect(en.body.message).toContain('before the start');
    expect((await get(county, '/api/cockpit?from=2022-01-01&to=2026-11-01')).status).toBe(400);
    expect((await get(county, '/api/cockpit?place=abc')).status).toBe(400);
  });

  it('tells the web apps who may open it', async () => {
    const me = async (a: TestActor) => (await get(a, '/api/me')).body.capabilities as string[];
    expect(await me(county)).toEqual(expect.arrayContaining(['cockpit.read', 'cockpit.screens']));
    expect(await me(village)).toContain('cockpit.read');
    expect(await me(village)).not.toContain('cockpit.screens');
    expect(await me(handler)).toContain('cockpit.read');
    expect(await me(worker)).not.toContain('cockpit.read');
  });
});
