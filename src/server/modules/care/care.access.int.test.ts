/**
 * Role × record: a person's care record is read by the assigned grid worker and the village, town
 * and county officers of the person's place — nobody else, through the list, the name search, the
 * export, the due list or the record itself. Every read leaves an audit row; no audit row and no
 * other module's answer carries the person's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { G1, G2, seedVillage, V } from './care.fixtures';

let ctx: TestContext;
let person: string;
const actors: Record<string, TestActor> = {};
const NAME = '王秀兰';

/** Who may read 王秀兰's record (assigned to `worker`), by the names below. */
const READERS = ['worker', 'village', 'town', 'county'];
/** Exports answered (each, even an empty one of another place, is audited). */
let exportsAnswered = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  const ids = await seedVillage(ctx, '13914100001');
  const { rows } = await ctx.db.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = '421081107' AND code <> $1 ORDER BY code LIMIT 1`,
    [V],
  );
  const otherVillage = rows[0].code;
  const specs: [string, Parameters<typeof staffActor>[1], string, string?][] = [
    ['worker', 'grid_worker', G1],
    ['sameGridWorker', 'grid_worker', G1],
    ['villageWideWorker', 'grid_worker', V],
    ['otherGridWorker', 'grid_worker', G2],
    ['village', 'village_officer', V],
    ['otherVillage', 'village_officer', otherVillage],
    ['town', 'town_officer', '421081107'],
    ['otherTown', 'town_officer', '421081001'],
    ['county', 'county_officer', '421081'],
    ['handler', 'department_handler', '421081', 'cgj'],
    ['pii', 'pii_viewer', V],
    ['woodpecker', 'woodpecker', V],
    ['sysadmin', 'system_admin', '421081'],
    ['secadmin', 'security_admin', '421081'],
    ['auditor', 'audit_admin', '421081'],
  ];
  await ctx.db.owner.query(
    `INSERT INTO departments (code, name, name_en, scope_code) VALUES ('cgj', '城管局', 'Urban management', '421081') ON CONFLICT DO NOTHING`,
  );
  for (const [name, role, scope, dept] of specs)
    actors[name] = await staffActor(ctx, role, scope, dept ? { departmentCode: dept } : {});
  actors.resident = await residentActor(ctx, '13914100001'); // the person herself
  actors.neighbour = await residentActor(ctx, '13914100002');
  const reg = await call(ctx, actors.village, 'POST', '/api/care/persons', {
    residentId: ids[NAME],
    categories: ['elderly_alone'],
    tier: 'key',
    workerId: actors.worker.userId,
    consent: { by: 'self', on: '2026-03-09' },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  person = reg.json().id;
});
afterAll(async () => {
  await ctx?.close();
});

const names = (res: { statusCode: number; json(): { items: { name: string }[] } }) =>
  res.statusCode === 200 ? res.json().items.map((i) => i.name) : [];

describe('role × record', () => {
  it('only the named roles read the record, through every door', async () => {
    const seen: Record<string, Record<string, boolean>> = {};
    for (const [who, actor] of Object.entries(actors)) {
      const detail = await call(ctx, actor, 'GET', `/api/care/persons/${person}`);
      expect([200, 404], `${who} detail ${detail.body}`).toContain(detail.statusCode);
      const list = await call(ctx, actor, 'GET', '/api/care/persons?limit=200');
      const search = await call(ctx, actor, 'GET', `/api/care/persons?name=${encodeURIComponent('秀')}`);
      const scoped = await call(ctx, actor, 'GET', `/api/care/persons?scope=${G1}`);
      const due = await call(ctx, actor, 'GET', '/api/care/due?status=all');
      const exp = await call(ctx, actor, 'GET', '/api/care/persons/export.xlsx');
      if (exp.statusCode === 200) exportsAnswered++;
      for (const r of [list, search, scoped, due, exp]) expect([200, 404], `${who}: ${r.body}`).toContain(r.statusCode);
      const people = await call(ctx, actor, 'GET', `/api/people?q=${encodeURIComponent(NAME)}`);
      seen[who] = {
        detail: detail.statusCode === 200,
        list: names(list).includes(NAME),
        search: names(search).includes(NAME),
        scoped: names(scoped).includes(NAME),
        export: exp.statusCode === 200 && exp.rawPayload.length > 0 && (await xlsxHas(exp.rawPayload, NAME)),
        // the population register never says someone is on the care register
        peopleLeak: people.body.includes('elderly_alone') || people.body.includes('tier'),
      };
      if (who === 'worker') expect(names(due)).toContain(NAME);
      else expect(names(due), `${who} due list`).not.toContain(NAME);
    }
    for (const [who, doors] of Object.entries(seen)) {
      const reads = READERS.includes(who);
      expect(doors, who).toEqual({
        detail: reads,
        list: reads,
        search: reads,
        scoped: reads,
        export: reads,
        peopleLeak: false,
      });
    }
  });

  it('audits every read with ids only, and records refused reads of existing records', async () => {
    const { rows } = await ctx.db.owner.query<{ action: string; outcome: string; body: string }>(
      `SELECT action, outcome, (coalesce(before::text, '') || coalesce(after::text, '')) AS body FROM audit_log WHERE action LIKE 'care.%'`,
    );
    const views = rows.filter((r) => r.action === 'care.person_view');
    expect(views.filter((r) => r.outcome === 'success')).toHaveLength(READERS.length);
    expect(views.filter((r) => r.outcome === 'denied').length).toBe(Object.keys(actors).length - READERS.length);
    expect(rows.filter((r) => r.action === 'care.person_export').length).toBe(exportsAnswered);
    expect(exportsAnswered).toBeGreaterThan(READERS.length); // other places' staff export their own (empty) registers
    for (const r of rows) {
      expect(r.body).not.toContain(NAME);
      expect(r.body).not.toContain('elderly_alone');
    }
  });

  it('the aggregate rate shows counts to the place’s staff, never names', async () => {
    const r = await call(ctx, actors.otherGridWorker, 'GET', `/api/care/rates?month=2026-03&scope=${G2}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(NAME);
    expect((await call(ctx, actors.handler, 'GET', '/api/care/rates?month=2026-03')).statusCode).toBe(404);
    expect((await call(ctx, actors.resident, 'GET', '/api/care/rates?month=2026-03')).statusCode).toBe(404);
  });
});

async function xlsxHas(buf: Buffer, text: string): Promise<boolean> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  let found = false;
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      if (JSON.stringify(row.values).includes(text)) found = true;
    }),
  );
  return found;
}
