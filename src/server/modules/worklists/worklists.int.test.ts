/**
 * The three lists on a real database: a problem → tasks (owner in the area, deadline not past) →
 * effect (only when every task is done) → the raising resident confirms or disputes; the
 * createProblem seam other modules call; the counts per village and per unit with "七个一".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';
import { createProblem } from './index';

const V = '421081107212';
let ctx: TestContext;
let officer: TestActor,
  grid: TestActor,
  handler: TestActor,
  outsider: TestActor,
  raiser: TestActor,
  neighbour: TestActor;
let otherVillage: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  await ctx.db.owner.query(
    `INSERT INTO departments (code, name, name_en, scope_code) VALUES ('cgj', '城管局', 'Urban management', '421081') ON CONFLICT DO NOTHING`,
  );
  const { rows } = await ctx.db.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = '421081107' AND code <> $1 ORDER BY code LIMIT 1`,
    [V],
  );
  otherVillage = rows[0].code;
  officer = await staffActor(ctx, 'village_officer', V);
  grid = await staffActor(ctx, 'grid_worker', V);
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: 'cgj' });
  outsider = await staffActor(ctx, 'village_officer', otherVillage);
  raiser = await residentActor(ctx, '13914100004');
  neighbour = await residentActor(ctx, '13914100005');
});
afterAll(async () => {
  await ctx?.close();
});

const problem = (extra: Record<string, unknown> = {}) => ({
  villageCode: V,
  source: 'meeting',
  sourceRef: 'M-1',
  unitRef: 'unit-1',
  title: '村道路灯不亮',
  description: '二组路段路灯坏了三盏',
  ...extra,
});

describe('problems and tasks', () => {
  it('refuses tasks outside the area, past deadlines, non-villages — nothing half-written', async () => {
    const outsideOwner = await call(ctx, officer, 'POST', '/api/worklists/problems', {
      ...problem(),
      tasks: [{ title: '修灯', ownerId: outsider.userId, deadline: '2026-03-20' }],
    });
    expect([outsideOwner.statusCode, outsideOwner.json().code]).toEqual([400, 'worklists_owner_out_of_area']);
    const past = await call(ctx, officer, 'POST', '/api/worklists/problems', {
      ...problem(),
      tasks: [{ title: '修灯', ownerId: grid.userId, deadline: '2026-03-09' }],
    });
    expect([past.statusCode, past.json().code]).toEqual([400, 'worklists_deadline_past']);
    const bogus = await call(ctx, officer, 'POST', '/api/worklists/problems', {
      ...problem(),
      tasks: [{ title: '修灯', ownerId: grid.userId, deadline: '2026-02-30' }],
    });
    expect(bogus.statusCode).toBe(400);
    const town = await call(ctx, officer, 'POST', '/api/worklists/problems', problem({ villageCode: '421081107' }));
    expect(town.statusCode).toBe(404); // not a place of this village officer
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM worklist_problems`);
    expect(rows[0].n).toBe(0);
  });

  it('runs problem → tasks → effect, each step checked', async () => {
    const created = await call(ctx, officer, 'POST', '/api/worklists/problems', problem());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const early = await call(ctx, officer, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '已修',
      resultKind: 'problem_solved',
    });
    expect(early.json().code).toBe('worklists_no_tasks');
    const t1 = (
      await call(ctx, officer, 'POST', `/api/worklists/problems/${id}/tasks`, {
        title: '报修',
        ownerId: handler.userId,
        deadline: '2026-03-10',
      })
    ).json().id;
    const t2 = (
      await call(ctx, grid, 'POST', `/api/worklists/problems/${id}/tasks`, {
        title: '回访',
        ownerId: grid.userId,
        deadline: '2026-03-12',
      })
    ).json().id;
    const open = await call(ctx, officer, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '已修',
      resultKind: 'problem_solved',
    });
    expect([open.statusCode, open.json().code]).toEqual([409, 'worklists_tasks_open']);
    // the handler owns t1: a grid worker of the village (not an officer, not the owner) cannot finish it
    const notMine = await call(ctx, grid, 'POST', `/api/worklists/tasks/${t1}/done`, { outcome: '修好了' });
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, 'worklists_not_your_task']);
    expect((await call(ctx, outsider, 'POST', `/api/worklists/tasks/${t1}/done`, { outcome: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await call(ctx, handler, 'POST', `/api/worklists/tasks/${t1}/done`, { outcome: '更换灯泡三只' })).statusCode,
    ).toBe(200);
    expect(
      (await call(ctx, handler, 'POST', `/api/worklists/tasks/${t1}/done`, { outcome: 'again' })).json().code,
    ).toBe('worklists_task_done');
    expect((await call(ctx, grid, 'POST', `/api/worklists/tasks/${t2}/done`, { outcome: '居民满意' })).statusCode).toBe(
      200,
    );
    const effect = await call(ctx, officer, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '路灯恢复',
      resultKind: 'problem_solved',
    });
    expect(effect.statusCode, effect.body).toBe(200);
    const detail = (await call(ctx, officer, 'GET', `/api/worklists/problems/${id}`)).json();
    expect(detail.problem.state).toBe('closed');
    expect(detail.effect).toMatchObject({ confirmation: 'not_needed', resultKind: 'problem_solved' });
    const late = await call(ctx, officer, 'POST', `/api/worklists/problems/${id}/tasks`, {
      title: 'x',
      ownerId: grid.userId,
      deadline: '2026-03-20',
    });
    expect([late.statusCode, late.json().code]).toEqual([409, 'worklists_problem_closed']);
    expect((await call(ctx, outsider, 'GET', `/api/worklists/problems/${id}`)).statusCode).toBe(404);
    expect((await call(ctx, neighbour, 'GET', `/api/worklists/problems/${id}`)).statusCode).toBe(404);
  });
});

describe('a problem a resident raised', () => {
  let id: string;
  it('comes in through createProblem (the seam other modules use) and waits for the resident', async () => {
    id = await ctx.db.transaction((tx) =>
      createProblem(
        tx,
        { kind: 'anonymous', ip: null },
        {
          source: 'proposal',
          sourceRef: 'P-7',
          villageCode: V,
          title: '门前水沟堵塞',
          description: '下雨积水',
          raisedBy: raiser.userId,
          tasks: [{ title: '清淤', ownerId: grid.userId, deadline: '2026-03-15' }],
        },
        new Date(ctx.clock.now().getTime() + 60_000), // listed a minute after the first problem
      ),
    );
    const task = (await call(ctx, grid, 'GET', `/api/worklists/problems/${id}`)).json().tasks[0];
    await call(ctx, grid, 'POST', `/api/worklists/tasks/${task.id}/done`, { outcome: '已清淤' });
    await call(ctx, grid, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '水沟通畅',
      resultKind: 'service_delivered',
    });
    const seen = (await call(ctx, raiser, 'GET', `/api/worklists/problems/${id}`)).json();
    expect(seen.problem.state).toBe('effect_recorded');
    expect(seen.actions).toEqual(['confirm']);
  });

  it('only the raiser answers; a dispute sends it back, a confirmation closes it', async () => {
    expect(
      (await call(ctx, neighbour, 'POST', `/api/worklists/problems/${id}/confirm`, { confirmed: true })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, grid, 'POST', `/api/worklists/problems/${id}/confirm`, { confirmed: true })).statusCode,
    ).toBe(404);
    expect(
      (
        await call(ctx, raiser, 'POST', `/api/worklists/problems/${id}/confirm`, {
          confirmed: false,
          comment: '还在积水',
        })
      ).statusCode,
    ).toBe(200);
    expect((await call(ctx, grid, 'GET', `/api/worklists/problems/${id}`)).json().problem.state).toBe('open');
    expect(
      (await call(ctx, raiser, 'POST', `/api/worklists/problems/${id}/confirm`, { confirmed: true })).json().code,
    ).toBe('worklists_nothing_to_confirm');
    await call(ctx, grid, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '再次清淤',
      resultKind: 'service_delivered',
    });
    expect(
      (await call(ctx, raiser, 'POST', `/api/worklists/problems/${id}/confirm`, { confirmed: true })).statusCode,
    ).toBe(200);
    const done = (await call(ctx, raiser, 'GET', `/api/worklists/problems/${id}`)).json();
    expect([done.problem.state, done.effect.confirmation]).toEqual(['closed', 'confirmed']);
    const mine = await pageThrough<{ id: string }>(ctx, raiser, '/api/worklists/problems', 1);
    expect(mine.map((p) => p.id)).toEqual([id]);
  });
});

describe('lists and counts', () => {
  it('pages the village’s problems and refuses forged cursors and other places', async () => {
    const all = await pageThrough<{ title: string }>(ctx, officer, '/api/worklists/problems', 1);
    expect(all.map((p) => p.title)).toEqual(['门前水沟堵塞', '村道路灯不亮']);
    await expectCursorRefused(ctx, officer, '/api/worklists/problems', 2);
    expect((await call(ctx, officer, 'GET', `/api/worklists/problems?scope=${otherVillage}`)).statusCode).toBe(404);
    expect((await call(ctx, outsider, 'GET', '/api/worklists/problems')).json().items).toEqual([]);
  });

  it('narrows to the days problems were listed on (a cockpit drill), a bad day a 400 naming it', async () => {
    const titles = async (q: string) => {
      const r = await call(ctx, officer, 'GET', `/api/worklists/problems?scope=${V}&${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((p: { title: string }) => p.title);
    };
    // both listed on 2026-03-10 (CST), the clock set at 10:00
    expect(await titles('from=2026-03-10&to=2026-03-10')).toEqual(['门前水沟堵塞', '村道路灯不亮']);
    expect(await titles('to=2026-03-09')).toEqual([]);
    expect(await titles('from=2026-03-11')).toEqual([]);
    const bad = await call(ctx, officer, 'GET', '/api/worklists/problems?from=2026-03-12&to=2026-03-11');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields).toEqual([{ field: 'to', problem: expect.stringContaining('before') }]);
    const outside = `/api/worklists/problems?scope=${otherVillage}&from=2026-03-01&to=2026-03-31`;
    expect((await call(ctx, officer, 'GET', outside)).statusCode).toBe(404);
  });

  it('counts per village and per unit, with the "七个一" results', async () => {
    const byVillage = (await call(ctx, officer, 'GET', '/api/worklists/summary?by=village')).json();
    expect(byVillage.rows).toEqual([
      {
        key: V,
        name: expect.any(String),
        problems: 2,
        open: 0,
        closed: 2,
        tasks: 3,
        tasksLate: 0,
        confirmed: 1,
        results: { problem_solved: 1, service_delivered: 1 },
      },
    ]);
    const byUnit = (await call(ctx, officer, 'GET', '/api/worklists/summary?by=unit')).json();
    expect(byUnit.rows).toMatchObject([{ key: 'unit-1', problems: 1, results: { problem_solved: 1 } }]);
    expect((await call(ctx, neighbour, 'GET', '/api/worklists/summary?by=village')).statusCode).toBe(404);
  });
});

describe('a problem from a case (转为三张清单问题)', () => {
  it('checks the case: it exists, the actor reads it, it lies in the village; nothing half-written', async () => {
    const [x, y] = COUNTY_SEAT;
    const at = { here: [x, y] as [number, number], there: [x + 0.1, y] as [number, number] };
    await ctx.db.transaction((tx) =>
      writeGrids({ tx, crypto: ctx.deps.crypto }, [
        { code: `${V}001`, name: '一网格', polygon: squareAround(at.here, 0.01), synthetic: true },
        { code: `${otherVillage}001`, name: '邻村一网格', polygon: squareAround(at.there, 0.01), synthetic: true },
      ]),
    );
    invalidateGridIndex(ctx.db);
    const reportAt = async ([lng, lat]: [number, number]) => {
      const r = await call(ctx, raiser, 'POST', '/api/cases', {
        description: '路灯不亮，晚上很黑',
        categoryCode: '01037',
        lng,
        lat,
        locationSource: 'map',
      });
      expect(r.statusCode, r.body).toBe(201);
      const { id } = r.json() as { id: string };
      const { rows } = await ctx.db.query<{ number: string; place: string }>(
        'SELECT number, coalesce(grid_code, division_code) AS place FROM cases WHERE id = $1',
        [id],
      );
      return { id, ...rows[0] };
    };
    const mine = await reportAt(at.here);
    const theirs = await reportAt(at.there);
    expect([mine.place, theirs.place]).toEqual([`${V}001`, `${otherVillage}001`]);
    const town = await staffActor(ctx, 'town_officer', '421081107');
    const fromCase = (actor: TestActor, sourceRef?: string, villageCode = V) =>
      call(ctx, actor, 'POST', '/api/worklists/problems', {
        ...problem({ source: 'case', sourceRef, villageCode, title: '村道路灯不亮（案件）' }),
        tasks: [{ title: '修灯', ownerId: grid.userId, deadline: '2026-03-20' }],
      });
    const caseProblems = async () =>
      (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM worklist_problems WHERE source = 'case'`))
        .rows[0].n;

    const noRef = await fromCase(officer);
    expect([noRef.statusCode, noRef.json().code]).toEqual([400, 'worklists_case_ref_missing']);
    const unknown = await fromCase(officer, '20260310999999');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'worklists_case_not_found']);
    const unknownId = await fromCase(officer, '00000000-0000-4000-8000-000000000000');
    expect([unknownId.statusCode, unknownId.json().code]).toEqual([404, 'worklists_case_not_found']);
    // the village's officer may not read the neighbouring village's case: the same 404 as a missing one
    const unreadable = await fromCase(officer, theirs.number);
    expect([unreadable.statusCode, unreadable.json().code]).toEqual([404, 'worklists_case_not_found']);
    // the town's officer reads both, but a case of another village is not this village's problem
    const elsewhere = await fromCase(town, theirs.id);
    expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([400, 'worklists_case_other_place']);
    expect(elsewhere.json().message).toContain(theirs.number);
    // staff of another village cannot list problems here at all
    const outside = await fromCase(outsider, mine.number);
    expect(outside.statusCode).toBe(404);
    expect(await caseProblems()).toBe(0);

    const created = await fromCase(officer, mine.id);
    expect(created.statusCode, created.body).toBe(201);
    const detail = (await call(ctx, officer, 'GET', `/api/worklists/problems/${created.json().id}`)).json();
    expect(detail.problem).toMatchObject({ source: 'case', sourceRef: mine.number, villageCode: V });
    expect(detail.tasks).toHaveLength(1);
    const again = await fromCase(officer, mine.number);
    expect([again.statusCode, again.json().code]).toEqual([409, 'worklists_problem_listed']);
    expect(await caseProblems()).toBe(1);
  });
});
