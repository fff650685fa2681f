/**
 * The case list as an xlsx ledger (台账), streamed a row at a time. Staff see what the console
 * shows; phone and ID numbers in free text are masked, and an anonymous report's reporter is
 * 匿名群众 (reporter-privacy.ts).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Actor } from '../../platform/actor';
import { maskContactNumbers } from '../../platform/crypto/text-masking';
import { xlsxWriter } from '../../platform/sheets';
import { overdueAt, shanghaiDay } from './case-filters';
import { STATE_LABELS, TIER_LABELS } from './cases.labels';
import type { CaseRow } from './cases.repo';
import { ANONYMOUS_LABEL, hidesReporter } from './reporter-privacy';

/** Names the sheet shows instead of codes. */
export interface ExportNames {
  category(code: string): string;
  place(code: string): string;
  department(code: string): string;
}

export const CASE_EXPORT_COLUMNS = [
  { header: '案件编号 Number', key: 'number', width: 22 },
  { header: '标题 Title', key: 'title', width: 30 },
  { header: '问题描述 Description', key: 'description', width: 50 },
  { header: '类别 Category', key: 'category', width: 18 },
  { header: '状态 State', key: 'state', width: 10 },
  { header: '层级 Tier', key: 'tier', width: 10 },
  { header: '网格/区划 Place', key: 'place', width: 24 },
  { header: '承办部门 Department', key: 'department', width: 20 },
  { header: '上报人 Reporter', key: 'reporter', width: 14 },
  { header: '上报时间 Reported', key: 'receivedAt', width: 18 },
  { header: '处置期限 Deadline', key: 'handleDueAt', width: 18 },
  { header: '结案时间 Closed', key: 'closedAt', width: 18 },
  { header: '超期 Overdue', key: 'overdue', width: 8 },
] as const;

/** An instant as the county reads it: 2026-11-25 09:00 (Asia/Shanghai). */
const cst = (at: Date | null) =>
  at ? `${shanghaiDay(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}` : '';

export function exportLine(actor: Actor, c: CaseRow, names: ExportNames, now: Date) {
  const reporter = hidesReporter(actor, c) ? ANONYMOUS_LABEL : (c.reporterName ?? '');
  return {
    number: c.number,
    title: maskContactNumbers(c.title),
    description: maskContactNumbers(c.description),
    category: names.category(c.categoryCode),
    state: STATE_LABELS[c.state].zh,
    tier: TIER_LABELS[c.tier].zh,
    place: names.place(c.divisionCode),
    department: c.handlerDepartment ? names.department(c.handlerDepartment) : '',
    reporter: maskContactNumbers(reporter),
    receivedAt: cst(c.receivedAt),
    handleDueAt: cst(c.handleDueAt),
    closedAt: cst(c.closedAt),
    overdue: overdueAt(c, now) ? '是' : '',
  };
}

export type ExportLine = ReturnType<typeof exportLine>;

export async function writeCasesXlsx(lines: AsyncIterable<ExportLine>, out: Writable): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('案件清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CASE_EXPORT_COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  let n = 0;
  for await (const line of lines) {
    ws.addRow(line).commit();
    if (++n % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await wb.commit();
}
