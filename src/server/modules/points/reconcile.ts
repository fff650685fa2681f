/**
 * Reconciliation (对账): the ledger as a whole sums to zero, every transaction sums to zero, every
 * cached balance equals the sum of its account's entries, no balance or stock is below zero, and
 * every held amount matches its live reservations. Reads as the owner (maintenance command).
 */
import type { Queryable } from '../../platform/db/db';
import * as repo from './reconcile.repo';

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

const BATCH = 1000;

export async function reconcile(q: Queryable): Promise<ReconcileResult> {
  const mismatches: Mismatch[] = [];
  const totals = await repo.ledgerTotals(q);
  if (totals.sum !== 0)
    mismatches.push({ check: 'ledger_sum', subject: 'all entries', expected: 0, actual: totals.sum });

  // every unbalanced transaction, a batch at a time
  for (let afterId = 0; ; ) {
    const batch = await repo.unbalancedTransactions(q, afterId, BATCH);
    for (const r of batch)
      mismatches.push({ check: 'transaction_sum', subject: `transaction ${r.id}`, expected: 0, actual: r.sum });
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
  }

  for (const r of await repo.cachedBalanceMismatches(q))
    mismatches.push({ check: 'cached_balance', subject: `account ${r.key}`, expected: r.entries, actual: r.cached });
  for (const r of await repo.negativeBalances(q))
    mismatches.push({ check: 'negative_balance', subject: `account ${r.key}`, expected: 0, actual: r.sum });
  for (const r of await repo.negativeStock(q))
    mismatches.push({ check: 'negative_stock', subject: `item ${r.name} (${r.id})`, expected: 0, actual: r.stock });
  for (const r of await repo.heldAgainstReservations(q))
    if (r.entries !== r.live)
      mismatches.push({ check: 'held_points', subject: `account ${r.key}`, expected: r.live, actual: r.entries });

  return {
    ok: mismatches.length === 0,
    transactions: totals.transactions,
    entries: totals.entries,
    ledgerSum: totals.sum,
    mismatches,
  };
}
