/**
 * The dispatch dialog's staff picker: GET /api/cases/:id/handling-candidates lists grid workers and
 * village officers of the case's grid or village and handlers of the department — only for those
 * who may dispatch the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { writeGrids } from '../organisation/organisation.write';
import { CANDIDATE_CAP, handlingCandidates } from '../access';
import { invalidateGridIndex } from '../organisation';

const SEAT = COUNTY_SEAT;
const VILLAGE = '421081001007'; // 金银垱社区, 绣林街道
const GRID = `${VILLAGE}001`;
const NEIGHBOUR_GRID = `${VILLAGE}002`;
const OTHER_VILLAGE = '421081001001';

let ctx: TestContext;
let resident: TestActor, town: TestActor, otherTown: TestActor;
let gridWorker: TestActor, neighbourGridWorker: TestActor, villageOfficer: TestActor, disabledGridWorker: TestActor;
let otherVillageWorker: TestActor, otherVillageOfficer: TestActor;
let lampCounty: TestActor, lampTown: TestActor, lampOtherTown: TestActor, toiletCounty: TestActor;

const report = (body: Record<string, unknown>) =>
  call(ctx, resident, 'POST', '/api/cases', {
    description: '路灯不亮了，晚上很黑',
    categoryCode: '01037',
    lng: SEAT[0],
    lat: SEAT[1],
    ...body,
  });
const candidates = (actor: TestActor, id: string, departmentCode?: string, q?: string) => {
  const query = new URLSearchParams({ ...(departmentCode && { departmentCode }), ...(q && { q }) }).toString();
  return call(ctx, actor, 'GET', `/api/cases/${id}/handling-candidates${query ? `?${query}` : ''}`);
};
const userIds = async (actor: TestActor, id: string, departmentCode?: string) => {
  const r = await candidates(actor, id, departmentCode);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json().more).toBe(false);
  return r.json().items.map((x: { userId: string }) => x.userId) as string[];
};

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(SEAT, 0.01), synthetic: true },
      {
        code: NEIGHBOUR_GRID,
        name: '金银垱二网格',
        polygon: squareAround([SEAT[0] + 0.03, SEAT[1]], 0.01),
        synthetic: true,
      },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  resident = await residentActor(ctx, '13911118888');
  town = await staffActor(ctx, 'town_officer', '421081001');
  otherTown = await staffActor(ctx, 'town_officer', '421081107');
  gridWorker = await staffActor(ctx, 'grid_worker', GRID);
  neighbourGridWorker = await staffActor(ctx, 'grid_worker', NEIGHBOUR_GRID);
  villageOfficer = await staffActor(ctx, 'village_officer', VILLAGE);
  disabledGridWorker = await staffActor(ctx, 'grid_worker', GRID);
  await ctx.db.owner.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabledGridWorker.userId]);
  otherVillageWorker = await staffActor(ctx, 'grid_worker', OTHER_VILLAGE);
  otherVillageOfficer = await staffActor(ctx, 'village_officer', OTHER_VILLAGE);
  lampCounty = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
  lampTown = await staffActor(ctx, 'department_handler', '421081001', { departmentCode: '421081-zjj' });
  lampOtherTown = await staffActor(ctx, 'department_handler', '421081107', { departmentCode: '421081-zjj' });
  toiletCounty = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-cgj' });
});
afterAll(async () => {
  await ctx.close();
});

describe('handling candidates of a case', () => {
  it('lists the grid’s and village’s workers and officers and the routed department’s handlers, those at the case’s place first', async () => {
    const c = (await report({})).json();
    expect((await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json()).toMatchObject({
      gridCode: GRID,
      handlerDepartment: '421081-zjj',
    });
    const r = await candidates(town, c.id);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json().items;
    expect(list[0]).toEqual({
      userId: gridWorker.userId,
      username: gridWorker.username,
      displayName: expect.any(String),
      role: 'grid_worker',
      scopeCode: GRID,
      scopeName: '金银垱一网格',
      departmentCode: null,
    });
    const got = list.map((x: { userId: string }) => x.userId);
    expect(new Set(got)).toEqual(
      new Set([
        gridWorker.userId,
        villageOfficer.userId,
        lampCounty.userId,
        lampTown.userId,
        neighbourGridWorker.userId,
      ]),
    );
    expect(got.at(-1)).toBe(neighbourGridWorker.userId); // same village, another grid
    for (const absent of [
      disabledGridWorker,
      otherVillageWorker,
      otherVillageOfficer,
      lampOtherTown,
      toiletCounty,
      town,
    ])
      expect(got).not.toContain(absent.userId);
  });

  it('lists the handlers of another department when asked, and refuses an unknown department', async () => {
    const c = (await report({ description: '路灯杆倾斜' })).json();
    const got = await userIds(town, c.id, '421081-cgj');
    expect(got).toContain(toiletCounty.userId);
    expect(got).toContain(gridWorker.userId);
    expect(got).not.toContain(lampCounty.userId);
    const bad = await candidates(town, c.id, 'nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'unknown_department', details: { code: 'nope' } });
  });

  it('serves a grid matter to its grid worker (no department unless asked), and a pick from it can be dispatched', async () => {
    const c = (await report({ description: '小区门口有暴露垃圾', categoryCode: '06010' })).json();
    expect((await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json()).toMatchObject({
      tier: 'grid',
      handlerDepartment: null,
    });
    const got = await userIds(gridWorker, c.id);
    expect(new Set(got)).toEqual(new Set([gridWorker.userId, villageOfficer.userId, neighbourGridWorker.userId]));
    expect((await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, { type: 'file' })).statusCode).toBe(200);
    const d = await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, {
      type: 'dispatch',
      handlerUserId: neighbourGridWorker.userId,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(
      (await call(ctx, neighbourGridWorker, 'GET', '/api/cases?queue=tasks'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(c.id);
  });

  it('refuses to dispatch to staff who are not candidates for the case (the server checks, not only the picker)', async () => {
    const c = (await report({ description: '楼下暴露垃圾没人管', categoryCode: '06010' })).json();
    expect((await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, { type: 'file' })).statusCode).toBe(200);
    for (const outsider of [otherVillageWorker, otherVillageOfficer, lampOtherTown, town]) {
      const d = await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, {
        type: 'dispatch',
        handlerUserId: outsider.userId,
      });
      expect(d.statusCode, d.body).toBe(400);
      expect(d.json().code).toBe('handler_invalid');
    }
    expect((await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json().state).toBe('filed'); // nothing half-done
    const ok = await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, {
      type: 'dispatch',
      handlerUserId: villageOfficer.userId,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('narrows by text on the server and says when more than the cap match (no silent cap)', async () => {
    const c = (await report({})).json();
    const narrowed = await candidates(town, c.id, undefined, villageOfficer.username!.toUpperCase());
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json()).toEqual({
      items: [expect.objectContaining({ userId: villageOfficer.userId })],
      more: false,
    });
    expect(
      (await candidates(town, c.id, undefined, '一网格')).json().items.map((x: { userId: string }) => x.userId),
    ).toEqual([gridWorker.userId]); // by place name
    expect((await candidates(town, c.id, undefined, '%')).json()).toEqual({ items: [], more: false }); // taken literally
    expect((await candidates(town, c.id, undefined, 'x'.repeat(41))).statusCode).toBe(400);
    const where = { place: GRID, villageCode: VILLAGE, departmentCode: '421081-zjj' };
    const all = await handlingCandidates(ctx.db, where);
    expect(all.items.length).toBeGreaterThan(2);
    expect(all.more).toBe(false);
    const capped = await handlingCandidates(ctx.db, where, 2);
    expect(capped).toEqual({ items: all.items.slice(0, 2), more: true });
    expect(CANDIDATE_CAP).toBe(100);
  });

  it('answers only those who may dispatch the case', async () => {
    const c = (await report({ description: '又一个路灯坏了' })).json();
    expect((await candidates(lampCounty, c.id)).statusCode).toBe(403); // the routed department reads the case but does not dispatch it
    expect((await candidates(resident, c.id)).statusCode).toBe(403); // the reporter neither
    expect((await candidates(gridWorker, c.id)).statusCode).toBe(403); // a department matter is the town's to dispatch
    expect((await candidates(otherTown, c.id)).statusCode).toBe(404);
    expect((await candidates(town, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `/api/cases/${c.id}/handling-candidates` })).statusCode).toBe(401);
  });
});
