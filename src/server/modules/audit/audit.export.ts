/** The audit trail as an xlsx ledger sheet (台账), streamed. */
import type { Writable } from 'node:stream';
import { xlsxWriter } from '../../platform/sheets';
import type { ChainedRow } from '../../platform/audit/audit-chain';

const COLUMNS = [
  { header: '序号 ID', key: 'id', width: 10 },
  { header: '时间 Time', key: 'at', width: 24 },
  { header: '操作人 Actor', key: 'actor', width: 20 },
  { header: '地址 IP', key: 'ip', width: 16 },
  { header: '操作 Action', key: 'action', width: 24 },
  { header: '对象 Entity', key: 'entity', width: 30 },
  { header: '结果 Outcome', key: 'outcome', width: 10 },
  { header: '变更前 Before', key: 'before', width: 40 },
  { header: '变更后 After', key: 'after', width: 40 },
  { header: '哈希 Hash', key: 'hash', width: 66 },
];

export async function writeAuditXlsx(
  rows: AsyncIterable<ChainedRow> | Iterable<ChainedRow>,
  out: Writable,
): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('审计日志');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for await (const r of rows) {
    ws.addRow({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel ?? r.actorId ?? '',
      ip: r.ip ?? '',
      action: r.action,
      entity: [r.entityType, r.entityId].filter(Boolean).join(':'),
      outcome: r.outcome,
      before: r.before === null ? '' : JSON.stringify(r.before),
      after: r.after === null ? '' : JSON.stringify(r.after),
      hash: r.hash,
    }).commit();
  }
  ws.commit();
  await wb.commit();
}
