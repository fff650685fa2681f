/** A meeting's exports: attendance and tallies as xlsx, minutes as PDF (read back with pdftotext); audited, names masked above the place. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { type Person, populate, runVote } from './deliberation.fixtures';

const VILLAGE = '421081107212';
let ctx: TestContext;
let officer: TestActor, second: TestActor, county: TestActor, stranger: TestActor;
let people: Person[];
let meetingId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-minutes-'));

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  second = await staffActor(ctx, 'village_officer', VILLAGE);
  county = await staffActor(ctx, 'county_officer', '421081');
  stranger = await staffActor(ctx, 'village_officer', '421081107213');
  people = (await populate(ctx, VILLAGE, { households: 5, adultsPer: 2 })).people; // 10 adults
  // 6 of 10 present (more than half); 4 yes, 1 no, 1 abstain on a paper ballot confirmed by a second person
  ({ meetingId } = await runVote(
    ctx,
    { officer, second },
    'villagers',
    people.slice(0, 6),
    { yes: 4, no: 1, abstain: 1 },
    'paper',
  ));
  await call(ctx, officer, 'POST', `/api/meetings/${meetingId}/close`, {
    minutes: '会议同意修建村道，由村委会组织实施。',
  });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const sheet = async (actor: TestActor, kind: 'attendance' | 'tallies') => {
  const r = await call(ctx, actor, 'GET', `/api/meetings/${meetingId}/${kind}.xlsx`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as never);
  const ws = wb.worksheets[0];
  return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
};
const names = async () =>
  (
    await ctx.db.owner.query<{ name: string }>('SELECT name FROM residents WHERE id = ANY($1::uuid[])', [
      people.map((p) => p.id),
    ])
  ).rows.map((r) => r.name);

describe("a meeting's exports", () => {
  it('attendance xlsx: every roster member, how and when signed in; full names for the place, masked above it', async () => {
    const rows = await sheet(officer, 'attendance');
    expect(rows[0]).toEqual([
      '序号 No.',
      '姓名 Name',
      '户号 Household',
      '表决权 Votes',
      '到会 Present',
      '签到方式 How',
      '签到时间 Time (CST)',
      '代理人 Proxy holder',
    ]);
    const body = rows.slice(1, 11);
    expect(body).toHaveLength(10);
    expect(body.filter((r) => r[4] === '是 yes')).toHaveLength(6);
    expect(
      body.slice(0, 6).every((r) => r[5] === '工作人员登记 staff' && /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(String(r[6]))),
    ).toBe(true);
    expect(body.slice(6).every((r) => r[4] === '否 no' && r[5] === undefined)).toBe(true);
    expect(rows[11]).toContain('6 / 10');
    const all = await names();
    expect(body.every((r) => all.includes(String(r[1])))).toBe(true);
    const masked = await sheet(county, 'attendance');
    expect(masked.slice(1, 11).every((r) => /^.\*+$/.test(String(r[1])))).toBe(true);
    expect((await call(ctx, stranger, 'GET', `/api/meetings/${meetingId}/attendance.xlsx`)).statusCode).toBe(404);
  });

  it('tallies xlsx: per motion the turnout, yes/no/abstain, result, rule and explanation', async () => {
    const rows = await sheet(officer, 'tallies');
    expect(rows[0].slice(0, 3)).toEqual(['序号 No.', '议题 Motion', '事项 Kind']);
    expect(rows[1].slice(5, 12)).toEqual([10, 6, 4, 1, 1, '通过 passed', 'villagers.decision']);
    expect(String(rows[1][12])).toContain('村民委员会组织法');
  });

  it('minutes PDF: attendance summary, quorum {rule, required, present, met}, each motion with its result and rule', async () => {
    const r = await call(ctx, county, 'GET', `/api/meetings/${meetingId}/minutes.pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'minutes.pdf');
    writeFileSync(file, r.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of [
      '会议纪要',
      '应到 10 人，实到 6 人',
      '工作人员登记 6',
      '规则 Rule：villagers.quorum.adults',
      '应达 Required：6',
      '已达到法定人数',
      '赞成 Yes 4',
      '反对 No 1',
      '弃权 Abstain 1',
      '表决结果：通过',
      'villagers.decision',
      '《村民委员会组织法》第二十二条',
      '会议同意修建村道',
    ])
      expect(text.replace(/[ \t]+/g, ' ')).toContain(s.replace(/[ \t]+/g, ' '));
    // one page here; the page renders (poppler draws it)
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
  });

  it('records each export in the audit trail, with whether names were masked', async () => {
    const { rows } = await ctx.db.owner.query<{ after: { kind: string; masked: boolean } }>(
      `SELECT after FROM audit_log WHERE action = 'deliberation.meeting_export' AND entity_id = $1 ORDER BY id`,
      [meetingId],
    );
    expect(rows.map((r) => [r.after.kind, r.after.masked])).toEqual([
      ['attendance', false],
      ['attendance', true],
      ['tallies', false],
      ['minutes', true],
    ]);
  });
});
