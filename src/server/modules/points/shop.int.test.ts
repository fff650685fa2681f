import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, call, signIn, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { AppError } from '../../platform/errors';
import { createPointsContext, fund, fundedResidents, residentActor } from './points.harness';
import { reconcile } from './reconcile';
import { redeem, releaseExpiredReservations } from './redemption.service';

const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
const OTHER_TOWN_VILLAGE = '421081001001';
const HOUR = 3_600_000;
let ctx: TestContext;
let resident: TestActor, stranger: TestActor, officer: TestActor, townOfficer: TestActor;
let towel: { id: string }, rice: { id: string }, tv: { id: string };

const balance = async (a: TestActor) => (await call(ctx, a, 'GET', '/api/points/me')).json().balance as number;
const stockOf = async (id: string) =>
  Number(
    (await ctx.db.owner.query<{ stock: number }>('SELECT stock FROM points_items WHERE id = $1', [id])).rows[0].stock,
  );
const pickup = (a: TestActor, code: string) => call(ctx, a, 'POST', '/api/points/console/pickup', { code });
const wrongCode = (live: string[]) => {
  let c = '000000';
  while (live.includes(c)) c = String(Number(c) + 1).padStart(6, '0');
  return c;
};

beforeAll(async () => {
  ctx = await createPointsContext();
  resident = await residentActor(ctx, '13933330001', [['resident', VILLAGE]]);
  stranger = await residentActor(ctx, '13933330002', [['resident', OTHER_TOWN_VILLAGE]]);
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  townOfficer = await staffActor(ctx, 'town_officer', TOWN);
  await ctx.db.transaction((tx) => fund(tx, resident.userId, VILLAGE, 100, ctx.clock.now()));
});
afterAll(async () => {
  await ctx.close();
});

