/**
 * 改类重派: a dispatcher who files a report under another category routes it again — tier, handling
 * department and rule trace follow the new category; the response deadline stays, later deadlines
 * use the new category's time limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { writeGrids } from '../organisation/organisation.write';
import { invalidateGridIndex } from '../organisation';

const SEAT = COUNTY_SEAT;
const GRID = '421081001007001'; // a grid of 金银垱社区, 绣林街道

let ctx: TestContext;
let resident: TestActor, gridWorker: TestActor, town: TestActor, lampHandler: TestActor, toiletHandler: TestActor;

const report = (body: Record<string, unknown>) =>
  call(ctx, resident, 'POST', '/api/cases', {
    description: '路灯不亮了，晚上很黑',
    categoryCode: '01037',
    lng: SEAT[0],
    lat: SEAT[1],
    ...body,
  });
const step = (actor: TestActor, id: string, body: Record<string, unknown>) =>
  call(ctx, actor, 'POST', `/api/cases/${id}/events`, body);
const rules = (c: { ruleTrace: { rule: string }[] }) => c.ruleTrace.map((t) => t.rule);
const ids = async (actor: TestActor, queue: string) =>
  (await call(ctx, actor, 'GET', `/api/cases?queue=${queue}`)).json().items.map((x: { id: string }) => x.id);
/** A report as the town's staff see it (the reporter's own view carries no routing). */
const reportSeenByStaff = async (body: Record<string, unknown>) =>
  (await call(ctx, town, 'GET', `/api/cases/${(await report(body)).json().id}`)).json();
const fileEvent = async (id: string) =>
  (await call(ctx, town, 'GET', `/api/cases/${id}`)).json().timeline.find((e: { type: string }) => e.type === 'file');

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00')); // a Wednesday
  resident = await residentActor(ctx, '13911117777');
  gridWorker = await staffActor(ctx, 'grid_worker', GRID);
  town = await staffActor(ctx, 'town_officer', '421081001');
  lampHandler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' }); // 住建局: street lamps
  toiletHandler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-cgj' }); // 城管局: public toilets
});
afterAll(async () => {
  await ctx.close();
});

