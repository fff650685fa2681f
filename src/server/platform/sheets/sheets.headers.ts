/**
 * Header matching: find the header row and map each file column to a spec column by its Chinese or
 * English header (or an alias or the key), whatever the case, spacing, `*` marks or bracket width.
 */
import { displayHeader, headerKey, text } from './sheets.text';
import type { ColumnSpec, RawCell, RowError, SheetSpec } from './sheets.types';
import { cellText } from './sheets.parse';

export interface BoundColumn<T> {
  /** 0-based index of the cell in the file row. */
  index: number;
  column: ColumnSpec<T>;
  /** Header as found in the file, for error reports. */
  header: string;
}

export interface HeaderMatch<T> {
  bound: BoundColumn<T>[];
  warnings: RowError[];
  fileErrors: RowError[];
}

/** How many leading rows may hold titles or notes before the header row. */
export const HEADER_SEARCH_ROWS = 10;

function lookupTable<T>(spec: SheetSpec<T>): Map<string, ColumnSpec<T>> {
  const table = new Map<string, ColumnSpec<T>>();
  for (const column of spec.columns) {
    const { zh, en } = column.header;
    // One-line bilingual headers ("户编码 Household code") as other exports in this platform write them.
    for (const name of [zh, en, `${zh}${en}`, `${en}${zh}`, column.key, ...(column.aliases ?? [])]) {
      const key = headerKey(name);
      if (key && !table.has(key)) table.set(key, column);
    }
  }
  return table;
}

/**
 * The spec column a header cell names: the whole cell, else any line or " / " part of it
 * ("户编码*\nHousehold code", "户编码 / Household code").
 */
function findColumn<T>(table: Map<string, ColumnSpec<T>>, cell: string): ColumnSpec<T> | undefined {
  const whole = table.get(headerKey(cell));
  if (whole) return whole;
  for (const line of cell.split(/[\r\n]+|\s\/\s/)) {
    const hit = table.get(headerKey(line));
    if (hit) return hit;
  }
  return undefined;
}

/** Number of cells in a row that name a spec column; used to recognise the header row. */
export function countHeaderHits<T>(spec: SheetSpec<T>, cells: readonly RawCell[]): number {
  const table = lookupTable(spec);
  return cells.filter((c) => findColumn(table, cellText(c)) !== undefined).length;
}

export function matchHeaders<T>(spec: SheetSpec<T>, cells: readonly RawCell[], headerRow: number): HeaderMatch<T> {
  const table = lookupTable(spec);
  const bound: BoundColumn<T>[] = [];
  const warnings: RowError[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const raw = cellText(cell).trim();
    if (raw === '') return;
    const header = displayHeader(raw);
    const column = findColumn(table, raw);
    if (!column) {
      warnings.push({
        row: headerRow,
        column: header,
        code: 'unknown_column',
        reason: text(`未识别的列“${header}”，已忽略`, `Unrecognised column "${header}" was ignored`),
      });
    } else if (seen.has(column.key)) {
      warnings.push({
        row: headerRow,
        column: header,
        code: 'duplicate_column',
        reason: text(`列“${header}”重复出现，只读取第一列`, `Column "${header}" appears twice; only the first is read`),
      });
    } else {
      seen.add(column.key);
      bound.push({ index, column, header });
    }
  });
  const missing = spec.columns.filter((c) => c.required && !seen.has(c.key));
  const fileErrors: RowError[] = [];
  if (missing.length > 0) {
    const zh = missing.map((c) => c.header.zh).join('、');
    const en = missing.map((c) => c.header.en).join(', ');
    fileErrors.push({
      row: headerRow,
      column: zh,
      code: 'missing_columns',
      reason: text(`缺少必填列：${zh}`, `Missing required columns: ${en}`),
    });
  }
  return { bound, warnings, fileErrors };
}
