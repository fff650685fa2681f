import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import {
  OTHER_VILLAGE,
  VILLAGE,
  cadreIn,
  createServicesContext,
  partyMemberIn,
  residentActor,
  villageOfficer,
} from './services.testing';

let ctx: TestContext;
let county: TestActor;
let officer: TestActor;
let resident: TestActor;
let member: TestActor; // party member of 百子庵村
let cadre: TestActor; // embedded cadre of 百子庵村
let outsider: TestActor; // cadre of another village
let itemId: string;

beforeAll(async () => {
  ctx = await createServicesContext();
  county = await staffActor(ctx, 'county_officer', '421081');
  officer = await villageOfficer(ctx);
  await partyMemberIn(ctx, VILLAGE, '13914200011', 11);
  await cadreIn(ctx, VILLAGE, '13914200012');
  await cadreIn(ctx, OTHER_VILLAGE, '13914200013');
  resident = await residentActor(ctx, '13914200010');
  member = await residentActor(ctx, '13914200011');
  cadre = await residentActor(ctx, '13914200012');
  outsider = await residentActor(ctx, '13914200013');
  const item = await call(ctx, county, 'PUT', '/api/services/console/errand-items', {
    code: 'shebao_card',
    name: '社保卡补办',
    kind: '社会保障',
    documents: ['身份证复印件', '一寸照片'],
    timeLimitDays: 3,
    active: true,
  });
  expect(item.statusCode).toBe(200);
  itemId = item.json().id;
});
afterAll(() => ctx.close());

const ask = (actor: TestActor, body: object = {}) =>
  call(ctx, actor, 'POST', '/api/services/errands', {
    itemId,
    divisionCode: VILLAGE,
    notes: '身份证号 421081198001010011，腿脚不便',
    documents: ['身份证复印件'],
    ...body,
  });

describe('the item list', () => {
  it('is kept by county officers only', async () => {
    const res = await call(ctx, officer, 'PUT', '/api/services/console/errand-items', {
      code: 'x',
      name: 'x',
      kind: 'x',
      documents: [],
      timeLimitDays: 1,
      active: true,
    });
    expect(res.statusCode).toBe(403);
    const items = (await call(ctx, resident, 'GET', '/api/services/errand-items')).json();
    expect(items.map((i: { code: string }) => i.code)).toEqual(['shebao_card']);
  });
});

