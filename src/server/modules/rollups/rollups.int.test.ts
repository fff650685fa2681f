/**
 * The rollup kept by the outbox on a real database: four reports run through the loop over HTTP in
 * November 2026 (test clock); after each step the rollup's messages are delivered and the rollup is
 * checked figure by figure and against the raw cases. Then redelivery, rebuild and verify.
 *
 * A closed on time and rated 5 · B suspended (缓办) · C closed, reopened (返工), closed again · D rejected.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  call,
  cookieOf,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';
import { reportRebuild, reportVerify } from './rollups.cli';
import { applyCases } from './rollups.repo';
import { rebuildRollups } from './rollups.service';
import { dayFigures, deliverRollups, differencesEverywhere, rollupRows } from './rollups.testing';

const SEAT: [number, number] = [112.419609, 29.723349];
const GRID = '421081001007001';
const ZJJ = '421081-zjj';
const CGJ = '421081-cgj';
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

let ctx: TestContext;
let resident: TestActor, town: TestActor, handler: TestActor;
const ids: Record<string, string> = {};

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

async function at(time: string) {
  ctx.clock.set(cst(time));
  for (const a of [town, handler]) a.cookie = await signIn(ctx, a.username, PASSWORD);
  resident = await residentActor('13911113333');
}

async function step(actor: TestActor, name: string, body: Record<string, unknown>) {
  const r = await call(ctx, actor, 'POST', `/api/cases/${ids[name]}/events`, body);
  expect(r.statusCode, `${name} ${String(body.type)}: ${r.body}`).toBe(200);
}

/** Delivers the rollup's messages; the rollup then equals the raw cases everywhere. */
async function sync() {
  expect(await deliverRollups(ctx.deps, ctx.clock.now())).toBeGreaterThan(0);
  expect(await differencesEverywhere(ctx.db)).toEqual([]);
}

