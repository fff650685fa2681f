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
import { collectiveIncomeSummary } from './index';

const VILLAGE = '421081107212'; // 百子庵村
const OTHER = '421081107201'; // another village of 高基庙镇
const COMMUNITY = '421081001001'; // 桥南居委会: not a village committee
let ctx: TestContext;
let county: TestActor, town: TestActor, village: TestActor, otherVillage: TestActor, grid: TestActor;

const income = (actor: TestActor, code: string, year: number, amounts: Record<string, unknown>) =>
  call(ctx, actor, 'PUT', `/api/economy/incomes/${code}/${year}`, { amounts });
const incomeRows = async (code: string, year: number) =>
  (
    await ctx.db.query<{ source: string; amount_fen: number }>(
      'SELECT source, amount_fen FROM economy_incomes WHERE village_code = $1 AND year = $2 ORDER BY source',
      [code, year],
    )
  ).rows;
const auditCount = async (action: string) =>
  Number(
    (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0]
      .n,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', '421081107');
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  otherVillage = await staffActor(ctx, 'village_officer', OTHER);
  await ctx.db.ownerTransaction((tx) =>
    tx.query(
      `INSERT INTO divisions (code, name, kind, level, parent_code, source) VALUES ($1, '一网格', 'grid', 6, $2, 'test')`,
      [`${VILLAGE}001`, VILLAGE],
    ),
  );
  grid = await staffActor(ctx, 'grid_worker', `${VILLAGE}001`);
});
afterAll(() => ctx.close());

describe('collective income', () => {
  it('a village officer enters and corrects their village’s income; the correction is audited before/after', async () => {
    const first = await income(village, VILLAGE, 2025, { resources: 6_000_000, industry: 3_000_000 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ code: VILLAGE, totalFen: 9_000_000, above: false });
    const fix = await income(village, VILLAGE, 2025, { industry: 4_000_000 });
    expect(fix.json()).toMatchObject({ totalFen: 10_000_000, above: true }); // exactly 100,000 yuan counts
    const { rows } = await ctx.db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'economy.income_set' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [`${VILLAGE}/2025`],
    );
    expect(rows[0]).toEqual({
      before: { industry: 3_000_000, resources: 6_000_000 },
      after: { industry: 4_000_000, resources: 6_000_000 },
    });
  });

  it('role × scope: a village officer cannot write another village; the town and county can; a grid worker cannot', async () => {
    const refused = await income(village, OTHER, 2025, { industry: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('economy_out_of_scope');
    expect(refused.json().message).toContain(OTHER);
    expect((await income(otherVillage, VILLAGE, 2025, { industry: 1 })).statusCode).toBe(403);
    expect((await income(grid, VILLAGE, 2025, { industry: 1 })).json().code).toBe('economy_out_of_scope');
    expect(await incomeRows(OTHER, 2025)).toEqual([]);
    expect((await income(town, OTHER, 2025, { cooperation: 12_000_000 })).statusCode).toBe(200);
    expect((await income(county, OTHER, 2024, { cooperation: 1 })).statusCode).toBe(200);
    // reads follow the same scopes
    expect((await call(ctx, village, 'GET', `/api/economy/incomes?year=2025&scope=${OTHER}`)).statusCode).toBe(403);
    const mine = (await call(ctx, village, 'GET', '/api/economy/incomes?year=2025')).json();
    expect(mine.items.map((r: { code: string }) => r.code)).toEqual([VILLAGE]);
  });

  it('bad input: a 4xx naming the rule, nothing half-written', async () => {
    const before = await incomeRows(VILLAGE, 2025);
    const audits = await auditCount('economy.income_set');
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ resources: 1, industry: -5 }, 2025, 'economy_amount_invalid', 'industry'],
      [{ resources: 1, lottery: 5 }, 2025, 'economy_source_unknown', 'lottery'],
      [{ resources: 1, industry: 1.5 }, 2025, 'economy_amount_invalid', 'industry'],
      [{ resources: 1 }, 2027, 'economy_year_future', '2027'],
    ];
    for (const [amounts, year, code, named] of cases) {
      const res = await income(village, VILLAGE, year, amounts);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toContain(named);
      const en = await call(
        ctx,
        village,
        'PUT',
        `/api/economy/incomes/${VILLAGE}/${year}`,
        { amounts },
        { 'accept-language': 'en' },
      );
      expect(en.json().message).toMatch(/[a-z]/);
    }
    const community = await income(county, COMMUNITY, 2025, { industry: 1 });
    expect(community.json().code).toBe('economy_not_village');
    expect(await incomeRows(VILLAGE, 2025)).toEqual(before);
    expect(await incomeRows(VILLAGE, 2027)).toEqual([]);
    expect(await auditCount('economy.income_set')).toBe(audits);
  });

  it('the share above the threshold: county, per town, and after a change of threshold (county staff only, audited)', async () => {
    const s = (await call(ctx, county, 'GET', '/api/economy/summary?year=2025')).json();
    expect(s).toMatchObject({ scope: '421081', villages: 153, above: 2, thresholdFen: 10_000_000 });
    expect(s.basisPoints).toBe(Math.floor((2 * 20_000 + 153) / 306));
    const gaojimiao = s.towns.find((t: { code: string }) => t.code === '421081107');
    expect(gaojimiao).toMatchObject({ above: 2, totalFen: 22_000_000 });
    expect(await collectiveIncomeSummary(ctx.deps, '421081107', 2025)).toMatchObject({
      above: 2,
      villages: gaojimiao.villages,
    });
    expect((await call(ctx, town, 'PUT', '/api/economy/settings', { thresholdFen: 12_000_000 })).statusCode).toBe(403);
    const set = await call(ctx, county, 'PUT', '/api/economy/settings', { thresholdFen: 12_000_000 });
    expect(set.json()).toEqual({ countyCode: '421081', thresholdFen: 12_000_000 });
    expect((await call(ctx, town, 'GET', '/api/economy/summary?year=2025')).json()).toMatchObject({
      scope: '421081107',
      above: 1, // 120,000 yuan exactly still counts; 100,000 no longer does
    });
    expect(await auditCount('economy.threshold_set')).toBe(1);
    await call(ctx, county, 'PUT', '/api/economy/settings', { thresholdFen: 10_000_000 });
  });
});

