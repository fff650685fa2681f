/** How values are written into cells and how headers are labelled; shared by exports and templates. */
import type { CellOutput, ColumnSpec, SheetLang, SheetSpec } from './sheets.types';

const BOOLEAN_LABELS = { zh: ['是', '否'], en: ['Yes', 'No'] } as const;

/** Header cell text: the chosen language first, the other on a second line; `*` marks required columns. */
export function headerLabel<T>(
  column: ColumnSpec<T>,
  lang: SheetLang,
  markRequired: boolean,
  separator = '\n',
): string {
  const other: SheetLang = lang === 'zh' ? 'en' : 'zh';
  const mark = markRequired && column.required ? '*' : '';
  return `${column.header[lang]}${mark}${separator}${column.header[other]}`;
}

/** Excel limits sheet names to 31 characters without []:*?/\ . */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}

function dateCell(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

/** The cell written for one value; what parseCell reads back as the same value. */
export function formatValue<T>(
  column: ColumnSpec<T>,
  value: unknown,
  lang: SheetLang,
  target: 'xlsx' | 'csv',
): CellOutput {
  if (value === undefined || value === null) return null;
  if (column.format) return column.format(value as T[keyof T & string]);
  switch (column.type) {
    case 'boolean':
      return value ? BOOLEAN_LABELS[lang][0] : BOOLEAN_LABELS[lang][1];
    case 'enum':
      return column.enumValues?.find((e) => e.value === value)?.[lang] ?? String(value);
    case 'date':
      return target === 'xlsx' && typeof value === 'string'
        ? dateCell(value)
        : value instanceof Date
          ? value
          : String(value);
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'string':
      return String(value);
  }
}

/** One export row as cells in column order. */
export function rowCells<T>(spec: SheetSpec<T>, row: T, lang: SheetLang, target: 'xlsx' | 'csv'): CellOutput[] {
  return spec.columns.map((c) => formatValue(c, row[c.key], lang, target));
}

/** Default column width in characters, from the header and example lengths. */
export function columnWidth<T>(column: ColumnSpec<T>): number {
  if (column.width) return column.width;
  const longest = Math.max(
    column.header.zh.length * 2,
    column.header.en.length,
    column.example.length,
    column.maxLength ?? 0,
  );
  return Math.min(40, Math.max(10, longest + 2));
}