describe('the points shop', () => {
  it('lets staff stock their shop, refusing bad prices and stock, and shows the price in yuan', async () => {
    const item = (actor: TestActor, body: object) =>
      call(ctx, actor, 'POST', '/api/points/console/items', {
        divisionCode: VILLAGE,
        name: '毛巾',
        pricePoints: 30,
        stock: 2,
        ...body,
      });
    for (const bad of [{ pricePoints: 0 }, { pricePoints: -10 }, { pricePoints: 1.5 }, { stock: -1 }])
      expect((await item(officer, bad)).statusCode).toBe(400);
    expect((await item(resident, {})).statusCode).toBe(403);
    expect((await item(officer, { divisionCode: TOWN })).statusCode).toBe(403); // a village officer keeps the village shop only
    const created = await item(officer, { perPersonLimit: 1, photoUrl: '/photos/towel.jpg' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      pricePoints: 30,
      yuanValue: 15,
      exchange: { points: 10, yuan: 5 },
      actions: ['update', 'restock'],
    });
    towel = created.json();
    rice = (await item(townOfficer, { divisionCode: TOWN, name: '大米 5kg', pricePoints: 20, stock: 5 })).json();
    tv = (await item(townOfficer, { divisionCode: TOWN, name: '电视机', pricePoints: 2000, stock: 1 })).json();
    expect(
      (await call(ctx, officer, 'POST', `/api/points/console/items/${towel.id}/restock`, { quantity: 0 })).statusCode,
    ).toBe(400);
    expect(
      (await call(ctx, officer, 'POST', `/api/points/console/items/${towel.id}/restock`, { quantity: 1 })).json().stock,
    ).toBe(3);
    expect((await call(ctx, officer, 'PATCH', `/api/points/console/items/${rice.id}`, { name: 'x' })).statusCode).toBe(
      404,
    );

    const shop = (await call(ctx, resident, 'GET', '/api/points/shop')).json().items as {
      id: string;
      actions: string[];
    }[];
    expect(shop.map((i) => i.id)).toEqual(expect.arrayContaining([towel.id, rice.id, tv.id]));
    expect(shop.find((i) => i.id === towel.id)!.actions).toEqual(['redeem']);
    expect((await call(ctx, stranger, 'GET', '/api/points/shop')).json().items).toEqual([]);
    expect((await call(ctx, stranger, 'POST', '/api/points/redemptions', { itemId: towel.id })).statusCode).toBe(404);
  });

  it('reserves points and stock together, with a pickup code; refuses overdraft, bad quantities and the per-person limit', async () => {
    const r = await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: towel.id });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      state: 'reserved',
      points: 30,
      pickupCode: expect.stringMatching(/^\d{6}$/),
      actions: ['cancel'],
    });
    expect(r.json().qrPayload).toBe(`cocreate:points:pickup:${r.json().id}:${r.json().pickupCode}`);
    expect(await balance(resident)).toBe(70);
    expect(await stockOf(towel.id)).toBe(2);
    const again = await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: towel.id });
    expect(again.json()).toMatchObject({ code: 'points_limit_reached', details: { limit: 1, used: 1 } });
    const poor = await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: tv.id });
    expect(poor.statusCode).toBe(409);
    expect(poor.json()).toMatchObject({ code: 'points_insufficient', details: { required: 2000, balance: 70 } });
    expect(poor.json().message).toBe('积分不足：需要 2000 分，当前余额 70 分');
    for (const quantity of [0, -1, 1.5])
      expect(
        (await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: rice.id, quantity })).statusCode,
      ).toBe(400);

    const cancelled = await call(ctx, resident, 'POST', `/api/points/redemptions/${r.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', actions: [] });
    expect(await balance(resident)).toBe(100);
    expect(await stockOf(towel.id)).toBe(3);
    expect((await call(ctx, resident, 'POST', `/api/points/redemptions/${r.json().id}/cancel`)).json().code).toBe(
      'points_reservation_closed',
    );
    const history = (await call(ctx, resident, 'GET', '/api/points/me/history')).json().items as {
      amount: number;
      memo: string;
    }[];
    expect(history.slice(0, 2).map((h) => h.amount)).toEqual([30, -30]);
    expect(history[0].memo).toContain('取消兑换「毛巾」');
  });

  it('confirms pickup at the desk by code; 5 wrong codes in a row lock the desk for 10 minutes', async () => {
    const first = (await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: rice.id })).json();
    const second = (await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: rice.id })).json();
    const wrong = wrongCode([first.pickupCode, second.pickupCode]);
    expect((await pickup(officer, first.pickupCode)).json().code).toBe('pickup_code_unknown'); // the town's shop is not the village's desk
    for (let i = 0; i < 3; i++)
      expect((await pickup(townOfficer, wrong)).json()).toMatchObject({
        code: 'pickup_code_unknown',
        details: { remaining: 4 - i },
      });
    const ok = await pickup(townOfficer, first.pickupCode);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'fulfilled', itemName: '大米 5kg' });
    const reused = await pickup(townOfficer, first.pickupCode);
    expect(reused.statusCode).toBe(410);
    expect(reused.json().message).toBe(`取货码 ${first.pickupCode} 已失效：该兑换已领取`);
    for (let i = 0; i < 4; i++) expect((await pickup(townOfficer, wrong)).statusCode).toBe(404);
    const locked = await pickup(townOfficer, wrong);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('pickup_desk_locked');
    expect((await pickup(townOfficer, second.pickupCode)).statusCode).toBe(423); // even the right code, while locked
    ctx.clock.advance(11 * 60_000);
    expect((await pickup(townOfficer, `cocreate:points:pickup:${second.id}:${second.pickupCode}`)).json().state).toBe(
      'fulfilled',
    );
    expect(await balance(resident)).toBe(60);
  });

  it('releases a reservation that was never picked up when it expires (compensating entries, stock back)', async () => {
    const r = (await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId: towel.id })).json();
    expect(await balance(resident)).toBe(30);
    expect(await releaseExpiredReservations(ctx.deps)).toEqual({ released: 0 });
    ctx.clock.advance(73 * HOUR);
    expect(await releaseExpiredReservations(ctx.deps)).toEqual({ released: 1 });
    resident.cookie = (await residentActor(ctx, '13933330001')).cookie;
    townOfficer.cookie = await signIn(ctx, townOfficer.username, PASSWORD);
    officer.cookie = await signIn(ctx, officer.username, PASSWORD);
    expect(await balance(resident)).toBe(60);
    expect(await stockOf(towel.id)).toBe(3);
    expect(
      (await call(ctx, resident, 'GET', '/api/points/me/redemptions'))
        .json()
        .items.find((x: { id: string }) => x.id === r.id),
    ).toMatchObject({ state: 'expired', pickupCode: r.pickupCode });
    expect((await pickup(officer, r.pickupCode)).json()).toMatchObject({
      code: 'pickup_code_expired',
      details: { state: 'expired' },
    });
    expect((await reconcile(ctx.db.owner)).ok).toBe(true);
  });

  it('never oversells: 200 residents race for 10 in stock; exactly 10 win, nothing negative, the ledger balances', async () => {
    const prize = (
      await call(ctx, townOfficer, 'POST', '/api/points/console/items', {
        divisionCode: TOWN,
        name: '电饭煲',
        pricePoints: 10,
        stock: 10,
      })
    ).json();
    const people = await fundedResidents(ctx, 200, VILLAGE, 15, '1395');
    const results = await Promise.allSettled(people.map((p) => redeem(ctx.deps, p, { itemId: prize.id })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(10);
    expect(lost.every((r) => r.reason instanceof AppError && r.reason.code === 'points_out_of_stock')).toBe(true);
    expect(await stockOf(prize.id)).toBe(0);
    const negative = await ctx.db.owner.query(
      'SELECT 1 FROM points_balances WHERE balance < 0 UNION ALL SELECT 1 FROM points_items WHERE stock < 0',
    );
    expect(negative.rows).toEqual([]);
    const r = await reconcile(ctx.db.owner);
    expect(r).toMatchObject({ ok: true, ledgerSum: 0 });
  });

  it('reports and exports the ledger for staff in scope', async () => {
    const person = await call(ctx, officer, 'GET', `/api/points/console/reports/people/${resident.userId}`);
    expect(person.json()).toMatchObject({ balance: 60, entries: { items: expect.any(Array), more: false } });
    expect((await call(ctx, officer, 'GET', `/api/points/console/reports/people/${stranger.userId}`)).statusCode).toBe(
      404,
    );
    const x = await call(ctx, townOfficer, 'GET', '/api/points/console/reports/export.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('积分台账')!;
    expect(ws.getRow(1).getCell(6).value).toBe('积分 Points');
    expect(ws.rowCount).toBeGreaterThan(10);
    expect((await call(ctx, resident, 'GET', '/api/points/console/reports/export.xlsx')).statusCode).toBe(403);
  });
});
