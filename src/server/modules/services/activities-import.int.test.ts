/**
 * The service-activities import on a real database: a good file (a community's, a partner unit's and
 * a party branch's activities), bad rows by row and column with nothing written, places outside the
 * organiser's area, 403 for residents, and a re-import by 活动编号 that updates instead of adding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { countRows, uploadSheet, xlsxOf } from '../../../../test/sheets';
import { ACTIVITY_IMPORT_SHEET, type ActivityImportRow } from './activities-import.sheets';
import {
  createServicesContext,
  OTHER_VILLAGE,
  PLACE,
  residentActor,
  VILLAGE,
  villageOfficer,
} from './services.testing';

let ctx: TestContext;
let officer: TestActor, town: TestActor, resident: TestActor;
const URL = '/api/services/activities/imports';

const row = (over: Partial<ActivityImportRow> = {}): Partial<ActivityImportRow> => ({
  ref: 'BZA-001',
  title: '敬老院义诊',
  kind: 'consultation',
  divisionCode: VILLAGE,
  organiserKind: 'community',
  place: '百子庵村敬老院',
  lng: PLACE.lng,
  lat: PLACE.lat,
  day: '2026-03-15',
  startsAt: '09:00',
  endsAt: '11:30',
  capacity: 30,
  audience: 'everyone',
  ...over,
});
const send = async (actor: TestActor, rows: Partial<ActivityImportRow>[], mode = 'all-or-nothing') =>
  uploadSheet(ctx, actor, URL, await xlsxOf(ACTIVITY_IMPORT_SHEET, rows), mode);

beforeAll(async () => {
  ctx = await createServicesContext();
  officer = await villageOfficer(ctx);
  town = await staffActor(ctx, 'town_officer', '421081107');
  resident = await residentActor(ctx, '13914500001');
  await ctx.db.owner.query(
    `INSERT INTO service_units (code, name, kind, scope_code) VALUES ('QY-DL', '国网石首供电公司', 'enterprise', '421081107')`,
  );
  await ctx.db.owner.query(
    `INSERT INTO party_orgs (code, name, kind, division_code) VALUES ($1 || '-01', '百子庵村党支部', 'branch', $1)
     ON CONFLICT DO NOTHING`,
    [VILLAGE],
  );
});
afterAll(() => ctx.close());

describe('service activities import', () => {
  it('refuses residents (403) and lists bad rows by row and column, writing nothing', async () => {
    expect((await send(resident, [row()])).statusCode).toBe(403);
    const rows = [
      row(),
      row({ ref: 'BZA-002', divisionCode: OTHER_VILLAGE }),
      row({ ref: 'BZA-003', organiserKind: 'unit', organiser: 'NOPE' }),
      row({ ref: 'BZA-004', startsAt: '11:00', endsAt: '10:00' }),
      row({ ref: 'BZA-005', startsAt: '9点' }),
      row({ ref: 'BZA-001' }),
      row({ ref: 'BZA-006', capacity: 0, lng: 2 }),
    ];
    for (const mode of ['dry-run', 'all-or-nothing']) {
      const r = (await send(officer, rows, mode)).json();
      expect(r).toMatchObject({ totalRows: 7, validRows: 1, importedRows: 0 });
      const codes = (n: number) =>
        r.errors.filter((e: { row: number }) => e.row === n).map((e: { code: string }) => e.code);
      expect(codes(3)).toEqual(['out_of_scope']);
      expect(codes(4)).toEqual(['unknown_unit']);
      expect(codes(5)).toEqual(['time_order']);
      expect(codes(6)).toEqual(['time_invalid']);
      expect(codes(7)).toEqual(['duplicate']);
      expect(codes(8).sort()).toEqual(['capacity', 'position']);
      expect(r.errors.find((e: { row: number }) => e.row === 3).column).toBe('村（社区）代码 / Place code');
    }
    expect(await countRows(ctx, 'service_activities')).toBe(0);
  });

  it('imports a good file in one go, with one audit row of counts', async () => {
    const rows = [
      row(),
      row({ ref: 'BZA-002', organiserKind: 'unit', organiser: 'QY-DL', title: '安全用电进万家', kind: 'volunteer' }),
      row({
        ref: undefined,
        organiserKind: 'branch',
        organiser: `${VILLAGE}-01`,
        title: '主题党日',
        kind: 'party_day',
      }),
    ];
    const r = (await send(officer, rows)).json();
    expect(r, JSON.stringify(r.errors)).toMatchObject({ totalRows: 3, importedRows: 3, errorCount: 0 });
    const { rows: saved } = await ctx.db.owner.query<{ title: string; starts: string; ends: string; code: string }>(
      `SELECT title, to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS starts,
              to_char(ends_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS ends, checkin_code AS code
         FROM service_activities ORDER BY title`,
    );
    expect(saved.map((s) => [s.title, s.starts, s.ends])).toEqual([
      ['主题党日', '2026-03-15 09:00', '11:30'],
      ['安全用电进万家', '2026-03-15 09:00', '11:30'],
      ['敬老院义诊', '2026-03-15 09:00', '11:30'],
    ]);
    for (const s of saved) expect(s.code).toMatch(/^[0-9]{6}$/);
    const audit = await ctx.db.owner.query<{ after: Record<string, number> }>(
      `SELECT after FROM audit_log WHERE action = 'services.activity_import'`,
    );
    expect(audit.rows.map((a) => a.after)).toEqual([
      expect.objectContaining({ importedRows: 3, created: 3, updated: 0 }),
    ]);
  });

  it('updates the activity a known number names instead of adding one; the town imports for its villages', async () => {
    const r = (await send(town, [row({ title: '敬老院义诊（改期）', day: '2026-03-16', capacity: 40 })])).json();
    expect(r).toMatchObject({ importedRows: 1, errorCount: 0 });
    expect(await countRows(ctx, 'service_activities')).toBe(3);
    const { rows } = await ctx.db.owner.query<{ title: string; capacity: number }>(
      `SELECT title, capacity FROM service_activities WHERE import_ref = 'BZA-001'`,
    );
    expect(rows).toEqual([{ title: '敬老院义诊（改期）', capacity: 40 }]);
  });
});
