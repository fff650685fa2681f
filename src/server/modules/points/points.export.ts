/** The points ledger as an xlsx ledger sheet (积分台账), streamed with exceljs. */
import type { Writable } from 'node:stream';
import { xlsxWriter } from '../../platform/sheets';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type LedgerLine, ledgerLinesIn } from './ledger.repo';
import { canReadAt, readableScopes } from './points.policy';

export type { LedgerLine };

const KIND_LABELS: Record<string, string> = {
  award: '积分入账',
  deduction: '积分扣减',
  reserve: '兑换预留',
  release: '兑换释放',
  fulfil: '兑换领取',
  expiry: '积分过期',
  correction: '冲正',
};

/** Person entries of transactions that touch an issuer, shop or hold account in the scopes. */
export async function ledgerLines(
  deps: Deps,
  actor: Actor,
  scope: string | undefined,
  limit: number,
): Promise<LedgerLine[]> {
  const scopes = scope ? [scope] : readableScopes(actor);
  if (!scopes.length || (scope && !canReadAt(actor, scope))) throw new AppError('forbidden');
  return ledgerLinesIn(deps.db, scopes, limit);
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

export async function writePointsXlsx(rows: readonly LedgerLine[], out: Writable): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('积分台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      transactionId: r.transactionId,
      at: new Date(r.at).toISOString(),
      place: `${r.placeName} ${r.placeCode}`,
      personName: r.personName,
      kind: KIND_LABELS[r.kind] ?? r.kind,
      amount: r.amount,
      memo: r.memo,
    }).commit();
  }
  ws.commit();
  await wb.commit();
}
