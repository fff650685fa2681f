/** The indicator table as an xlsx ledger (台账), streamed: one row per group, then the total. */
import type { Writable } from 'node:stream';
import { xlsxWriter } from '../../platform/sheets';
import type { Dimension } from './indicators.domain';
import type { IndicatorTable } from './indicators.service';

const DIMENSION_LABELS: Record<Dimension, string> = {
  grid: '网格 Grid',
  village: '村（社区）Village',
  town: '镇（街道）Town',
  department: '部门 Department',
  category: '类别 Category',
};

/** Column headers, Chinese then English; `key` names the field of a row. */
export const LEDGER_COLUMNS = [
  { header: '排名 Rank', key: 'rank', width: 8 },
  { header: '代码 Code', key: 'key', width: 18 },
  { header: '名称 Name', key: 'name', width: 24 },
  { header: '受理数 Received', key: 'received', width: 12 },
  { header: '立案数 Filed', key: 'filed', width: 12 },
  { header: '应结数 Due', key: 'due', width: 10 },
  { header: '结案数 Closed', key: 'closed', width: 12 },
  { header: '结案率% Closure rate', key: 'closureRate', width: 14 },
  { header: '按期结案率% On-time rate', key: 'onTimeRate', width: 16 },
  { header: '返工率% Rework rate', key: 'reworkRate', width: 14 },
  { header: '响应率% Response rate', key: 'responseRate', width: 14 },
  { header: '解决率% Resolution rate', key: 'resolutionRate', width: 14 },
  { header: '满意率% Satisfaction', key: 'satisfactionRate', width: 14 },
  { header: '平均办理时长(小时) Avg handling hours', key: 'avgHandlingHours', width: 18 },
] as const;

const cst = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function writeIndicatorXlsx(t: IndicatorTable, out: Writable): Promise<void> {
  const wb = await xlsxWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('指标台账');
  ws.columns = LEDGER_COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  // null leaves a cell empty (a rate without denominator), rather than writing 0 or ''
  for (const r of t.rows) {
    ws.addRow(
      Object.fromEntries(
        LEDGER_COLUMNS.map((c) => [c.key, c.key === 'name' ? (r.name ?? '（未归属 unassigned）') : r[c.key]]),
      ),
    ).commit();
  }
  const total = ws.addRow({
    ...Object.fromEntries(
      LEDGER_COLUMNS.map((c) => [c.key, c.key in t.total ? t.total[c.key as keyof typeof t.total] : null]),
    ),
    name: '合计 Total',
  });
  total.font = { bold: true };
  total.commit();
  ws.commit();

  const about = wb.addWorksheet('口径 About');
  about.columns = [
    { header: '项目 Item', key: 'item', width: 28 },
    { header: '内容 Value', key: 'value', width: 90 },
  ];
  const lines: [string, string][] = [
    [
      '范围 Scope',
      `${t.scopeName ?? ''} ${t.scope}${t.departments ? `（仅部门 departments: ${t.departments.join(', ')}）` : ''}`,
    ],
    ['分组 Grouped by', DIMENSION_LABELS[t.dimension]],
    ['期间 Period (UTC+8)', `${cst(t.from)} — ${cst(t.to)}（不含 exclusive）`],
    ['排序 Ranked by', t.sort],
    ['结案率 Closure rate', '期内到期案件中已结案的 / 期内到期案件 (closed / due)'],
    ['按期结案率 On-time rate', '按期结案 / (到期 − 曾缓办) (closed on time / (due − ever suspended))'],
    ['返工率 Rework rate', '期内结案且返工过 / 期内结案 (rework_count > 0 / closed in period)'],
    ['响应率 Response rate', '期内受理且在响应时限内立案或不予受理 / 期内受理'],
    ['解决率 Resolution rate', '期内立案且已结案 / 期内立案'],
    ['满意率 Satisfaction', '期内结案且评价 4–5 星 / 期内结案且已评价'],
    ['平均办理时长 Avg handling hours', '期内结案案件从立案到结案的平均小时数'],
  ];
  for (const [item, value] of lines) about.addRow({ item, value }).commit();
  about.commit();
  await wb.commit();
}