describe('an errand from request to rating', () => {
  it('runs the loop with a working-day deadline, encrypted notes and audited views', async () => {
    ctx.clock.set(new Date('2026-09-30T10:00:00+08:00')); // before the National Day holiday
    const asked = await ask(resident);
    expect(asked.statusCode).toBe(201);
    const e = asked.json();
    expect(e.state).toBe('requested');
    // 3 working days after 30 September: 10-01..10-08 are holidays (10-11 a make-up working day)
    expect(new Date(e.dueAt).getTime()).toBeGreaterThan(new Date('2026-10-08T00:00:00+08:00').getTime());
    const stored = await ctx.db.owner.query<{ details_cipher: string }>('SELECT details_cipher FROM errands');
    expect(JSON.stringify(stored.rows)).not.toContain('421081198001010011');

    const far = await call(ctx, officer, 'POST', `/api/services/errands/${e.id}/assign`, {
      handlerId: outsider.userId,
    });
    expect([far.statusCode, far.json().code]).toEqual([422, 'services_handler_outside_area']);
    const plain = await call(ctx, officer, 'POST', `/api/services/errands/${e.id}/assign`, {
      handlerId: resident.userId,
    });
    expect(plain.statusCode).toBe(422);
    const candidates = (await call(ctx, officer, 'GET', `/api/services/console/errands/${e.id}/candidates`)).json();
    expect(candidates.map((c: { userId: string }) => c.userId).sort()).toEqual([member.userId, cadre.userId].sort());

    const assigned = await call(ctx, officer, 'POST', `/api/services/errands/${e.id}/assign`, {
      handlerId: member.userId,
    });
    expect(assigned.json()).toMatchObject({ state: 'assigned', handlerId: member.userId });
    // only the handler accepts; the resident cannot rate yet
    expect((await call(ctx, cadre, 'POST', `/api/services/errands/${e.id}/accept`)).statusCode).toBe(404);
    const early = await call(ctx, resident, 'POST', `/api/services/errands/${e.id}/rate`, { rating: 5 });
    expect([early.statusCode, early.json().code]).toEqual([409, 'services_errand_step_not_allowed']);

    expect((await call(ctx, member, 'POST', `/api/services/errands/${e.id}/accept`)).json().state).toBe('accepted');
    await call(ctx, member, 'POST', `/api/services/errands/${e.id}/progress`, { note: '材料已递交社保局' });
    const detail = (await call(ctx, member, 'GET', `/api/services/errands/${e.id}`)).json();
    expect(detail.notes).toContain('腿脚不便');
    expect(detail.documentsNeeded).toEqual(['身份证复印件', '一寸照片']);
    expect(detail.events.map((v: { kind: string }) => v.kind)).toEqual(['requested', 'assign', 'accept', 'progress']);
    const views = await ctx.db.owner.query(
      `SELECT 1 FROM audit_log WHERE action = 'services.errand_view' AND actor_id = $1`,
      [member.userId],
    );
    expect(views.rows).toHaveLength(1);
    const notes = await ctx.db.owner.query<{ note_cipher: string }>('SELECT note_cipher FROM errand_events');
    expect(JSON.stringify(notes.rows)).not.toContain('社保局');

    const done = await call(ctx, member, 'POST', `/api/services/errands/${e.id}/finish`, {
      success: true,
      outcome: '新卡已送到家',
    });
    expect(done.json()).toMatchObject({ state: 'done', overdue: false, actions: [] });
    const rated = await call(ctx, resident, 'POST', `/api/services/errands/${e.id}/rate`, {
      rating: 5,
      comment: '很满意',
      thanks: 'banner',
    });
    expect(rated.json()).toMatchObject({ rating: 5, thanks: 'banner' });
    const again = await call(ctx, resident, 'POST', `/api/services/errands/${e.id}/rate`, { rating: 1 });
    expect([again.statusCode, again.json().code]).toEqual([409, 'services_already_rated']);
    const mine = (await call(ctx, resident, 'GET', '/api/services/me/errands')).json();
    expect(mine.items[0]).toMatchObject({ id: e.id, rating: 5 });
    const handling = (await call(ctx, member, 'GET', '/api/services/me/errands/handling')).json();
    expect(handling.items.map((x: { id: string }) => x.id)).toContain(e.id);
  });

  it('lets staff ask for a resident only with a reason, and keeps others out', async () => {
    const noReason = await ask(officer, { residentPhone: '13914200010' });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'services_reason_required']);
    const forThem = await ask(officer, { residentPhone: '13914200010', reason: '老人不会用手机，电话求助' });
    expect(forThem.statusCode).toBe(201);
    expect(forThem.json().onBehalf).toBe(true);
    const own = (await call(ctx, resident, 'GET', `/api/services/errands/${forThem.json().id}`)).json();
    expect(own.onBehalfReason).toContain('老人');
    expect((await call(ctx, outsider, 'GET', `/api/services/errands/${forThem.json().id}`)).statusCode).toBe(404);
    const stranger = await staffActor(ctx, 'village_officer', OTHER_VILLAGE);
    const notHere = await ask(stranger, { residentPhone: '13914200010', reason: 'x' });
    expect(notHere.statusCode).toBe(403);
    const badItem = await ask(resident, { itemId: '00000000-0000-4000-8000-000000000000' });
    expect([badItem.statusCode, badItem.json().code]).toEqual([404, 'services_errand_item_unknown']);
    const board = (await call(ctx, officer, 'GET', '/api/services/console/errands?state=requested')).json();
    expect(board.items.map((x: { id: string }) => x.id)).toContain(forThem.json().id);
  });
});
