/** The reconciliation's reads (对账): whole-ledger sums and the rows that break a rule. Queries only. */
import type { Queryable } from '../../platform/db/db';

/** Entries, transactions and the sum of every entry. */
export async function ledgerTotals(q: Queryable): Promise<{ entries: number; transactions: number; sum: number }> {
  const { rows } = await q.query<{ n: number; t: number; s: number | null }>(
    'SELECT count(*) AS n, count(DISTINCT transaction_id) AS t, sum(amount) AS s FROM points_entries',
  );
  return { entries: Number(rows[0].n), transactions: Number(rows[0].t), sum: Number(rows[0].s ?? 0) };
}

/** Transactions whose entries do not sum to zero, by id, after `afterId` (a batch at a time). */
export async function unbalancedTransactions(
  q: Queryable,
  afterId: number,
  limit: number,
): Promise<{ id: number; sum: number }[]> {
  const { rows } = await q.query<{ id: number; s: number }>(
    `SELECT transaction_id AS id, sum(amount) AS s FROM points_entries WHERE transaction_id > $1
      GROUP BY transaction_id HAVING sum(amount) <> 0 ORDER BY transaction_id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), sum: Number(r.s) }));
}

/** Person balances whose cached value differs from the sum of their entries. */
export async function cachedBalanceMismatches(
  q: Queryable,
): Promise<{ key: string; cached: number; entries: number }[]> {
  const { rows } = await q.query<{ key: string; cached: number; entries: number }>(
    `SELECT a.key, b.balance AS cached, coalesce((SELECT sum(e.amount) FROM points_entries e WHERE e.account_id = a.id), 0) AS entries
       FROM points_balances b JOIN points_accounts a ON a.id = b.account_id`,
  );
  return rows
    .map((r) => ({ key: r.key, cached: Number(r.cached), entries: Number(r.entries) }))
    .filter((r) => r.cached !== r.entries);
}

/** Person, hold, shop and expiry accounts whose entries sum below zero. */
export async function negativeBalances(q: Queryable): Promise<{ key: string; sum: number }[]> {
  const { rows } = await q.query<{ key: string; s: number }>(
    `SELECT a.key, sum(e.amount) AS s FROM points_entries e JOIN points_accounts a ON a.id = e.account_id
      WHERE a.kind IN ('person', 'hold', 'shop', 'expiry') GROUP BY a.key HAVING sum(e.amount) < 0`,
  );
  return rows.map((r) => ({ key: r.key, sum: Number(r.s) }));
}

export async function negativeStock(q: Queryable): Promise<{ id: string; name: string; stock: number }[]> {
  const { rows } = await q.query<{ id: string; name: string; stock: number }>(
    'SELECT id, name, stock FROM points_items WHERE stock < 0',
  );
  return rows.map((r) => ({ ...r, stock: Number(r.stock) }));
}

/** Each hold account's entries and the points of the live reservations at its place. */
export async function heldAgainstReservations(q: Queryable): Promise<{ key: string; entries: number; live: number }[]> {
  const { rows } = await q.query<{ key: string; entries: number; live: number }>(
    `SELECT a.key, coalesce((SELECT sum(e.amount) FROM points_entries e WHERE e.account_id = a.id), 0) AS entries,
            coalesce((SELECT sum(r.points) FROM points_redemptions r WHERE r.state = 'reserved' AND r.division_code = a.division_code), 0) AS live
       FROM points_accounts a WHERE a.kind = 'hold'`,
  );
  return rows.map((r) => ({ key: r.key, entries: Number(r.entries), live: Number(r.live) }));
}
