/**
 * Role × record: the 头雁 records (sensitive personnel data) are read only by org_officer
 * (组织部门干部) of the place — at the county or the person's town. Nobody else reads a person's
 * record, the lists, the name search, the two xlsx 台账, the due reviews, the counts, the contests or
 * the talks: not town, village or county officers without the role, grid workers, department
 * handlers, personal-data viewers, administrators, residents, nor the org officer of another town.
 * Every view of a person is audited, refusals of an existing record too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { seedVillage, V } from '../care/care.fixtures';

const TOWN = '421081107';
const NAME = '王秀兰';
let ctx: TestContext;
let person: string;
let tier: string;
let contest: string;
const actors: Record<string, TestActor> = {};
/** Who reads: the county's and the town's organisation department. */
const READERS = ['orgCounty', 'orgTown'];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  const ids = await seedVillage(ctx, '13922000011');
  await ctx.db.owner.query(
    `INSERT INTO departments (code, name, name_en, scope_code) VALUES ('zzb', '组织部', 'Organisation', '421081') ON CONFLICT DO NOTHING`,
  );
  const specs: [string, Parameters<typeof staffActor>[1], string, string?][] = [
    ['orgCounty', 'org_officer', '421081'],
    ['orgTown', 'org_officer', TOWN],
    ['orgOtherTown', 'org_officer', '421081001'],
    ['county', 'county_officer', '421081'],
    ['town', 'town_officer', TOWN],
    ['village', 'village_officer', V],
    ['grid', 'grid_worker', `${V}001`],
    ['handler', 'department_handler', '421081', 'zzb'],
    ['pii', 'pii_viewer', '421081'],
    ['woodpecker', 'woodpecker', V],
    ['sysadmin', 'system_admin', '421081'],
    ['secadmin', 'security_admin', '421081'],
    ['auditor', 'audit_admin', '421081'],
  ];
  for (const [name, role, scope, dept] of specs)
    actors[name] = await staffActor(ctx, role, scope, dept ? { departmentCode: dept } : {});
  actors.resident = await residentActor(ctx, '13922000011'); // the person herself
  const org = actors.orgCounty;
  const p = await call(ctx, org, 'POST', '/api/leaders/people', {
    villageCode: V,
    residentId: ids[NAME],
    education: 'senior',
    teams: ['secretary', 'reserve'],
  });
  expect(p.statusCode, p.body).toBe(201);
  person = p.json().id;
  await call(ctx, org, 'POST', `/api/leaders/people/${person}/posts`, {
    body: 'party',
    post: 'secretary',
    termStart: '2021-10-01',
    termEnd: '2026-09-30',
  });
  const t = await call(ctx, org, 'POST', `/api/leaders/people/${person}/tiers`, {
    direction: 'positive',
    tier: 'county',
    reason: '示范培养',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    reviewOn: '2026-03-20',
  });
  tier = t.json().id;
  await call(ctx, org, 'PUT', `/api/leaders/people/${person}/upgrades`, {
    kind: 'ability',
    target: '电商',
    progress: 30,
  });
  const c = await call(ctx, org, 'POST', '/api/leaders/contests', {
    scopeCode: TOWN,
    title: '擂台赛',
    heldOn: '2026-03-01',
    entrantKind: 'secretary',
    criteria: [{ name: '实绩', minScore: 0, maxScore: 100 }],
    entrants: [{ name: NAME, personId: person }],
  });
  contest = c.json().id;
  await call(ctx, org, 'POST', '/api/leaders/talks', {
    scopeCode: V,
    speaker: NAME,
    topic: '宣讲',
    place: '村部',
    heldOn: '2026-03-02',
    audience: 30,
  });
});
afterAll(async () => {
  await ctx?.close();
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

describe('role × record', () => {
  it('only the organisation department of the place reads the records, through every door', async () => {
    const seen: Record<string, Record<string, boolean>> = {};
    for (const [who, actor] of Object.entries(actors)) {
      const get = (url: string) => call(ctx, actor, 'GET', url);
      const doors = {
        detail: await get(`/api/leaders/people/${person}`),
        list: await get('/api/leaders/people?limit=200'),
        search: await get(`/api/leaders/people?name=${encodeURIComponent('秀')}`),
        scoped: await get(`/api/leaders/people?scope=${V}&team=reserve`),
        teamsXlsx: await get('/api/leaders/people/export.xlsx'),
        reservesXlsx: await get(`/api/leaders/reserves/export.xlsx?scope=${TOWN}`),
        due: await get('/api/leaders/tiers/due'),
        counts: await get(`/api/leaders/teams?scope=${TOWN}`),
        upgrades: await get(`/api/leaders/upgrades?scope=${TOWN}`),
        contests: await get('/api/leaders/contests'),
        contest: await get(`/api/leaders/contests/${contest}`),
        talks: await get('/api/leaders/talks'),
      };
      for (const [door, r] of Object.entries(doors))
        expect([200, 404], `${who} ${door}: ${r.body}`).toContain(r.statusCode);
      const xlsx = async (r: (typeof doors)['teamsXlsx']) =>
        r.statusCode === 200 && (await xlsxHas(r.rawPayload, NAME));
      seen[who] = {
        detail: doors.detail.statusCode === 200,
        list: doors.list.body.includes(NAME),
        search: doors.search.body.includes(NAME),
        scoped: doors.scoped.body.includes(NAME),
        teamsXlsx: await xlsx(doors.teamsXlsx),
        reservesXlsx: await xlsx(doors.reservesXlsx),
        due: doors.due.body.includes(NAME),
        counts: doors.counts.statusCode === 200 && doors.counts.json().total.secretary === 1,
        upgrades: doors.upgrades.statusCode === 200 && doors.upgrades.json().total.ability.people === 1,
        contests: doors.contests.body.includes(contest),
        contest: doors.contest.body.includes(NAME),
        talks: doors.talks.body.includes(NAME),
        // writes are refused alike
        write:
          (
            await call(ctx, actor, 'PUT', `/api/leaders/people/${person}/upgrades`, {
              kind: 'ability',
              target: '电商',
              progress: 30,
            })
          ).statusCode === 200,
      };
      // the population register never says someone is on the leadership records
      const people = await get(`/api/people?q=${encodeURIComponent(NAME)}`);
      expect(people.body, who).not.toContain('secretary');
    }
    for (const [who, doors] of Object.entries(seen)) {
      const reads = READERS.includes(who);
      const expected = Object.fromEntries(Object.keys(doors).map((d) => [d, reads]));
      expect(doors, who).toEqual(expected);
    }
  });

  it('refuses a tier review to everyone else (404) and takes the org officer’s', async () => {
    for (const [who, actor] of Object.entries(actors)) {
      if (READERS.includes(who)) continue;
      const r = await call(ctx, actor, 'POST', `/api/leaders/tiers/${tier}/review`, { outcome: 'lift' });
      expect(r.statusCode, who).toBe(404);
    }
    const ok = await call(ctx, actors.orgTown, 'POST', `/api/leaders/tiers/${tier}/review`, { outcome: 'continue' });
    expect(ok.statusCode).toBe(200);
  });

  it('sends the capability to org_officer only', async () => {
    for (const [who, actor] of Object.entries(actors)) {
      const me = await call(ctx, actor, 'GET', '/api/me');
      expect(me.json().capabilities.includes('leaders.records'), who).toBe(who.startsWith('org'));
    }
  });

  it('audits each view with ids only, refusals of an existing record too', async () => {
    const { rows } = await ctx.db.owner.query<{ action: string; outcome: string; body: string }>(
      `SELECT action, outcome, (coalesce(before::text, '') || coalesce(after::text, '')) AS body FROM audit_log WHERE action LIKE 'leaders.%'`,
    );
    const views = rows.filter((r) => r.action === 'leaders.person_view');
    expect(views.filter((r) => r.outcome === 'success')).toHaveLength(READERS.length);
    expect(views.filter((r) => r.outcome === 'denied')).toHaveLength(Object.keys(actors).length - READERS.length);
    expect(rows.filter((r) => r.action === 'leaders.export').length).toBeGreaterThanOrEqual(2 * READERS.length);
    for (const r of rows) expect(r.body).not.toContain(NAME);
  });
});
