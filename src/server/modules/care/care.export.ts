/** The care register as an xlsx ledger (台账): the rows the actor may list, nothing else. */
import { loadExcel } from '../../platform/sheets';
import { TIER_LABELS } from './care.labels';
import type { PersonLine } from './care.schema';

const COLUMNS = [
  { header: '网格 Grid', key: 'gridName', width: 18 },
  { header: '姓名 Name', key: 'name', width: 10 },
  { header: '性别 Gender', key: 'gender', width: 8 },
  { header: '出生日期 Born', key: 'birthDate', width: 12 },
  { header: '住址 Address', key: 'address', width: 28 },
  { header: '类别 Categories', key: 'categories', width: 28 },
  { header: '风险等级 Tier', key: 'tier', width: 18 },
  { header: '走访网格员 Visitor', key: 'workerName', width: 18 },
  { header: '下次走访期限 Next visit due', key: 'dueAt', width: 18 },
] as const;

const cst = (d: Date | string | null) =>
  d === null ? '' : new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function writeRegisterXlsx(rows: PersonLine[]): Promise<Buffer> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const ws = wb.addWorksheet('特殊困难群体台账');
  ws.columns = COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow({
      ...r,
      categories: r.categories.join('、'),
      tier: TIER_LABELS[r.tier].zh,
      dueAt: cst(r.dueAt),
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
