import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect, csvSource, HEADER_EN, HEADER_ZH, households, toArray, xlsxSource } from './sheets.fixtures';
import { writeXlsx } from './sheets.write';
import { readRows } from './sheets.read';
import type { SheetSpec } from './sheets.types';

const GBK_CESHI = Buffer.from([0xb2, 0xe2, 0xca, 0xd4]); // '测试' in GBK

async function read(content: string | Buffer, chunkSize = 0) {
  const reader = readRows(households, csvSource(content, chunkSize));
  const rows = await toArray(reader);
  return { reader, rows };
}

describe('readRows (CSV)', () => {
  it('numbers rows like the spreadsheet, skips empty rows and reports cell errors per row', async () => {
    const csv = [
      HEADER_ZH,
      'HH01,张三,,4,120.5,否,2024/3/1,农村,13800000000',
      ',,,,,,,,',
      '',
      ',李四,,2,,,,城镇,',
      'HH03,欧阳欧阳欧阳欧阳欧阳娜,,3,,,,Rural,',
      'hh-4,王五,,x,,,,urban,',
    ].join('\r\n');
    const { reader, rows } = await read(csv);
    expect(reader.fileErrors).toEqual([]);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5, 6, 7]);
    expect(rows[0]!.values).toEqual({
      code: 'HH01',
      headName: '张三',
      members: 4,
      area: 120.5,
      lifted: false,
      registeredOn: '2024-03-01',
      kind: 'rural',
      phone: '13800000000',
    });
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[1]!.errors.map((e) => [e.row, e.column, e.code])).toEqual([[5, '户编码', 'required']]);
    expect(rows[1]!.values).toEqual({ headName: '李四', members: 2, kind: 'urban' });
    expect(rows[2]!.errors.map((e) => [e.row, e.column, e.code])).toEqual([[6, '户主姓名', 'too_long']]);
    expect(rows[3]!.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, '户编码', 'pattern'],
      [7, '人口数', 'invalid_integer'],
    ]);
  });

  it('accepts English headers, a BOM, and title rows above the header', async () => {
    const csv = `\uFEFF石首市某村户籍台账,,\r\n制表：村委会\r\n${HEADER_EN}\r\nHH01,Zhang,,1,,Y,,Urban,\r\n`;
    const { reader, rows } = await read(csv);
    expect(reader.fileErrors).toEqual([]);
    expect(reader.headerRow).toBe(3);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rowNumber).toBe(4);
    expect(rows[0]!.values).toMatchObject({ code: 'HH01', lifted: true, kind: 'urban' });
  });

  it('warns about unknown columns and fails the file when a required column is missing', async () => {
    const warned = await read('户编码,户主姓名,人口数,户类型,备注\nHH01,张三,1,农村,临时\n');
    expect(warned.reader.warnings.map((w) => [w.code, w.column])).toEqual([['unknown_column', '备注']]);
    expect(warned.rows[0]!.errors).toEqual([]);
    const failed = await read('户编码,户主姓名,备注\nHH01,张三,x\n');
    expect(failed.rows).toEqual([]);
    expect(failed.reader.fileErrors.map((e) => [e.code, e.row])).toEqual([['missing_columns', 1]]);
    expect(failed.reader.fileErrors[0]!.reason.zh).toBe('缺少必填列：人口数、户类型');
  });

  it('decodes GBK (GB18030) CSV files from Chinese Excel', async () => {
    const spec: SheetSpec<{ code: string; name: string }> = {
      name: 't',
      title: { zh: '测试', en: 'Test' },
      columns: [
        { key: 'code', header: { zh: '编码', en: 'Code' }, required: true, type: 'string', example: 'A1' },
        { key: 'name', header: { zh: '测试', en: 'Test' }, required: true, type: 'string', example: 'x' },
      ],
    };
    const file = Buffer.concat([
      Buffer.from('Code,'),
      GBK_CESHI,
      Buffer.from('\r\nA1,'),
      GBK_CESHI,
      Buffer.from('\r\n'),
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow(); // really not UTF-8
    const reader = readRows(spec, csvSource(file));
    const rows = await toArray(reader);
    expect(reader.fileErrors).toEqual([]);
    expect(reader.headers.get('name')).toBe('测试'); // the GBK header matched the Chinese header
    expect(rows.map((r) => r.values)).toEqual([{ code: 'A1', name: '测试' }]);
  });

  it('decodes characters split across chunks, beyond the sniffed head, in GBK and UTF-8', async () => {
    const n = 20_000;
    const gbkRows = Array.from({ length: n }, (_, i) =>
      Buffer.concat([Buffer.from(`H${i},`), GBK_CESHI, Buffer.from(`,1,农村\n`.replace('农村', 'Rural'))]),
    );
    const gbk = Buffer.concat([
      Buffer.from(
        '户编码,户主姓名,人口数,户类型\n'.replace(
          /[^\n,]+/g,
          (h) =>
            ({ 户编码: 'Household code', 户主姓名: 'Head of household', 人口数: 'Members', 户类型: 'Household type' })[
              h
            ] ?? h,
        ),
      ),
      ...gbkRows,
    ]);
    expect(gbk.length).toBeGreaterThan(128 * 1024);
    const fromGbk = await read(gbk, 999);
    expect(fromGbk.reader.fileErrors).toEqual([]);
    expect(fromGbk.rows).toHaveLength(n);
    expect(fromGbk.rows.every((r) => r.values.headName === '测试' && r.errors.length === 0)).toBe(true);
    const utf8 = `户编码,户主姓名,人口数,户类型\n${Array.from({ length: n }, (_, i) => `H${i},测试,1,农村`).join('\n')}`;
    const fromUtf8 = await read(utf8, 1001);
    expect(fromUtf8.rows).toHaveLength(n);
    expect(fromUtf8.rows.every((r) => r.values.headName === '测试' && r.values.kind === 'rural')).toBe(true);
  });

  it('gives one file error, not an exception, for files that are not CSV or that fail mid-stream', async () => {
    const zip = await read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0]));
    expect(zip.reader.fileErrors.map((e) => e.code)).toEqual(['file_unreadable']);
    const empty = await read('');
    expect(empty.reader.fileErrors.map((e) => e.code)).toEqual(['empty_file']);
    const broken = new Readable({ read() {} });
    broken.push(`${HEADER_ZH}\n${Array.from({ length: 3000 }, (_, i) => `HH${i},张三,,4,,,,农村,`).join('\n')}\n`);
    setTimeout(() => broken.destroy(new Error('disk on fire')), 20);
    const reader = readRows(households, { kind: 'csv', stream: broken });
    const rows = await toArray(reader);
    expect(rows.length).toBeGreaterThan(0); // rows before the failure were streamed
    expect(rows.length).toBeLessThanOrEqual(3000);
    expect(reader.fileErrors.map((e) => e.code)).toEqual(['file_unreadable']);
    expect(reader.fileErrors[0]!.reason.en).toContain('disk on fire');
  });
});

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readRows (xlsx)', () => {
  it('keeps Chinese text whole where the sheet’s XML is split into chunks (ExcelJS streaming reader)', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `${'欧阳娜'.slice(0, 1 + (i % 3))}丽${i}`);
    const shared = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('户');
      ws.addRow(['户编码', '户主姓名', '人口数', '户类型']);
      for (const [i, n] of names.entries()) ws.addRow([`HH${i}`, n, 2, '农村']);
    });
    const { out, done } = collect();
    await writeXlsx(
      households,
      names.map((headName, i) => ({ code: `HH${i}`, headName, members: 2, kind: 'rural' })) as never,
      out,
      {
        lang: 'zh',
      },
    );
    const inline = await done; // the platform's exports: strings inline in the sheet's XML
    for (const buf of [shared, inline]) {
      const rows = await toArray(readRows(households, xlsxSource(buf)));
      expect(rows.map((r) => r.values.headName)).toEqual(names);
    }
  });

  it('reads typed cells: real dates, numbers, booleans, rich text and formulas', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.addWorksheet('说明').addRow(['这不是数据']);
      const ws = wb.addWorksheet('户');
      ws.addRow(['户编码*\nHousehold code', '户主姓名', '人口数', '户类型', '登记日期', '是否脱贫户', '住房面积(㎡)']);
      ws.addRow([
        ' HH01 ',
        { richText: [{ text: '张' }, { text: '三' }] },
        4,
        '农村',
        new Date(Date.UTC(2024, 2, 1)),
        true,
        { formula: 'A1*2', result: 88.5 },
      ]);
      ws.getCell('E2').numFmt = 'yyyy"年"m"月"d"日"';
      ws.addRow([]);
      ws.addRow(['HH02', '李四', 3, 'urban', '2024年3月2日', '否', null]);
      ws.getCell('E4').numFmt = '@';
    });
    const unknownSheet = readRows(households, xlsxSource(buf), { sheetName: '不存在' });
    expect(await toArray(unknownSheet)).toEqual([]);
    expect(unknownSheet.fileErrors.map((e) => e.code)).toEqual(['sheet_not_found']);
    const reader = readRows(households, xlsxSource(buf), { sheetName: '户' });
    const rows = await toArray(reader);
    expect(reader.fileErrors).toEqual([]);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows[0]!.values).toEqual({
      code: 'HH01',
      headName: '张三',
      members: 4,
      kind: 'rural',
      registeredOn: '2024-03-01',
      lifted: true,
      area: 88.5,
    });
    expect(rows[1]!.values).toEqual({
      code: 'HH02',
      headName: '李四',
      members: 3,
      kind: 'urban',
      registeredOn: '2024-03-02',
      lifted: false,
    });
    expect(reader.bytesRead).toBe(buf.length);
  });

  it('gives one file error for garbage, CSV text and truncated xlsx files', async () => {
    const good = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('户');
      ws.addRow(['户编码', '户主姓名', '人口数', '户类型']);
      for (let i = 0; i < 2000; i++) ws.addRow([`H${i}`, `name${i}`, 1, '农村']);
    });
    for (const bad of [
      Buffer.from(HEADER_ZH),
      Buffer.from([1, 2, 3, 4, 5]),
      good.subarray(0, Math.floor(good.length / 2)),
    ]) {
      const reader = readRows(households, xlsxSource(bad));
      await toArray(reader);
      expect(reader.fileErrors).toHaveLength(1);
      expect(reader.fileErrors[0]!.code).toBe('file_unreadable');
      expect(reader.fileErrors[0]!.reason.zh).toContain('无法读取');
    }
  });
});
