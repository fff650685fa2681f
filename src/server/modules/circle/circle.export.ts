/** The coverage report as an xlsx workbook (one row per village and kind). */
import { Readable } from 'node:stream';
import { loadExcel } from '../../platform/sheets';
import type { Coverage } from './circle.schema';

const HEAD = {
  zh: [
    '村（社区）代码',
    '村（社区）',
    '设施类型',
    '步行距离（米）',
    '户数',
    '覆盖户数',
    '人数',
    '覆盖人数',
    '户覆盖率',
  ],
  en: [
    'Village code',
    'Village',
    'Facility kind',
    'Walking distance (m)',
    'Homes',
    'Homes covered',
    'People',
    'People covered',
    'Home coverage',
  ],
};

export async function coverageXlsx(report: Coverage, lang: 'zh' | 'en'): Promise<Readable> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const sheet = wb.addWorksheet(lang === 'zh' ? '生活圈覆盖' : 'Coverage');
  sheet.addRow(HEAD[lang]);
  const kinds = new Map(report.kinds.map((k) => [k.key, k]));
  for (const r of report.rows) {
    const k = kinds.get(r.kindKey);
    sheet.addRow([
      r.villageCode,
      r.villageName,
      k ? (lang === 'zh' ? k.name : k.nameEn) : r.kindKey,
      k?.walkM ?? null,
      r.homes,
      r.covered,
      r.people,
      r.peopleCovered,
      r.homes ? Math.round((r.covered / r.homes) * 1000) / 10 : null,
    ]);
  }
  sheet.addRow([]);
  sheet.addRow([
    lang === 'zh'
      ? report.usesNetwork
        ? '步行距离按导入的路网计算'
        : `未导入路网：步行距离 = 直线距离 × ${report.detourFactor}`
      : report.usesNetwork
        ? 'Walking distances along the imported road network'
        : `No road network: walking distance = straight line × ${report.detourFactor}`,
  ]);
  return Readable.from(Buffer.from(await wb.xlsx.writeBuffer()));
}
