import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor as signInResident, squareAround } from '../../../../test/fixtures';
import {
  CLIENT_HEADERS,
  PASSWORD,
  call,
  createTestContext,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { deliverOutbox } from '../../platform/outbox/outbox';
import { writeGrids } from '../organisation/organisation.write';
import { invalidateGridIndex } from '../organisation';
import { NOTIFY_TOPIC, notifyHandler } from './notify';

const SEAT = COUNTY_SEAT;
const GRID = '421081001007001'; // a grid of 金银垱社区, 绣林街道

let ctx: TestContext;
let resident: TestActor, gridWorker: TestActor, town: TestActor, otherTown: TestActor, handler: TestActor;

const residentActor = (phone: string) => signInResident(ctx, phone);

const report = (actor: TestActor, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(
    ctx,
    actor,
    'POST',
    '/api/cases',
    { description: '路灯不亮了，晚上很黑', categoryCode: '01037', lng: SEAT[0], lat: SEAT[1], ...body },
    headers,
  );
const step = (actor: TestActor, id: string, body: Record<string, unknown>) =>
  call(ctx, actor, 'POST', `/api/cases/${id}/events`, body);
/** The ids of a queue's first page. */
const queueIds = async (actor: TestActor, queue: string) =>
  (await call(ctx, actor, 'GET', `/api/cases?queue=${queue}`)).json().items.map((x: { id: string }) => x.id);

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  resident = await residentActor('13911112222');
  gridWorker = await staffActor(ctx, 'grid_worker', GRID);
  town = await staffActor(ctx, 'town_officer', '421081001');
  otherTown = await staffActor(ctx, 'town_officer', '421081107');
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
});
afterAll(async () => {
  await ctx.close();
});

