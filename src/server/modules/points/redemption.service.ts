/**
 * Redemption (兑换): points and stock are reserved in ONE transaction — the person's balance row
 * locked (FOR UPDATE), points moved person → hold, stock taken by a conditional UPDATE that never
 * goes below zero — and a 6-digit pickup code is issued. Staff confirm at the pickup desk
 * (hold → shop); a cancelled or expired reservation is released by compensating entries
 * (hold → person) and the stock goes back. Lock order everywhere: balance row, then stock row.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, fail, ok, type Result, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { assertDuty, dutiesOf } from './duties';
import { ensureAccount, lockPerson, post } from './ledger.repo';
import { registeredPlaces } from './people.repo';
import { REDEMPTION_STATE_LABELS, type RedemptionState, checkAmount, qrPayload } from './points.domain';
import { managesAt, redemptionActions, shopServes } from './points.policy';
import type { PageRequest, Redemption } from './points.schema';
import { settingsAt } from './rules.repo';
import * as shop from './shop.repo';

const SYSTEM: Actor = { kind: 'anonymous', ip: null };

export function presentRedemption(actor: Actor, r: shop.RedemptionRow): Redemption {
  const own = actor.kind === 'user' && actor.userId === r.userId;
  return {
    ...r,
    pickupCode: own ? r.pickupCode : undefined,
    qrPayload: own && r.state === 'reserved' ? qrPayload(r.id, r.pickupCode) : undefined,
    stateLabel: REDEMPTION_STATE_LABELS[r.state],
    actions: redemptionActions(actor, r),
  };
}

async function insertWithFreshCode(
  tx: Queryable,
  r: Omit<Parameters<typeof shop.insertRedemption>[1], 'pickupCode'>,
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (await shop.insertRedemptionUnlessCodeTaken(tx, { ...r, pickupCode: code })) return code;
  }
  throw new AppError('conflict', { reasonZh: '暂无可用的取货码，请重试', reasonEn: 'no free pickup code; try again' });
}

export async function redeem(deps: Deps, actor: Actor, input: { itemId: string; quantity?: number }) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const quantity = unwrap(checkAmount(input.quantity ?? 1));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const item = await shop.findItem(tx, input.itemId);
    if (!item || !shopServes(await registeredPlaces(tx, actor.userId), item.divisionCode))
      throw new AppError('not_found', { what: `item ${input.itemId}` });
    if (!item.active) throw new AppError('points_item_unavailable');
    // sold out: answer at once, without locks (the conditional UPDATE below stays the real guard)
    if (item.stock < quantity) throw new AppError('points_out_of_stock', { item: item.name });
    const cost = item.pricePoints * quantity;
    const { account: person, balance } = await lockPerson(tx, actor.userId, now);
    if (balance < cost) throw new AppError('points_insufficient', { required: cost, balance });
    if (item.perPersonLimit !== null) {
      const used = await shop.quantityOf(tx, item.id, actor.userId);
      if (used + quantity > item.perPersonLimit)
        throw new AppError('points_limit_reached', { item: item.name, limit: item.perPersonLimit, used });
    }
    const settings = await settingsAt(tx, item.divisionCode);
    const hold = await ensureAccount(tx, 'hold', item.divisionCode, now);
    const id = randomUUID();
    await post(tx, {
      kind: 'reserve',
      memo: `兑换「${item.name}」×${quantity}（待领取）`,
      redemptionId: id,
      createdBy: actor.userId,
      now,
      entries: [
        { accountId: person.id, amount: -cost },
        { accountId: hold.id, amount: cost },
      ],
    });
    if (!(await shop.changeStock(tx, item.id, -quantity, now)))
      throw new AppError('points_out_of_stock', { item: item.name });
    const expiresAt = new Date(now.getTime() + settings.reservationHours * 3_600_000);
    await insertWithFreshCode(tx, {
      id,
      itemId: item.id,
      divisionCode: item.divisionCode,
      userId: actor.userId,
      quantity,
      points: cost,
      now,
      expiresAt,
    });
    const created = (await shop.findRedemption(tx, id))!;
    await audit(tx, actor, {
      action: 'points.redeem',
      entityType: 'points_redemption',
      entityId: id,
      scopeCode: item.divisionCode,
      after: { item: item.name, quantity, points: cost },
    });
    return presentRedemption(actor, created); // audit last: its chain lock is held until commit
  });
}

/** Compensating entries hold → person, stock back, the redemption closed. Caller holds its row lock. */
async function release(
  tx: Queryable,
  r: shop.RedemptionRow,
  state: 'cancelled' | 'expired',
  by: string | null,
  now: Date,
): Promise<void> {
  const { account: person } = await lockPerson(tx, r.userId, now);
  const hold = await ensureAccount(tx, 'hold', r.divisionCode, now);
  await post(tx, {
    kind: 'release',
    memo: `${state === 'cancelled' ? '取消' : '逾期未取，释放'}兑换「${r.itemName}」×${r.quantity}`,
    redemptionId: r.id,
    createdBy: by,
    now,
    entries: [
      { accountId: hold.id, amount: -r.points },
      { accountId: person.id, amount: r.points },
    ],
  });
  await shop.changeStock(tx, r.itemId, r.quantity, now);
  await shop.closeRedemption(tx, r.id, state, by, now);
}