const figures = (day: string, by?: string) => dayFigures(ctx.db, day, by).then((r) => r[by ? Object.keys(r)[0] : '']);

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: square(SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(cst('02T09:00:00'));
  town = await staffActor(ctx, 'town_officer', '421081001');
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: ZJJ });
  resident = await residentActor('13911113333');
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe('the rollup follows every step of the loop', () => {
  it('counts reports on the day received, and a rejection as a response in time', async () => {
    for (const n of ['A', 'B', 'C', 'D']) {
      const r = await call(ctx, resident, 'POST', '/api/cases', {
        description: `问题 ${n}：路灯不亮`,
        categoryCode: '01037',
        lng: SEAT[0],
        lat: SEAT[1],
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[n] = r.json().id;
    }
    await sync();
    expect(await figures('2026-11-02')).toMatchObject({ received: 4, received_responded: 0, filed: 0 });
    expect(Object.keys(await dayFigures(ctx.db, '2026-11-02', 'grid_code'))).toEqual([GRID]);

    await step(town, 'D', { type: 'reject', reason: 'not_a_problem', note: '路灯正常' });
    await sync();
    expect(await figures('2026-11-02')).toMatchObject({ received: 4, received_responded: 1, filed: 0 });
  });

  it('files on the day filed, and moves every figure of a case to its department when dispatched', async () => {
    for (const n of ['A', 'B', 'C']) await step(town, n, { type: 'file' });
    await sync();
    expect(await figures('2026-11-02')).toMatchObject({
      received: 4,
      received_responded: 4,
      filed: 3,
      filed_resolved: 0,
    });
    // routed to 住建局 at intake: A first goes to 城管局, then back
    await step(town, 'A', { type: 'dispatch', departmentCode: CGJ });
    await sync();
    const byDepartment = await dayFigures(ctx.db, '2026-11-02', 'department_code');
    expect(byDepartment[CGJ]).toMatchObject({ received: 1, received_responded: 1, filed: 1 });
    expect(byDepartment[ZJJ]).toMatchObject({ received: 3, received_responded: 3, filed: 2 });
    expect((await dayFigures(ctx.db, '2026-11-05', 'department_code'))[CGJ]).toMatchObject({ due: 1 });
    await step(await staffActor(ctx, 'department_handler', '421081', { departmentCode: CGJ }), 'A', {
      type: 'send_back',
      note: '不属本部门',
    });
    await sync();
    expect((await dayFigures(ctx.db, '2026-11-02', 'department_code'))['']).toMatchObject({ received: 1, filed: 1 });
    for (const n of ['A', 'B', 'C']) {
      await step(town, n, { type: 'dispatch', departmentCode: ZJJ });
      await step(handler, n, { type: 'accept' });
    }
    await sync();
    expect(Object.keys(await dayFigures(ctx.db, '2026-11-02', 'department_code'))).toEqual([ZJJ]);
    expect(await figures('2026-11-05')).toMatchObject({ due: 3, due_closed: 0, due_on_time: 0 }); // three working days
  });

  it('closes on the day closed (rated, handling time), reopens as rework, and counts a suspension', async () => {
    await at('03T09:00:00');
    for (const n of ['A', 'C']) {
      await step(handler, n, { type: 'feedback', note: '已修复' });
      await step(town, n, { type: 'verify', passed: true, note: '核查通过' });
    }
    await step(resident, 'A', { type: 'rate', score: 5 });
    await sync();
    expect(await figures('2026-11-03')).toMatchObject({ closed: 2, rated: 1, rated_satisfied: 1, closed_reworked: 0 });
    expect(await figures('2026-11-05')).toMatchObject({ due: 3, due_closed: 2, due_on_time: 2 });
    expect(await figures('2026-11-02')).toMatchObject({ filed_resolved: 2 });

    await step(resident, 'C', { type: 'reopen', note: '还是不亮' });
    await step(handler, 'B', { type: 'request_suspension', note: '等待配件', until: '2026-11-20T00:00:00+08:00' });
    await step(town, 'B', { type: 'approve_suspension' });
    await sync();
    expect(await figures('2026-11-03')).toMatchObject({ closed: 1, rated: 1, handling_seconds: 24 * 3600 });
    expect(await figures('2026-11-05')).toMatchObject({ due: 3, due_closed: 1, due_suspended: 1, due_on_time: 1 });
    expect(await figures('2026-11-02')).toMatchObject({ filed_resolved: 1 });

    await at('04T09:00:00');
    await step(handler, 'C', { type: 'feedback', note: '又修好了' });
    await step(town, 'C', { type: 'verify', passed: true, note: '核查通过' });
    await sync();
    expect(await figures('2026-11-04')).toMatchObject({ closed: 1, closed_reworked: 1, handling_seconds: 48 * 3600 });
    expect(await figures('2026-11-05')).toMatchObject({ due_closed: 2, due_on_time: 2 });
  });
});

describe('redelivery, rebuild and verify', () => {
  it('counts a message delivered twice once, and a case applied twice once', async () => {
    const before = await rollupRows(ctx.db);
    await ctx.db.owner.query(`UPDATE outbox SET processed_at = NULL WHERE topic = 'rollups.cases_changed'`);
    expect(await deliverRollups(ctx.deps, ctx.clock.now())).toBeGreaterThan(5);
    await ctx.db.transaction(async (tx) => {
      await applyCases(tx, Object.values(ids));
      await applyCases(tx, [...Object.values(ids), ids.A]);
    });
    expect(await rollupRows(ctx.db)).toEqual(before);
    expect(await differencesEverywhere(ctx.db)).toEqual([]);
  });

  it('rebuilds from the raw cases to the same rows the messages built, whole or by days', async () => {
    const incremental = await rollupRows(ctx.db);
    expect(incremental.length).toBeGreaterThan(3);
    const whole = await rebuildRollups(ctx.db, { from: null, to: null });
    expect(whole).toMatchObject({ cases: 4, rows: incremental.filter((r) => r.grain === 'fine').length });
    expect(await rollupRows(ctx.db)).toEqual(incremental);
    expect(await rebuildRollups(ctx.db, { from: '2026-11-03', to: '2026-11-05' })).toMatchObject({ cases: 0 });
    expect(await rollupRows(ctx.db)).toEqual(incremental);
  });

  it('finds a corrupted row and a missing one, names each, and a rebuild of those days repairs them', async () => {
    const { rows } = await ctx.db.owner.query<{ grid_code: string }>(
      `UPDATE case_rollups SET closed = closed + 1 WHERE day = '2026-11-03' AND closed > 0 RETURNING grid_code`,
    );
    expect(rows).toHaveLength(1);
    await ctx.db.owner.query(`DELETE FROM case_rollups WHERE day = '2026-11-04'`);
    await ctx.db.owner.query(`UPDATE case_rollups_village SET rated = rated - 1 WHERE day = '2026-11-03'`);
    await ctx.db.owner.query(`UPDATE case_rollups_month SET due = due + 2 WHERE month = '2026-11-01'`);
    expect(
      (await differencesEverywhere(ctx.db)).map((d) => [d.day, d.divisionCode, d.gridCode, d.figure, d.rollup, d.raw]),
    ).toEqual([
      ['2026-11-03', GRID, GRID, 'closed', 2, 1],
      ['2026-11-04', GRID, GRID, 'closed', 0, 1],
      ['2026-11-04', GRID, GRID, 'closed_reworked', 0, 1],
      ['2026-11-04', GRID, GRID, 'handling_seconds', 0, 48 * 3600],
      ['2026-11-03', '421081001007', '*', 'rated', 0, 1],
      ['2026-11-01', '421081001', '*', 'due', 5, 3],
    ]);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await reportVerify(ctx.db, { from: '2026-11-01', to: '2026-12-01' })).toBe(1);
      const printed = errors.mock.calls.map((c) => String(c[0]));
      expect(printed).toContain(
        `不一致 Differs: 2026-11-03 ${GRID} category 01037 department ${ZJJ} closed: rollup 2, raw 1`,
      );
      expect(printed).toContain(
        `不一致 Differs: month 2026-11 town 421081001 category 01037 department ${ZJJ} due: rollup 5, raw 3`,
      );
      expect(printed).toContain(
        '不一致 Differs: 2026-11-03 village 421081001007 (every grid, category, department) rated: rollup 0, raw 1',
      );
      expect(printed.at(-1)).toMatch(/differ from the raw cases in 6 figure\(s\)/);
      errors.mockClear();
      expect(await reportVerify(ctx.db, { from: '2026-11-05', to: null })).toBe(1); // the days are right, November's month row is not
      expect(errors.mock.calls).toHaveLength(2);
      expect(await reportRebuild(ctx.db, { from: '2026-11-03', to: '2026-11-05' })).toBe(0);
      expect(await reportVerify(ctx.db, { from: null, to: null })).toBe(0);
      expect(logs.mock.calls.map((c) => String(c[0])).at(-1)).toMatch(/^一致 Rollups equal the raw cases/);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
});
