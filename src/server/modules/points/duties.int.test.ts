/**
 * Separation of duties in points (issue 10, item 4): nobody awards, reviews, approves or hands out
 * points for themselves or their household; an award's creator never reviews, approves or
 * publishes it; an adjusted amount needs a reason, stays within caps and waits for a second
 * person; objections come from the village or staff in scope; the shop place is the registered
 * place; a person's ledger is read only within the reader's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { insertAssignment } from '../access/access.repo';
import { deliverOutbox, handlersOf } from '../../platform/outbox/outbox';
import { invalidateGridIndex } from '../organisation';
import { casesFiledHandler } from './earning.service';
import { makeIdNumber } from '../organisation/id-number';
import { refreshCoverage, writeGrids, writeHouseholds, writeResidents } from '../organisation/organisation.write';
import { createPointsContext, fund, residentActor } from './points.harness';

const TOWN = '421081107'; // 高基庙镇
const V = '421081107212'; // 百子庵村
const G1 = `${V}001`;
const OTHER_TOWN = '421081001'; // 绣林街道
const X = '421081001001';
const hh = (n: number) => `${G1}000${String(n).padStart(4, '0')}`;
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [112.4, 29.7],
      [112.41, 29.7],
      [112.41, 29.71],
      [112.4, 29.71],
      [112.4, 29.7],
    ],
  ],
};

let ctx: TestContext;
let gridWorker: TestActor,
  wife: TestActor,
  neighbour: TestActor,
  officer: TestActor,
  town: TestActor,
  otherTown: TestActor,
  stranger: TestActor,
  sysadmin: TestActor;
let workerPerson: string;

const award = (actor: TestActor, userId: string, ref: string, extra: object = {}) =>
  call(ctx, actor, 'POST', '/api/points/console/awards', {
    userId,
    ruleCode: 'volunteer_service',
    placeCode: V,
    reason: '清扫村道',
    sourceRef: ref,
    ...extra,
  });
const step = (actor: TestActor, id: string, body: object) =>
  call(ctx, actor, 'POST', `/api/points/console/awards/${id}/steps`, body);
const codeOf = (res: { json: () => { code?: string } }) => res.json().code;

beforeAll(async () => {
  ctx = await createPointsContext();
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    const touched = await writeGrids(c, [{ code: G1, name: '一网格', polygon: square, synthetic: true }]);
    await writeHouseholds(
      c,
      [1, 2].map((n) => ({ code: hh(n), address: `百子庵村1组${n}号`, point: null })),
    );
    await writeResidents(c, [
      {
        householdCode: hh(1),
        name: '王建国',
        idNumber: makeIdNumber('421081', '19800101', 11),
        phone: null,
        relation: 'householder',
      },
      {
        householdCode: hh(1),
        name: '李秀英',
        idNumber: makeIdNumber('421081', '19820101', 22),
        phone: '13955550002',
        relation: 'spouse',
      },
      {
        householdCode: hh(2),
        name: '赵四',
        idNumber: makeIdNumber('421081', '19700101', 41),
        phone: '13955550003',
        relation: 'householder',
      },
    ]);
    await refreshCoverage(tx, touched);
  });
  workerPerson = (await ctx.db.owner.query<{ id: string }>(`SELECT id FROM residents WHERE name = '王建国'`)).rows[0]
    .id;
  gridWorker = await staffActor(ctx, 'grid_worker', G1);
  officer = await staffActor(ctx, 'village_officer', V);
  town = await staffActor(ctx, 'town_officer', TOWN);
  otherTown = await staffActor(ctx, 'town_officer', OTHER_TOWN);
  sysadmin = await staffActor(ctx, 'system_admin', '421081');
  wife = await residentActor(ctx, '13955550002', [['resident', V]]); // her person record: found by the phone she signs in with
  neighbour = await residentActor(ctx, '13955550003', [['resident', V]]);
  stranger = await residentActor(ctx, '13955550009', [['resident', X]]);
  const rule = await call(ctx, officer, 'POST', '/api/points/console/rules', {
    scopeCode: V,
    code: 'volunteer_service',
    name: '志愿服务',
    kind: 'earn',
    source: 'manual',
    amount: 10,
    effectiveFrom: ctx.clock.now().toISOString(),
  });
  expect(rule.statusCode, rule.body).toBe(201);
  // publicity of 0 days: published awards are credited at once
  const settings = await call(ctx, town, 'PUT', `/api/points/console/settings/${V}`, {
    exchangePoints: 10,
    exchangeYuan: 5,
    publicityDays: 0,
    reservationHours: 72,
    expiryMonths: null,
    deskMaxFailures: 5,
    deskLockMinutes: 10,
  });
  expect(settings.statusCode, settings.body).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

describe('a staff account and its person record', () => {
  it('is linked by the system administrator only', async () => {
    expect(
      (await call(ctx, officer, 'PUT', `/api/accounts/${gridWorker.userId}/person`, { residentId: workerPerson }))
        .statusCode,
    ).toBe(403);
    const linked = await call(ctx, sysadmin, 'PUT', `/api/accounts/${gridWorker.userId}/person`, {
      residentId: workerPerson,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(
      (
        await call(ctx, sysadmin, 'PUT', `/api/accounts/${gridWorker.userId}/person`, {
          residentId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
    // nor their own account: nobody chooses the person record the self-dealing rules check them by
    const own = await call(ctx, sysadmin, 'PUT', `/api/accounts/${sysadmin.userId}/person`, { residentId: null });
    expect(own.statusCode, own.body).toBe(403);
  });
});

describe('nobody awards points for themselves or their household', () => {
  it('refuses the grid worker’s award of 1,000,000 points to himself, and any amount to himself or his wife', async () => {
    const attack = await award(gridWorker, gridWorker.userId, 'attack', { amount: 1_000_000, amountReason: '奖励' });
    expect(attack.statusCode).toBe(403);
    expect(codeOf(attack)).toBe('points_self_dealing');
    expect(codeOf(await award(gridWorker, gridWorker.userId, 'plain'))).toBe('points_self_dealing');
    expect(codeOf(await award(gridWorker, wife.userId, 'wife'))).toBe('points_self_dealing');
    const zh = await call(
      ctx,
      gridWorker,
      'POST',
      '/api/points/console/awards',
      { userId: wife.userId, ruleCode: 'volunteer_service', placeCode: V, reason: 'x', sourceRef: 'zh' },
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.json().message).toContain('同户家庭成员');
    const rows = await ctx.db.owner.query('SELECT 1 FROM points_awards WHERE user_id = ANY($1::uuid[])', [
      [gridWorker.userId, wife.userId],
    ]);
    expect(rows.rows).toEqual([]);
  });

  it('refuses review, approval and publication by the award’s creator, and any step by the person’s household', async () => {
    const created = await award(officer, neighbour.userId, 'n1');
    expect(created.json()).toMatchObject({ state: 'pending', createdBy: officer.userId, actions: ['reject'] });
    const id = created.json().id as string;
    const own = await step(officer, id, { type: 'review' });
    expect(own.statusCode).toBe(403);
    expect(codeOf(own)).toBe('points_second_person_required');
    expect((await step(gridWorker, id, { type: 'review' })).json().state).toBe('reviewed'); // a second person
    expect(codeOf(await step(officer, id, { type: 'publish' }))).toBe('points_second_person_required');
    expect((await step(town, id, { type: 'publish' })).json().state).toBe('credited');

    const forWife = (await award(officer, wife.userId, 'w1')).json();
    expect(forWife.state).toBe('pending');
    const list = (await call(ctx, gridWorker, 'GET', '/api/points/console/awards?queue=approval')).json().items as {
      id: string;
      actions: string[];
    }[];
    expect(list.find((a) => a.id === forWife.id)?.actions).toEqual([]);
    expect(codeOf(await step(gridWorker, forWife.id, { type: 'review' }))).toBe('points_self_dealing');
    expect(codeOf(await step(gridWorker, forWife.id, { type: 'reject', reason: '不符合' }))).toBe(
      'points_self_dealing',
    );
    expect((await step(town, forWife.id, { type: 'review' })).json().state).toBe('reviewed');
    expect(codeOf(await step(gridWorker, forWife.id, { type: 'publish' }))).toBe('points_self_dealing');
  });

  it('gives no award for a report the grid worker files for his wife (cases.filed)', async () => {
    invalidateGridIndex(ctx.db);
    await ctx.db.ownerTransaction((tx) =>
      insertAssignment(tx, {
        userId: wife.userId,
        role: 'woodpecker',
        scopeCode: V,
        departmentCode: null,
        grantedBy: null,
      }),
    );
    const report = await call(ctx, wife, 'POST', '/api/cases', {
      description: '村口有暴露垃圾，好几天没人清理',
      categoryCode: '06010',
      lng: 112.405,
      lat: 29.705,
    });
    expect(report.statusCode, report.body).toBe(201);
    const filed = await call(ctx, gridWorker, 'POST', `/api/cases/${report.json().id}/events`, { type: 'file' });
    expect(filed.json().state, filed.body).toBe('filed');
    expect(await deliverOutbox(ctx.db, handlersOf([casesFiledHandler(ctx.deps)]), ctx.clock.now())).toMatchObject({
      failed: 0,
    });
    expect(
      (
        await ctx.db.owner.query('SELECT 1 FROM points_awards WHERE user_id = $1 AND source_event = $2', [
          wife.userId,
          `case:${report.json().id}`,
        ])
      ).rows,
    ).toEqual([]);
    const refused = await ctx.db.owner.query<{ outcome: string }>(
      `SELECT outcome FROM audit_log WHERE action = 'points.award_refused' AND entity_id = $1`,
      [report.json().id],
    );
    expect(refused.rows).toEqual([{ outcome: 'failure' }]);
  });

  it('keeps the rule in the database too: a creator recorded as reviewer is refused', async () => {
    const a = (await award(officer, neighbour.userId, 'db')).json();
    await expect(
      ctx.db.owner.query('UPDATE points_awards SET reviewed_by = created_by WHERE id = $1', [a.id]),
    ).rejects.toThrow(/points_awards_four_eyes/);
  });
});

describe('an amount other than the rule’s', () => {
  it('needs a reason, stays within 10× the rule and the monthly cap, and waits for a second person’s approval', async () => {
    expect(codeOf(await award(officer, neighbour.userId, 'o1', { amount: 50 }))).toBe('points_amount_reason_required');
    expect(codeOf(await award(officer, neighbour.userId, 'o2', { amount: 50, amountReason: '  ' }))).toBe(
      'points_amount_reason_required',
    );
    const overAward = await award(officer, neighbour.userId, 'o3', { amount: 101, amountReason: '连续服务一周' });
    expect(overAward.statusCode).toBe(400);
    expect(overAward.json()).toMatchObject({ code: 'points_amount_over_award_cap', details: { cap: 100 } });
    expect(
      codeOf(await award(officer, neighbour.userId, 'o4', { amount: 1_000_000, amountReason: '连续服务一周' })),
    ).toBe('points_amount_over_award_cap');

    const adjusted = await award(officer, neighbour.userId, 'o5', { amount: 100, amountReason: '连续服务一周' });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(adjusted.json()).toMatchObject({
      state: 'awaiting_approval',
      amount: 100,
      ruleAmount: 10,
      amountReason: '连续服务一周',
      actions: ['reject'],
    });
    const id = adjusted.json().id as string;
    expect(codeOf(await step(officer, id, { type: 'approve' }))).toBe('points_second_person_required');
    expect(codeOf(await step(gridWorker, id, { type: 'review' }))).toBe('points_award_step_not_allowed'); // not before approval
    const approved = await step(gridWorker, id, { type: 'approve' });
    expect(approved.json()).toMatchObject({ state: 'pending', approvedBy: gridWorker.userId });

    expect((await award(officer, neighbour.userId, 'o6', { amount: 100, amountReason: '抗洪值守' })).json().state).toBe(
      'awaiting_approval',
    ); // 200 this month
    const overMonth = await award(officer, neighbour.userId, 'o7', { amount: 20, amountReason: '再一次' });
    expect(overMonth.statusCode).toBe(409);
    expect(overMonth.json()).toMatchObject({ code: 'points_amount_over_period_cap', details: { cap: 200, used: 200 } });
    expect((await award(officer, neighbour.userId, 'o8')).json().state).toBe('pending'); // the rule's amount stays open
  });

  it('follows the settings of the place for both caps', async () => {
    const put = await call(ctx, town, 'PUT', `/api/points/console/settings/${V}`, {
      exchangePoints: 10,
      exchangeYuan: 5,
      publicityDays: 0,
      reservationHours: 72,
      expiryMonths: null,
      deskMaxFailures: 5,
      deskLockMinutes: 10,
      overrideFactor: 2,
      overrideMonthlyCap: 1000,
    });
    expect(put.json()).toMatchObject({ overrideFactor: 2, overrideMonthlyCap: 1000 });
    expect(codeOf(await award(officer, wife.userId, 's1', { amount: 30, amountReason: '多次' }))).toBe(
      'points_amount_over_award_cap',
    );
    expect((await award(officer, wife.userId, 's2', { amount: 20, amountReason: '多次' })).json().state).toBe(
      'awaiting_approval',
    );
  });
});

describe('objections, the shop place and the pickup desk', () => {
  let published: string;
  beforeAll(async () => {
    await call(ctx, town, 'PUT', `/api/points/console/settings/${V}`, {
      exchangePoints: 10,
      exchangeYuan: 5,
      publicityDays: 3,
      reservationHours: 72,
      expiryMonths: null,
      deskMaxFailures: 5,
      deskLockMinutes: 10,
    });
    published = (await award(officer, neighbour.userId, 'pub')).json().id;
    await step(town, published, { type: 'review' });
    expect((await step(town, published, { type: 'publish' })).json().state).toBe('published');
  });

  it('takes objections from residents of the village and staff in scope only', async () => {
    const object = (a: TestActor) =>
      call(ctx, a, 'POST', `/api/points/awards/${published}/objections`, { reason: '不属实' });
    const far = await object(stranger);
    expect(far.statusCode).toBe(403);
    expect(codeOf(far)).toBe('points_objection_not_allowed');
    expect((await call(ctx, stranger, 'PUT', '/api/me/place', { divisionCode: V })).statusCode).toBe(200); // a place he chose himself
    expect(codeOf(await object(stranger))).toBe('points_objection_not_allowed');
    expect(codeOf(await object(otherTown))).toBe('points_objection_not_allowed');
    expect((await object(wife)).statusCode).toBe(201);
    expect((await object(town)).statusCode).toBe(201);
    const objections = (await call(ctx, town, 'GET', '/api/points/console/objections')).json().items as {
      id: string;
      awardId: string;
    }[];
    const mine = objections.find((o) => o.awardId === published)!;
    expect(
      codeOf(
        await call(ctx, town, 'POST', `/api/points/console/objections/${mine.id}/resolve`, {
          upheld: false,
          reason: '核实',
        }),
      ),
    ).toBe('points_second_person_required');
    expect(
      (
        await call(ctx, officer, 'POST', `/api/points/console/objections/${mine.id}/resolve`, {
          upheld: false,
          reason: '核实',
        })
      ).json().state,
    ).toBe('published');
  });

  it('opens a shop only at the registered place; a change of place waits for staff of that place', async () => {
    const item = (
      await call(ctx, officer, 'POST', '/api/points/console/items', {
        divisionCode: V,
        name: '肥皂',
        pricePoints: 5,
        stock: 10,
      })
    ).json();
    await ctx.db.transaction((tx) => fund(tx, stranger.userId, X, 50, ctx.clock.now()));
    expect((await call(ctx, stranger, 'GET', '/api/points/me')).json()).toMatchObject({
      placeToConfirm: V,
      shopPlaces: [X],
    });
    expect(
      (await call(ctx, stranger, 'GET', '/api/points/shop')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(item.id);
    expect((await call(ctx, stranger, 'POST', '/api/points/redemptions', { itemId: item.id })).statusCode).toBe(404);

    const requests = (await call(ctx, officer, 'GET', '/api/points/console/places')).json().items as {
      userId: string;
      requestedCode: string;
      actions: string[];
    }[];
    expect(requests.find((r) => r.userId === stranger.userId)).toMatchObject({
      requestedCode: V,
      actions: ['confirm'],
    });
    expect(
      (await call(ctx, otherTown, 'POST', `/api/points/console/places/${stranger.userId}/confirm`, { divisionCode: V }))
        .statusCode,
    ).toBe(403);
    expect(
      codeOf(
        await call(ctx, officer, 'POST', `/api/points/console/places/${stranger.userId}/confirm`, { divisionCode: G1 }),
      ),
    ).toBe('points_place_not_requested');
    expect(
      (await call(ctx, officer, 'POST', `/api/points/console/places/${stranger.userId}/confirm`, { divisionCode: V }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(ctx, stranger, 'GET', '/api/points/shop')).json().items.map((i: { id: string }) => i.id),
    ).toContain(item.id);

    // the grid worker does not confirm his wife's place
    expect((await call(ctx, wife, 'PUT', '/api/me/place', { divisionCode: V })).statusCode).toBe(200);
    expect(
      codeOf(
        await call(ctx, gridWorker, 'POST', `/api/points/console/places/${wife.userId}/confirm`, { divisionCode: V }),
      ),
    ).toBe('points_self_dealing');
  });

  it('does not let the grid worker hand his wife her goods at the pickup desk', async () => {
    await ctx.db.transaction((tx) => fund(tx, wife.userId, V, 20, ctx.clock.now()));
    const item = (
      await call(ctx, officer, 'POST', '/api/points/console/items', {
        divisionCode: V,
        name: '毛巾',
        pricePoints: 10,
        stock: 10,
      })
    ).json();
    const r = await call(ctx, wife, 'POST', '/api/points/redemptions', { itemId: item.id });
    expect(r.statusCode, r.body).toBe(201);
    const refused = await call(ctx, gridWorker, 'POST', '/api/points/console/pickup', { code: r.json().pickupCode });
    expect(codeOf(refused)).toBe('points_self_dealing');
    expect(
      (await call(ctx, officer, 'POST', '/api/points/console/pickup', { code: r.json().pickupCode })).json().state,
    ).toBe('fulfilled');
  });
});

describe('reading a person’s ledger', () => {
  it('shows staff only the entries of their scope; the balance only where the person is registered', async () => {
    // a resident registered in 绣林街道 has 50 points from there and one point from 百子庵村
    const far = await residentActor(ctx, '13955550010', [['resident', X]]);
    await ctx.db.transaction(async (tx) => {
      await fund(tx, far.userId, X, 50, ctx.clock.now());
      await fund(tx, far.userId, V, 1, ctx.clock.now());
    });
    const here = (await call(ctx, officer, 'GET', `/api/points/console/reports/people/${far.userId}`)).json();
    expect(here).toMatchObject({ balance: null, wholeLedger: false });
    expect(here.entries.items.map((e: { amount: number }) => e.amount)).toEqual([1]);
    const home = (await call(ctx, otherTown, 'GET', `/api/points/console/reports/people/${far.userId}`)).json();
    expect(home).toMatchObject({ balance: 51, wholeLedger: true });
    expect(home.entries.items.map((e: { amount: number }) => e.amount)).toEqual([50]);
    // and the award queue filtered by person stays within the reader's scope
    const queue = (
      await call(ctx, otherTown, 'GET', `/api/points/console/awards?queue=all&userId=${neighbour.userId}`)
    ).json().items;
    expect(queue).toEqual([]);
  });
});