export async function cancelRedemption(deps: Deps, actor: Actor, id: string) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const r = await shop.findRedemption(tx, id, true);
    if (!r || (r.userId !== actor.userId && !managesAt(actor, r.divisionCode)))
      throw new AppError('not_found', { what: `redemption ${id}` });
    if (r.state !== 'reserved') throw closed(r.state);
    await release(tx, r, 'cancelled', actor.userId, now);
    const after = (await shop.findRedemption(tx, id))!;
    await audit(tx, actor, {
      action: 'points.redemption_cancel',
      entityType: 'points_redemption',
      entityId: r.id,
      scopeCode: r.divisionCode,
      before: { state: r.state },
      after: { state: 'cancelled' },
    });
    return presentRedemption(actor, after);
  });
}

const closed = (state: RedemptionState) =>
  new AppError('points_reservation_closed', {
    state: REDEMPTION_STATE_LABELS[state].en,
    stateZh: REDEMPTION_STATE_LABELS[state].zh,
  });

/** Worker: releases every reservation past its expiry (a crash between reserving and pickup included). */
export async function releaseExpiredReservations(deps: Deps, limit = 500): Promise<{ released: number }> {
  const now = deps.clock.now();
  let released = 0;
  for (const id of await shop.expiredReservations(deps.db, now, limit)) {
    const done = await deps.db.transaction(async (tx) => {
      const r = await shop.findRedemption(tx, id, true);
      if (!r || r.state !== 'reserved' || r.expiresAt > now) return false;
      await release(tx, r, 'expired', null, now);
      await audit(tx, SYSTEM, {
        action: 'points.redemption_expire',
        entityType: 'points_redemption',
        entityId: r.id,
        scopeCode: r.divisionCode,
        label: 'points.release',
        after: { state: 'expired', points: r.points },
      });
      return true;
    });
    if (done) released++;
  }
  return { released };
}

/**
 * The pickup desk (兑换台): staff confirm a reservation by its code (or QR payload). Unknown codes
 * count against the staff member; after the configured number in a row the desk locks for a while.
 * The failure is committed (the transaction returns it as a Result) before it is thrown.
 */
export async function confirmPickup(deps: Deps, actor: Actor, input: string) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const code = input.slice(-6);
  const idInQr = input.length > 6 ? input.split(':')[3] : null;
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx): Promise<Result<shop.RedemptionRow>> => {
    const desk = await shop.deskState(tx, actor.userId);
    if (desk.lockedUntil && desk.lockedUntil > now) {
      return fail('pickup_desk_locked', {
        minutes: Math.ceil((desk.lockedUntil.getTime() - now.getTime()) / 60_000),
      });
    }
    const r = await shop.findByPickupCode(tx, code);
    if (!r || !managesAt(actor, r.divisionCode) || (idInQr && idInQr !== r.id)) {
      const settings = await settingsAt(tx, actor.grants[0]?.scopeCode ?? deps.config.countyCode);
      const failures = desk.failures + 1;
      const locked = failures >= settings.deskMaxFailures;
      await shop.setDeskState(
        tx,
        actor.userId,
        locked ? 0 : failures,
        locked ? new Date(now.getTime() + settings.deskLockMinutes * 60_000) : null,
      );
      await audit(tx, actor, {
        action: 'points.pickup',
        entityType: 'points_redemption',
        outcome: 'failure',
        after: { code, failures, locked },
      });
      return locked
        ? fail('pickup_desk_locked', { minutes: settings.deskLockMinutes })
        : fail('pickup_code_unknown', { code, remaining: settings.deskMaxFailures - failures });
    }
    await shop.setDeskState(tx, actor.userId, 0, null);
    // nobody hands goods to themselves or their household (nothing written: the transaction rolls back)
    assertDuty(actor, await dutiesOf(tx, actor), { userId: r.userId, createdBy: null }, 'fulfil');
    if (r.state === 'reserved' && r.expiresAt <= now) {
      await release(tx, r, 'expired', null, now);
      return fail('pickup_code_expired', { code, state: 'expired', stateZh: '已过期' });
    }
    if (r.state !== 'reserved') {
      return fail('pickup_code_expired', {
        code,
        state: REDEMPTION_STATE_LABELS[r.state].en,
        stateZh: REDEMPTION_STATE_LABELS[r.state].zh,
      });
    }
    const hold = await ensureAccount(tx, 'hold', r.divisionCode, now);
    const shopAccount = await ensureAccount(tx, 'shop', r.divisionCode, now);
    await post(tx, {
      kind: 'fulfil',
      memo: `「${r.itemName}」×${r.quantity} 已领取`,
      redemptionId: r.id,
      createdBy: actor.userId,
      now,
      entries: [
        { accountId: hold.id, amount: -r.points },
        { accountId: shopAccount.id, amount: r.points },
      ],
    });
    await shop.closeRedemption(tx, r.id, 'fulfilled', actor.userId, now);
    const fulfilled = (await shop.findRedemption(tx, r.id))!;
    await audit(tx, actor, {
      action: 'points.pickup',
      entityType: 'points_redemption',
      entityId: r.id,
      scopeCode: r.divisionCode,
      after: { state: 'fulfilled', user: r.userId, item: r.itemName },
    });
    return ok(fulfilled);
  });
  return { ...unwrap(outcome), stateLabel: REDEMPTION_STATE_LABELS.fulfilled, actions: [] };
}

export async function myRedemptions(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<Redemption>> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await shop.redemptionsOf(deps.db, actor.userId, limit + 1, after);
  return mapPage(pageOf(rows, limit, shop.redemptionKey), (r) => presentRedemption(actor, r));
}
