import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, call, signIn, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { deliverOutbox, enqueue, handlersOf } from '../../platform/outbox/outbox';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';
import { creditDuePoints } from './approval.service';
import { CASES_FILED } from '../cases';
import { casesFiledHandler } from './earning.service';
import { createPointsContext, residentActor } from './points.harness';
import { reconcile } from './reconcile';

const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
const DAY = 86_400_000;
let ctx: TestContext;
let woodpecker: TestActor, neighbour: TestActor, officer: TestActor, townOfficer: TestActor, county: TestActor;

const filed = async (reporterId: string, caseId = randomUUID(), filedAt = ctx.clock.now()) => {
  await ctx.db.transaction((tx) =>
    enqueue(
      tx,
      CASES_FILED,
      {
        caseId,
        number: `421081-${caseId.slice(0, 6)}`,
        reporterId,
        categoryCode: '01037',
        divisionCode: VILLAGE,
        filedAt: filedAt.toISOString(),
      },
      ctx.clock.now(),
    ),
  );
  return caseId;
};
const deliver = () => deliverOutbox(ctx.db, handlersOf([casesFiledHandler(ctx.deps)]), ctx.clock.now());
const awardsOf = async (userId: string) =>
  (
    await ctx.db.owner.query<{ id: string; amount: number; state: string; source_event: string }>(
      'SELECT id, amount, state, source_event FROM points_awards WHERE user_id = $1 ORDER BY created_at, amount',
      [userId],
    )
  ).rows;
const step = (actor: TestActor, id: string, body: object) =>
  call(ctx, actor, 'POST', `/api/points/console/awards/${id}/steps`, body);
const signInAgain = async () => {
  for (const s of [officer, townOfficer, county]) s.cookie = await signIn(ctx, s.username, PASSWORD);
  woodpecker = await residentActor(ctx, '13922220001');
  neighbour = await residentActor(ctx, '13922220002');
};

beforeAll(async () => {
  ctx = await createPointsContext();
  woodpecker = await residentActor(ctx, '13922220001', [
    ['woodpecker', VILLAGE],
    ['resident', VILLAGE],
  ]);
  neighbour = await residentActor(ctx, '13922220002', [['resident', VILLAGE]]);
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  townOfficer = await staffActor(ctx, 'town_officer', TOWN);
  county = await staffActor(ctx, 'county_officer', '421081');
  await ctx.db.owner.query(`UPDATE users SET display_name = '张三明' WHERE id = $1`, [woodpecker.userId]);
});
afterAll(async () => {
  await ctx.close();
});