describe('the case loop', () => {
  it('runs from report to rating, with a rule trace, deadlines, notifications and the points event', async () => {
    const created = await report(resident, {}, { 'idempotency-key': 'report-0001' });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ state: 'received' });
    expect(c.number).toMatch(/^421081-20261125-\d{6}$/);
    const routed = (await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json();
    expect(routed).toMatchObject({ tier: 'department', gridCode: GRID, handlerDepartment: '421081-zjj' });
    expect(routed.ruleTrace.map((t: { rule: string }) => t.rule)).toEqual([
      'grid_polygon',
      'category_tier',
      'department',
    ]);
    // a retried submission returns the same case
    const again = await report(resident, {}, { 'idempotency-key': 'report-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(c.id);

    expect((await call(ctx, otherTown, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    const seen = (await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json();
    expect(seen.actions).toEqual(expect.arrayContaining(['file', 'reject', 'supervise']));
    expect((await step(handler, c.id, { type: 'file' })).statusCode).toBe(403);

    expect((await step(town, c.id, { type: 'file' })).json().state).toBe('filed');
    const dispatched = (await step(town, c.id, { type: 'dispatch', departmentCode: '421081-zjj' })).json();
    expect(dispatched.state).toBe('dispatched');
    expect(new Date(dispatched.handleDueAt)).toEqual(new Date('2026-11-30T17:30:00+08:00')); // 3 working days
    const tasks = await call(ctx, handler, 'GET', '/api/cases?queue=tasks');
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect(tasks.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await step(handler, c.id, { type: 'accept' })).json().state).toBe('handling');
    expect((await step(handler, c.id, { type: 'progress', note: '已到现场，更换灯泡' })).json().state).toBe('handling');
    expect((await step(handler, c.id, { type: 'feedback', note: '已修复' })).json().state).toBe('feedback');
    expect((await step(handler, c.id, { type: 'verify', passed: true, note: 'x' })).statusCode).toBe(403); // not their own work
    const closed = (await step(town, c.id, { type: 'verify', passed: true, note: '现场核查，路灯已亮' })).json();
    expect(closed).toMatchObject({ state: 'closed', closedOnTime: true });
    expect((await step(resident, c.id, { type: 'rate', score: 5, comment: '很快' })).json()).toMatchObject({
      rating: 5,
    });

    const timeline = (await call(ctx, town, 'GET', `/api/cases/${c.id}`))
      .json()
      .timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['receive', 'file', 'dispatch', 'accept', 'progress', 'feedback', 'verify', 'rate']);

    const filed = await ctx.db.owner.query<{ payload: { reporterId: string; caseId: string } }>(
      `SELECT payload FROM outbox WHERE topic = 'cases.filed'`,
    );
    expect(filed.rows).toEqual([{ payload: expect.objectContaining({ caseId: c.id, reporterId: resident.userId }) }]);

    const result = await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
    expect(result.failed).toBe(0);
    const mine = (await call(ctx, resident, 'GET', '/api/notifications')).json().items;
    expect(mine.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('立案'), expect.stringContaining('核查')]),
    );
    expect(mine.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    const one = await call(ctx, resident, 'POST', '/api/notifications/read', { ids: [mine[0].id] });
    expect(one.json()).toEqual({ marked: 1 });
    expect((await call(ctx, handler, 'POST', '/api/notifications/read', { ids: [mine[1].id] })).json()).toEqual({
      marked: 0,
    }); // not theirs
    expect((await call(ctx, resident, 'POST', '/api/notifications/read', {})).json()).toEqual({
      marked: mine.length - 1,
    });
    const sms = await ctx.db.owner.query<{ body: string }>(
      `SELECT body FROM sms_outbox WHERE phone_masked = '139****2222' AND body LIKE '%${c.number}%'`,
    );
    expect(sms.rows.length).toBeGreaterThanOrEqual(4);
    // delivering again sends nothing twice
    const before = (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications')).rows[0].n;
    await ctx.db.owner.query('UPDATE outbox SET processed_at = NULL'); // as if the process died after sending
    await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
    expect((await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications')).rows[0].n).toBe(
      before,
    );
  });

  it('answers 409 naming both states for a step not allowed now', async () => {
    const c = (await report(resident, { description: '又一个路灯坏了' })).json();
    const r = await step(resident, c.id, { type: 'rate', score: 4 });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      code: 'case_transition_not_allowed',
      details: { from: 'received', event: 'rate' },
    });
    expect(r.json().message).toBe('案件当前为「待受理」状态，不能执行「评价」');
  });

  it('lets the reporter reopen within 7 days, counted as rework', async () => {
    const c = (await report(resident, { description: '井盖松动', categoryCode: '01001' })).json();
    for (const [actor, body] of [
      [town, { type: 'file' }],
      [town, { type: 'dispatch', departmentCode: '421081-zjj' }],
      [handler, { type: 'accept' }],
      [handler, { type: 'feedback', note: '已加固' }],
      [town, { type: 'verify', passed: true, note: '通过' }],
    ] as const) {
      expect((await step(actor, c.id, body)).statusCode).toBe(200);
    }
    const reopened = (await step(resident, c.id, { type: 'reopen', note: '还是松的' })).json();
    expect(reopened).toMatchObject({ state: 'handling', closedAt: null });
    expect((await call(ctx, town, 'GET', `/api/cases/${c.id}`)).json().reworkCount).toBe(1);
    await step(handler, c.id, { type: 'feedback', note: '重新加固' });
    await step(town, c.id, { type: 'verify', passed: true, note: '通过' });
    ctx.clock.advance(8 * 86_400_000);
    resident = await residentActor('13911112222'); // the old session has long timed out
    const late = await step(resident, c.id, { type: 'reopen', note: '又松了' });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('invalid_case_event');
    ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  });

  it('keeps small matters with the grid and carries deadlines over the National Day holiday', async () => {
    ctx.clock.set(new Date('2026-09-30T16:00:00+08:00'));
    const c = (await report(resident, { description: '小区门口有暴露垃圾', categoryCode: '06010' })).json();
    expect((await call(ctx, gridWorker, 'GET', `/api/cases/${c.id}`)).json()).toMatchObject({
      tier: 'grid',
      handlerDepartment: null,
    });
    expect(await queueIds(gridWorker, 'triage')).toContain(c.id);
    await step(gridWorker, c.id, { type: 'file' });
    const d = (await step(gridWorker, c.id, { type: 'dispatch', handlerUserId: gridWorker.userId })).json();
    expect(new Date(d.handleDueAt)).toEqual(new Date('2026-10-08T11:00:00+08:00')); // 4 working hours
    ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  });
});

describe('bad reports', () => {
  it('refuses a point outside the county, an unknown category and unknown fields', async () => {
    const outside = await report(resident, { lng: 114.3, lat: 30.6 }); // Wuhan
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'outside_county' });
    expect(outside.json().message).toContain('石首市');
    expect((await report(resident, { categoryCode: '99999' })).json().code).toBe('unknown_category');
    expect((await report(resident, { categoryCode: '01' })).json().code).toBe('unknown_category');
    expect((await report(resident, { colour: 'red' })).json().details.fields[0]).toEqual({
      field: 'body.colour',
      problem: 'unknown field',
    });
    expect((await report(resident, { description: 'x'.repeat(2001) })).statusCode).toBe(400);
  });

  it('limits reports per person per hour', async () => {
    const limited = await createTestContext({
      REPORTS_PER_PERSON_PER_HOUR: '2',
      RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000',
    });
    const officer = await staffActor(limited, 'county_officer', '421081');
    const send = () =>
      call(limited, officer, 'POST', '/api/cases', {
        description: '路灯不亮',
        categoryCode: '01037',
        lng: SEAT[0],
        lat: SEAT[1],
        onBehalfOf: { name: '张三' },
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('rate_limited');
    await limited.close();
  });

  it('converts GCJ-02 coordinates from phones to WGS-84', async () => {
    const gcj: [number, number] = [112.425408, 29.720735]; // the seat as an AMap (GCJ-02) point
    const c = (
      await report(resident, { lng: gcj[0], lat: gcj[1], coordSystem: 'gcj02', description: '路灯闪烁' })
    ).json();
    expect(Math.abs(c.lng - SEAT[0])).toBeLessThan(0.0005);
    expect(Math.abs(c.lat - SEAT[1])).toBeLessThan(0.0005);
  });

  it('offers open reports of the same category nearby before submitting', async () => {
    const near = (
      await call(ctx, resident, 'GET', `/api/cases/nearby?categoryCode=01037&lng=${SEAT[0] + 0.001}&lat=${SEAT[1]}`)
    ).json();
    expect(near.length).toBeGreaterThan(0);
    expect(near[0].distanceMeters).toBeLessThanOrEqual(250);
    expect(
      (
        await call(ctx, resident, 'GET', `/api/cases/nearby?categoryCode=01037&lng=${SEAT[0] + 0.01}&lat=${SEAT[1]}`)
      ).json(),
    ).toEqual([]);
  });
});

describe('deadline reminders', () => {
  it('remind handlers once when a case is due soon and once when overdue', async () => {
    const { sendDeadlineReminders } = await import('./reminders');
    ctx.clock.set(new Date('2026-11-26T09:00:00+08:00'));
    resident = await residentActor('13911113333');
    const town2 = await staffActor(ctx, 'town_officer', '421081001');
    const handler2 = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
    const c = (await report(resident, { description: '路灯杆倾斜', urgency: 'urgent' })).json();
    await step(town2, c.id, { type: 'file' });
    await step(town2, c.id, { type: 'dispatch', departmentCode: '421081-zjj' }); // urgent: 4 working hours → 15:00 (lunch 12:00–14:00)
    await sendDeadlineReminders(ctx.deps); // not yet within two hours
    ctx.clock.set(new Date('2026-11-26T13:00:00+08:00'));
    await sendDeadlineReminders(ctx.deps);
    await sendDeadlineReminders(ctx.deps);
    ctx.clock.set(new Date('2026-11-26T15:30:00+08:00'));
    await sendDeadlineReminders(ctx.deps);
    await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
    handler2.cookie = await signIn(ctx, handler2.username, PASSWORD); // hours later: sessions have idled out
    town2.cookie = await signIn(ctx, town2.username, PASSWORD);
    const titles = (await call(ctx, handler2, 'GET', '/api/notifications'))
      .json()
      .items.map((n: { title: string }) => n.title)
      .filter((t: string) => t.includes(c.number));
    expect(titles.filter((t: string) => t.startsWith('即将到期'))).toHaveLength(1);
    expect(titles.filter((t: string) => t.startsWith('已超期'))).toHaveLength(1);
    expect(await queueIds(town2, 'overdue')).toContain(c.id);
  });
});

describe('photos and the public view', () => {
  it('re-encodes photos, strips EXIF from the public copy, and shows photos publicly only once approved', async () => {
    const sharp = (await import('sharp')).default;
    ctx.clock.set(new Date('2026-11-27T09:00:00+08:00'));
    const me = await residentActor('13911114444');
    const town3 = await staffActor(ctx, 'town_officer', '421081001');
    const c = (await report(me, { description: '路灯灯罩掉了，很危险' })).json();
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 43/1 24/1' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeTruthy();
    const up = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/photos?stage=report`,
      payload: jpeg,
      headers: { ...CLIENT_HEADERS, cookie: me.cookie, 'content-type': 'image/jpeg' },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      stage: 'report',
      width: 40,
      height: 30,
      publicApproved: false,
      mime: 'image/jpeg',
    });
    const photoId = up.json().id;
    const staffCopy = await call(ctx, town3, 'GET', `/api/photos/${photoId}`);
    expect(staffCopy.statusCode).toBe(200);
    expect((await sharp(staffCopy.rawPayload).metadata()).exif).toBeTruthy(); // evidence kept for staff
    expect((await ctx.app.inject({ url: `/api/public/photos/${photoId}` })).statusCode).toBe(404);
    expect((await call(ctx, me, 'POST', `/api/photos/${photoId}/public`, { approved: true })).statusCode).toBe(403);
    expect((await call(ctx, town3, 'POST', `/api/photos/${photoId}/public`, { approved: true })).statusCode).toBe(204);
    const pub = await ctx.app.inject({ url: `/api/public/photos/${photoId}` });
    expect(pub.statusCode).toBe(200);
    expect((await sharp(pub.rawPayload).metadata()).exif).toBeUndefined();
    const view = (await ctx.app.inject({ url: `/api/public/cases/${c.number}` })).json();
    expect(view).toMatchObject({ number: c.number, state: 'received', photos: [`/api/public/photos/${photoId}`] });
    expect(JSON.stringify(view)).not.toContain('13911114444');
    expect(JSON.stringify(view)).not.toContain('居民4444');
  });

  it('refuses a file that is not an image whatever it claims, and too many photos', async () => {
    const me = await residentActor('13911115555');
    const c = (await report(me, { description: '井盖缺失', categoryCode: '01001' })).json();
    const fake = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/photos?stage=report`,
      payload: Buffer.from('GIF89a not really'),
      headers: { ...CLIENT_HEADERS, cookie: me.cookie, 'content-type': 'image/png' },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('photo_invalid');
    const gif = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/photos?stage=report`,
      payload: Buffer.from('x'),
      headers: { ...CLIENT_HEADERS, cookie: me.cookie, 'content-type': 'image/gif' },
    });
    expect(gif.statusCode).toBe(415);
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    for (let i = 0; i < 9; i++)
      expect(
        (
          await ctx.app.inject({
            method: 'POST',
            url: `/api/cases/${c.id}/photos?stage=report`,
            payload: png,
            headers: { ...CLIENT_HEADERS, cookie: me.cookie, 'content-type': 'image/png' },
          })
        ).statusCode,
      ).toBe(201);
    const tenth = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/photos?stage=report`,
      payload: png,
      headers: { ...CLIENT_HEADERS, cookie: me.cookie, 'content-type': 'image/png' },
    });
    expect(tenth.json().code).toBe('photo_limit');
  });
});