describe('cooperatives, assets and contracts', () => {
  it('registers the three cooperatives and refuses a duplicate name', async () => {
    for (const kind of ['land', 'joint_stock', 'professional'])
      expect(
        (
          await call(ctx, village, 'POST', '/api/economy/cooperatives', {
            villageCode: VILLAGE,
            kind,
            name: `社${kind}`,
            members: 10,
          })
        ).statusCode,
      ).toBe(201);
    const dup = await call(ctx, village, 'POST', '/api/economy/cooperatives', {
      villageCode: VILLAGE,
      kind: 'land',
      name: '社land',
      members: 1,
    });
    expect(dup.statusCode).toBe(409);
    const list = (await call(ctx, town, 'GET', '/api/economy/cooperatives')).json();
    expect(list.items).toHaveLength(3);
  });

  it('a lease ending before it starts is a 400 naming the rule; overdue dues are flagged; payments never exceed the due', async () => {
    const asset = await call(ctx, village, 'POST', '/api/economy/assets', {
      villageCode: VILLAGE,
      kind: 'building',
      name: '厂房',
      quantity: '800平方米',
      bookValueFen: 46_000_000,
    });
    expect(asset.statusCode).toBe(201);
    const lease = (over: object) => ({
      villageCode: VILLAGE,
      assetId: asset.json().id,
      subject: '厂房租赁',
      counterparty: '某公司',
      startsOn: '2025-07-01',
      endsOn: '2030-06-30',
      dues: [
        { dueOn: '2026-07-15', amountFen: 2_400_000 },
        { dueOn: '2027-07-15', amountFen: 2_400_000 },
      ],
      ...over,
    });
    const backwards = await call(ctx, village, 'POST', '/api/economy/contracts', lease({ endsOn: '2025-06-30' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'economy_term_invalid' });
    expect(backwards.json().message).toContain('2025-06-30');
    const other = await call(ctx, village, 'POST', '/api/economy/contracts', lease({ villageCode: OTHER }));
    expect(other.json().code).toBe('economy_out_of_scope');
    expect((await ctx.db.query('SELECT 1 FROM economy_contracts')).rows).toHaveLength(0);
    const made = await call(ctx, village, 'POST', '/api/economy/contracts', lease({}));
    expect(made.statusCode).toBe(201);
    const c = made.json();
    expect(c).toMatchObject({ overdue: true, overdueFen: 2_400_000 });
    const pay = (amountFen: number) =>
      call(ctx, village, 'POST', `/api/economy/contracts/${c.id}/dues/${c.dues[0].id}/payments`, {
        amountFen,
        paidOn: '2026-11-20',
      });
    expect((await pay(2_400_001)).json().code).toBe('economy_payment_invalid');
    expect((await pay(1_000_000)).json()).toMatchObject({ overdue: true, overdueFen: 1_400_000 });
    expect((await pay(1_400_000)).json()).toMatchObject({ overdue: false, overdueFen: 0 });
    expect((await call(ctx, otherVillage, 'GET', '/api/economy/contracts')).json().items).toEqual([]);
  });
});

describe('import, export and disclosure', () => {
  async function sheet(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('收入');
    ws.addRow(['村代码', '村名', '年度', '收入来源', '金额(元)', '备注']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (actor: TestActor, file: Buffer, mode: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/economy/incomes/imports?mode=${mode}`,
      payload: file,
      headers: { ...CLIENT_HEADERS, cookie: actor.cookie, 'content-type': 'application/octet-stream' },
    });

  it('a file with a bad row writes nothing and names each row’s rule', async () => {
    const file = await sheet([
      [VILLAGE, '百子庵村', 2023, '资源发包', '50000'],
      [OTHER, '', 2023, '产业发展', '1000'], // outside the village officer's area
      [VILLAGE, '', 2030, '产业发展', '1000'], // future
      [VILLAGE, '', 2023, '彩票', '1000'], // unknown source
      [VILLAGE, '', 2023, '合作经营', '-3'], // negative
      [VILLAGE, '', 2023, '资源发包', '1'], // repeats row 2
    ]);
    const res = (await upload(village, file, 'all-or-nothing')).json();
    expect(res).toMatchObject({ importedRows: 0, totalRows: 6 });
    expect(res.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(
      expect.arrayContaining(['3:economy_out_of_scope', '4:economy_year_future', '7:duplicate']),
    );
    expect(res.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([5, 6]));
    expect(await incomeRows(VILLAGE, 2023)).toEqual([]);
  });

  it('a good file imports every row in one go, audited; the register exports as xlsx', async () => {
    const file = await sheet([
      [VILLAGE, '百子庵村', 2023, '资源发包', '50000.5'],
      [VILLAGE, '百子庵村', 2023, 'industry', '1,000'],
    ]);
    expect((await upload(village, file, 'dry-run')).json()).toMatchObject({ validRows: 2, importedRows: 0 });
    expect(await incomeRows(VILLAGE, 2023)).toEqual([]);
    expect((await upload(village, file, 'all-or-nothing')).json()).toMatchObject({ importedRows: 2, errorCount: 0 });
    expect(await incomeRows(VILLAGE, 2023)).toEqual([
      { source: 'industry', amount_fen: 100_000 },
      { source: 'resources', amount_fen: 5_000_050 },
    ]);
    expect(await auditCount('economy.income_import')).toBe(1);
    const out = await call(ctx, village, 'GET', '/api/economy/registers/incomes/export.xlsx?year=2023');
    expect(out.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(values).toEqual(expect.arrayContaining(['50000.50', '1000.00', '百子庵村委会']));
    expect(values.some((v) => v.startsWith('金额(元)'))).toBe(true);
    // the export reads back as an import (round trip): same amounts, nothing changed
    expect((await upload(village, Buffer.from(out.rawPayload), 'dry-run')).json()).toMatchObject({
      validRows: 2,
      errorCount: 0,
    });
    const tpl = await call(ctx, village, 'GET', '/api/economy/incomes/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    for (const s of ['cooperatives', 'assets', 'contracts'])
      expect((await call(ctx, town, 'GET', `/api/economy/registers/${s}/export.xlsx`)).statusCode).toBe(200);
  });

  it('publishes the month’s finance summary to the 村务公开 board; a future month is refused', async () => {
    const res = await call(ctx, village, 'POST', '/api/economy/disclosures', {
      villageCode: VILLAGE,
      year: 2026,
      month: 11,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().body).toContain('逾期未收 0 份');
    const { rows } = await ctx.db.query<{ category: string; title: string }>(
      'SELECT category, title FROM disclosures WHERE division_code = $1',
      [VILLAGE],
    );
    expect(rows).toEqual([{ category: 'finance', title: '百子庵村委会2026年11月集体经济收支公开' }]);
    const future = await call(ctx, village, 'POST', '/api/economy/disclosures', {
      villageCode: VILLAGE,
      year: 2026,
      month: 12,
    });
    expect(future.json().code).toBe('economy_month_invalid');
    const other = await call(ctx, village, 'POST', '/api/economy/disclosures', {
      villageCode: OTHER,
      year: 2026,
      month: 11,
    });
    expect(other.statusCode).toBe(403);
  });
});
