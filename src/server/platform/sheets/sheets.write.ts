/**
 * Streamed exports of a register (台账) as xlsx or CSV, with the same headers templates use, so an
 * export can be re-imported unchanged; and an xlsx report of import errors.
 */
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { xlsxWriter } from './excel';
import { columnWidth, formatValue, headerLabel, rowCells, sheetName } from './sheets.format';
import type { CellOutput, ColumnSpec, RowError, SheetLang, SheetSpec } from './sheets.types';

export interface ExportOptions {
  lang: SheetLang;
  /** Title row above the header, also used as the worksheet name. */
  title?: string;
}

type Rows<T> = AsyncIterable<T> | Iterable<T>;

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/** Adds the data worksheet (optional title row, header row, widths, text/date formats, frozen header). */
export function addDataSheet<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec<T>,
  lang: SheetLang,
  markRequired: boolean,
  title?: string,
  headerNote?: (column: ColumnSpec<T>) => string,
  label: (column: ColumnSpec<T>) => string = (c) => headerLabel(c, lang, markRequired),
): ExcelJS.Worksheet {
  const headerRow = title ? 2 : 1;
  const ws = workbook.addWorksheet(sheetName(title ?? spec.title[lang]), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  ws.columns = spec.columns.map((c) => ({
    key: c.key,
    width: columnWidth(c),
    style: c.type === 'string' ? { numFmt: '@' } : c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  if (title) {
    const row = ws.getRow(1);
    row.getCell(1).value = title;
    row.font = { bold: true, size: 14 };
    row.height = 24;
    ws.mergeCells(1, 1, 1, spec.columns.length);
    row.commit();
  }
  const header = ws.getRow(headerRow);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label(c);
    cell.font = { bold: true, color: c.required && markRequired ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    if (headerNote) cell.note = headerNote(c);
  });
  header.height = 34;
  header.commit();
  return ws;
}

/** Writes cells as one row; date cells get a date format so Excel shows 2024-03-01. */
export function addCells(ws: ExcelJS.Worksheet, cells: readonly CellOutput[]): ExcelJS.Row {
  const row = ws.addRow(cells.map((c) => (c === undefined ? null : c)));
  cells.forEach((c, i) => {
    if (c instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
  });
  return row;
}

/** Streams rows into an xlsx register, committing each row so memory stays flat. */
export async function writeXlsx<T>(
  spec: SheetSpec<T>,
  rows: Rows<T>,
  out: Writable,
  opts: ExportOptions,
): Promise<void> {
  const workbook = await xlsxWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = addDataSheet(workbook, spec, opts.lang, false, opts.title);
  let n = 0;
  for await (const row of rows) {
    addCells(ws, rowCells(spec, row, opts.lang, 'xlsx')).commit();
    if (++n % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await workbook.commit();
}

/** Digit strings Excel would mangle when opening a CSV (leading zeros, 11+ digits → 1.1E+17). */
function excelSafe(cell: CellOutput): CellOutput {
  return typeof cell === 'string' &&
    /^\d+$/.test(cell) &&
    (cell.length >= 11 || (cell.length > 1 && cell.startsWith('0')))
    ? `="${cell}"`
    : cell;
}

/** Streams rows into a UTF-8 CSV with BOM (so Excel shows Chinese), one-line bilingual headers. */
export async function writeCsv<T>(
  spec: SheetSpec<T>,
  rows: Rows<T>,
  out: Writable,
  opts: { lang: SheetLang },
): Promise<void> {
  async function* records(): AsyncGenerator<string[]> {
    yield spec.columns.map((c) => headerLabel(c, opts.lang, false, ' / '));
    for await (const row of rows) {
      yield spec.columns.map((c) => {
        const cell = excelSafe(formatValue(c, row[c.key], opts.lang, 'csv'));
        return cell === null || cell === undefined
          ? ''
          : cell instanceof Date
            ? cell.toISOString().slice(0, 10)
            : String(cell);
      });
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: 'windows' }), out);
}

/** An xlsx listing every problem: row, column, code and the reason in both languages. */
export async function writeErrorReport(errors: Rows<RowError>, out: Writable): Promise<void> {
  const workbook = await xlsxWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet('错误 Errors', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = [
    { header: '行号\nRow', key: 'row', width: 8 },
    { header: '列\nColumn', key: 'column', width: 24 },
    { header: '原因\nReason (zh)', key: 'zh', width: 60 },
    { header: '原因（英文）\nReason (en)', key: 'en', width: 60 },
    { header: '代码\nCode', key: 'code', width: 18 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  let n = 0;
  for await (const e of errors) {
    ws.addRow({
      row: e.row === 0 ? '' : e.row,
      column: e.column,
      zh: e.reason.zh,
      en: e.reason.en,
      code: e.code,
    }).commit();
    if (++n % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await workbook.commit();
}