describe('earning from cases.filed', () => {
  it('awards a woodpecker 10 points once per filed case, however often the message is delivered', async () => {
    const caseId = await filed(woodpecker.userId);
    await filed(neighbour.userId); // not a woodpecker: nothing
    expect(await deliver()).toEqual({ delivered: 2, failed: 0 });
    await ctx.db.owner.query(`UPDATE outbox SET processed_at = NULL WHERE topic = $1`, [CASES_FILED.name]); // as if redelivered
    await filed(woodpecker.userId, caseId); // the same event enqueued twice
    expect((await deliver()).failed).toBe(0);
    expect(await awardsOf(woodpecker.userId)).toEqual([
      expect.objectContaining({ amount: 10, state: 'pending', source_event: `case:${caseId}` }),
    ]);
    expect(await awardsOf(neighbour.userId)).toEqual([]);
    expect((await call(ctx, woodpecker, 'GET', '/api/points/me')).json()).toMatchObject({
      balance: 0,
      pending: 10,
      exchange: { points: 10, yuan: 5 },
    });
  });

  it('applies a rule version only from its effective date, never backwards', async () => {
    const backdated = await call(ctx, officer, 'POST', '/api/points/console/rules', {
      scopeCode: VILLAGE,
      code: 'woodpecker_report',
      name: '啄木鸟线索立案',
      kind: 'earn',
      source: 'cases.filed',
      amount: 20,
      effectiveFrom: new Date(ctx.clock.now().getTime() - DAY).toISOString(),
    });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().code).toBe('points_rule_backdated');
    const tomorrow = new Date(ctx.clock.now().getTime() + DAY);
    const v = await call(ctx, officer, 'POST', '/api/points/console/rules', {
      scopeCode: VILLAGE,
      code: 'woodpecker_report',
      name: '啄木鸟线索立案',
      kind: 'earn',
      source: 'cases.filed',
      amount: 20,
      dailyCap: 40,
      effectiveFrom: tomorrow.toISOString(),
    });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json()).toMatchObject({ version: 1, amount: 20, scopeCode: VILLAGE });
    expect(
      (
        await call(ctx, county, 'POST', '/api/points/console/rules', {
          scopeCode: VILLAGE,
          code: 'woodpecker_report',
          name: 'x',
          kind: 'earn',
          source: 'cases.filed',
          amount: 99,
          effectiveFrom: tomorrow.toISOString(),
        })
      ).statusCode,
    ).toBe(403); // county officers read only
    const before = await filed(woodpecker.userId, randomUUID(), new Date(tomorrow.getTime() - 60_000));
    const after = await filed(woodpecker.userId, randomUUID(), new Date(tomorrow.getTime() + 60_000));
    await deliver();
    const rows = await awardsOf(woodpecker.userId);
    expect(rows.find((a) => a.source_event === `case:${before}`)?.amount).toBe(10);
    expect(rows.find((a) => a.source_event === `case:${after}`)?.amount).toBe(20);
    const versions = (await call(ctx, townOfficer, 'GET', '/api/points/console/rules')).json().items;
    expect(versions.map((r: { scopeCode: string; version: number }) => `${r.scopeCode}/${r.version}`)).toEqual(
      expect.arrayContaining(['421081/1', `${VILLAGE}/1`]),
    );
  });

  it('caps a person per rule per day (a partial award up to the cap, then nothing)', async () => {
    const t = new Date(ctx.clock.now().getTime() + 2 * DAY);
    for (let i = 0; i < 3; i++) await filed(woodpecker.userId, randomUUID(), t);
    expect((await deliver()).failed).toBe(0);
    const sameDay = (
      await ctx.db.owner.query<{ amount: number }>(
        `SELECT amount FROM points_awards WHERE user_id = $1 AND earned_at = $2`,
        [woodpecker.userId, t.toISOString()],
      )
    ).rows;
    expect(sameDay.map((r) => r.amount).reduce((a, b) => a + b, 0)).toBe(40); // 20 + 20, the third over the daily cap of 40
  });
});

describe('the case loop end to end', () => {
  it('awards the woodpecker when a grid worker files the report (cases.filed through the outbox)', async () => {
    const seat: [number, number] = [112.419609, 29.723349];
    const grid = '421081001007001';
    const d = 0.01;
    await ctx.db.transaction((tx) =>
      writeGrids({ tx, crypto: ctx.deps.crypto }, [
        {
          code: grid,
          name: '金银垱一网格',
          synthetic: true,
          polygon: {
            type: 'Polygon',
            coordinates: [
              [
                [seat[0] - d, seat[1] - d],
                [seat[0] + d, seat[1] - d],
                [seat[0] + d, seat[1] + d],
                [seat[0] - d, seat[1] + d],
                [seat[0] - d, seat[1] - d],
              ],
            ],
          },
        },
      ]),
    );
    invalidateGridIndex(ctx.db);
    const bird = await residentActor(ctx, '13922220009', [['woodpecker', '421081001007']]);
    const gridWorker = await staffActor(ctx, 'grid_worker', grid);
    const c = (
      await call(ctx, bird, 'POST', '/api/cases', {
        description: '小区门口有暴露垃圾',
        categoryCode: '06010',
        lng: seat[0],
        lat: seat[1],
      })
    ).json();
    expect((await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, { type: 'file' })).json().state).toBe(
      'filed',
    );
    await deliver();
    expect(await awardsOf(bird.userId)).toEqual([
      expect.objectContaining({ amount: 10, state: 'pending', source_event: `case:${c.id}` }),
    ]);
    // the grid worker who filed it created the award: a second person reviews it
    const queue = (await call(ctx, gridWorker, 'GET', '/api/points/console/awards?queue=approval')).json().items;
    expect(queue.find((a: { userId: string }) => a.userId === bird.userId)).toMatchObject({
      issuerCode: '421081001007',
      createdBy: gridWorker.userId,
      actions: ['reject'],
    });
    const town = await staffActor(ctx, 'town_officer', '421081001');
    const seen = (await call(ctx, town, 'GET', '/api/points/console/awards?queue=approval')).json().items;
    expect(seen.find((a: { userId: string }) => a.userId === bird.userId)).toMatchObject({
      actions: ['review', 'reject'],
    });
  });
});

