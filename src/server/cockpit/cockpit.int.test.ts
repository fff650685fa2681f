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
import { deliverRollups } from '../modules/rollups/rollups.testing';
import { ensureGrids, generateCases } from '../modules/rollups/synthetic.testing';
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

const cockpit = async (actor: TestActor, query: string) => {
  const r = await get(actor, `/api/cockpit?${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as CockpitAnswer;
};
const panelOf = (a: CockpitAnswer, key: string) => a.panels.find((p) => p.key === key)!;
const figures = (a: CockpitAnswer) =>
  Object.fromEntries(panelOf(a, 'cases.handling').figures.map((f) => [f.key, f])) as Record<
    string,
    CockpitAnswer['panels'][number]['figures'][number]
  >;

describe('the cases panels', () => {
  it('read 尚无数据 where there is no case, never zeros', async () => {
    const a = await cockpit(county, 'from=2026-11-01&to=2026-11-30');
    const cases = a.panels.filter((p) => p.module === 'cases');
    expect(cases.map((p) => [p.key, p.status])).toEqual([
      ['cases.handling', 'no_data'],
      ['cases.attention', 'no_data'],
    ]);
    expect(cases.every((p) => p.figures.length === 0 && p.rankings.length === 0)).toBe(true);
  });

  describe('on 3,000 synthetic cases over 2025 and 2026', () => {
    beforeAll(async () => {
      await generateCases(ctx.db.owner, { county: '421081', count: 1500, firstDay: '2025-01-01', days: 365 });
      await generateCases(ctx.db.owner, {
        county: '421081',
        count: 1500,
        firstDay: '2026-01-01',
        days: 330,
        offset: 1500,
      });
      await deliverRollups(ctx.deps, ctx.clock.now());
    }, 120_000);

    /** The indicators' table for the same place and whole days ([from, to + 1 day)). */
    const table = async (actor: TestActor, dimension: string, scope: string, from: string, to: string) => {
      const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const r = await get(actor, `/api/indicators?dimension=${dimension}&scope=${scope}&from=${from}&to=${end}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const KEYS = [
      ['cases.received', 'received'],
      ['cases.closureRate', 'closureRate'],
      ['cases.onTimeRate', 'onTimeRate'],
      ['cases.reworkRate', 'reworkRate'],
      ['cases.responseRate', 'responseRate'],
      ['cases.resolutionRate', 'resolutionRate'],
      ['cases.satisfactionRate', 'satisfactionRate'],
      ['cases.avgHandlingHours', 'avgHandlingHours'],
    ] as const;

    it('gives the figures /api/indicators gives for the same place and days, this period, the previous and last year', async () => {
      for (const [actor, place] of [
        [county, '421081'],
        [town, TOWN],
        [village, VILLAGE],
        [handler, '421081'],
      ] as const) {
        const a = await cockpit(actor, `place=${place}&from=2026-03-05&to=2026-05-20`);
        expect(a.previous).toEqual({ from: '2025-12-18', to: '2026-03-04' });
        expect(a.lastYear).toEqual({ from: '2025-03-05', to: '2025-05-20' });
        const f = figures(a);
        for (const [period, side] of [
          [a.period, 'value'],
          [a.previous, 'previous'],
          [a.lastYear, 'lastYear'],
        ] as const) {
          const t = await table(actor, 'town', place, period.from, period.to);
          for (const [key, col] of KEYS) expect(f[key][side], `${place} ${key} ${side}`).toBe(t.total[col]);
          const c = t.total.counts;
          expect(f['cases.overdue'][side]).toBe(c.due - c.dueSuspended - c.dueOnTime);
        }
        expect(f['cases.received'].value).toBeGreaterThan(0);
      }
    });

    it('ranks the towns of the county as the indicators do, each drilling to its overdue cases of the period', async () => {
      const a = await cockpit(county, 'from=2026-06-01&to=2026-06-30');
      const t = await table(county, 'town', '421081', '2026-06-01', '2026-06-30');
      const byCode = new Map<string, { onTimeRate: number | null; received: number }>(
        t.rows.map((r: { key: string; onTimeRate: number | null; received: number }) => [r.key, r]),
      );
      const ranking = panelOf(a, 'cases.handling').rankings.find((r) => r.key === 'cases.onTimeRate.by_place')!;
      expect(ranking.by).toBe('town');
      expect(ranking.rows.length).toBeGreaterThanOrEqual(byCode.size);
      for (const row of ranking.rows) expect(row.value).toBe(byCode.get(row.code)?.onTimeRate ?? null);
      const values = ranking.rows.map((r) => r.value).filter((v) => v !== null) as number[];
      expect(values).toEqual([...values].sort((x, y) => y - x));
      expect(ranking.rows[0].drill).toBe(
        `/cases/all?grid=${ranking.rows[0].code}&from=2026-06-01&to=2026-06-30&overdue=1`,
      );
      const reports = panelOf(a, 'cases.handling').rankings.find((r) => r.key === 'cases.received.by_place')!;
      for (const row of reports.rows) expect(row.value).toBe(byCode.get(row.code)?.received ?? 0);
      const f = figures(a);
      expect(f['cases.onTimeRate'].drill).toBe('/cases/all?grid=421081&from=2026-06-01&to=2026-06-30&overdue=1');
      expect(f['cases.onTimeRate'].ledger).toBe(
        '/api/indicators/export.xlsx?dimension=town&scope=421081&from=2026-06-01&to=2026-07-01',
      );
      expect(f['cases.onTimeRate'].formula?.zh).toContain('按期');
      // villages of a town, grids of a village
      const v = await cockpit(town, 'from=2026-06-01&to=2026-06-30');
      expect(panelOf(v, 'cases.handling').rankings[0].by).toBe('village');
      const g = await cockpit(village, 'from=2026-06-01&to=2026-06-30');
      expect(panelOf(g, 'cases.handling').rankings[0].by).toBe('grid');
    });

    it('counts overdue cases by department, growing categories and reports per day as the indicators do', async () => {
      const a = await cockpit(county, 'from=2026-04-01&to=2026-04-30');
      const depts = await table(county, 'department', '421081', '2026-04-01', '2026-04-30');
      const overdue = panelOf(a, 'cases.attention').rankings.find((r) => r.key === 'cases.overdue.by_department')!;
      const expected = depts.rows
        .filter((r: { key: string | null }) => r.key !== null)
        .map((r: { key: string; counts: Record<string, number> }) => [
          r.key,
          r.counts.due - r.counts.dueSuspended - r.counts.dueOnTime,
        ])
        .filter(([, n]: [string, number]) => n > 0);
      expect(overdue.rows.map((r) => [r.code, r.value]).sort()).toEqual(expected.sort());
      expect(overdue.rows[0].drill).toContain(`department=${overdue.rows[0].code}`);

      const cats = await table(county, 'category', '421081', '2026-04-01', '2026-04-30');
      const before = await table(county, 'category', '421081', '2026-03-02', '2026-03-31');
      const prev = new Map(before.rows.map((r: { key: string; received: number }) => [r.key, r.received]));
      const growth = cats.rows
        .map((r: { key: string; received: number }) => [r.key, r.received - ((prev.get(r.key) as number) ?? 0)])
        .filter(([, n]: [string, number]) => n > 0)
        .sort((x: [string, number], y: [string, number]) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, 10);
      const growing = panelOf(a, 'cases.attention').rankings.find((r) => r.key === 'cases.categories.growing')!;
      expect(growing.rows.map((r) => [r.code, r.value])).toEqual(growth);

      const series = panelOf(a, 'cases.handling').series[0];
      expect(series.points).toHaveLength(30);
      expect(series.points.reduce((n, p) => n + (p.value ?? 0), 0)).toBe(figures(a)['cases.received'].value);
      const day = await table(county, 'town', '421081', '2026-04-07', '2026-04-07');
      expect(series.points[6]).toEqual({ date: '2026-04-07', value: day.total.received });
    });

    it('limits a department handler to their department’s cases', async () => {
      const mine = figures(await cockpit(handler, 'from=2026-04-01&to=2026-04-30'));
      const all = figures(await cockpit(county, 'from=2026-04-01&to=2026-04-30'));
      expect(mine['cases.received'].value).toBeLessThan(all['cases.received'].value!);
      expect(mine['cases.overdue'].drill).toContain('department=421081-zjj');
      const a = await cockpit(handler, 'from=2026-04-01&to=2026-04-30');
      expect(a.panels.every((p) => p.module === 'cases')).toBe(true); // no other module's figures
    });
  });
});
