/**
 * The console home's "what needs me today" (GET /api/console/today) on a real database: the counts
 * follow the case loop (filed, dispatched, due, overdue, fed back), each count equals the list its
 * link opens, a town officer never counts another town's cases, the order follows the role, and a
 * role the modules do not serve gets nothing (not a row of zeros).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../test/fixtures';
import {
  call,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../test/harness';
import { invalidateGridIndex } from '../modules/organisation';
import { writeGrids } from '../modules/organisation/organisation.write';
import type { TodayAnswer } from './today.schema';

const [x, y] = COUNTY_SEAT;
const A = { grid: '421081001007001', town: '421081001', at: [x, y] as [number, number] }; // 绣林街道
const B = { grid: '421081107212001', town: '421081107', at: [x + 0.1, y] as [number, number] }; // 高基庙镇
const ZJJ = '421081-zjj';

let ctx: TestContext;
let townA: TestActor, townB: TestActor, gridA: TestActor, handler: TestActor, auditor: TestActor, resident: TestActor;
let piiViewer: TestActor, county: TestActor;
let caseA: string;

const today = async (actor: TestActor | null) => {
  const r = await call(ctx, actor, 'GET', '/api/console/today');
  return { status: r.statusCode, body: r.json() as TodayAnswer };
};
/** The counts by key (cases.triage → 1). */
const counts = async (actor: TestActor) =>
  Object.fromEntries((await today(actor)).body.items.map((i) => [i.key, i.count])) as Record<string, number>;
