/**
 * Indicators on a real database: nine reports run through the loop over HTTP in November 2026
 * (test clock), then every indicator, the ranking, the drill-down, the scope rules and the ledger.
 *
 * Town 421081001 (grid GRID): A on time, rated 5 · B closed late, rated 2 · C reopened once, then
 * closed on time · D dispatched, never closed (overdue) · E rejected · F never answered · H suspended
 * (缓办), resumed, closed · I a grid-tier matter never answered. Town 421081107: G closed on time.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  call,
  cookieOf,
  createTestContext,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';

const SEAT: [number, number] = [112.419609, 29.723349];
const EAST: [number, number] = [112.5, 29.72];
const GRID = '421081001007001';
const square = ([x, y]: [number, number], d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ],
  ],
});
const cst = (s: string) => new Date(`2026-11-${s}+08:00`);
const NOV = 'from=2026-11-01&to=2026-12-01';

let ctx: TestContext;
let resident: TestActor, town: TestActor, otherTown: TestActor, county: TestActor, handler: TestActor;
let otherGrid: string;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

async function residentActor(phone: string): Promise<TestActor> {
  await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } });
  const { rows } = await ctx.db.owner.query<{ body: string }>('SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1');
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sms-sign-in',
    payload: { phone, code: /(\d{6})/.exec(rows[0].body)![1] },
  });
  const me = (await ctx.app.inject({ url: '/api/me', headers: { cookie: cookieOf(res) } })).json();
  return { userId: me.user.id, username: phone, cookie: cookieOf(res) };
}

/** Moves the clock and signs everyone in again (sessions idle out across days). */
async function at(time: string) {
  ctx.clock.set(cst(time));
  for (const a of [town, otherTown, county, handler]) a.cookie = await signIn(ctx, a.username, PASSWORD);
  resident = await residentActor('13911112222');
}

async function step(actor: TestActor, name: string, body: Record<string, unknown>) {
  const r = await call(ctx, actor, 'POST', `/api/cases/${ids[name]}/events`, body);
  expect(r.statusCode, `${name} ${String(body.type)}: ${r.body}`).toBe(200);
  return r.json();
}

async function report(name: string, point: [number, number], categoryCode = '01037') {
  const r = await call(ctx, resident, 'POST', '/api/cases', {
    description: `问题 ${name}：路灯不亮`,
    categoryCode,
    lng: point[0],
    lat: point[1],
  });
  expect(r.statusCode, r.body).toBe(201);
  ids[name] = r.json().id;
  numbers[name] = r.json().number;
}

