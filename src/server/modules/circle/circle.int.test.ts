import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT } from '../../../../test/fixtures';
import {
  CLIENT_HEADERS,
  call,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';

const VILLAGE = '421081107212';
const GRID = `${VILLAGE}001`;
const [LNG0, LAT0] = COUNTY_SEAT;
const KX = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
/** A point `east` and `north` metres from the county seat (the service's projection uses the same constants). */
const at = (east: number, north = 0): [number, number] => [LNG0 + east / KX, LAT0 + north / 110_574];

let ctx: TestContext;
let county: TestActor, village: TestActor, otherVillage: TestActor;

async function seedHomes() {
  await ctx.db.ownerTransaction(async (tx) => {
    await tx.query(
      `INSERT INTO divisions (code, name, kind, level, parent_code, source) VALUES ($1, '一网格', 'grid', 6, $2, 'test')`,
      [GRID, VILLAGE],
    );
    await tx.query(`INSERT INTO compounds (code, village_code, name, kind) VALUES ($1, $2, '幸福小区', 'compound')`, [
      `${VILLAGE}C001`,
      VILLAGE,
    ]);
    const [bx, by] = at(800);
    await tx.query(
      `INSERT INTO buildings (code, grid_code, name, compound_code, lng, lat) VALUES ($1, $2, '1栋', $3, $4, $5)`,
      [`${GRID}001`, GRID, `${VILLAGE}C001`, bx, by],
    );
    const homes: [string, string | null, [number, number] | null, number][] = [
      [`${GRID}0000001`, null, at(0), 2],
      [`${GRID}0000002`, null, at(200), 3],
      [`${GRID}0010001`, `${GRID}001`, null, 4], // the building's point: 800 m east
      [`${GRID}0000003`, null, null, 1], // no point at all
    ];
    let n = 0;
    for (const [code, building, p, people] of homes) {
      await tx.query(
        `INSERT INTO households (code, grid_code, building_code, address, lng, lat) VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, GRID, building, `地址${code.slice(-4)}`, p?.[0] ?? null, p?.[1] ?? null],
      );
      for (let i = 0; i < people; i++, n++)
        await tx.query(
          `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, gender, birth_date, relation) VALUES ($1, '居民', 'x', $2, 'x', 'M', '1980-01-01', 'self')`,
          [code, `idx${n}`],
        );
    }
  });
}

type Row = { kindKey: string; villageCode: string; homes: number; covered: number };
const kindergarten = (cov: { rows: Row[] }): Row => {
  const row = cov.rows.find((r) => r.kindKey === 'kindergarten' && r.villageCode === VILLAGE);
  if (!row) throw new Error('no kindergarten row for the village');
  return row;
};
const coverage = async () => (await call(ctx, village, 'GET', `/api/circle/coverage?scope=${VILLAGE}`)).json();
const roads = (body: string) =>
  ctx.app.inject({
    method: 'PUT',
    url: '/api/circle/roads',
    payload: body,
    headers: { ...CLIENT_HEADERS, cookie: county.cookie, 'content-type': 'application/geo+json' },
  });
const line = (...pts: [number, number][]) => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'LineString', coordinates: pts },
});

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  county = await staffActor(ctx, 'county_officer', '421081');
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  otherVillage = await staffActor(ctx, 'village_officer', '421081107201');
  await seedHomes();
});
afterAll(async () => {
  await ctx.close();
});

describe('the service circle', () => {
  it('measures straight line × the detour factor before any road network, and counts homes without a point apart', async () => {
    const add = await call(ctx, county, 'POST', '/api/circle/facilities', {
      kindKey: 'kindergarten',
      name: '幼儿园',
      lng: at(0, 20)[0],
      lat: at(0, 20)[1],
    });
    expect(add.statusCode).toBe(201);
    const cov = await coverage();
    expect(cov).toMatchObject({ usesNetwork: false, detourFactor: 1.4, homesWithoutPoint: 1 });
    // 20 m × 1.4 and 201 m × 1.4 = 281 m are within 300 m; the compound at 800 m is not
    expect(kindergarten(cov)).toMatchObject({
      homes: 3,
      covered: 2,
      people: 9,
      peopleCovered: 5,
      villageName: '百子庵村委会',
    });
    await call(ctx, county, 'PUT', '/api/circle/settings', { detourFactor: 1.6 });
    expect(kindergarten(await coverage())).toMatchObject({ covered: 1, peopleCovered: 2 }); // 201 × 1.6 = 322 m
  });
  it('refuses a bad road file feature by feature and writes nothing', async () => {
    const bad = await roads(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: at(0) } },
          line(at(0), at(100)),
          line(at(0)),
          line([29.7, 112.4], [29.71, 112.4]),
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('circle_roads_invalid');
    expect(bad.json().details.errors.map((e: { feature: number }) => e.feature)).toEqual([0, 2, 3]);
    expect((await roads('{"type": "FeatureCollection", "features": [')).json().details.errors).toEqual([
      { feature: -1, reason: 'not JSON' },
    ]);
    const wrongType = await ctx.app.inject({
      method: 'PUT',
      url: '/api/circle/roads',
      payload: { a: 1 },
      headers: { ...CLIENT_HEADERS, cookie: county.cookie },
    });
    expect(wrongType.statusCode).toBe(415);
    const { rows } = await ctx.db.owner.query('SELECT * FROM circle_roads');
    expect(rows).toHaveLength(0);
    expect((await call(ctx, village, 'GET', '/api/circle/settings')).json().roads).toBeNull();
  });
  it('measures along the imported road network: exact distances, the uncovered compound and a what-if', async () => {
    const ok = await roads(JSON.stringify({ type: 'FeatureCollection', features: [line(at(-100), at(1000))] }));
    expect(ok.json()).toEqual({ lines: 1, segments: 1 });
    const cov = await coverage();
    expect(cov.usesNetwork).toBe(true);
    expect(kindergarten(cov)).toMatchObject({ covered: 2, peopleCovered: 5 }); // 20 m, 220 m
    const un = (await call(ctx, village, 'GET', `/api/circle/uncovered?scope=${VILLAGE}&kind=kindergarten`)).json();
    expect(un.total).toBe(1);
    expect(un.items[0]).toMatchObject({ code: `${GRID}0010001`, compound: '幸福小区', people: 4 });
    expect(Math.abs(un.items[0].metres - 820)).toBeLessThanOrEqual(1);
    const whatIf = await call(ctx, village, 'POST', '/api/circle/what-if', {
      kind: 'kindergarten',
      lng: at(750)[0],
      lat: at(750)[1],
      scope: VILLAGE,
    });
    expect(whatIf.json()).toMatchObject({
      homes: 1,
      people: 4,
      walkM: 300,
      villages: [{ villageCode: VILLAGE, homes: 1, people: 4 }],
    });
    expect((await call(ctx, village, 'GET', '/api/circle/facilities')).json().items).toHaveLength(1); // the what-if wrote nothing
    const gaps = (await call(ctx, village, 'GET', `/api/circle/gaps?scope=${VILLAGE}`)).json().items;
    expect(gaps.find((g: { kindKey: string }) => g.kindKey === 'kindergarten')).toMatchObject({
      uncoveredHomes: 1,
      uncoveredPeople: 4,
    });
  });
  it('updates one kind when a facility moves, and counts stations as facilities', async () => {
    const [f] = (await call(ctx, county, 'GET', '/api/circle/facilities')).json().items;
    const moved = await call(ctx, county, 'PUT', `/api/circle/facilities/${f.id}`, {
      kindKey: 'kindergarten',
      name: '幼儿园',
      lng: at(700)[0],
      lat: at(700)[1],
    });
    expect(moved.statusCode).toBe(200);
    expect(kindergarten(await coverage())).toMatchObject({ covered: 1, peopleCovered: 4 }); // only the compound (100 m) now
    const station = (k: string) => (k === 'beehive_station' ? 1 : 0);
    expect(
      (await coverage()).kinds
        .filter((k: { key: string }) => station(k.key))
        .map((k: { facilities: number }) => k.facilities),
    ).toEqual([0]);
    const town = await staffActor(ctx, 'town_officer', '421081107');
    const s = await call(ctx, town, 'POST', '/api/beehive/console/stations', {
      kind: 'beehive',
      name: '蜂巢',
      divisionCode: '421081107',
      lng: at(300)[0],
      lat: at(300)[1],
      hours: Array.from({ length: 7 }, () => ['08:00-20:00']),
      services: [],
    });
    expect(s.statusCode).toBe(201);
    const cov = await coverage();
    expect(cov.rows.find((r: { kindKey: string }) => r.kindKey === 'beehive_station')).toMatchObject({ covered: 3 });
  });
  it('refuses facilities outside the county or of unknown kinds; only county officers keep them; scopes are checked', async () => {
    const out = await call(ctx, county, 'POST', '/api/circle/facilities', {
      kindKey: 'market',
      name: 'x',
      lng: 116.39,
      lat: 39.9,
    });
    expect(out.json().code).toBe('circle_outside_county');
    const kind = await call(ctx, county, 'POST', '/api/circle/facilities', {
      kindKey: 'no_such',
      name: 'x',
      lng: LNG0,
      lat: LAT0,
    });
    expect(kind.json().code).toBe('circle_kind_unknown');
    expect(
      (
        await call(ctx, village, 'POST', '/api/circle/facilities', {
          kindKey: 'market',
          name: 'x',
          lng: LNG0,
          lat: LAT0,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(ctx, otherVillage, 'GET', `/api/circle/coverage?scope=${VILLAGE}`)).statusCode).toBe(403);
    const walk = await call(ctx, county, 'PUT', '/api/circle/kinds/kindergarten', {
      name: '幼儿园',
      nameEn: 'Kindergarten',
      level: '5min',
      walkM: 1000,
    });
    expect(walk.statusCode).toBe(200);
    expect(kindergarten(await coverage())).toMatchObject({ covered: 3 });
  });
  it('imports a facility 台账 whole or not at all, and exports the report', async () => {
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('设施');
      ws.addRow(['名称', '类型', '经度', '纬度']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = async (buf: Buffer) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/circle/facilities/import',
        payload: buf,
        headers: {
          ...CLIENT_HEADERS,
          cookie: county.cookie,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      });
    const before = (await call(ctx, county, 'GET', '/api/circle/facilities')).json().items.length;
    const bad = await upload(
      await sheet([
        ['菜市场', '菜市场（生鲜超市）', LNG0, LAT0],
        ['超市', '不存在', LNG0, LAT0],
        ['远处', 'market', 116.39, 39.9],
        ['', 'market', LNG0, LAT0],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect((await call(ctx, county, 'GET', '/api/circle/facilities')).json().items).toHaveLength(before);
    const good = await upload(
      await sheet([
        ['菜市场', '菜市场（生鲜超市）', LNG0, LAT0],
        ['便利店', 'convenience_store', at(800)[0], at(800)[1]],
      ]),
    );
    expect(good.json()).toEqual({ imported: 2 });
    const xlsx = await call(ctx, village, 'GET', `/api/circle/coverage.xlsx?scope=${VILLAGE}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).getCell(1).text).toBe('村（社区）代码');
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(10);
  });
  it('sees new households after a recompute (county officers only)', async () => {
    const before = kindergarten(await coverage()).homes;
    const [x, y] = at(100);
    await ctx.db.owner.query(
      `INSERT INTO households (code, grid_code, address, lng, lat) VALUES ($1, $2, '新户', $3, $4)`,
      [`${GRID}0000009`, GRID, x, y],
    );
    expect(kindergarten(await coverage()).homes).toBe(before); // kept until rebuilt
    expect((await call(ctx, village, 'POST', '/api/circle/recompute')).statusCode).toBe(403);
    expect((await call(ctx, county, 'POST', '/api/circle/recompute')).statusCode).toBe(204);
    expect(kindergarten(await coverage()).homes).toBe(before + 1);
  });
});

