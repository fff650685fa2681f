/**
 * The points' cockpit figures (SQL only), by the place of the ledger's accounts (issuer, shop, hold:
 * `points_accounts.division_code` under the place): points awarded and spent in a period, in
 * circulation at an instant, and the shop's stock now.
 */
import type { Queryable } from '../../platform/db/db';

/** Has the place any points account or shop item? */
export async function anyPoints(q: Queryable, place: string): Promise<boolean> {
  const { rows } = await q.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM points_accounts a JOIN points_entries e ON e.account_id = a.id
                     WHERE a.division_code LIKE $1 || '%')
         OR EXISTS (SELECT 1 FROM points_items i WHERE i.division_code LIKE $1 || '%') AS any`,
    [place],
  );
  return rows[0].any;
}

export interface PointsFlows {
  /** points credited by the place's issuers in award transactions in [from, to) */
  earned: number;
  /** points handed over at the place's shops (fulfilled redemptions) in [from, to) */
  redeemed: number;
  /** issued net of deductions up to `to`, less spent at the place's shops and held there up to `to` */
  circulating: number;
}

export async function pointsFlows(q: Queryable, place: string, from: Date, to: Date): Promise<PointsFlows> {
  const { rows } = await q.query<PointsFlows>(
    `SELECT coalesce(-sum(e.amount) FILTER (WHERE a.kind = 'issuer' AND t.kind = 'award' AND e.created_at >= $2), 0)::float8 AS earned,
            coalesce(sum(e.amount) FILTER (WHERE a.kind = 'shop' AND t.kind = 'fulfil' AND e.created_at >= $2), 0)::float8 AS redeemed,
            coalesce(-sum(e.amount) FILTER (WHERE a.kind = 'issuer'), 0)::float8
              - coalesce(sum(e.amount) FILTER (WHERE a.kind IN ('shop', 'hold')), 0)::float8 AS circulating
       FROM points_accounts a
       JOIN points_entries e ON e.account_id = a.id
       JOIN points_transactions t ON t.id = e.transaction_id
      WHERE a.division_code LIKE $1 || '%' AND a.kind IN ('issuer', 'shop', 'hold') AND e.created_at < $3`,
    [place, from, to],
  );
  return rows[0];
}

/** Units in stock of the active items of the place's shops, now. */
export async function shopStock(q: Queryable, place: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(sum(stock), 0)::int AS n FROM points_items WHERE division_code LIKE $1 || '%' AND active`,
    [place],
  );
  return rows[0].n;
}