const get = (actor: TestActor, url: string) => call(ctx, actor, 'GET', url);

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  const { rows } = await ctx.db.owner.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = '421081107' ORDER BY code LIMIT 1`,
  );
  otherGrid = `${rows[0].code}001`;
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: square(SEAT, 0.01), synthetic: true },
      { code: otherGrid, name: '东片一网格', polygon: square(EAST, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(cst('02T09:00:00'));
  town = await staffActor(ctx, 'town_officer', '421081001');
  otherTown = await staffActor(ctx, 'town_officer', '421081107');
  county = await staffActor(ctx, 'county_officer', '421081');
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
  resident = await residentActor('13911112222');

  // Mon 2 Nov 09:00: nine reports; all but E, F, I filed and dispatched; E rejected.
  for (const n of ['A', 'B', 'C', 'D', 'E', 'F', 'H']) await report(n, SEAT);
  await report('I', SEAT, '06010');
  await report('G', EAST);
  await step(town, 'E', { type: 'reject', reason: 'not_a_problem', note: '路灯正常' });
  for (const n of ['A', 'B', 'C', 'D', 'H', 'G']) {
    const officer = n === 'G' ? otherTown : town;
    await step(officer, n, { type: 'file' });
    const d = await step(officer, n, { type: 'dispatch', departmentCode: '421081-zjj' });
    expect(new Date(d.handleDueAt)).toEqual(cst('05T17:30:00')); // three working days
    await step(handler, n, { type: 'accept' });
  }
  // Tue 3 Nov 09:00: A and G closed on time, A rated 5; C closed and reopened; H suspended.
  await at('03T09:00:00');
  for (const n of ['A', 'C']) {
    await step(handler, n, { type: 'feedback', note: '已修复' });
    await step(town, n, { type: 'verify', passed: true, note: '核查通过' });
  }
  await step(handler, 'G', { type: 'feedback', note: '已修复' });
  await step(otherTown, 'G', { type: 'verify', passed: true, note: '核查通过' });
  await step(resident, 'A', { type: 'rate', score: 5 });
  expect((await step(resident, 'C', { type: 'reopen', note: '还是不亮' })).state).toBe('handling');
  expect((await call(ctx, town, 'GET', `/api/cases/${ids.C}`)).json().reworkCount).toBe(1); // a staff field
  await step(handler, 'H', { type: 'request_suspension', note: '等待配件', until: '2026-11-20T00:00:00+08:00' });
  await step(town, 'H', { type: 'approve_suspension' });
  // Wed 4 Nov 09:00: H resumed and closed; C closed again, on time.
  await at('04T09:00:00');
  await step(town, 'H', { type: 'resume' });
  for (const n of ['H', 'C']) {
    await step(handler, n, { type: 'feedback', note: '已修复' });
    expect((await step(town, n, { type: 'verify', passed: true, note: '核查通过' })).closedOnTime).toBe(true);
  }
  // Tue 10 Nov 09:00: B closed late and rated 2; D still open, overdue.
  await at('10T09:00:00');
  await step(handler, 'B', { type: 'feedback', note: '已修复' });
  expect((await step(town, 'B', { type: 'verify', passed: true, note: '核查通过' })).closedOnTime).toBe(false);
  await step(resident, 'B', { type: 'rate', score: 2 });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe('indicators', () => {
  it('computes every indicator of a town from the loop', async () => {
    const r = await get(town, `/api/indicators?dimension=town&${NOV}`);
    expect(r.statusCode, r.body).toBe(200);
    const t = r.json();
    expect(t).toMatchObject({
      scope: '421081001',
      scopeName: expect.any(String),
      departments: null,
      sort: 'closureRate',
    });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({
      rank: 1,
      key: '421081001',
      name: t.scopeName,
      received: 8,
      filed: 5,
      due: 5,
      closed: 4,
      closureRate: 80, // A, B, C, H of the five due (D open)
      onTimeRate: 50, // A, C of five due less H (suspended)
      reworkRate: 25, // C of four closed
      responseRate: 75, // all but F and I answered in time
      resolutionRate: 80, // four of five filed are closed
      satisfactionRate: 50, // A rated 5, B rated 2
      avgHandlingHours: 78, // (24 + 192 + 48 + 48) / 4
      counts: { dueSuspended: 1, dueOnTime: 2, closedReworked: 1, rated: 2, ratedSatisfied: 1, handlingHours: 312 },
    });
  });

  it('draws the last days as a trend whose total is the table’s figures for the same days', async () => {
    const r = await get(town, '/api/indicators/trend?days=14'); // Tue 28 Oct … Tue 10 Nov
    expect(r.statusCode, r.body).toBe(200);
    const t = r.json();
    expect(t).toMatchObject({ scope: '421081001', departments: null });
    expect(t.days.map((d: { date: string }) => d.date)).toEqual(
      Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 9, 28 + i)).toISOString().slice(0, 10)),
    );
    const day = (date: string) => t.days.find((d: { date: string }) => d.date === date);
    expect(day('2026-11-02')).toMatchObject({ received: 8, closed: 0, onTimeRate: null });
    expect(day('2026-11-03')).toMatchObject({ received: 0, closed: 1, satisfactionRate: 100 }); // A rated 5
    expect(day('2026-11-04')).toMatchObject({ closed: 2 }); // H and C (again)
    expect(day('2026-11-05')).toMatchObject({ onTimeRate: 50 }); // the five due that day
    expect(day('2026-11-10')).toMatchObject({ closed: 1, satisfactionRate: 0 }); // B rated 2
    const table = (await get(town, `/api/indicators?dimension=town&from=${t.from}&to=${t.to}`)).json().total;
    expect(t.total).toEqual({
      received: table.received,
      closed: table.closed,
      onTimeRate: table.onTimeRate,
      satisfactionRate: table.satisfactionRate,
    });
    expect(t.total).toEqual({ received: 8, closed: 4, onTimeRate: 50, satisfactionRate: 50 });
    expect((await get(handler, '/api/indicators/trend')).json()).toMatchObject({
      scope: '421081',
      departments: ['421081-zjj'],
    });
    expect((await get(otherTown, '/api/indicators/trend?scope=421081001')).statusCode).toBe(404);
    expect((await get(resident, '/api/indicators/trend')).statusCode).toBe(404);
    expect((await get(town, '/api/indicators/trend?days=3')).json().code).toBe('validation_failed');
  });

  it('ranks the towns of the county, ties and nulls included', async () => {
    const rows = async (sort: string) =>
      (await get(county, `/api/indicators?dimension=town&scope=421081&${NOV}&sort=${sort}`))
        .json()
        .rows.map((x: { key: string; rank: number | null }) => [x.key, x.rank]);
    expect(await rows('closureRate')).toEqual([
      ['421081107', 1],
      ['421081001', 2],
    ]);
    expect(await rows('reworkRate')).toEqual([
      ['421081107', 1],
      ['421081001', 2],
    ]); // lower is better
    expect(await rows('satisfactionRate')).toEqual([
      ['421081001', 1],
      ['421081107', null],
    ]); // G not rated
    expect(await rows('responseRate')).toEqual([
      ['421081107', 1],
      ['421081001', 2],
    ]);
    const total = (await get(county, `/api/indicators?dimension=town&scope=421081&${NOV}`)).json().total;
    expect(total).toMatchObject({
      received: 9,
      filed: 6,
      due: 6,
      closed: 5,
      closureRate: 83.3,
      onTimeRate: 60,
      avgHandlingHours: 67.2,
    });
  });

  it('groups by grid, department and category, with the unassigned row last', async () => {
    const grids = (await get(town, `/api/indicators?dimension=grid&${NOV}`)).json().rows;
    expect(grids.map((g: { key: string; name: string }) => [g.key, g.name])).toEqual([[GRID, '金银垱一网格']]);
    const depts = (await get(town, `/api/indicators?dimension=department&${NOV}`)).json().rows;
    expect(
      depts.map((d: { key: string | null; rank: number | null; received: number }) => [d.key, d.rank, d.received]),
    ).toEqual([
      ['421081-zjj', 1, 7],
      [null, null, 1],
    ]);
    const cats = (await get(town, `/api/indicators?dimension=category&${NOV}&sort=received`)).json().rows;
    expect(cats.map((c: { key: string; received: number }) => [c.key, c.received])).toEqual([
      ['01037', 7],
      ['06010', 1],
    ]);
    const empty = (await get(town, `/api/indicators?dimension=town&from=2026-10-01&to=2026-11-01`)).json();
    expect(empty.rows).toEqual([]);
    expect(empty.total.closureRate).toBeNull();
  });

  it('lists the cases behind a figure', async () => {
    const list = async (measure: string, dimension = 'town', key = '421081001') =>
      (await get(town, `/api/indicators/cases?dimension=${dimension}&key=${key}&${NOV}&measure=${measure}`))
        .json()
        .items.map((c: { number: string }) => c.number);
    const of = (...names: string[]) => names.map((n) => numbers[n]);
    expect(await list('overdue')).toEqual(of('B', 'D'));
    expect(await list('rework')).toEqual(of('C'));
    expect(await list('dissatisfied')).toEqual(of('B'));
    expect(await list('suspended')).toEqual(of('H'));
    expect(await list('not_responded')).toEqual(of('F', 'I'));
    expect(await list('closed', 'department', 'none')).toEqual([]);
    expect(await list('received', 'department', 'none')).toEqual(of('I'));
  });

  it('limits each person to their own places and department', async () => {
    expect((await get(otherTown, `/api/indicators?dimension=grid&scope=421081001&${NOV}`)).statusCode).toBe(404);
    expect(
      (
        await get(
          otherTown,
          `/api/indicators/cases?dimension=town&key=421081001&scope=421081001&${NOV}&measure=overdue`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await get(town, `/api/indicators?dimension=town&scope=421081&${NOV}`)).statusCode).toBe(404);
    expect((await get(resident, `/api/indicators?dimension=town&${NOV}`)).statusCode).toBe(404);
    const mine = (await get(handler, `/api/indicators?dimension=department&${NOV}`)).json();
    expect(mine).toMatchObject({ scope: '421081', departments: ['421081-zjj'] });
    expect(mine.rows.map((x: { key: string; received: number }) => [x.key, x.received])).toEqual([['421081-zjj', 8]]);
  });

  it('answers 400 naming the field for a bad dimension or date', async () => {
    const bad = async (qs: string) => (await get(town, `/api/indicators?${qs}`)).json();
    expect((await bad(`dimension=street&${NOV}`)).details.fields[0].field).toBe('querystring.dimension');
    expect((await bad('dimension=town&from=2026-13-01&to=2026-12-01')).details.fields[0].field).toBe(
      'querystring.from',
    );
    expect((await bad('dimension=town&from=2026-12-01&to=2026-11-01')).details.fields[0]).toEqual({
      field: 'querystring.to',
      problem: 'must be after from',
    });
    expect((await get(town, `/api/indicators?dimension=town&${NOV}`)).statusCode).toBe(200);
  });

  it('exports the ranked table as an xlsx ledger', async () => {
    const r = await get(county, `/api/indicators/export.xlsx?dimension=town&scope=421081&${NOV}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet('指标台账')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 3)).toEqual(['排名 Rank', '代码 Code', '名称 Name']);
    expect(values(1)).toContain('按期结案率% On-time rate');
    expect(values(2).slice(0, 2)).toEqual([1, '421081107']);
    expect(values(3)).toEqual([2, '421081001', expect.any(String), 8, 5, 5, 4, 80, 50, 25, 75, 80, 50, 78]);
    expect(values(4)).toEqual([undefined, undefined, '合计 Total', 9, 6, 6, 5, 83.3, 60, 20, 77.8, 83.3, 50, 67.2]);
    expect(ws.rowCount).toBe(4);
    expect(wb.getWorksheet('口径 About')).toBeDefined();
  });
});