describe('manual awards, approval and publicity', () => {
  let ruleOk = false;
  it('lets staff award under a rule item, refusing zero, negative and fractional amounts and caps', async () => {
    const rule = await call(ctx, officer, 'POST', '/api/points/console/rules', {
      scopeCode: VILLAGE,
      code: 'volunteer_service',
      name: '志愿服务',
      kind: 'earn',
      source: 'manual',
      amount: 5,
      dailyCap: 10,
      effectiveFrom: ctx.clock.now().toISOString(),
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const award = (ref: string, extra: object = {}) =>
      call(ctx, officer, 'POST', '/api/points/console/awards', {
        userId: neighbour.userId,
        ruleCode: 'volunteer_service',
        placeCode: VILLAGE,
        reason: '清扫村道',
        sourceRef: ref,
        ...extra,
      });
    for (const amount of [0, -5, 1.5]) expect((await award(`bad-${amount}`, { amount })).statusCode).toBe(400);
    expect((await award('a1')).statusCode).toBe(201);
    expect((await award('a1')).statusCode).toBe(409); // the same source: once
    expect((await award('a2')).json()).toMatchObject({ amount: 5, state: 'pending', actions: ['reject'] }); // its creator may withdraw it, not review it
    const capped = await award('a3');
    expect(capped.statusCode).toBe(409);
    expect(capped.json()).toMatchObject({ code: 'points_cap_reached', details: { cap: 10 } });
    expect(
      (
        await call(ctx, neighbour, 'POST', '/api/points/console/awards', {
          userId: neighbour.userId,
          ruleCode: 'volunteer_service',
          placeCode: VILLAGE,
          reason: 'x',
          sourceRef: 'self',
        })
      ).statusCode,
    ).toBe(403);
    ruleOk = true;
  });

  it('runs pending → reviewed → published (masked names) → objection → resolved → credited, and rejection with a reason', async () => {
    expect(ruleOk).toBe(true);
    const queue = (await call(ctx, officer, 'GET', '/api/points/console/awards?queue=approval')).json().items as {
      id: string;
      userId: string;
      amount: number;
      state: string;
    }[];
    const mine = queue.filter((a) => a.userId === woodpecker.userId);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = mine;
    expect((await step(county, a.id, { type: 'review' })).statusCode).toBe(403); // county officers read only
    expect((await step(woodpecker, a.id, { type: 'review' })).statusCode).toBe(404);
    expect((await step(officer, a.id, { type: 'publish' })).json()).toMatchObject({
      code: 'points_award_step_not_allowed',
    });
    for (const x of [a, b]) {
      expect((await step(officer, x.id, { type: 'review' })).json().state).toBe('reviewed');
      expect((await step(officer, x.id, { type: 'publish' })).json()).toMatchObject({
        state: 'published',
        actions: ['object'],
      }); // staff in scope may object too
    }
    expect((await step(officer, c.id, { type: 'reject', reason: '' })).statusCode).toBe(400);
    expect((await step(officer, c.id, { type: 'reject', reason: '线索不实' })).json()).toMatchObject({
      state: 'rejected',
      rejectionReason: '线索不实',
    });

    const list = (await call(ctx, neighbour, 'GET', '/api/points/publicity')).json().items as {
      id: string;
      name: string;
      actions: string[];
    }[];
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(list.find((x) => x.id === a.id)).toMatchObject({ name: '张*明', actions: ['object'] });
    expect(JSON.stringify(list)).not.toContain('张三明');
    expect(
      (await call(ctx, woodpecker, 'POST', `/api/points/awards/${a.id}/objections`, { reason: '我自己' })).statusCode,
    ).toBe(403);
    const objection = await call(ctx, neighbour, 'POST', `/api/points/awards/${a.id}/objections`, {
      reason: '这条线索是我先报的',
    });
    expect(objection.statusCode, objection.body).toBe(201);
    await call(ctx, neighbour, 'POST', `/api/points/awards/${b.id}/objections`, { reason: '重复上报' });

    ctx.clock.advance(3 * DAY + 60_000);
    await signInAgain();
    expect(
      (await call(ctx, neighbour, 'POST', `/api/points/awards/${a.id}/objections`, { reason: '再说一次' })).statusCode,
    ).toBe(409);
    const before = (await call(ctx, woodpecker, 'GET', '/api/points/me')).json().balance;
    await creditDuePoints(ctx.deps); // objected awards are held
    expect((await call(ctx, woodpecker, 'GET', '/api/points/me')).json().balance).toBe(before);
    const open = (await call(ctx, officer, 'GET', '/api/points/console/objections')).json().items as {
      id: string;
      awardId: string;
      actions: string[];
    }[];
    const onA = open.find((o) => o.awardId === a.id)!;
    const onB = open.find((o) => o.awardId === b.id)!;
    expect(onA.actions).toEqual(['resolve']);
    const dismissed = await call(ctx, officer, 'POST', `/api/points/console/objections/${onA.id}/resolve`, {
      upheld: false,
      reason: '核实为本人首报',
    });
    expect(dismissed.json()).toMatchObject({ state: 'credited', appliedAmount: a.amount }); // its period is over: credited at once
    expect(
      (
        await call(ctx, officer, 'POST', `/api/points/console/objections/${onB.id}/resolve`, {
          upheld: true,
          reason: '确属重复',
        })
      ).json(),
    ).toMatchObject({ state: 'rejected', rejectionReason: '确属重复' });
    const me = (await call(ctx, woodpecker, 'GET', '/api/points/me')).json();
    expect(me.balance).toBe(before + a.amount);
    const history = (await call(ctx, woodpecker, 'GET', '/api/points/me/history')).json().items;
    expect(history[0]).toMatchObject({
      amount: a.amount,
      kind: 'award',
      memo: expect.stringContaining('啄木鸟线索立案'),
    });
  });

  it("offers editing a place's settings to its settings keepers only (the console's edit button)", async () => {
    const actions = async (a: TestActor, scope: string) =>
      (await call(ctx, a, 'GET', `/api/points/console/settings/${scope}`)).json().actions;
    expect(await actions(townOfficer, TOWN)).toEqual(['edit']);
    expect(await actions(townOfficer, VILLAGE)).toEqual(['edit']);
    expect(await actions(officer, VILLAGE)).toEqual([]);
    expect(await actions(county, TOWN)).toEqual([]);
  });

  it('credits after the publicity period by the worker, with expiry dates when the town sets one', async () => {
    const put = await call(ctx, townOfficer, 'PUT', `/api/points/console/settings/${TOWN}`, {
      exchangePoints: 10,
      exchangeYuan: 5,
      publicityDays: 3,
      reservationHours: 48,
      expiryMonths: 12,
      deskMaxFailures: 5,
      deskLockMinutes: 10,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (
        await call(ctx, officer, 'PUT', `/api/points/console/settings/${TOWN}`, {
          ...(put.json() as object),
          scopeCode: undefined,
        })
      ).statusCode,
    ).toBe(403);
    const queue = (await call(ctx, officer, 'GET', '/api/points/console/awards?queue=approval')).json().items as {
      id: string;
      userId: string;
      amount: number;
    }[];
    const next = queue.find((x) => x.userId === neighbour.userId)!;
    expect((await step(officer, next.id, { type: 'review' })).json()).toMatchObject({
      code: 'points_second_person_required',
    }); // the officer created it
    expect((await step(townOfficer, next.id, { type: 'review' })).json().state).toBe('reviewed');
    expect((await step(townOfficer, next.id, { type: 'publish' })).json().state).toBe('published');
    expect(await creditDuePoints(ctx.deps)).toEqual({ credited: 0 });
    ctx.clock.advance(3 * DAY);
    expect(await creditDuePoints(ctx.deps)).toEqual({ credited: 1 });
    expect(await creditDuePoints(ctx.deps)).toEqual({ credited: 0 });
    const { rows } = await ctx.db.owner.query<{ expires_at: Date }>(
      `SELECT e.expires_at FROM points_entries e JOIN points_transactions t ON t.id = e.transaction_id WHERE t.award_id = $1 AND e.amount > 0`,
      [next.id],
    );
    expect(new Date(rows[0].expires_at).getTime() - ctx.clock.now().getTime()).toBeGreaterThan(360 * DAY);
    await signInAgain();
    const res = await call(ctx, townOfficer, 'GET', '/api/points/console/reports/places');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json().items;
    expect(report.find((r: { divisionCode: string }) => r.divisionCode === VILLAGE)).toMatchObject({
      issued: expect.any(Number),
    });
    expect((await reconcile(ctx.db.owner)).ok).toBe(true);
  });
});
