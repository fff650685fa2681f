/** The points ledger as an xlsx ledger sheet (积分台账), streamed with exceljs. */
import type { Writable } from 'node:stream';
import { xlsxWriter } from '../../platform/sheets';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type LedgerLine, ledgerLinesIn } from './ledger.repo';
import { TRANSACTION_KIND_LABELS, type TransactionKind } from './points.labels';
import { canReadAt, readableScopes } from './points.policy';

export type { LedgerLine };

const BATCH = 2000;

/**
 * Person entries of transactions that touch an issuer, shop or hold account in the scopes, newest
 * first: all of them (or the newest `limit`), read a batch at a time. Authorised before the first row.
 */
export async function ledgerLines(
  deps: Deps,
  actor: Actor,
  scope: string | undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<AsyncIterable<LedgerLine>> {
  const scopes = scope ? [scope] : readableScopes(actor);
  if (!scopes.length || (scope && !canReadAt(actor, scope))) throw new AppError('forbidden');
  return (async function* () {
    let left = limit;
    let before: LedgerLine | null = null;
    while (left > 0) {
      const rows = await ledgerLinesIn(deps.db, scopes, Math.min(BATCH, left), before);
      yield* rows;
      left -= rows.length;
      if (rows.length < BATCH) return;
      before = rows[rows.length - 1];
    }
  })();
}

const COLUMNS = [
  { header: '交易号 Transaction', key: 'transactionId', width: 12 },
  { header: '时间 Time', key: 'at', width: 24 },
  { header: '村（社区） Place', key: 'place', width: 24 },
  { header: '姓名 Person', key: 'personName', width: 14 },
  { header: '类型 Kind', key: 'kind', width: 12 },
  { header: '积分 Points', key: 'amount', width: 10 },
  { header: '事由 Reason', key: 'memo', width: 40 },
];

export async function writePointsXlsx(
  rows: AsyncIterable<LedgerLine> | Iterable<LedgerLine>,
  out: Writable,
): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('积分台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for await (const r of rows) {
    ws.addRow({
      transactionId: r.transactionId,
      at: new Date(r.at).toISOString(),
      place: `${r.placeName} ${r.placeCode}`,
      personName: r.personName,
      kind: TRANSACTION_KIND_LABELS[r.kind as TransactionKind]?.zh ?? r.kind,
      amount: r.amount,
      memo: r.memo,
    }).commit();
  }
  ws.commit();
  await wb.commit();
}
