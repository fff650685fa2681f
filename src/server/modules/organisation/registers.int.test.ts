import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_HEADERS,
  call,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { makeIdNumber } from './id-number';
import { waitForJob, getJob } from './registers.jobs';
import { ImportJob, XLSX } from './registers.schema';
import { writeGrids } from './organisation.write';

const V = '421081107212';
const G1 = `${V}001`;
const G2 = `${V}002`;
const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
const ID = (n: number) => makeIdNumber('421081', '19800101', n);

let ctx: TestContext;
let village: TestActor, gridWorker: TestActor;

async function upload(actor: TestActor, sheet: string, mode: string, csv: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/registers/${sheet}/imports?mode=${mode}&format=csv`,
    payload: csv,
    headers: { ...CLIENT_HEADERS, cookie: actor.cookie, 'content-type': 'text/csv' },
  });
  expect(res.statusCode, res.body).toBe(202);
  const actorFor = {
    kind: 'user' as const,
    userId: (await call(ctx, actor, 'GET', '/api/me')).json().user.id,
  } as never;
  const job = await waitForJob(getJob(actorFor, res.json().jobId));
  const polled = (await call(ctx, actor, 'GET', `/api/registers/imports/${res.json().jobId}`)).json();
  expect(polled.state).toBe(job.state);
  // the job as kept holds its owner and finishing time; the answer carries the contract's fields only
  expect(Object.keys(ImportJob.properties)).toEqual(expect.arrayContaining(Object.keys(polled)));
  expect(polled).not.toHaveProperty('userId');
  expect(polled).not.toHaveProperty('finishedAt');
  return polled;
}

const count = async (table: string) =>
  (await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: G1, name: '一网格', polygon: square(112.4, 29.7), synthetic: true },
      { code: G2, name: '二网格', polygon: square(112.41, 29.7), synthetic: true },
    ]),
  );
  village = await staffActor(ctx, 'village_officer', V);
  gridWorker = await staffActor(ctx, 'grid_worker', G1);
});
afterAll(async () => {
  await ctx.close();
});

const HH_HEADER = '户编码,地址,经度,纬度';
const hh = (grid: string, n: number) => `${grid}000${String(n).padStart(4, '0')}`;

describe('register import', () => {
  it('dry run reports every bad household row with row, column and reason, and writes nothing', async () => {
    const csv = [
      HH_HEADER,
      `${hh(G1, 1)},百子庵村1组1号,112.405,29.705`,
      `${hh(G1, 1)},重复的户,,`, // duplicate code
      `${V}0090000001,没有这个网格,,`, // unknown grid
      `${hh(G1, 2)},位置在村外,112.6,29.9`, // outside the village
      `12345,编码太短,,`, // bad code
      `${hh(G2, 1)},,,`, // missing address
    ].join('\n');
    const r = (await upload(village, 'households', 'dry-run', csv)).result;
    expect(r).toMatchObject({ totalRows: 6, validRows: 1, invalidRows: 5 });
    const byRow = Object.fromEntries(r.errors.map((e: { row: number; code: string }) => [e.row, e.code]));
    expect(byRow[3]).toBe('duplicate');
    expect(byRow[4]).toBe('unknown_parent');
    expect(byRow[5]).toBe('outside_village');
    expect(byRow[6]).toBeTruthy();
    expect(byRow[7]).toBe('required');
    for (const e of r.errors) expect(e.reason.zh && e.reason.en).toBeTruthy();
    expect(await count('households')).toBe(0);
  });

  it('names missing columns for the whole file', async () => {
    const r = (await upload(village, 'households', 'dry-run', '户编码,经度\n' + `${hh(G1, 1)},112.4`)).result;
    expect(r.fileErrors[0]).toMatchObject({ code: 'missing_columns' });
    expect(r.fileErrors[0].reason.zh).toContain('地址');
  });

  it('all-or-nothing writes nothing when one row is bad; valid-only writes the good rows', async () => {
    const csv = [HH_HEADER, `${hh(G1, 1)},1号,,`, `${hh(G1, 2)},2号,,`, `${V}0090000001,坏行,,`].join('\n');
    const none = (await upload(village, 'households', 'all-or-nothing', csv)).result;
    expect(none.importedRows).toBe(0);
    expect(await count('households')).toBe(0);
    const some = (await upload(village, 'households', 'valid-only', csv)).result;
    expect(some.importedRows).toBe(2);
    expect(await count('households')).toBe(2);
  });

  it('imports residents with ID checksum and phone checks, idempotently', async () => {
    const csv = [
      '户编码,姓名,身份证号,手机号,与户主关系',
      `${hh(G1, 1)},王建国,${ID(11)},13912340001,户主`,
      `${hh(G1, 1)},李秀英,${ID(22)},,配偶`,
      `${hh(G1, 2)},坏身份证,${ID(33).slice(0, 17)}${ID(33)[17] === '1' ? '2' : '1'},,户主`,
      `${hh(G1, 2)},坏手机,${ID(44)},1234,户主`,
      `${hh(G2, 9)},没有的户,${ID(55)},,户主`,
    ].join('\n');
    const dry = (await upload(village, 'residents', 'dry-run', csv)).result;
    expect(dry.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'id_checksum'],
      [5, 'pattern'],
      [6, 'unknown_parent'],
    ]);
    await upload(village, 'residents', 'valid-only', csv);
    expect(await count('residents')).toBe(2);
    const before = (await ctx.db.owner.query('SELECT id, updated_at FROM residents ORDER BY id')).rows;
    await upload(village, 'residents', 'valid-only', csv); // the same register again
    expect((await ctx.db.owner.query('SELECT id, updated_at FROM residents ORDER BY id')).rows).toEqual(before);
    expect((await call(ctx, village, 'GET', `/api/coverage/${V}`)).json()).toMatchObject({
      households: 2,
      residents: 2,
    });
  });

  it('refuses rows outside the importer’s area', async () => {
    const csv = [HH_HEADER, `${hh(G2, 5)},别的网格,,`].join('\n');
    const r = (await upload(gridWorker, 'households', 'dry-run', csv)).result;
    expect(r.errors[0]).toMatchObject({ row: 2, code: 'outside_scope' });
  });

  it('rolls back a valid-only import when the file breaks part-way', async () => {
    const before = await count('households');
    const rows = Array.from({ length: 2500 }, (_, i) => `${hh(G2, i + 1)},地址${i},,`);
    const csv = [HH_HEADER, ...rows, `${hh(G2, 3000)},"未闭合的引号,,`].join('\n');
    const r = (await upload(village, 'households', 'valid-only', csv)).result;
    expect(r.fileErrors.length).toBeGreaterThan(0);
    expect(r.importedRows).toBe(0);
    expect(await count('households')).toBe(before);
  });

  it('offers a template with Chinese headers and exports a register that re-imports cleanly', async () => {
    const t = await call(ctx, village, 'GET', '/api/registers/residents/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    expect(t.headers['content-type']).toBe(XLSX);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).map(String).join('|');
    expect(headers).toContain('身份证号');
    const exported = await call(ctx, village, 'GET', `/api/registers/households/export.xlsx?scope=${V}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/registers/households/imports?mode=dry-run&format=xlsx',
      payload: exported.rawPayload,
      headers: { ...CLIENT_HEADERS, cookie: village.cookie, 'content-type': 'application/octet-stream' },
    });
    const job = await waitForJob(getJob({ kind: 'user', userId: village.userId } as never, res.json().jobId));
    expect(job.result).toMatchObject({ validRows: 2, errorCount: 0 });
  });
});
