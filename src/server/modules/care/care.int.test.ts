/**
 * The register and 九必问 visits on a real database: registration (consent, worker, categories),
 * the schedule's deadlines as stored, due and overdue lists, a visit refused outside the worker's
 * grid, a visit whose need becomes a problem on the three lists with a task, the monthly rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { residentActor } from '../../../../test/fixtures';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';
import { G1, G2, NINE_ANSWERS, seedVillage, V } from './care.fixtures';

let ctx: TestContext;
let ids: Record<string, string>;
let elder: TestActor;
let otherTown: TestActor;
let worker: TestActor, worker2: TestActor, otherGrid: TestActor, village: TestActor, county: TestActor;
const person: Record<string, string> = {};
const cst = (s: string) => new Date(`${s}+08:00`);

async function register(name: string, tier: string, w: TestActor) {
  const r = await call(ctx, village, 'POST', '/api/care/persons', {
    residentId: ids[name],
    categories: ['elderly_alone', 'low_income'],
    tier,
    workerId: w.userId,
    consent: { by: 'guardian', on: '2026-03-01', note: '儿子代签' },
  });
  expect(r.statusCode, r.body).toBe(201);
  person[name] = r.json().id;
}

/** Moves the clock and signs everyone in again (sessions idle out). */
async function at(time: string) {
  ctx.clock.set(cst(time));
  for (const a of [worker, worker2, otherGrid, village, county]) a.cookie = await signIn(ctx, a.username, PASSWORD);
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(cst('2026-03-10T10:00:00'));
  ids = await seedVillage(ctx, '13914100003');
  worker = await staffActor(ctx, 'grid_worker', G1);
  worker2 = await staffActor(ctx, 'grid_worker', G1);
  otherGrid = await staffActor(ctx, 'grid_worker', G2);
  village = await staffActor(ctx, 'village_officer', V);
  county = await staffActor(ctx, 'county_officer', '421081');
  otherTown = await staffActor(ctx, 'town_officer', '421081001'); // 绣林街道: outside the village
  elder = await residentActor(ctx, '13914100003'); // 王秀兰 has a resident account: she confirms effects
  await register('王秀兰', 'key', worker);
  await register('李德福', 'high', worker);
  await register('赵桂香', 'general', otherGrid);
});
afterAll(async () => {
  await ctx?.close();
});