const step = async (actor: TestActor, body: Record<string, unknown>) => {
  const r = await call(ctx, actor, 'POST', `/api/cases/${caseA}/events`, body);
  expect(r.statusCode, r.body).toBe(200);
};
const report = async (at: [number, number]) => {
  const r = await call(ctx, resident, 'POST', '/api/cases', {
    description: '路灯不亮，晚上看不清路',
    categoryCode: '01037',
    lng: at[0],
    lat: at[1],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
/** Moves the clock and signs the staff in again (sessions idle out across days). */
const at = async (time: string) => {
  ctx.clock.set(new Date(time));
  for (const a of [townA, townB, gridA, handler, auditor])
    a.cookie = await signIn(ctx, a.username, PASSWORD, a.totpSecret);
};
/** Every case-count of the actor equals the length of the list it links to. */
async function countsMatchTheirLists(actor: TestActor) {
  const queueOf: Record<string, string> = {
    'cases.triage': 'triage',
    'cases.tasks': 'tasks',
    'cases.verify': 'verify',
    'cases.overdue': 'overdue',
    'cases.due_soon': 'due_soon',
    'cases.supervised': 'supervised',
  };
  for (const item of (await today(actor)).body.items) {
    const queue = queueOf[item.key];
    if (!queue) continue;
    const list = await call(ctx, actor, 'GET', `/api/cases?queue=${queue}&limit=200`);
    expect(list.json().items.length, item.key).toBe(item.count);
  }
}

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids(
      { tx, crypto: ctx.deps.crypto },
      [A, B].map((p) => ({ code: p.grid, name: `网格 ${p.grid}`, polygon: squareAround(p.at, 0.01), synthetic: true })),
    ),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-23T09:00:00+08:00')); // a Monday
  townA = await staffActor(ctx, 'town_officer', A.town);
  townB = await staffActor(ctx, 'town_officer', B.town);
  gridA = await staffActor(ctx, 'grid_worker', A.grid);
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: ZJJ });
  auditor = await staffActor(ctx, 'audit_admin', '421081');
  piiViewer = await staffActor(ctx, 'pii_viewer', '421081');
  county = await staffActor(ctx, 'county_officer', '421081');
  resident = await residentActor(ctx, '13911113333');
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/console/today', () => {
  it('asks who you are', async () => {
    expect((await today(null)).status).toBe(401);
  });

  it('gives each role its own counts, most pressing first, all calm at the start', async () => {
    const keys = async (a: TestActor) => (await today(a)).body.items.map((i) => i.key);
    expect(await keys(townA)).toEqual([
      'cases.triage',
      'cases.overdue',
      'cases.due_soon',
      'cases.verify',
      'cases.supervised',
      'points.review',
      'services.errands',
    ]);
    expect(await keys(gridA)).toEqual([
      'cases.tasks',
      'cases.tasks_overdue',
      'cases.verify',
      'cases.triage',
      'points.review',
      'care.due',
      'care.overdue',
      'services.errands',
    ]);
    expect(await keys(handler)).toEqual(['cases.tasks', 'cases.tasks_overdue']);
    const town = await today(townA);
    expect(town.body.waiting).toBe(0);
    expect(town.body.items[0]).toMatchObject({
      module: 'cases',
      count: 0,
      link: '/triage',
      label: { zh: '待受理派遣', en: 'To triage and dispatch' },
    });
    expect(town.body.items.find((i) => i.key === 'cases.overdue')?.link).toBe('/supervision?tab=overdue');
  });

  it('gives nothing to a role no module serves here, nor to a resident', async () => {
    expect((await today(piiViewer)).body).toEqual({ items: [], waiting: 0 });
    expect((await today(resident)).body).toEqual({ items: [], waiting: 0 });
  });

  it('gives the auditor today’s refused and failed actions, linked to the filtered trail', async () => {
    const before = await counts(auditor);
    expect(Object.keys(before)).toEqual(['audit.denied', 'audit.failure']);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: townB.username, password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(await counts(auditor)).toEqual({ ...before, 'audit.failure': before['audit.failure'] + 1 });
    const failure = (await today(auditor)).body.items.find((i) => i.key === 'audit.failure')!;
    const from = new URL(failure.link, 'http://x').searchParams.get('from');
    expect(from).toBe('2026-11-22T16:00:00.000Z'); // midnight in China
    const trail = await call(ctx, auditor, 'GET', `/api/audit?outcome=failure&from=${from}&limit=200`);
    expect(trail.json().items).toHaveLength(failure.count);
    expect((await today(townA)).body.items.some((i) => i.module === 'audit')).toBe(false);
  });

  it('counts a report in its own town only, as the lists do', async () => {
    caseA = await report(A.at);
    await report(B.at);
    expect(await counts(townA)).toMatchObject({ 'cases.triage': 1 });
    expect(await counts(townB)).toMatchObject({ 'cases.triage': 1 });
    // a street lamp is a department's matter: the grid worker follows it (我关注的), the town triages it
    expect(await counts(gridA)).toMatchObject({ 'cases.triage': 0, 'cases.tasks': 0 });
    expect(await counts(handler)).toEqual({ 'cases.tasks': 0, 'cases.tasks_overdue': 0 });
    expect((await today(townA)).body.waiting).toBe(1);
    for (const a of [townA, townB, gridA]) await countsMatchTheirLists(a);
  });

  it('counts a resident’s errand for the staff of its village and town only, linked to the filtered board', async () => {
    const item = await call(ctx, county, 'PUT', '/api/services/console/errand-items', {
      code: 'shebao_card',
      name: '社保卡补办',
      kind: '社会保障',
      documents: ['身份证复印件'],
      timeLimitDays: 3,
      active: true,
    });
    expect(item.statusCode, item.body).toBe(200);
    const asked = await call(ctx, resident, 'POST', '/api/services/errands', {
      itemId: item.json().id,
      divisionCode: A.grid.slice(0, 12),
      notes: '腿脚不便，请帮忙补办',
      documents: ['身份证复印件'],
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(await counts(townA)).toMatchObject({ 'services.errands': 1 });
    expect(await counts(gridA)).toMatchObject({ 'services.errands': 1 });
    expect(await counts(townB)).toMatchObject({ 'services.errands': 0 });
    const errands = (await today(townA)).body.items.find((i) => i.key === 'services.errands')!;
    expect(errands.link).toBe('/services-errands?state=requested');
    const board = await call(ctx, townA, 'GET', '/api/services/console/errands?state=requested');
    expect(board.json().items).toHaveLength(errands.count);
  });

  it('counts an award waiting for review for the reviewers of its village, as the approval queue lists it', async () => {
    const village = A.grid.slice(0, 12);
    const rule = await call(ctx, townA, 'POST', '/api/points/console/rules', {
      scopeCode: village,
      code: 'volunteer_service',
      name: '志愿服务',
      kind: 'earn',
      source: 'manual',
      amount: 5,
      effectiveFrom: ctx.clock.now().toISOString(),
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const award = await call(ctx, gridA, 'POST', '/api/points/console/awards', {
      userId: resident.userId,
      ruleCode: 'volunteer_service',
      placeCode: village,
      reason: '清扫村道',
      sourceRef: 'today-1',
    });
    expect(award.statusCode, award.body).toBe(201);
    expect(await counts(townA)).toMatchObject({ 'points.review': 1 });
    expect(await counts(gridA)).toMatchObject({ 'points.review': 1 });
    expect(await counts(townB)).toMatchObject({ 'points.review': 0 });
    const queue = await call(ctx, townA, 'GET', '/api/points/console/awards?queue=approval');
    expect(queue.json().items).toHaveLength(1);
  });

  it('moves a dispatched case to the handler, then due soon, then overdue', async () => {
    await step(townA, { type: 'file' });
    await step(townA, { type: 'dispatch', departmentCode: ZJJ }); // due Thu 26 Nov 17:30, three working days
    expect(await counts(townA)).toMatchObject({ 'cases.triage': 0, 'cases.due_soon': 0, 'cases.overdue': 0 });
    expect(await counts(townB)).toMatchObject({ 'cases.triage': 1 });
    expect(await counts(handler)).toEqual({ 'cases.tasks': 1, 'cases.tasks_overdue': 0 });

    await at('2026-11-26T09:00:00+08:00');
    expect(await counts(townA)).toMatchObject({ 'cases.due_soon': 1, 'cases.overdue': 0 });
    const dueSoon = (await today(townA)).body.items.find((i) => i.key === 'cases.due_soon');
    expect(dueSoon).toMatchObject({ tone: 'warning', link: '/supervision?tab=due_soon' });

    await at('2026-11-27T09:00:00+08:00');
    expect(await counts(townA)).toMatchObject({ 'cases.due_soon': 0, 'cases.overdue': 1 });
    expect(await counts(townB)).toMatchObject({ 'cases.overdue': 0, 'cases.triage': 1 });
    expect(await counts(handler)).toEqual({ 'cases.tasks': 1, 'cases.tasks_overdue': 1 });
    for (const a of [townA, townB, gridA, handler]) await countsMatchTheirLists(a);
  });

  it('counts the handler’s feedback as awaiting verification', async () => {
    await step(handler, { type: 'accept' });
    await step(handler, { type: 'feedback', note: '已修复' });
    expect(await counts(handler)).toEqual({ 'cases.tasks': 0, 'cases.tasks_overdue': 0 });
    expect(await counts(townA)).toMatchObject({ 'cases.verify': 1, 'cases.overdue': 0 });
    expect(await counts(townB)).toMatchObject({ 'cases.verify': 0 });
    await countsMatchTheirLists(townA);
    await step(townA, { type: 'verify', passed: true, note: '核查通过' });
    expect(await counts(townA)).toMatchObject({ 'cases.verify': 0, 'cases.triage': 0 });
  });

  it('keeps the headline figures to the officer’s region and away from roles without them', async () => {
    const trend = await call(ctx, townA, 'GET', '/api/indicators/trend');
    expect(trend.statusCode, trend.body).toBe(200);
    const t = trend.json();
    expect(t.scope).toBe(A.town);
    expect(t.days).toHaveLength(30);
    expect(t.days.at(-1).date).toBe('2026-11-27');
    expect(t.total).toMatchObject({ received: 1, closed: 1 }); // B's report is another town's
    expect(t.days.find((d: { date: string }) => d.date === '2026-11-23').received).toBe(1);
    expect((await call(ctx, townA, 'GET', `/api/indicators/trend?scope=${B.town}`)).statusCode).toBe(404);
    expect((await call(ctx, auditor, 'GET', '/api/indicators/trend')).statusCode).toBe(404);
    expect((await call(ctx, townA, 'GET', '/api/indicators/trend?days=400')).statusCode).toBe(400);
  });
});
