import { describe, expect, it, vi } from 'vitest';
import { csvSource, HEADER_ZH, households, type Household } from './sheets.fixtures';
import { dryRun, importRows, SheetImportAbortedError } from './sheets.import';
import type { RowError, ValidatedRow } from './sheets.types';

const ROWS = [
  'HH01,张三,420000000000000001,4,,,,农村,', // 2
  'HH02,李四,420000000000000002,2,,,,城镇,', // 3
  'ＨＨ01,王五,,3,,,,农村,', //                   4: duplicate of row 2 after width normalisation
  'HH04,赵六,420000000000000002,1,,,,农村,', // 5: duplicate ID number of row 3
  'HH05,,,1,,,,农村,', //                       6: required missing
  '', //                                         7: empty, skipped
  'HH08,钱七,,5,,,,城镇,', //                    8
];
const FILE = [HEADER_ZH, ...ROWS].join('\n');

describe('dryRun', () => {
  it('lists every error with row numbers, names the first row of a duplicate, and checks clean rows only', async () => {
    const checked: number[] = [];
    const checkRow = async (values: Household, row: number): Promise<RowError[]> => {
      checked.push(row);
      expect(typeof values.members).toBe('number');
      return values.code === 'HH08'
        ? [
            {
              row,
              column: '户编码',
              code: 'exists',
              reason: { zh: '户编码已存在', en: 'Household code already exists' },
            },
          ]
        : [];
    };
    const result = await dryRun(households, csvSource(`${FILE}\n`), checkRow);
    expect(result.fileErrors).toEqual([]);
    expect(result.totalRows).toBe(6);
    expect(result.validRows).toBe(2);
    expect(result.invalidRows).toBe(4);
    expect(checked).toEqual([2, 3, 8]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '户编码', 'duplicate'],
      [5, '身份证号', 'duplicate'],
      [6, '户主姓名', 'required'],
      [8, '户编码', 'exists'],
    ]);
    expect(result.errors[0]!.reason).toEqual({ zh: '与第 2 行重复：“HH01”', en: 'Duplicate of row 2: “HH01”' });
    expect(result.errors[1]!.reason.zh).toContain('第 3 行');
    expect(result.errorCount).toBe(4);
  });

  it('stores at most maxStoredErrors errors but counts them all', async () => {
    const bad = Array.from({ length: 50 }, (_, i) => `H${i},,,x,,,,农村,`).join('\n'); // 2 errors per row
    const result = await dryRun(households, csvSource(`${HEADER_ZH}\n${bad}`), undefined, { maxStoredErrors: 10 });
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(100);
    expect(result.invalidRows).toBe(50);
  });

  it('reports a missing required column as the only file error', async () => {
    const result = await dryRun(households, csvSource('户编码,户主姓名\nHH01,张三\n'));
    expect(result.fileErrors.map((e) => e.code)).toEqual(['missing_columns']);
    expect(result.totalRows).toBe(0);
    expect(result.errors).toEqual([]);
  });
});

describe('importRows', () => {
  it('all-or-nothing never calls onBatch when any row is bad', async () => {
    const onBatch = vi.fn(async () => undefined);
    const open = vi.fn(() => csvSource(FILE));
    const result = await importRows(households, open, { mode: 'all-or-nothing', onBatch });
    expect(onBatch).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledTimes(1);
    expect(result.importedRows).toBe(0);
    expect(result.errorCount).toBe(3);
  });

  it('all-or-nothing never calls onBatch when checkRow rejects a row', async () => {
    const onBatch = vi.fn(async () => undefined);
    const clean = [HEADER_ZH, ROWS[0], ROWS[1], ROWS[6]].join('\n');
    const checkRow = (v: Household, row: number): RowError[] =>
      v.code === 'HH08' ? [{ row, column: 'code', code: 'exists', reason: { zh: '已存在', en: 'exists' } }] : [];
    const result = await importRows(households, () => csvSource(clean), { mode: 'all-or-nothing', onBatch, checkRow });
    expect(onBatch).not.toHaveBeenCalled();
    expect(result.errors.map((e) => e.row)).toEqual([4]); // HH08 is the third data row here
  });

  it('all-or-nothing imports everything from a second read of a clean file', async () => {
    const clean = [HEADER_ZH, ...Array.from({ length: 7 }, (_, i) => `HH${i},户主${i},,${i + 1},,,,农村,`)].join('\n');
    const open = vi.fn(() => csvSource(clean));
    const checkRow = vi.fn(() => []);
    const batches: ValidatedRow<Household>[][] = [];
    const result = await importRows(households, open, {
      mode: 'all-or-nothing',
      batchSize: 3,
      checkRow,
      onBatch: async (b) => void batches.push(b),
    });
    expect(open).toHaveBeenCalledTimes(2);
    expect(checkRow).toHaveBeenCalledTimes(7); // once, in the validation pass
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().map((r) => r.values.members)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result).toMatchObject({ importedRows: 7, batches: 3, errorCount: 0 });
    await expect(
      importRows(households, csvSource(clean), { mode: 'all-or-nothing', onBatch: async () => undefined }),
    ).rejects.toThrow(TypeError);
  });

  it('all-or-nothing aborts if the file changes between the two reads', async () => {
    const clean = `${HEADER_ZH}\nHH01,张三,,1,,,,农村,`;
    const sources = [csvSource(clean), csvSource(`${HEADER_ZH}\nHH01,张三,,x,,,,农村,`)];
    await expect(
      importRows(households, () => sources.shift()!, { mode: 'all-or-nothing', onBatch: async () => undefined }),
    ).rejects.toBeInstanceOf(SheetImportAbortedError);
  });

  it('valid-only hands over exactly the valid rows in batches and returns the errors of the rest', async () => {
    const lines = Array.from({ length: 25 }, (_, i) =>
      i % 8 === 3 ? `H${i},,,1,,,,农村,` : `H${i},户主${i},,1,,,,城镇,`,
    );
    const file = `${HEADER_ZH}\n${lines.join('\n')}\n`;
    const batches: ValidatedRow<Household>[][] = [];
    const progress: number[] = [];
    let bytes = 0;
    const result = await importRows(households, csvSource(file), {
      mode: 'valid-only',
      batchSize: 10,
      onBatch: async (b) => void batches.push(b),
      onProgress: (p) => {
        progress.push(p.rowsRead);
        bytes = p.bytesRead ?? 0;
        expect(p.totalBytes).toBe(Buffer.byteLength(file));
      },
    });
    const badRows = [5, 13, 21]; // lines 3, 11, 19 -> spreadsheet rows 5, 13, 21
    const expected = Array.from({ length: 25 }, (_, i) => i + 2).filter((r) => !badRows.includes(r));
    expect(batches.map((b) => b.length)).toEqual([10, 10, 2]);
    expect(batches.flat().map((r) => r.rowNumber)).toEqual(expected);
    expect(batches.flat().every((r) => r.values.kind === 'urban' && r.values.code === `H${r.rowNumber - 2}`)).toBe(
      true,
    );
    expect(result.errors.map((e) => [e.row, e.code])).toEqual(badRows.map((r) => [r, 'required']));
    expect(result).toMatchObject({ totalRows: 25, validRows: 22, importedRows: 22, batches: 3 });
    expect(progress.at(-1)).toBe(25);
    expect(bytes).toBe(Buffer.byteLength(file));
  });
});