describe('registration', () => {
  it('refuses bad input with clear 4xx and writes nothing', async () => {
    const base = {
      residentId: ids.王秀兰,
      categories: ['elderly_alone'],
      tier: 'key',
      workerId: worker.userId,
      consent: { by: 'self', on: '2026-03-01' },
    };
    const again = await call(ctx, village, 'POST', '/api/care/persons', base);
    expect(again.json().code).toBe('care_already_registered');
    const unknown = await call(ctx, village, 'POST', '/api/care/persons', {
      ...base,
      residentId: ids.赵桂香,
      categories: ['astronaut'],
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'care_unknown_category']);
    const wrongWorker = await call(ctx, village, 'POST', '/api/care/persons', {
      ...base,
      residentId: ids.赵桂香,
      workerId: otherGrid.userId,
    });
    expect(wrongWorker.json().code).toBe('care_already_registered');
    const noConsent = await call(ctx, village, 'POST', '/api/care/persons', { ...base, consent: undefined });
    expect(noConsent.statusCode).toBe(400);
    for (const on of ['2026-02-30', '2026-03-11', '2026-13-01']) {
      const bad = await call(ctx, village, 'POST', '/api/care/persons', {
        ...base,
        residentId: ids.赵桂香,
        consent: { by: 'self', on },
      });
      expect([bad.statusCode, bad.json().code], on).toEqual([400, 'validation_failed']);
    }
    const byWorker = await call(ctx, worker, 'POST', '/api/care/persons', base);
    expect(byWorker.statusCode).toBe(404);
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM care_persons`);
    expect(rows[0].n).toBe(3);
  });

  it('a worker outside the person’s grid cannot be assigned', async () => {
    const r = await call(ctx, village, 'PATCH', `/api/care/persons/${person.王秀兰}`, {
      workerId: otherGrid.userId,
    });
    expect([r.statusCode, r.json().code]).toEqual([400, 'care_worker_outside_grid']);
  });

  it('stores the first deadline by tier: high 24 h, key end of month, general end of quarter', async () => {
    const { rows } = await ctx.db.query<{ person_id: string; due_at: Date; reason: string }>(
      `SELECT person_id, due_at, reason FROM care_dues WHERE closed_at IS NULL`,
    );
    const due = (n: string) => rows.find((r) => r.person_id === person[n])!.due_at.toISOString();
    expect(due('李德福')).toBe(cst('2026-03-11T10:00:00').toISOString());
    expect(due('王秀兰')).toBe(cst('2026-04-01T00:00:00').toISOString());
    expect(due('赵桂香')).toBe(cst('2026-04-01T00:00:00').toISOString());
  });
});

describe('due visits', () => {
  it('lists the worker’s own visits by deadline, paged; overdue after the deadline', async () => {
    const due = await pageThrough<{ name: string; status: string }>(ctx, worker, '/api/care/due', 1);
    expect(due.map((d) => [d.name, d.status])).toEqual([['李德福', 'due']]);
    const all = await pageThrough<{ name: string }>(ctx, worker, '/api/care/due?status=all', 1);
    expect(all.map((d) => d.name)).toEqual(['李德福', '王秀兰']);
    await at('2026-03-11T10:00:01');
    const overdue = (await call(ctx, worker, 'GET', '/api/care/due?status=overdue')).json();
    expect(overdue.items.map((d: { name: string; status: string }) => [d.name, d.status])).toEqual([
      ['李德福', 'overdue'],
    ]);
    await expectCursorRefused(ctx, worker, '/api/care/due', 2);
    expect((await call(ctx, village, 'GET', '/api/care/due')).statusCode).toBe(404);
  });
});

describe('a visit', () => {
  it('is refused outside the worker’s grid and for someone else’s person', async () => {
    const outside = await call(ctx, otherGrid, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS,
    });
    expect([outside.statusCode, outside.json().code]).toEqual([403, 'care_visit_outside_grid']);
    const notMine = await call(ctx, worker2, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS,
    });
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, 'care_visit_not_assigned']);
    const missing = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS.slice(1),
    });
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'care_answers_incomplete']);
    expect(missing.json().message).toContain('health');
    const future = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS,
      visitedAt: '2026-03-20T10:00:00+08:00',
    });
    expect(future.json().code).toBe('care_visit_in_future');
    for (const visitedAt of ['2026-02-30T10:00:00+08:00', '2020-01-01T10:00:00+08:00']) {
      const bad = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
        answers: NINE_ANSWERS,
        visitedAt,
      });
      expect(bad.statusCode, visitedAt).toBe(400);
    }
    const badTask = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS,
      needs: [
        {
          title: '屋顶漏雨',
          description: '需维修',
          tasks: [{ title: '维修', ownerId: otherTown.userId, deadline: '2026-03-20' }],
        },
      ],
    });
    expect(badTask.json().code).toBe('worklists_owner_out_of_area');
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM care_visits)::int + (SELECT count(*) FROM worklist_problems)::int AS n`,
    );
    expect(rows[0].n).toBe(0); // nothing half-written
  });

  it('meets the obligation, opens the next, and lists the need with its task', async () => {
    const r = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/visits`, {
      answers: NINE_ANSWERS,
      summary: '屋顶漏雨',
      needs: [
        {
          title: '屋顶漏雨需维修',
          description: '东侧屋顶漏雨',
          tasks: [{ title: '联系维修', ownerId: village.userId, deadline: '2026-03-20' }],
        },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    const { nextDueAt, problemIds } = r.json();
    expect(nextDueAt).toBe(cst('2026-05-01T00:00:00').toISOString()); // April ends on a Thursday, worked
    expect(problemIds).toHaveLength(1);
    const problem = (await call(ctx, village, 'GET', `/api/worklists/problems/${problemIds[0]}`)).json();
    expect(problem.problem).toMatchObject({ source: 'visit', subject: '王**', raisedByResident: true, villageCode: V });
    expect(problem.tasks).toMatchObject([{ title: '联系维修', deadline: '2026-03-20', late: false }]);
    const record = (await call(ctx, worker, 'GET', `/api/care/persons/${person.王秀兰}`)).json();
    expect(record.visits).toHaveLength(1);
    expect(record.actions).toContain('visit');
    elder = await residentActor(ctx, '13914100003');
    // the grid-scoped worker works the village's lists: reads the problem, finishes the task
    const byWorker = (await call(ctx, worker, 'GET', `/api/worklists/problems/${problemIds[0]}`)).json();
    expect(byWorker.actions).toContain('add_task');
    const own = await call(ctx, worker, 'POST', `/api/worklists/problems/${problemIds[0]}/tasks`, {
      title: '回访',
      ownerId: worker.userId,
      deadline: '2026-03-25',
    });
    expect(own.statusCode, own.body).toBe(201);
    const mine = (await call(ctx, elder, 'GET', '/api/worklists/problems')).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual(problemIds);
  });

  it('a reported change makes the person high tier, due within 24 h', async () => {
    const r = await call(ctx, worker, 'POST', `/api/care/persons/${person.王秀兰}/change`, { note: '摔伤住院' });
    expect(r.statusCode, r.body).toBe(200);
    const rec = (await call(ctx, village, 'GET', `/api/care/persons/${person.王秀兰}`)).json();
    expect(rec.person.tier).toBe('high');
    expect(rec.person.dueAt).toBe(new Date(ctx.clock.now().getTime() + 24 * 3_600_000).toISOString());
  });
});

describe('monthly visit rate', () => {
  it('counts obligations due in the month and those met, per grid', async () => {
    const r = (await call(ctx, county, 'GET', `/api/care/rates?month=2026-03&scope=${V}`)).json();
    // G1: 李德福 (due 03-11, open), 王秀兰's 24 h check (due 03-12, open); her met March obligation
    // was due in April and the superseded April one is not counted. G2: nothing due in March.
    expect(r.rows).toEqual([{ gridCode: G1, gridName: '一网格', due: 2, met: 0, rate: 0 }]);
    const april = (await call(ctx, county, 'GET', `/api/care/rates?month=2026-04&scope=${V}`)).json();
    expect(april.total).toEqual({ due: 4, met: 1, rate: 25 });
    expect((await call(ctx, county, 'GET', '/api/care/rates?month=2026-13')).statusCode).toBe(400);
  });

  it('takes the days of a cockpit drill instead of a month (both days included), never beyond the viewer', async () => {
    const days = (q: string) => call(ctx, county, 'GET', `/api/care/rates?scope=${V}&${q}`);
    const april = (await days('from=2026-04-01&to=2026-04-30')).json();
    expect(april.total).toEqual({ due: 4, met: 1, rate: 25 });
    expect(april.month).toBe('2026-04-01/2026-04-30');
    const march = (await days('from=2026-03-01&to=2026-03-31')).json();
    expect(march.total).toEqual({ due: 2, met: 0, rate: 0 });
    const marchTo11 = (await days('from=2026-03-01&to=2026-03-11')).json();
    expect(marchTo11.total.due).toBe(1); // 李德福 due 03-11; 王秀兰's check due 03-12 falls outside
    for (const [q, field] of [
      ['from=2026-04-01', 'to'],
      ['month=2026-04&from=2026-04-01&to=2026-04-30', 'month'],
      ['from=2026-04-31&to=2026-05-01', 'from'],
      ['', 'month'],
    ]) {
      const r = await days(q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().details.fields[0].field, q).toBe(field);
    }
    const outside = await call(ctx, village, 'GET', '/api/care/rates?scope=421081001&from=2026-04-01&to=2026-04-30');
    expect(outside.statusCode).toBe(404);
  });
});
