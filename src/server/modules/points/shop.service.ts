/** The shop's items (积分超市商品): what residents see and what staff keep (create, update, restock). */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { ensureAccount } from './ledger.repo';
import { checkAmount, yuanValue } from './points.domain';
import { registeredPlaces } from './people.repo';
import { canReadAt, itemActions, managesAt, readableScopes } from './points.policy';
import { type PointsSettings, settingsAt } from './rules.repo';
import type { NewItemInput, PageRequest, ShopItem } from './points.schema';
import * as shop from './shop.repo';

/** Each item with its price in yuan at the shop's exchange (10 分 = 5 元 by default) and the actions allowed. */
async function present(q: Queryable, actor: Actor, items: shop.ItemRow[]): Promise<ShopItem[]> {
  const cache = new Map<string, PointsSettings>();
  const out: ShopItem[] = [];
  for (const item of items) {
    if (!cache.has(item.divisionCode)) cache.set(item.divisionCode, await settingsAt(q, item.divisionCode));
    const s = cache.get(item.divisionCode)!;
    out.push({
      ...item,
      yuanValue: yuanValue(item.pricePoints, s),
      exchange: { points: s.exchangePoints, yuan: s.exchangeYuan },
      actions: itemActions(actor, item),
    });
  }
  return out;
}

/** A page of items, each presented. */
async function presentPage(q: Queryable, actor: Actor, page: Page<shop.ItemRow>): Promise<Page<ShopItem>> {
  return { ...page, items: await present(q, actor, page.items) };
}

/** The shop a resident sees: active items of the shops of their registered village, its town and county. */
export async function shopForResident(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<ShopItem>> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const after = afterKey(page.cursor, ['string', 'integer', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const places = await registeredPlaces(deps.db, actor.userId);
  if (!places.length) return { items: [], next: null, more: false };
  const rows = await shop.itemsServing(deps.db, places, limit + 1, after);
  return presentPage(deps.db, actor, pageOf(rows, limit, shop.servingKey));
}

export async function itemsForStaff(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<ShopItem>> {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['string', 'string', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return presentPage(
    deps.db,
    actor,
    pageOf(await shop.itemsIn(deps.db, scopes, limit + 1, after), limit, shop.itemKey),
  );
}

export async function createItem(deps: Deps, actor: Actor, input: NewItemInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, input.divisionCode)) throw new AppError('forbidden');
  unwrap(checkAmount(input.pricePoints));
  if (!Number.isSafeInteger(input.stock) || input.stock < 0)
    throw new AppError('points_invalid_amount', { value: input.stock });
  const division = await findDivision(deps.db, input.divisionCode);
  if (!division || division.level < 4 || division.level > 5)
    throw new AppError('unknown_division', { code: input.divisionCode });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const item = await shop.insertItem(
      tx,
      {
        divisionCode: input.divisionCode,
        name: input.name,
        description: input.description ?? '',
        pricePoints: input.pricePoints,
        stock: input.stock,
        perPersonLimit: input.perPersonLimit ?? null,
        photoUrl: input.photoUrl ?? null,
        active: true,
      },
      now,
    );
    await ensureAccount(tx, 'hold', item.divisionCode, now); // created here, not by the first of many concurrent redemptions
    await ensureAccount(tx, 'shop', item.divisionCode, now);
    const [shown] = await present(tx, actor, [item]);
    await audit(tx, actor, {
      action: 'points.item_create',
      entityType: 'points_item',
      entityId: item.id,
      scopeCode: item.divisionCode,
      after: item,
    });
    return shown;
  });
}

export type ItemPatch = Partial<
  Pick<shop.ItemRow, 'name' | 'description' | 'pricePoints' | 'perPersonLimit' | 'photoUrl' | 'active'>
>;

export async function updateItem(deps: Deps, actor: Actor, id: string, patch: ItemPatch) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (patch.pricePoints !== undefined) unwrap(checkAmount(patch.pricePoints));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await shop.findItem(tx, id);
    if (!before || !canReadAt(actor, before.divisionCode)) throw new AppError('not_found', { what: `item ${id}` });
    if (!managesAt(actor, before.divisionCode)) throw new AppError('forbidden');
    const after = (await shop.updateItem(tx, id, patch, now))!;
    const [shown] = await present(tx, actor, [after]);
    await audit(tx, actor, {
      action: 'points.item_update',
      entityType: 'points_item',
      entityId: id,
      scopeCode: before.divisionCode,
      before,
      after,
    });
    return shown;
  });
}

/** Adds stock (a positive whole number); stock taken by redemptions is never written here. */
export async function restockItem(deps: Deps, actor: Actor, id: string, quantity: number) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  unwrap(checkAmount(quantity));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await shop.findItem(tx, id);
    if (!before || !canReadAt(actor, before.divisionCode)) throw new AppError('not_found', { what: `item ${id}` });
    if (!managesAt(actor, before.divisionCode)) throw new AppError('forbidden');
    const after = (await shop.changeStock(tx, id, quantity, now))!;
    const [shown] = await present(tx, actor, [after]);
    await audit(tx, actor, {
      action: 'points.item_restock',
      entityType: 'points_item',
      entityId: id,
      scopeCode: before.divisionCode,
      before: { stock: before.stock },
      after: { stock: after.stock, added: quantity },
    });
    return shown;
  });
}
