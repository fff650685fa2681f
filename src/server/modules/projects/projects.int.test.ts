/**
 * Livelihood projects on a real database: create (funds = budget, milestones after the start,
 * supervisors from the village's representatives) with nothing half-written on bad input; the
 * board and the public page with progress rolled up from the milestones and the status computed;
 * the representatives' ratings — only chosen representatives may rate (role × record).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { seedVillage, V } from '../care/care.fixtures';

let ctx: TestContext;
let officer: TestActor, townOfficer: TestActor, outsider: TestActor, grid: TestActor;
let rep: TestActor, notChosen: TestActor, plain: TestActor;
let ids: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  ids = await seedVillage(ctx, '13925000001');
  // 王秀兰 and 李德福 are 村民代表; 赵桂香 is not
  await ctx.db.owner.query(
    `INSERT INTO body_members (village_code, body, resident_id) VALUES ($1, 'representatives', $2), ($1, 'representatives', $3)`,
    [V, ids['王秀兰'], ids['李德福']],
  );
  await ctx.db.owner.query(`UPDATE residents SET phone_index = NULL WHERE id = $1`, [ids['李德福']]);
  officer = await staffActor(ctx, 'village_officer', V);
  townOfficer = await staffActor(ctx, 'town_officer', '421081107');
  outsider = await staffActor(ctx, 'village_officer', '421081107213');
  grid = await staffActor(ctx, 'grid_worker', V);
  rep = await residentActor(ctx, '13925000001'); // 王秀兰 by phone
  notChosen = await residentActor(ctx, '13925000002');
  // 李德福's account (a representative, linked to the register) is not chosen for the project
  await ctx.db.owner.query(`UPDATE users SET resident_id = $1 WHERE id = $2`, [ids['李德福'], notChosen.userId]);
  plain = await residentActor(ctx, '13925000003');
});
afterAll(async () => {
  await ctx?.close();
});

const project = (extra: Record<string, unknown> = {}) => ({
  placeCode: V,
  title: '村组道路硬化',
  description: '二组至三组道路 1.2 公里硬化',
  budgetFen: 50_000_000,
  funds: [
    { source: 'county', amountFen: 30_000_000 },
    { source: 'collective', amountFen: 15_000_000 },
    { source: 'residents', amountFen: 5_000_000 },
  ],
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  milestones: [
    { title: '路基', dueOn: '2026-04-15', weight: 1 },
    { title: '浇筑', dueOn: '2026-06-15', weight: 3 },
  ],
  supervisors: [ids['王秀兰']],
  ...extra,
});
const count = async (table: string) =>
  (await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe('bad input: a clear 4xx, nothing half-written', () => {
  it.each([
    ['funds short of the budget', { budgetFen: 50_000_001 }, 400, 'projects_funds_mismatch'],
    ['funds over the budget', { budgetFen: 49_999_999 }, 400, 'projects_funds_mismatch'],
    ['due before the start', { dueOn: '2026-02-28' }, 400, 'projects_dates_invalid'],
    [
      'a milestone due before the start',
      { milestones: [{ title: '路基', dueOn: '2026-02-28' }] },
      400,
      'projects_milestone_before_start',
    ],
    [
      'progress above 100 %',
      { milestones: [{ title: '路基', dueOn: '2026-04-01', progress: 101 }] },
      400,
      'projects_progress_out_of_range',
    ],
    [
      'progress below 0 %',
      { milestones: [{ title: '路基', dueOn: '2026-04-01', progress: -1 }] },
      400,
      'projects_progress_out_of_range',
    ],
    [
      'a supervisor not a representative',
      () => ({ supervisors: [ids['赵桂香']] }),
      400,
      'projects_not_a_representative',
    ],
    ['a non-existent date', { dueOn: '2026-02-30' }, 400, 'validation_failed'],
  ] as [string, Record<string, unknown> | (() => Record<string, unknown>), number, string][])(
    '%s',
    async (_name, extra, status, code) => {
      const res = await call(
        ctx,
        officer,
        'POST',
        '/api/projects',
        project(typeof extra === 'function' ? extra() : extra),
      );
      expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
      expect(res.json().message).toBeTruthy();
      for (const t of ['projects', 'project_funds', 'project_milestones', 'project_supervisors'])
        expect(await count(t)).toBe(0);
    },
  );

  it('names the sums in yuan (zh and en)', async () => {
    const res = await call(ctx, officer, 'POST', '/api/projects', project({ budgetFen: 50_000_050 }));
    expect(res.json().message).toContain('500000.50');
  });

  it('refuses a place outside the officer’s area and a grid worker', async () => {
    expect((await call(ctx, outsider, 'POST', '/api/projects', project())).statusCode).toBe(404);
    expect((await call(ctx, grid, 'POST', '/api/projects', project())).statusCode).toBe(404);
    expect((await call(ctx, rep, 'POST', '/api/projects', project())).statusCode).toBe(404);
    expect(await count('projects')).toBe(0);
  });
});

describe('a project’s life', () => {
  let id: string;
  let milestones: { id: string; title: string }[];

  it('is created, on the board and on the public page, progress rolled up from weighted milestones', async () => {
    const res = await call(ctx, officer, 'POST', '/api/projects', project());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const board = await call(ctx, townOfficer, 'GET', '/api/projects');
    expect(board.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await call(ctx, outsider, 'GET', '/api/projects')).json().items).toEqual([]);
    const near = await ctx.app.inject({ url: `/api/public/projects?place=${V}` });
    expect(near.json().items[0]).toMatchObject({ id, progress: 0, status: 'in_progress', budgetFen: 50_000_000 });
    // a resident without a chosen place sees their registered household's village; one not on the register, nothing
    expect((await call(ctx, rep, 'GET', '/api/public/projects')).json().items.map((p: { id: string }) => p.id)).toEqual(
      [id],
    );
    expect((await call(ctx, plain, 'GET', '/api/public/projects')).json().items).toEqual([]);
    expect((await ctx.app.inject({ url: '/api/public/projects' })).statusCode).toBe(400);
    const detail = (await call(ctx, officer, 'GET', `/api/public/projects/${id}`)).json();
    milestones = detail.milestones;
    expect(detail.funds.map((f: { amountFen: number }) => f.amountFen)).toEqual([30_000_000, 15_000_000, 5_000_000]);
    expect(detail.supervisors).toEqual([{ residentId: ids['王秀兰'], name: '王秀兰', rated: false }]);
    expect(detail.actions).toEqual(['manage']);
  });

  it('moves milestones: 100 % of weight 1 and 50 % of weight 3 → 63 %; refuses 101 % and leaves it', async () => {
    const set = (mid: string, progress: number, who = officer) =>
      call(ctx, who, 'PUT', `/api/projects/${id}/milestones/${mid}/progress`, { progress });
    expect((await set(milestones[0].id, 100)).statusCode).toBe(200);
    expect((await set(milestones[1].id, 50)).statusCode).toBe(200);
    const over = await set(milestones[1].id, 101);
    expect([over.statusCode, over.json().code]).toEqual([400, 'projects_progress_out_of_range']);
    expect((await set(milestones[1].id, 60, outsider)).statusCode).toBe(404);
    const p = (await ctx.app.inject({ url: `/api/public/projects/${id}` })).json();
    expect(p.project.progress).toBe(63); // (100·1 + 50·3) / 4 = 62.5 → 63
    expect(p.milestones.map((m: { progress: number }) => m.progress)).toEqual([100, 50]);
  });

  it('is delayed the day after a milestone’s due date while short of 100 %', async () => {
    ctx.clock.set(new Date('2026-06-16T10:00:00+08:00'));
    const p = (await ctx.app.inject({ url: `/api/public/projects/${id}` })).json();
    expect([p.project.status, p.milestones[1].late]).toEqual(['delayed', true]);
    ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  });

  it('only a chosen representative rates (role × record); the page sums the ratings up', async () => {
    const body = { progress: 4, quality: 5, comment: '路基压得很实' };
    const tries: [TestActor, number, string | undefined][] = [
      [notChosen, 403, 'projects_not_a_supervisor'], // a representative, but not chosen for this project
      [plain, 403, 'projects_not_a_supervisor'], // a resident, not a representative
      [officer, 403, 'projects_not_a_supervisor'], // staff never rate
      [townOfficer, 403, 'projects_not_a_supervisor'],
    ];
    for (const [who, status, code] of tries) {
      const res = await call(ctx, who, 'PUT', `/api/projects/${id}/rating`, body);
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    }
    for (const bad of [
      { ...body, progress: 6 },
      { ...body, quality: 0 },
      { ...body, quality: 2.5 },
    ]) {
      const res = await call(ctx, rep, 'PUT', `/api/projects/${id}/rating`, bad);
      expect(res.statusCode).toBe(400);
    }
    const six = await call(ctx, rep, 'PUT', `/api/projects/${id}/rating`, { ...body, progress: 6 });
    expect(six.json().code).toBe('projects_rating_out_of_range');
    expect(await count('project_ratings')).toBe(0);
    const anonymous = await ctx.app.inject({ method: 'PUT', url: `/api/projects/${id}/rating`, payload: body });
    expect(anonymous.statusCode).toBe(401);

    const mine = (await call(ctx, rep, 'GET', `/api/public/projects/${id}`)).json();
    expect(mine.actions).toEqual(['rate']);
    expect((await call(ctx, rep, 'PUT', `/api/projects/${id}/rating`, body)).statusCode).toBe(200);
    expect((await call(ctx, rep, 'PUT', `/api/projects/${id}/rating`, { ...body, progress: 3 })).statusCode).toBe(200);
    const pub = (await ctx.app.inject({ url: `/api/public/projects/${id}` })).json();
    expect(pub.ratings).toEqual({ count: 1, progressTenths: 30, qualityTenths: 50, qualityHistogram: [0, 0, 0, 0, 1] });
    expect(pub.comments.map((c: { comment: string }) => c.comment)).toEqual(['路基压得很实']);
    expect(pub.supervisors).toEqual([{ residentId: null, name: '王**', rated: true }]);
    expect((await call(ctx, rep, 'GET', `/api/public/projects/${id}`)).json().myRating).toMatchObject({ progress: 3 });
  });

  it('choosing supervisors: only the village’s representatives; a dropped one can no longer rate', async () => {
    const bad = await call(ctx, officer, 'PUT', `/api/projects/${id}/supervisors`, {
      residentIds: [ids['李德福'], ids['赵桂香']],
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'projects_not_a_representative']);
    const ok = await call(ctx, officer, 'PUT', `/api/projects/${id}/supervisors`, { residentIds: [ids['李德福']] });
    expect(ok.statusCode).toBe(200);
    expect(
      (await call(ctx, notChosen, 'PUT', `/api/projects/${id}/rating`, { progress: 5, quality: 5 })).statusCode,
    ).toBe(200);
    const dropped = await call(ctx, rep, 'PUT', `/api/projects/${id}/rating`, { progress: 5, quality: 5 });
    expect(dropped.statusCode).toBe(403);
    const reps = await call(ctx, officer, 'GET', `/api/projects/representatives?place=${V}`);
    expect(
      reps
        .json()
        .map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['李德福', '王秀兰'].sort());
  });

  it('is done when every milestone is at 100 %, and audited', async () => {
    await call(ctx, officer, 'PUT', `/api/projects/${id}/milestones/${milestones[1].id}/progress`, { progress: 100 });
    const p = (await ctx.app.inject({ url: `/api/public/projects/${id}` })).json();
    expect([p.project.progress, p.project.status]).toEqual([100, 'done']);
    const { rows } = await ctx.db.owner.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_log WHERE action LIKE 'projects.%' ORDER BY action`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'projects.create',
      'projects.milestone_progress',
      'projects.rate',
      'projects.supervisors_set',
    ]);
  });
});