describe('category administration', () => {
  it('lets a county officer change time limits and add a local category; others may not', async () => {
    const county = await staffActor(ctx, 'county_officer', '421081');
    const town4 = await staffActor(ctx, 'town_officer', '421081001');
    const cat = (await call(ctx, county, 'GET', '/api/categories'))
      .json()
      .find((c: { code: string }) => c.code === '06010');
    const limits = {
      ...cat.timeLimits,
      handle: { ...cat.timeLimits.handle, normal: { amount: 2, unit: 'working_hours' } },
    };
    expect((await call(ctx, town4, 'PATCH', '/api/categories/06010', { timeLimits: limits })).statusCode).toBe(403);
    const edited = await call(ctx, county, 'PATCH', '/api/categories/06010', {
      timeLimits: limits,
      synonyms: [...cat.synonyms, '垃圾堆'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().timeLimits.handle.normal).toEqual({ amount: 2, unit: 'working_hours' });
    expect((await call(ctx, county, 'PATCH', '/api/categories/06010', { departmentKey: 'nope' })).json().code).toBe(
      'unknown_department',
    );
    const local = await call(ctx, county, 'POST', '/api/categories', {
      name: '高空抛物',
      nameEn: 'Objects thrown from height',
      synonyms: [],
      defaultTier: 'village',
      departmentKey: null,
      timeLimits: limits,
      extraFields: [{ key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'number', required: true }],
      isPublic: true,
    });
    const badDepartment = await call(ctx, county, 'POST', '/api/categories', {
      name: '无主部门',
      nameEn: null,
      synonyms: [],
      defaultTier: 'department',
      departmentKey: 'nope',
      timeLimits: limits,
      extraFields: [],
      isPublic: true,
    });
    expect(badDepartment.json().code).toBe('unknown_department');
    const enumWithoutOptions = await call(ctx, county, 'PATCH', `/api/categories/06010`, {
      extraFields: [{ key: 'size', label: { zh: '大小', en: 'Size' }, type: 'enum', required: false }],
    });
    expect(enumWithoutOptions.json()).toMatchObject({ code: 'extra_field_invalid', details: { field: 'size' } });
    expect(local.statusCode, local.body).toBe(201);
    expect(local.json().code).toMatch(/^L\d{4}$/);
    const me = await residentActor('13911116666');
    const missing = await report(me, { categoryCode: local.json().code, description: '有人从楼上扔东西' });
    expect(missing.json()).toMatchObject({ code: 'extra_field_invalid' });
    const ok = await report(me, {
      categoryCode: local.json().code,
      description: '有人从楼上扔东西',
      extra: { floor: 12 },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().extra).toEqual({ floor: 12 });
  });
});

describe('inactive categories', () => {
  it('are hidden from reporters and listed for the category administrator', async () => {
    const county = await staffActor(ctx, 'county_officer', '421081');
    expect((await call(ctx, county, 'PATCH', '/api/categories/L0007', { active: false })).statusCode).toBe(200);
    const codes = async (actor: TestActor, url: string) =>
      (await call(ctx, actor, 'GET', url)).json().map((c: { code: string }) => c.code);
    expect(await codes(county, '/api/categories')).not.toContain('L0007');
    expect(await codes(county, '/api/categories?includeInactive=true')).toContain('L0007');
    const town = await staffActor(ctx, 'town_officer', '421081001');
    expect(await codes(town, '/api/categories?includeInactive=true')).not.toContain('L0007');
    expect((await call(ctx, county, 'PATCH', '/api/categories/L0007', { active: true })).statusCode).toBe(200);
  });
});
