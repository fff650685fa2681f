import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect, csvSource, households, toArray, xlsxSource, type Household } from './sheets.fixtures';
import { dryRun } from './sheets.import';
import { exampleValues } from './sheets.parse';
import { readRows } from './sheets.read';
import { writeTemplate } from './sheets.template';
import type { RowError } from './sheets.types';
import { writeCsv, writeErrorReport, writeXlsx } from './sheets.write';

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const ROWS: Household[] = [
  {
    code: 'HH0001',
    headName: '张三',
    idNumber: '42108119800101001X',
    members: 5,
    area: 120.5,
    lifted: false,
    registeredOn: '2024-03-01',
    kind: 'rural',
    phone: '13800000000',
  },
  {
    code: '0012AB',
    headName: '欧阳娜娜',
    idNumber: '421081199912310021',
    members: 1,
    lifted: true,
    registeredOn: '1999-12-31',
    kind: 'urban',
  },
  { code: '000123', headName: 'Li, "Jr."', members: 12, area: 0.25, kind: 'rural' }, // commas and quotes; optional cells empty
];

describe('writeTemplate', () => {
  it('writes bilingual required-marked headers, a grey italic example, dropdowns, a frozen header and instructions', async () => {
    const { out, done } = collect();
    await writeTemplate(households, out, 'zh');
    const wb = await loadWorkbook(await done);
    const data = wb.worksheets[0]!;
    expect(data.name).toBe('户');
    expect(data.getCell('A1').value).toBe('户编码*\nHousehold code');
    expect(data.getCell('C1').value).toBe('身份证号\nID number'); // optional: no mark
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(data.getCell('G2').value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(data.getColumn(1).width).toBeGreaterThan(8);
    const kind = data.getCell('H100').dataValidation;
    expect(kind).toMatchObject({ type: 'list', formulae: ['"农村,城镇"'] });
    const instructions = wb.getWorksheet('说明 Instructions')!;
    const listed = instructions.getColumn(1).values.slice(2, 2 + households.columns.length);
    expect(listed).toEqual(households.columns.map((c) => c.header.zh));
    expect(instructions.getCell('C2').value).toBe('是 Yes');
    expect(String(instructions.getCell('F9').value)).toContain('农村 / Rural');
  });

  it('reads back: the example row parses to the example values and is flagged as the example', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { out, done } = collect();
      await writeTemplate(households, out, lang);
      const reader = readRows(households, xlsxSource(await done));
      const rows = await toArray(reader);
      expect(reader.fileErrors).toEqual([]);
      expect(reader.warnings.map((w) => w.code)).toEqual(['example_row']);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.rowNumber).toBe(2);
      expect(rows[0]!.errors).toEqual([]);
      expect(rows[0]!.values).toEqual(exampleValues(households));
      expect(rows[0]!.values).toMatchObject({
        code: 'HH0001',
        members: 4,
        lifted: false,
        registeredOn: '2024-03-01',
        kind: 'rural',
      });
    }
  });
  it('puts long or comma-containing dropdown lists on a hidden sheet', async () => {
    const villages = Array.from({ length: 60 }, (_, i) => ({
      value: `4210811072${String(i).padStart(2, '0')}`,
      zh: `第${i}村`,
      en: `Village ${i}`,
    }));
    const spec = {
      ...households,
      columns: [
        ...households.columns,
        {
          key: 'village' as keyof Household & string,
          header: { zh: '所属村', en: 'Village' },
          required: false,
          type: 'enum' as const,
          enumValues: villages,
          example: '第1村',
        },
      ],
    };
    const { out, done } = collect();
    await writeTemplate(spec, out, 'zh');
    const wb = await loadWorkbook(await done);
    const lists = wb.getWorksheet('_lists')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('BH1').value).toBe('第59村');
    expect(wb.worksheets[0]!.getCell('J10').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['_lists!$A$1:$BH$1'],
    });
  });
});

describe('exports round trip', () => {
  it('xlsx export re-imports to the same values, with and without a title row', async () => {
    for (const opts of [{ lang: 'zh' as const }, { lang: 'en' as const, title: '百子庵村户籍台账' }]) {
      const { out, done } = collect();
      async function* rows(): AsyncGenerator<Household> {
        yield* ROWS;
      }
      await writeXlsx(households, rows(), out, opts);
      const buf = await done;
      const reader = readRows(households, xlsxSource(buf));
      const back = await toArray(reader);
      expect(reader.fileErrors).toEqual([]);
      expect(reader.warnings).toEqual([]);
      expect(back.flatMap((r) => r.errors)).toEqual([]);
      expect(back.map((r) => r.values)).toEqual(ROWS);
      expect(back[0]!.rowNumber).toBe(opts.title ? 3 : 2);
      const ws = (await loadWorkbook(buf)).worksheets[0]!;
      if (opts.title) expect(ws.name).toBe(opts.title);
      expect(ws.getCell(opts.title ? 'G3' : 'G2').value).toBeInstanceOf(Date); // a real date cell
    }
  });

  it('CSV export has a BOM, keeps long digit strings safe from Excel and re-imports to the same values', async () => {
    const { out, done } = collect();
    await writeCsv(households, ROWS, out, { lang: 'zh' });
    const buf = await done;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const textOut = buf.toString('utf8');
    expect(textOut).toContain('户编码 / Household code');
    expect(textOut).toContain('"=""421081199912310021"""');
    expect(textOut).toContain('\r\n"=""000123""",'); // leading zeros survive Excel
    expect(textOut).toContain('\r\n0012AB,'); // not digits only: written plainly
    const result = await dryRun(households, csvSource(buf));
    expect(result).toMatchObject({ totalRows: 3, validRows: 3, errorCount: 0, fileErrors: [], warnings: [] });
    const back = await toArray(readRows(households, csvSource(buf)));
    expect(back.map((r) => r.values)).toEqual(ROWS);
  });
});

describe('writeErrorReport', () => {
  it('lists row, column and the reason in both languages', async () => {
    const errors: RowError[] = [
      {
        row: 0,
        column: '',
        code: 'missing_columns',
        reason: { zh: '缺少必填列：人口数', en: 'Missing required columns: Members' },
      },
      {
        row: 7,
        column: '户编码',
        code: 'duplicate',
        reason: { zh: '与第 2 行重复：“HH01”', en: 'Duplicate of row 2: “HH01”' },
      },
    ];
    const { out, done } = collect();
    await writeErrorReport(errors, out);
    const ws = (await loadWorkbook(await done)).worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      7,
      '户编码',
      '与第 2 行重复：“HH01”',
      'Duplicate of row 2: “HH01”',
      'duplicate',
    ]);
    expect(ws.getCell('C2').value).toBe('缺少必填列：人口数');
    expect(ws.rowCount).toBe(3);
  });
});
