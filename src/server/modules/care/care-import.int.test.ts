/**
 * The 九必问 register import on a real database: a good file (a person already in the resident
 * register, a new one with a household made for them, their first visit obligations), bad rows
 * reported by row and column without echoing ID numbers, nothing half-written, scope refusal,
 * and a re-import that updates (tier change rolls the obligation) rather than duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { countRows, uploadSheet, xlsxOf } from '../../../../test/sheets';
import { loadExcel } from '../../platform/sheets';
import { makeIdNumber } from '../organisation/id-number';
import { CARE_IMPORT_SHEET, type CareImportRow } from './care-import.sheets';
import { G1, G2, seedVillage, V } from './care.fixtures';

let ctx: TestContext;
let village: TestActor, otherTown: TestActor, worker: TestActor, worker2: TestActor;
const URL = '/api/care/persons/imports';
const cst = (s: string) => new Date(`${s}+08:00`);

const WANG: Partial<CareImportRow> = {
  name: '王秀兰',
  idNumber: makeIdNumber('421081', '19400101', 11),
  village: V,
  categories: '独居老人、低保低收入',
  tier: 'key',
  consent: true,
  consentOn: '2026-03-01',
};
const CHEN: Partial<CareImportRow> = {
  name: '陈新民',
  idNumber: makeIdNumber('421081', '19350505', 41),
  phone: '13914100111',
  village: V,
  grid: '二网格',
  categories: '重病患者',
  tier: 'high',
  consent: true,
  consentBy: 'guardian',
  consentOn: '2026-03-02',
  address: '百子庵村2组9号',
};
const file = (rows: Partial<CareImportRow>[]) => xlsxOf(CARE_IMPORT_SHEET, rows);
const send = async (actor: TestActor, rows: Partial<CareImportRow>[], mode = 'all-or-nothing') =>
  uploadSheet(ctx, actor, URL, await file(rows), mode);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(cst('2026-03-10T10:00:00'));
  await seedVillage(ctx, '13914100003');
  worker = await staffActor(ctx, 'grid_worker', G1);
  worker2 = await staffActor(ctx, 'grid_worker', G2);
  village = await staffActor(ctx, 'village_officer', V);
  otherTown = await staffActor(ctx, 'town_officer', '421081001');
  await ctx.db.owner.query(`UPDATE users SET phone_index = $2 WHERE id = $1`, [
    worker2.userId,
    ctx.deps.crypto.blindIndex('phone', '13914100222'),
  ]);
});
afterAll(async () => {
  await ctx?.close();
});

describe('care register import', () => {
  it('serves the template with Chinese headers and English labels only in the instructions', async () => {
    const r = await ctx.app.inject({
      method: 'GET',
      url: '/api/care/persons/template.xlsx',
      headers: { cookie: village.cookie, 'x-requested-with': 'cocreate' },
    });
    expect(r.statusCode).toBe(200);
    const wb = new (await loadExcel()).Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(headers[0].startsWith('姓名*')).toBe(true);
    const keys = CARE_IMPORT_SHEET.columns.map((c) => c.key);
    for (const h of headers) for (const k of keys) expect(h).not.toContain(k);
    const notes = wb.getWorksheet('说明 Instructions')!;
    const english = notes.getColumn(2).values.filter(Boolean).map(String);
    expect(english).toEqual(expect.arrayContaining(['ID number', 'Risk tier', 'Consent recorded']));
  });

  it('refuses people who do not manage a register (403) and places outside the importer’s area (row errors)', async () => {
    expect((await send(worker, [WANG])).statusCode).toBe(403);
    const outside = (await send(otherTown, [WANG])).json();
    expect(outside.importedRows).toBe(0);
    expect(outside.errors[0]).toMatchObject({ row: 2, column: '村（社区） / Village or community', code: 'place' });
    expect(await countRows(ctx, 'care_persons')).toBe(0);
  });

  it('lists every bad row by row and column, never echoing an ID number, and writes nothing', async () => {
    const badId = `${WANG.idNumber!.slice(0, 17)}${WANG.idNumber!.endsWith('0') ? '1' : '0'}`;
    const rows = [
      WANG,
      { ...CHEN, idNumber: badId },
      { ...CHEN, name: '李德福', idNumber: makeIdNumber('421081', '19450101', 21), address: undefined },
      { ...CHEN, categories: '宇航员', consent: false, consentOn: '2026-04-01' },
      { ...CHEN, tier: 'urgent' as never },
      { ...WANG, name: '王秀' },
    ];
    const residents = await countRows(ctx, 'residents');
    for (const mode of ['dry-run', 'all-or-nothing']) {
      const r = (await send(village, rows, mode)).json();
      expect(r).toMatchObject({ totalRows: 6, importedRows: 0, validRows: 1 });
      const at = (row: number) => r.errors.filter((e: { row: number }) => e.row === row);
      expect(at(3)).toEqual([expect.objectContaining({ column: '身份证号 / ID number', code: 'id_checksum' })]);
      expect(at(4).map((e: { column: string }) => e.column)).toEqual(['网格 / Grid']); // 李德福 lives in grid 1, not 2
      expect(
        at(5)
          .map((e: { code: string }) => e.code)
          .sort(),
      ).toEqual(['category', 'consent', 'consent_date']);
      expect(at(6)[0].reason.zh).toContain('高风险');
      expect(at(7).map((e: { code: string }) => e.code)).toEqual(['duplicate']);
      expect(JSON.stringify(r)).not.toContain(badId);
      expect(JSON.stringify(r)).not.toContain(WANG.idNumber);
      for (const e of r.errors) expect(e.reason.en.length).toBeGreaterThan(0);
    }
    expect(await countRows(ctx, 'care_persons')).toBe(0);
    expect(await countRows(ctx, 'residents')).toBe(residents);
    expect(await countRows(ctx, 'audit_log', `action = 'care.person_import'`)).toBe(0);
  });

  it('imports a good file: the register’s resident linked, a new one added to their grid, visits scheduled, one audit row', async () => {
    const dry = (await send(village, [WANG, CHEN], 'dry-run')).json();
    expect(dry).toMatchObject({ totalRows: 2, validRows: 2, importedRows: 0, errorCount: 0 });
    expect(await countRows(ctx, 'care_persons')).toBe(0);
    const r = (await send(village, [WANG, CHEN])).json();
    expect(r).toMatchObject({ totalRows: 2, importedRows: 2, errorCount: 0 });
    const { rows } = await ctx.db.owner.query<{
      name: string;
      grid: string;
      tier: string;
      worker: string;
      consent: string;
      due: Date;
      reason: string;
      phone: string | null;
      cipher: string;
    }>(
      `SELECT r.name, cp.grid_code AS grid, cp.tier, cp.worker_id AS worker, cp.consent_by AS consent, d.due_at AS due,
              d.reason, r.phone_masked AS phone, r.id_cipher AS cipher
         FROM care_persons cp JOIN residents r ON r.id = cp.resident_id
         JOIN care_dues d ON d.person_id = cp.id AND d.closed_at IS NULL ORDER BY r.name`,
    );
    expect(rows.map((x) => [x.name, x.grid, x.tier, x.consent, x.reason])).toEqual([
      ['王秀兰', G1, 'key', 'self', 'registered'],
      ['陈新民', G2, 'high', 'guardian', 'registered'],
    ]);
    expect(rows[0].worker).toBe(worker.userId);
    expect(rows[1].worker).toBe(worker2.userId);
    expect(rows[1].phone).toBe('139****0111');
    expect(rows[1].cipher).not.toContain('19350505');
    // high tier: the first visit within 24 h, as when registered by hand
    expect(rows[1].due.getTime() - cst('2026-03-10T10:00:00').getTime()).toBeLessThanOrEqual(24 * 3600_000);
    const audit = await ctx.db.owner.query<{ after: Record<string, number> }>(
      `SELECT after FROM audit_log WHERE action = 'care.person_import'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).toMatchObject({
      totalRows: 2,
      importedRows: 2,
      created: 2,
      updated: 0,
      residentsAdded: 1,
    });
    const text = JSON.stringify(audit.rows[0]);
    for (const secret of ['王秀兰', '陈新民', WANG.idNumber!, '13914100111']) expect(text).not.toContain(secret);
  });

  it('re-importing the same people updates their records (by ID number) instead of duplicating them', async () => {
    const residents = await countRows(ctx, 'residents');
    const r = (
      await send(village, [
        { ...WANG, tier: 'high' },
        { ...CHEN, workerPhone: '13914100222' },
      ])
    ).json();
    expect(r).toMatchObject({ importedRows: 2, errorCount: 0 });
    expect(await countRows(ctx, 'care_persons')).toBe(2);
    expect(await countRows(ctx, 'residents')).toBe(residents);
    expect(await countRows(ctx, 'care_dues', 'closed_at IS NULL')).toBe(2);
    const { rows } = await ctx.db.owner.query<{ tier: string; reason: string; superseded: number }>(
      `SELECT cp.tier, d.reason,
              (SELECT count(*)::int FROM care_dues s WHERE s.person_id = cp.id AND s.outcome = 'superseded') AS superseded
         FROM care_persons cp JOIN residents r ON r.id = cp.resident_id
         JOIN care_dues d ON d.person_id = cp.id AND d.closed_at IS NULL WHERE r.name = '王秀兰'`,
    );
    expect(rows[0]).toEqual({ tier: 'high', reason: 'tier_changed', superseded: 1 });
    const audit = await ctx.db.owner.query<{ after: Record<string, number> }>(
      `SELECT after FROM audit_log WHERE action = 'care.person_import' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.rows[0].after).toMatchObject({ created: 0, updated: 2, residentsAdded: 0 });
  });

  it('leaves nothing half-written when one row of a file is bad', async () => {
    const before = await ctx.db.owner.query(`SELECT tier FROM care_persons ORDER BY id`);
    const fresh = { ...CHEN, name: '周明', idNumber: makeIdNumber('421081', '19300303', 51), address: '2组10号' };
    const r = (await send(village, [{ ...WANG, tier: 'general' }, fresh, { ...fresh, idNumber: '123' }])).json();
    expect(r).toMatchObject({ importedRows: 0, errorCount: 1 });
    expect(r.errors[0]).toMatchObject({ row: 4, column: '身份证号 / ID number', code: 'id_format' });
    expect((await ctx.db.owner.query(`SELECT tier FROM care_persons ORDER BY id`)).rows).toEqual(before.rows);
    expect(await countRows(ctx, 'residents', `name = '周明'`)).toBe(0);
  });
});
