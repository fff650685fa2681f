/**
 * Reconciliation (对账): the ledger as a whole sums to zero, every transaction sums to zero, every
 * cached balance equals the sum of its account's entries, no balance or stock is below zero, and
 * every held amount matches its live reservations. Reads as the owner (maintenance command).
 */
import type { Queryable } from '../../platform/db/db';

export interface Mismatch {
  check: string;
  subject: string;
  expected: number;
  actual: number;
}

export interface ReconcileResult {
  ok: boolean;
  transactions: number;
  entries: number;
  ledgerSum: number;
  mismatches: Mismatch[];
}

export async function reconcile(q: Queryable): Promise<ReconcileResult> {
  const mismatches: Mismatch[] = [];
  const totals = (
    await q.query<{ n: number; t: number; s: number | null }>(
      'SELECT count(*) AS n, count(DISTINCT transaction_id) AS t, sum(amount) AS s FROM points_entries',
    )
  ).rows[0];
  const ledgerSum = Number(totals.s ?? 0);
  if (ledgerSum !== 0) mismatches.push({ check: 'ledger_sum', subject: 'all entries', expected: 0, actual: ledgerSum });

  const unbalanced = await q.query<{ id: number; s: number }>(
    'SELECT transaction_id AS id, sum(amount) AS s FROM points_entries GROUP BY transaction_id HAVING sum(amount) <> 0 ORDER BY transaction_id LIMIT 1000',
  );
  for (const r of unbalanced.rows)
    mismatches.push({ check: 'transaction_sum', subject: `transaction ${r.id}`, expected: 0, actual: Number(r.s) });

  const balances = await q.query<{ key: string; cached: number; entries: number }>(
    `SELECT a.key, b.balance AS cached, coalesce((SELECT sum(e.amount) FROM points_entries e WHERE e.account_id = a.id), 0) AS entries
       FROM points_balances b JOIN points_accounts a ON a.id = b.account_id`,
  );
  for (const r of balances.rows) {
    if (Number(r.cached) !== Number(r.entries))
      mismatches.push({
        check: 'cached_balance',
        subject: `account ${r.key}`,
        expected: Number(r.entries),
        actual: Number(r.cached),
      });
  }

  const negative = await q.query<{ key: string; s: number }>(
    `SELECT a.key, sum(e.amount) AS s FROM points_entries e JOIN points_accounts a ON a.id = e.account_id
      WHERE a.kind IN ('person', 'hold', 'shop', 'expiry') GROUP BY a.key HAVING sum(e.amount) < 0`,
  );
  for (const r of negative.rows)
    mismatches.push({ check: 'negative_balance', subject: `account ${r.key}`, expected: 0, actual: Number(r.s) });

  const stock = await q.query<{ id: string; name: string; stock: number }>(
    'SELECT id, name, stock FROM points_items WHERE stock < 0',
  );
  for (const r of stock.rows)
    mismatches.push({
      check: 'negative_stock',
      subject: `item ${r.name} (${r.id})`,
      expected: 0,
      actual: Number(r.stock),
    });

  const held = await q.query<{ key: string; entries: number; live: number }>(
    `SELECT a.key, coalesce((SELECT sum(e.amount) FROM points_entries e WHERE e.account_id = a.id), 0) AS entries,
            coalesce((SELECT sum(r.points) FROM points_redemptions r WHERE r.state = 'reserved' AND r.division_code = a.division_code), 0) AS live
       FROM points_accounts a WHERE a.kind = 'hold'`,
  );
  for (const r of held.rows) {
    if (Number(r.entries) !== Number(r.live))
      mismatches.push({
        check: 'held_points',
        subject: `account ${r.key}`,
        expected: Number(r.live),
        actual: Number(r.entries),
      });
  }
  return {
    ok: mismatches.length === 0,
    transactions: Number(totals.t),
    entries: Number(totals.n),
    ledgerSum,
    mismatches,
  };
}
