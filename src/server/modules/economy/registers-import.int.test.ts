/**
 * The collective economy's register imports on a real database: assets, contracts (their due
 * payments made from the annual amount and schedule, overdue flags as the list computes them) and
 * cooperatives; bad rows by row and column with nothing written; villages outside the importer's
 * area; a grid worker refused; re-imports that update by name and 合同编号, keeping payments received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { countRows, uploadSheet, xlsxOf } from '../../../../test/sheets';
import { IMPORT_SHEETS, type ImportSheet } from './economy.sheets';

const VILLAGE = '421081107212'; // 百子庵村
const OTHER = '421081107201';
const COMMUNITY = '421081001001'; // a residents' committee: not a village

let ctx: TestContext;
let village: TestActor, town: TestActor, grid: TestActor;
const send = async (actor: TestActor, sheet: ImportSheet, rows: Record<string, unknown>[], mode = 'all-or-nothing') =>
  uploadSheet(ctx, actor, `/api/economy/registers/${sheet}/imports`, await xlsxOf(IMPORT_SHEETS[sheet], rows), mode);

const ASSETS = [
  {
    villageCode: VILLAGE,
    kind: 'land',
    name: '机动地（三组）',
    quantity: '120亩',
    bookValueFen: 0,
    location: '三组东侧',
  },
  { villageCode: VILLAGE, kind: 'building', name: '村部闲置厂房', quantity: '800平方米', bookValueFen: 35_000_000 },
];
const CONTRACT = {
  villageCode: VILLAGE,
  contractNo: 'BZA-HT-01',
  subject: '村部闲置厂房租赁',
  counterparty: '石首市某农业公司',
  assetName: '村部闲置厂房',
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
  annualFen: 5_200_000,
  schedule: 'half_yearly',
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T02:00:00Z'));
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  town = await staffActor(ctx, 'town_officer', '421081107');
  await ctx.db.owner.query(
    `INSERT INTO divisions (code, name, kind, level, parent_code) VALUES ($1, '一网格', 'grid', 6, $2) ON CONFLICT DO NOTHING`,
    [`${VILLAGE}001`, VILLAGE],
  );
  grid = await staffActor(ctx, 'grid_worker', `${VILLAGE}001`);
});
afterAll(() => ctx.close());

describe('collective economy register imports', () => {
  it('serves each template; refuses a grid worker; lists bad rows and writes nothing', async () => {
    for (const sheet of ['assets', 'contracts', 'cooperatives']) {
      const t = await call(ctx, village, 'GET', `/api/economy/registers/${sheet}/template.xlsx`);
      expect(t.statusCode).toBe(200);
    }
    expect((await send(grid, 'assets', ASSETS)).statusCode).toBe(403);
    const bad = [
      ...ASSETS,
      { ...ASSETS[0] },
      { ...ASSETS[0], name: '鱼塘', villageCode: OTHER },
      { ...ASSETS[0], name: '门面', villageCode: COMMUNITY },
      { ...ASSETS[0], name: '仓库', bookValueFen: undefined },
    ];
    for (const mode of ['dry-run', 'all-or-nothing']) {
      const r = (await send(village, 'assets', bad, mode)).json();
      expect(r).toMatchObject({ totalRows: 6, validRows: 2, importedRows: 0 });
      expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
        [4, 'duplicate'],
        [5, 'economy_out_of_scope'],
        [6, 'economy_not_village'],
        [7, 'required'], // the book value left blank
      ]);
      expect(r.errors[1].column).toBe('村代码 / Village code');
    }
    expect(await countRows(ctx, 'economy_assets')).toBe(0);
  });

  it('imports assets, then contracts with their due payments and overdue flags, then cooperatives', async () => {
    expect((await send(village, 'assets', ASSETS)).json()).toMatchObject({ importedRows: 2, errorCount: 0 });
    const bad = (
      await send(village, 'contracts', [
        { ...CONTRACT, assetName: '鱼塘', endsOn: '2024-01-01' },
        { ...CONTRACT, contractNo: 'X', assetName: '鱼塘' },
      ])
    ).json();
    expect(bad.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'economy_term_invalid'],
      [3, 'economy_unknown_asset'],
    ]);
    const r = (await send(village, 'contracts', [CONTRACT])).json();
    expect(r, JSON.stringify(r.errors)).toMatchObject({ importedRows: 1, errorCount: 0 });
    const list = (await call(ctx, village, 'GET', '/api/economy/contracts')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ subject: '村部闲置厂房租赁', assetName: '村部闲置厂房', overdue: true });
    expect(
      list[0].dues.map((d: { dueOn: string; amountFen: number; overdue: boolean }) => [
        d.dueOn,
        d.amountFen,
        d.overdue,
      ]),
    ).toEqual([
      ['2025-01-01', 2_600_000, true],
      ['2025-07-01', 2_600_000, true],
      ['2026-01-01', 2_600_000, true],
      ['2026-07-01', 2_600_000, false],
      ['2027-01-01', 2_600_000, false],
      ['2027-07-01', 2_600_000, false],
    ]);
    expect(list[0].overdueFen).toBe(7_800_000);
    const coops = [
      { villageCode: VILLAGE, kind: 'land', name: '百子庵村土地股份合作社', members: 312, registeredOn: '2020-05-01' },
      { villageCode: VILLAGE, kind: 'professional', name: '百子庵村水产专业合作社', members: 25 },
    ];
    expect((await send(town, 'cooperatives', coops)).json()).toMatchObject({ importedRows: 2, errorCount: 0 });
    const audit = await ctx.db.owner.query<{ entity_id: string; after: Record<string, number> }>(
      `SELECT entity_id, after FROM audit_log WHERE action = 'economy.register_import' ORDER BY at`,
    );
    expect(audit.rows.map((a) => [a.entity_id, a.after.created, a.after.importedRows])).toEqual([
      ['assets', 2, 2],
      ['contracts', 1, 1],
      ['cooperatives', 2, 2],
    ]);
  });

  it('re-imports update by name and 合同编号; payments received stay with their due dates', async () => {
    const first = (await call(ctx, village, 'GET', '/api/economy/contracts')).json().items[0];
    const due = first.dues[0];
    const paid = await call(ctx, village, 'POST', `/api/economy/contracts/${first.id}/dues/${due.id}/payments`, {
      amountFen: 2_600_000,
      paidOn: '2025-01-05',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    // a lower rent than received on a paid due is refused; a yearly schedule keeps the paid due and its payment
    const lower = (await send(village, 'contracts', [{ ...CONTRACT, annualFen: 1_000_000 }])).json();
    expect(lower.errors.map((e: { code: string }) => e.code)).toEqual(['economy_payment_invalid']);
    const r = (
      await send(village, 'contracts', [{ ...CONTRACT, schedule: 'yearly', counterparty: '某合作社' }])
    ).json();
    expect(r, JSON.stringify(r.errors)).toMatchObject({ importedRows: 1, errorCount: 0 });
    const list = (await call(ctx, village, 'GET', '/api/economy/contracts')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0].counterparty).toBe('某合作社');
    expect(
      list[0].dues.map((d: { dueOn: string; amountFen: number; paidFen: number }) => [d.dueOn, d.amountFen, d.paidFen]),
    ).toEqual([
      ['2025-01-01', 5_200_000, 2_600_000],
      ['2026-01-01', 5_200_000, 0],
      ['2027-01-01', 5_200_000, 0],
    ]);
    expect((await send(village, 'assets', [{ ...ASSETS[0], bookValueFen: 120_000 }])).json()).toMatchObject({
      importedRows: 1,
    });
    expect(await countRows(ctx, 'economy_assets')).toBe(2);
    const asset = await ctx.db.owner.query(
      `SELECT book_value_fen::int AS v, location FROM economy_assets WHERE name = '机动地（三组）'`,
    );
    expect(asset.rows).toEqual([{ v: 120_000, location: '三组东侧' }]);
  });
});
