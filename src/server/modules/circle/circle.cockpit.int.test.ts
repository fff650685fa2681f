/** The service circle's panel of the cockpit (#17): coverage now (no history), by village, 尚无数据 without facilities. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import {
  EMPTY_TOWN,
  expectNoData,
  expectNoLinks,
  figuresOf,
  TOWN,
  triple,
  VILLAGE,
  viewOf,
} from '../../cockpit/figures.testing';
import { rate } from '../../cockpit/figures';
import { circleCockpit } from './circle.cockpit';

const GRID = `${VILLAGE}001`;
const [LNG0, LAT0] = COUNTY_SEAT;
const KX = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
const east = (m: number): [number, number] => [LNG0 + m / KX, LAT0];

let ctx: TestContext;
let county: TestActor;

beforeAll(async () => {
  ctx = await createTestContext();
  county = await staffActor(ctx, 'county_officer', '421081');
  await ctx.db.ownerTransaction(async (tx) => {
    await tx.query(
      `INSERT INTO divisions (code, name, kind, level, parent_code, source) VALUES ($1, '一网格', 'grid', 6, $2, 'test')`,
      [GRID, VILLAGE],
    );
    const homes: [string, [number, number] | null, number][] = [
      [`${GRID}0000001`, east(0), 2],
      [`${GRID}0000002`, east(150), 3],
      [`${GRID}0000003`, east(2000), 4],
      [`${GRID}0000004`, null, 1], // no point: not measured
    ];
    let n = 0;
    for (const [code, p, people] of homes) {
      await tx.query(`INSERT INTO households (code, grid_code, address, lng, lat) VALUES ($1, $2, $3, $4, $5)`, [
        code,
        GRID,
        `地址${code.slice(-4)}`,
        p?.[0] ?? null,
        p?.[1] ?? null,
      ]);
      for (let i = 0; i < people; i++, n++)
        await tx.query(
          `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, gender, birth_date, relation) VALUES ($1, '居民', 'x', $2, 'x', 'M', '1980-01-01', 'self')`,
          [code, `cockpit-circle-${n}`],
        );
    }
  });
}, 60_000);
afterAll(() => ctx.close());

describe('the service circle in the cockpit', () => {
  it('尚无数据 before any facility, and where nobody lives with a point', async () => {
    expectNoData(await circleCockpit(ctx.deps, viewOf(VILLAGE)));
    const add = await call(ctx, county, 'POST', '/api/circle/facilities', {
      kindKey: 'kindergarten',
      name: '幼儿园',
      lng: east(10)[0],
      lat: east(10)[1],
    });
    expect(add.statusCode).toBe(201);
    expectNoData(await circleCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
  });

  it("a village's coverage now, the same as the coverage report's; no history", async () => {
    const panels = await circleCockpit(ctx.deps, viewOf(VILLAGE));
    const f = figuresOf(panels);
    const report = (await call(ctx, county, 'GET', `/api/circle/coverage?scope=${VILLAGE}`)).json();
    const rows: { kindKey: string; homes: number; covered: number; people: number; peopleCovered: number }[] =
      report.rows;
    expect(rows.find((r) => r.kindKey === 'kindergarten')).toMatchObject({ homes: 3, covered: 2 });
    const sum = (k: 'homes' | 'covered' | 'people' | 'peopleCovered') => rows.reduce((s, r) => s + r[k], 0);
    expect(triple(f['circle.homes'])).toEqual([3, null, null]);
    expect(triple(f['circle.homeCoverage'])).toEqual([rate(sum('covered'), sum('homes')), null, null]);
    expect(triple(f['circle.peopleCoverage'])).toEqual([rate(sum('peopleCovered'), sum('people')), null, null]);
    expect(f['circle.homeCoverage'].value).toBeGreaterThan(0);
    expect(f['circle.homeCoverage'].ledger).toBe(`/api/circle/coverage.xlsx?scope=${VILLAGE}`);
    expect(panels[0].rankings).toEqual([]); // no coverage below a village
  });

  it('the town ranks the villages measured; a kiosk has no links', async () => {
    const panels = await circleCockpit(ctx.deps, viewOf(TOWN));
    const village = figuresOf(await circleCockpit(ctx.deps, viewOf(VILLAGE)));
    expect(panels[0].rankings[0]).toMatchObject({
      by: 'village',
      rows: [{ code: VILLAGE, name: '百子庵村委会', value: village['circle.homeCoverage'].value }],
    });
    expectNoLinks(await circleCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
