/** The woodpecker roster as an xlsx ledger (台账): the rows the officer may list, nothing else. */
import { loadExcel } from '../../platform/sheets';
import type { RosterLine } from './woodpeckers.schema';

const COLUMNS = [
  { header: '村（社区） Village', key: 'villageName', width: 18 },
  { header: '姓名 Name', key: 'name', width: 12 },
  { header: '手机 Phone', key: 'phoneMasked', width: 14 },
  { header: '加入时间 Joined', key: 'since', width: 18 },
  { header: '来源 Source', key: 'source', width: 14 },
  { header: '报名说明 Statement', key: 'statement', width: 40 },
] as const;

const cst = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function writeRosterXlsx(rows: RosterLine[]): Promise<Buffer> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const ws = wb.addWorksheet('啄木鸟志愿者台账');
  ws.columns = COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow({
      ...r,
      since: cst(r.since),
      source: r.viaApplication ? '本人报名 applied' : '直接授予 granted',
      statement: r.statement ?? '',
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
