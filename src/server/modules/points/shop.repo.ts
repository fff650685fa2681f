/** The points shop (积分超市): items, stock, redemptions and the pickup desk's throttle. Queries only. */
import type { Queryable } from '../../platform/db/db';
import { inSavepoint } from '../../platform/db/savepoint';
import type { KeyValue } from '../../platform/page';
import type { RedemptionState } from './points.domain';

export interface ItemRow {
  id: string;
  divisionCode: string;
  name: string;
  description: string;
  pricePoints: number;
  stock: number;
  perPersonLimit: number | null;
  photoUrl: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const ITEM_COLUMNS = `id, division_code AS "divisionCode", name, description, price_points AS "pricePoints", stock, per_person_limit AS "perPersonLimit",
  photo_url AS "photoUrl", active, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function findItem(q: Queryable, id: string): Promise<ItemRow | null> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM points_items WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The shop's order: the nearest shop (village) first, then by price. */
export const servingKey = (i: ItemRow) => [i.divisionCode, i.pricePoints, i.id] as const;

/** Items of shops at the given places or above them (a resident's village, town, county), after the key `after`. */
export async function itemsServing(
  q: Queryable,
  places: string[],
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<ItemRow[]> {
  const [code, price, id] = after ?? [null, null, null];
  const { rows } = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM points_items i WHERE active AND EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE p LIKE i.division_code || '%')
        AND ($3::text IS NULL OR i.division_code < $3 OR (i.division_code = $3 AND (i.price_points, i.id) > ($4::int, $5::uuid)))
      ORDER BY division_code DESC, price_points, id LIMIT $2`,
    [places, limit, code, price, id],
  );
  return rows;
}

export const itemKey = (i: ItemRow) => [i.divisionCode, i.name, i.id] as const;