describe('filing a report under another category', () => {
  it('routes it to the new category’s department, whose handlers get it after dispatch, with that category’s time limit', async () => {
    const c = await reportSeenByStaff({});
    expect(c).toMatchObject({ tier: 'department', handlerDepartment: '421081-zjj', categoryCode: '01037' });
    expect(rules(c)).toEqual(['grid_polygon', 'category_tier', 'department']);

    const filed = await step(town, c.id, { type: 'file', categoryCode: '03001' }); // 公共厕所异常 → 城管局, 1 working day
    expect(filed.statusCode, filed.body).toBe(200);
    const f = filed.json();
    expect(f).toMatchObject({
      state: 'filed',
      categoryCode: '03001',
      categoryConfirmed: true,
      tier: 'department',
      handlerDepartment: '421081-cgj',
      gridCode: GRID,
    });
    expect(f.responseDueAt).toBe(c.responseDueAt); // the response deadline stays
    expect(rules(f)).toEqual(['grid_polygon', 'category_changed', 'category_tier', 'department']);
    const changed = f.ruleTrace[1];
    expect(changed.zh).toContain('路灯');
    expect(changed.zh).toContain('公共厕所');
    expect(changed.en).toContain('"03001" instead of "01037"');
    expect(f.ruleTrace.at(-1).zh).toContain('421081-cgj');

    const event = await fileEvent(c.id);
    expect(event.data).toMatchObject({
      category: { from: '01037', to: '03001' },
      routing: {
        from: { tier: 'department', handlerDepartment: '421081-zjj' },
        to: { tier: 'department', handlerDepartment: '421081-cgj' },
        trace: ['grid_polygon', 'category_changed', 'category_tier', 'department'],
      },
    });
    const audited = await ctx.db.owner.query<{ after: { routing?: { to: { handlerDepartment: string } } } }>(
      `SELECT after FROM audit_log WHERE action = 'cases.file' AND entity_id = $1`,
      [c.id],
    );
    expect(audited.rows[0].after.routing?.to.handlerDepartment).toBe('421081-cgj');

    const dispatched = (await step(town, c.id, { type: 'dispatch', departmentCode: f.handlerDepartment })).json();
    expect(dispatched.state).toBe('dispatched');
    expect(new Date(dispatched.handleDueAt)).toEqual(new Date('2026-11-26T17:30:00+08:00')); // 1 working day (street lamps: 3)
    expect(await ids(toiletHandler, 'tasks')).toContain(c.id);
    expect(await ids(lampHandler, 'tasks')).not.toContain(c.id);
    expect((await call(ctx, lampHandler, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await step(lampHandler, c.id, { type: 'accept' })).statusCode).toBe(404);
    expect((await step(toiletHandler, c.id, { type: 'accept' })).json().state).toBe('handling');
  });

  it('moves a grid matter up to a department', async () => {
    const c = await reportSeenByStaff({ description: '小区门口有暴露垃圾', categoryCode: '06010' });
    expect(c).toMatchObject({ tier: 'grid', handlerDepartment: null });
    const f = (await step(town, c.id, { type: 'file', categoryCode: '01037' })).json();
    expect(f).toMatchObject({ state: 'filed', tier: 'department', handlerDepartment: '421081-zjj' });
    expect(rules(f)).toEqual(['grid_polygon', 'category_changed', 'category_tier', 'department']);
    // a department matter is dispatched by the town, not the grid worker
    expect((await step(gridWorker, c.id, { type: 'dispatch', handlerUserId: gridWorker.userId })).statusCode).toBe(403);
    expect((await step(town, c.id, { type: 'dispatch', departmentCode: '421081-zjj' })).statusCode).toBe(200);
    expect(await ids(lampHandler, 'tasks')).toContain(c.id);
    expect(await ids(toiletHandler, 'tasks')).not.toContain(c.id);
  });

  it('moves a department matter down to the grid, which then triages and handles it with the grid’s time limit', async () => {
    const c = await reportSeenByStaff({ description: '路边堆着垃圾，路灯也不亮' });
    expect(c.handlerDepartment).toBe('421081-zjj');
    const f = (await step(town, c.id, { type: 'file', categoryCode: '06010' })).json();
    expect(f).toMatchObject({ state: 'filed', tier: 'grid', handlerDepartment: null });
    expect(rules(f)).toEqual(['grid_polygon', 'category_changed', 'category_tier']);
    expect((await fileEvent(c.id)).data.routing).toMatchObject({
      from: { tier: 'department', handlerDepartment: '421081-zjj' },
      to: { tier: 'grid', handlerDepartment: null },
    });
    expect(await ids(gridWorker, 'triage')).toContain(c.id);
    const d = await step(gridWorker, c.id, { type: 'dispatch', handlerUserId: gridWorker.userId });
    expect(d.statusCode, d.body).toBe(200);
    expect(new Date(d.json().handleDueAt)).toEqual(new Date('2026-11-25T15:00:00+08:00')); // 4 working hours, lunch 12:00–14:00 (street lamps: 3 working days)
  });

  it('keeps the routing when the category stays, and refuses unknown categories leaving the case as it was', async () => {
    const c = await reportSeenByStaff({ description: '又一个路灯坏了' });
    for (const code of ['99999', '01']) {
      const bad = await step(town, c.id, { type: 'file', categoryCode: code });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'unknown_category', details: { code } });
    }
    const still = (await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json();
    expect(still).toMatchObject({
      state: 'received',
      categoryCode: '01037',
      tier: 'department',
      handlerDepartment: '421081-zjj',
    });
    const same = (await step(town, c.id, { type: 'file', categoryCode: '01037' })).json();
    expect(same).toMatchObject({
      state: 'filed',
      tier: 'department',
      handlerDepartment: '421081-zjj',
      ruleTrace: c.ruleTrace,
    });
    const event = await fileEvent(c.id);
    expect(event.data.category).toEqual({ from: '01037', to: '01037' });
    expect(event.data.routing).toBeUndefined();
  });

  it('makes a case private when it is filed under a private category, and never public by a change', async () => {
    const c = await reportSeenByStaff({ description: '邻居家装修噪音太大，协商不成' });
    expect(c.isPublic).toBe(true);
    const publicList = async () => JSON.stringify((await ctx.app.inject({ url: '/api/public/cases' })).json());
    expect(await publicList()).toContain(c.number);
    const f = (await step(town, c.id, { type: 'file', categoryCode: 'L0005' })).json(); // 邻里纠纷: private
    expect(f).toMatchObject({ categoryCode: 'L0005', isPublic: false });
    expect(await publicList()).not.toContain(c.number);

    const p = await reportSeenByStaff({ description: '邻里纠纷，其实是路灯的事', categoryCode: 'L0005' });
    expect(p.isPublic).toBe(false);
    expect((await step(town, p.id, { type: 'file', categoryCode: '01037' })).json()).toMatchObject({
      categoryCode: '01037',
      isPublic: false,
    });
  });

  it('asks for the new category’s required extra fields, and keeps the values the case had that the category has', async () => {
    const county = await staffActor(ctx, 'county_officer', '421081');
    const edited = await call(ctx, county, 'PATCH', '/api/categories/L0002', {
      extraFields: [
        { key: 'building', label: { zh: '楼栋号', en: 'Building' }, type: 'string', required: true },
        {
          key: 'entry',
          label: { zh: '门禁类型', en: 'Door-entry type' },
          type: 'enum',
          required: false,
          options: ['刷卡', '密码'],
        },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const c = (await report({ description: '单元门禁坏了，刷卡没反应' })).json(); // reported as a street lamp, no extra fields
    const missing = await step(town, c.id, { type: 'file', categoryCode: 'L0002' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'extra_field_invalid', details: { field: '楼栋号' } });
    expect((await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json()).toMatchObject({
      state: 'received',
      categoryCode: '01037',
    }); // nothing half-written
    const filed = await step(town, c.id, {
      type: 'file',
      categoryCode: 'L0002',
      extra: { building: '3 栋', entry: '刷卡' },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ categoryCode: 'L0002', extra: { building: '3 栋', entry: '刷卡' } });
    expect((await step(town, c.id, { type: 'file', categoryCode: 'L0002' })).statusCode).toBe(409); // filed once

    const d = (
      await report({ description: '门禁密码失灵', categoryCode: 'L0002', extra: { building: '5 栋', entry: '密码' } })
    ).json();
    expect(d.extra).toEqual({ building: '5 栋', entry: '密码' });
    const moved = (await step(town, d.id, { type: 'file', categoryCode: '01037' })).json(); // a category without those fields
    expect(moved).toMatchObject({ categoryCode: '01037', extra: {} });
    const bad = await step(town, (await report({ description: '门禁又坏了' })).json().id, {
      type: 'file',
      categoryCode: 'L0002',
      extra: { building: '1 栋', floor: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'extra_field_invalid', details: { field: 'floor' } });
  });
});
