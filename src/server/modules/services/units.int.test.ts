import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestActor, type TestContext, call, signIn, staffActor } from '../../../../test/harness';
import { writeXlsx } from '../../platform/sheets';
import { G1, NINE_ANSWERS, seedVillage } from '../care/care.fixtures';
import { VILLAGE, createServicesContext, publish, residentActor, villageOfficer } from './services.testing';
import { PARTNER_SHEETS, type PartnerSheet } from './units.sheets';

let ctx: TestContext;
let town: TestActor;
let officer: TestActor;

beforeAll(async () => {
  ctx = await createServicesContext();
  town = await staffActor(ctx, 'town_officer', '421081107');
  officer = await villageOfficer(ctx);
});
afterAll(() => ctx.close());

async function xlsx(sheet: PartnerSheet, rows: Record<string, unknown>[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  await writeXlsx(PARTNER_SHEETS[sheet], rows, out, { lang: 'zh' });
  return Buffer.concat(chunks);
}

const upload = (actor: TestActor, sheet: PartnerSheet, body: Buffer, mode: string) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/services/console/registers/${sheet}/imports?mode=${mode}`,
    payload: body,
    headers: {
      cookie: actor.cookie,
      'x-requested-with': 'cocreate',
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
const count = async (table: string) =>
  Number((await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

const UNITS = [
  { unitCode: 'SJ-ZRZY', name: '石首市自然资源和规划局', kind: 'organ', scopeCode: '421081107' },
  { unitCode: 'QY-DL', name: '国网石首供电公司', kind: 'enterprise', scopeCode: '421081107', contact: '周经理' },
];
const CADRES = [
  { unitCode: 'SJ-ZRZY', name: '张伟', phone: '13914300001', communityCode: VILLAGE, since: '2026-03-01' },
  {
    unitCode: 'QY-DL',
    name: '李娜',
    phone: '13914300002',
    communityCode: VILLAGE,
    since: '2026-04-01',
    groupName: '驻百子庵村工作组',
  },
];

describe('the partner registers', () => {
  it('reports every bad row and writes nothing, then imports every row or none', async () => {
    const bad = await xlsx('units', [...UNITS, { unitCode: 'X 1', name: '', kind: '未知', scopeCode: '420000000' }]);
    const dry = await upload(town, 'units', bad, 'dry-run');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ totalRows: 3, validRows: 2, importedRows: 0 });
    expect(dry.json().errors.map((e: { column: string }) => e.column.split(' / ')[0])).toEqual(
      expect.arrayContaining(['单位编号', '单位名称', '单位类型']),
    );
    const none = await upload(town, 'units', bad, 'all-or-nothing');
    expect(none.json().importedRows).toBe(0);
    expect(await count('service_units')).toBe(0);
    expect((await upload(officer, 'units', bad, 'dry-run')).statusCode).toBe(403);

    const outside = await xlsx('units', [{ ...UNITS[0], scopeCode: '421081101' }]);
    expect((await upload(town, 'units', outside, 'all-or-nothing')).json().errors[0].code).toBe('out_of_scope');

    const good = await xlsx('units', UNITS);
    expect((await upload(town, 'units', good, 'all-or-nothing')).json().importedRows).toBe(2);
    expect((await upload(town, 'units', good, 'all-or-nothing')).json().importedRows).toBe(2);
    expect(await count('service_units')).toBe(2); // re-import upserts
    const groups = await xlsx('groups', [
      { unitCode: 'QY-DL', name: '驻百子庵村工作组', leader: '周', villages: `${VILLAGE}、421081107201` },
    ]);
    expect((await upload(town, 'groups', groups, 'all-or-nothing')).json().importedRows).toBe(1);

    const badCadres = await xlsx('cadres', [
      ...CADRES,
      { unitCode: 'NOPE', name: '王', phone: '139', communityCode: '421081107', since: '2026-01-01' },
      {
        unitCode: 'SJ-ZRZY',
        name: '赵',
        phone: '13914300003',
        communityCode: VILLAGE,
        since: '2026-01-01',
        groupName: '无',
      },
    ]);
    const r = (await upload(town, 'cadres', badCadres, 'all-or-nothing')).json();
    expect(r.importedRows).toBe(0);
    expect(r.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '4:pattern',
      '4:pattern',
      '5:unknown_group',
    ]);
    expect(await count('service_cadres')).toBe(0);
    expect((await upload(town, 'cadres', await xlsx('cadres', CADRES), 'all-or-nothing')).json().importedRows).toBe(2);
    const stored = await ctx.db.owner.query('SELECT * FROM service_cadres');
    expect(JSON.stringify(stored.rows)).not.toContain('13914300001');
  });

  it('shows each cadre’s record and the unit’s totals', async () => {
    const zhang = await residentActor(ctx, '13914300001');
    const a = await publish(ctx, officer, { capacity: 3 }, 10, 2);
    await call(ctx, zhang, 'POST', `/api/services/activities/${a.id}/signup`);
    ctx.clock.advance(30 * 60_000);
    const list = (await call(ctx, officer, 'GET', `/api/services/console/activities/${a.id}/signups`)).json();
    await call(ctx, officer, 'POST', `/api/services/console/signups/${list[0].id}/confirm`, { hours: 1.5 });

    const cadres = (await call(ctx, officer, 'GET', '/api/services/console/cadres')).json();
    expect(cadres.items.find((c: { name: string }) => c.name === '张伟')).toMatchObject({
      phoneMasked: '139****0001',
      activities: 1,
      hours: 1.5,
    });
    expect(cadres.items.find((c: { name: string }) => c.name === '李娜').workGroupName).toBe('驻百子庵村工作组');
    const units = (await call(ctx, town, 'GET', '/api/services/console/units')).json();
    expect(units.items.find((u: { code: string }) => u.code === 'SJ-ZRZY')).toMatchObject({
      cadres: 1,
      cadreHours: 1.5,
    });
    const exported = await call(ctx, town, 'GET', '/api/services/console/registers/cadres/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const refused = await call(ctx, zhang, 'GET', '/api/services/console/registers/units/export.xlsx');
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
  });
});

describe('the cadre’s 九必问 record', () => {
  it('counts the visits the cadre made and the ones past due, through the care module', async () => {
    const ids = await seedVillage(ctx, '13914300099');
    const li = await residentActor(ctx, '13914300002', [['grid_worker', G1]]); // 李娜, a cadre, also 一网格's worker
    const before = (await call(ctx, officer, 'GET', '/api/services/console/cadres')).json();
    expect(before.items.find((c: { name: string }) => c.name === '李娜')).toMatchObject({
      visits: 0,
      visitsOverdue: 0,
    });
    const personIds: string[] = [];
    for (const [name, tier] of [
      ['王秀兰', 'key'],
      ['李德福', 'high'],
    ]) {
      const r = await call(ctx, officer, 'POST', '/api/care/persons', {
        residentId: ids[name],
        categories: ['elderly_alone'],
        tier,
        workerId: li.userId,
        consent: { by: 'self', on: '2026-03-01' },
      });
      expect(r.statusCode, r.body).toBe(201);
      personIds.push(r.json().id);
    }
    const v = await call(ctx, li, 'POST', `/api/care/persons/${personIds[0]}/visits`, { answers: NINE_ANSWERS });
    expect(v.statusCode, v.body).toBe(201);
    ctx.clock.advance(200 * 24 * 3_600_000); // both next visits are now past due
    for (const a of [officer, town]) a.cookie = await signIn(ctx, a.username, PASSWORD);
    const after = (await call(ctx, officer, 'GET', '/api/services/console/cadres')).json();
    expect(after.items.find((c: { name: string }) => c.name === '李娜')).toMatchObject({ visits: 1, visitsOverdue: 2 });
    expect(after.items.find((c: { name: string }) => c.name === '张伟')).toMatchObject({ visits: 0, visitsOverdue: 0 });
  });
});

describe('一社一品', () => {
  it('is set by the community’s staff and read by everyone signed in', async () => {
    const resident = await residentActor(ctx, '13914300009');
    const refused = await call(ctx, resident, 'PUT', `/api/services/signatures/${VILLAGE}`, {
      name: 'x',
      description: '',
    });
    expect(refused.statusCode).toBe(422);
    const saved = await call(ctx, officer, 'PUT', `/api/services/signatures/${VILLAGE}`, {
      name: '红色代办·百子庵',
      description: '党员代办高龄老人政务事项',
    });
    expect(saved.statusCode).toBe(200);
    const town = (await call(ctx, resident, 'GET', '/api/services/signatures/421081107')).json();
    expect(town).toEqual([expect.objectContaining({ divisionCode: VILLAGE, name: '红色代办·百子庵' })]);
  });
});