/** Items of shops in the given subtrees (the console), by place and name, after the key `after`. */
export async function itemsIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<ItemRow[]> {
  const [code, name, id] = after ?? [null, null, null];
  const { rows } = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM points_items i WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE i.division_code LIKE s || '%')
        AND ($3::text IS NULL OR (i.division_code, i.name, i.id) > ($3::text, $4::text, $5::uuid))
      ORDER BY division_code, name, id LIMIT $2`,
    [scopes, limit, code, name, id],
  );
  return rows;
}

export type ItemInput = Pick<
  ItemRow,
  'divisionCode' | 'name' | 'description' | 'pricePoints' | 'stock' | 'perPersonLimit' | 'photoUrl' | 'active'
>;

export async function insertItem(q: Queryable, i: ItemInput, now: Date): Promise<ItemRow> {
  const { rows } = await q.query<ItemRow>(
    `INSERT INTO points_items (division_code, name, description, price_points, stock, per_person_limit, photo_url, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${ITEM_COLUMNS}`,
    [
      i.divisionCode,
      i.name,
      i.description,
      i.pricePoints,
      i.stock,
      i.perPersonLimit,
      i.photoUrl,
      i.active,
      now.toISOString(),
    ],
  );
  return rows[0];
}

export async function updateItem(
  q: Queryable,
  id: string,
  p: Partial<Omit<ItemInput, 'divisionCode' | 'stock'>>,
  now: Date,
): Promise<ItemRow | null> {
  const { rows } = await q.query<ItemRow>(
    `UPDATE points_items SET name = coalesce($2, name), description = coalesce($3, description), price_points = coalesce($4, price_points),
       per_person_limit = CASE WHEN $5::boolean THEN $6 ELSE per_person_limit END, photo_url = CASE WHEN $7::boolean THEN $8 ELSE photo_url END,
       active = coalesce($9, active), updated_at = $10
     WHERE id = $1 RETURNING ${ITEM_COLUMNS}`,
    [
      id,
      p.name ?? null,
      p.description ?? null,
      p.pricePoints ?? null,
      p.perPersonLimit !== undefined,
      p.perPersonLimit ?? null,
      p.photoUrl !== undefined,
      p.photoUrl ?? null,
      p.active ?? null,
      now.toISOString(),
    ],
  );
  return rows[0] ?? null;
}

/** Changes stock by `delta`; a decrease only when enough is left (never below zero). Null when refused. */
export async function changeStock(q: Queryable, id: string, delta: number, now: Date): Promise<ItemRow | null> {
  const { rows } = await q.query<ItemRow>(
    `UPDATE points_items SET stock = stock + $2, updated_at = $3 WHERE id = $1 AND stock + $2 >= 0 RETURNING ${ITEM_COLUMNS}`,
    [id, delta, now.toISOString()],
  );
  return rows[0] ?? null;
}

export interface RedemptionRow {
  id: string;
  itemId: string;
  itemName: string;
  divisionCode: string;
  userId: string;
  userName: string;
  quantity: number;
  points: number;
  state: RedemptionState;
  pickupCode: string;
  reservedAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
}

const REDEMPTION_COLUMNS = `r.id, r.item_id AS "itemId", i.name AS "itemName", r.division_code AS "divisionCode", r.user_id AS "userId", u.display_name AS "userName",
  r.quantity, r.points, r.state, r.pickup_code AS "pickupCode", r.reserved_at AS "reservedAt", r.expires_at AS "expiresAt", r.closed_at AS "closedAt"`;
const REDEMPTION_FROM = 'points_redemptions r JOIN points_items i ON i.id = r.item_id JOIN users u ON u.id = r.user_id';

export async function findRedemption(q: Queryable, id: string, forUpdate = false): Promise<RedemptionRow | null> {
  const { rows } = await q.query<RedemptionRow>(
    `SELECT ${REDEMPTION_COLUMNS} FROM ${REDEMPTION_FROM} WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The live reservation with this pickup code, else the latest closed one (to explain why it no longer works). */
export async function findByPickupCode(q: Queryable, code: string): Promise<RedemptionRow | null> {
  const { rows } = await q.query<RedemptionRow>(
    `SELECT ${REDEMPTION_COLUMNS} FROM ${REDEMPTION_FROM} WHERE r.pickup_code = $1 ORDER BY (r.state = 'reserved') DESC, r.reserved_at DESC LIMIT 1 FOR UPDATE OF r`,
    [code],
  );
  return rows[0] ?? null;
}

export async function insertRedemption(
  q: Queryable,
  r: {
    id: string;
    itemId: string;
    divisionCode: string;
    userId: string;
    quantity: number;
    points: number;
    pickupCode: string;
    now: Date;
    expiresAt: Date;
  },
) {
  await q.query(
    `INSERT INTO points_redemptions (id, item_id, division_code, user_id, quantity, points, state, pickup_code, reserved_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'reserved', $7, $8, $9)`,
    [
      r.id,
      r.itemId,
      r.divisionCode,
      r.userId,
      r.quantity,
      r.points,
      r.pickupCode,
      r.now.toISOString(),
      r.expiresAt.toISOString(),
    ],
  );
}

/**
 * Inserts the redemption unless a live reservation already holds its pickup code (false: draw
 * another code). A savepoint keeps the refused insert from aborting the caller's transaction.
 */
export async function insertRedemptionUnlessCodeTaken(
  tx: Queryable,
  r: Parameters<typeof insertRedemption>[1],
): Promise<boolean> {
  try {
    await inSavepoint(tx, 'pickup_code', () => insertRedemption(tx, r));
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    return false;
  }
}

export async function closeRedemption(
  q: Queryable,
  id: string,
  state: Exclude<RedemptionState, 'reserved'>,
  by: string | null,
  now: Date,
): Promise<void> {
  await q.query(`UPDATE points_redemptions SET state = $2, closed_by = $3, closed_at = $4 WHERE id = $1`, [
    id,
    state,
    by,
    now.toISOString(),
  ]);
}

/** How many of an item a person holds or has picked up (for the per-person limit). */
export async function quantityOf(q: Queryable, itemId: string, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(sum(quantity), 0) AS n FROM points_redemptions WHERE item_id = $1 AND user_id = $2 AND state IN ('reserved', 'fulfilled')`,
    [itemId, userId],
  );
  return Number(rows[0].n);
}

export const redemptionKey = (r: RedemptionRow) => [r.reservedAt, r.id] as const;

/** A person's redemptions, newest first, after the key `after`. */
export async function redemptionsOf(
  q: Queryable,
  userId: string,
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<RedemptionRow[]> {
  const [at, id] = after ?? [null, null];
  const { rows } = await q.query<RedemptionRow>(
    `SELECT ${REDEMPTION_COLUMNS} FROM ${REDEMPTION_FROM}
      WHERE r.user_id = $1 AND ($3::timestamptz IS NULL OR (r.reserved_at, r.id) < ($3::timestamptz, $4::uuid))
      ORDER BY r.reserved_at DESC, r.id DESC LIMIT $2`,
    [userId, limit, at, id],
  );
  return rows;
}

export async function expiredReservations(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM points_redemptions WHERE state = 'reserved' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => r.id);
}

/** The desk throttle row of a staff member, locked. */
export async function deskState(q: Queryable, userId: string): Promise<{ failures: number; lockedUntil: Date | null }> {
  await q.query('INSERT INTO points_desk_throttle (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  const { rows } = await q.query<{ failures: number; lockedUntil: Date | null }>(
    'SELECT failures, locked_until AS "lockedUntil" FROM points_desk_throttle WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  return rows[0];
}

export async function setDeskState(
  q: Queryable,
  userId: string,
  failures: number,
  lockedUntil: Date | null,
): Promise<void> {
  await q.query('UPDATE points_desk_throttle SET failures = $2, locked_until = $3 WHERE user_id = $1', [
    userId,
    failures,
    lockedUntil?.toISOString() ?? null,
  ]);
}