describe('a gap of the circle becomes a problem on the three lists', () => {
  type Gap = { villageCode: string; kindKey: string; uncoveredHomes: number; problemId: string | null };
  const gaps = async (): Promise<Gap[]> =>
    (await call(ctx, village, 'GET', `/api/circle/gaps?scope=${VILLAGE}`)).json().items;
  const list = (who: TestActor, body: Record<string, unknown>) =>
    call(ctx, who, 'POST', '/api/circle/gaps/problem', body);

  it('lists a gap once while its problem is open, with the homes and people in its description', async () => {
    const all = await gaps();
    expect(all.every((g) => g.problemId === null && g.uncoveredHomes > 0)).toBe(true);
    const gap = all.find((g) => g.kindKey === 'primary_school');
    expect(gap).toMatchObject({ villageCode: VILLAGE });
    const first = await list(village, { villageCode: VILLAGE, kind: 'primary_school' });
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBe(true);
    const again = await list(county, { villageCode: VILLAGE, kind: 'primary_school' });
    expect(again.json()).toEqual({ problemId: first.json().problemId, created: false });
    const row = (
      await ctx.db.owner.query<{ source: string; source_ref: string; title: string; description: string }>(
        'SELECT source, source_ref, title, description FROM worklist_problems WHERE id = $1',
        [first.json().problemId],
      )
    ).rows[0];
    expect(row).toMatchObject({ source: 'circle_gap', source_ref: `${VILLAGE}:primary_school` });
    expect(row.title).toBe('生活圈缺口：小学（步行 500 米，2026-11-25 测算）');
    expect(row.description).toContain(`有 ${gap!.uncoveredHomes} 户`);
    expect((await gaps()).find((g) => g.kindKey === 'primary_school')?.problemId).toBe(first.json().problemId);
  });

  it('says there is no gap when every home of the village is in reach', async () => {
    expect((await gaps()).some((g) => g.kindKey === 'kindergarten')).toBe(false);
    const res = await list(village, { villageCode: VILLAGE, kind: 'kindergarten' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'circle_no_gap']);
    expect(res.json().message).toContain('幼儿园');
  });

  it('refuses another village, a town, an unknown kind, a grid worker; writes nothing', async () => {
    const count = async () =>
      Number((await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM worklist_problems')).rows[0].n);
    const before = await count();
    const grid = await staffActor(ctx, 'grid_worker', GRID);
    const refused: [TestActor, Record<string, unknown>, number, string | null][] = [
      [otherVillage, { villageCode: VILLAGE, kind: 'kindergarten' }, 403, 'forbidden'],
      [grid, { villageCode: VILLAGE, kind: 'kindergarten' }, 403, 'forbidden'],
      [county, { villageCode: '421081107000', kind: 'kindergarten' }, 400, 'worklists_not_a_village'],
      [county, { villageCode: VILLAGE, kind: 'casino' }, 400, 'circle_kind_unknown'],
      [county, { villageCode: '4210811072', kind: 'kindergarten' }, 400, 'validation_failed'],
    ];
    for (const [who, body, status, code] of refused) {
      const res = await list(who, body);
      expect([body, res.statusCode, res.json().code]).toEqual([body, status, code]);
    }
    expect(await count()).toBe(before);
  });
});
