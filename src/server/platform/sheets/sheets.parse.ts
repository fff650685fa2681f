/**
 * Cell parsers: turn one raw cell (CSV text or a typed xlsx value) into the column's value.
 * Pure; every failure is a value with a bilingual reason and a stable code.
 */
import { textProblem } from '../text';
import { charLength, quote, text, toHalfWidth } from './sheets.text';
import type { ColumnSpec, LocalText, RawCell, SheetSpec } from './sheets.types';

export type CellOutcome =
  | { ok: true; value: unknown; empty: false }
  | { ok: true; empty: true }
  | { ok: false; code: string; reason: LocalText };

const fail = (code: string, zh: string, en: string): CellOutcome => ({ ok: false, code, reason: text(zh, en) });
const value = (v: unknown): CellOutcome => ({ ok: true, value: v, empty: false });

/** Excel keeps 15 significant digits; a bigger number in a text column has already lost digits. */
const EXCEL_PRECISE_LIMIT = 1e15;
const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 (1900 date system). */
const EXCEL_EPOCH_OFFSET = 25_569;

export function formatDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Date of an Excel serial day number (1900 date system), as 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const day = Math.floor(serial);
  if (day === 60) return undefined; // Excel's fictitious 1900-02-29 (kept for Lotus 1-2-3 compatibility)
  const shift = day < 60 ? 1 : 0; // serials before it are one day off
  return formatDate(new Date((day + shift - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? formatDate(date) : undefined;
}

const DATE_PATTERNS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function parseDateText(raw: string): string | undefined {
  const s = toHalfWidth(raw).replace(/\s*([年月日])\s*/g, '$1');
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return undefined;
}

const TRUE_WORDS = new Set(['是', 'true', '1', 'y', 'yes', '√', '✓', '有']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'n', 'no', '×', '✗', '无']);

/** Integer or decimal text, allowing thousands separators ("1,234.5"). */
function parseNumberText(s: string): number | undefined {
  const t = s.replace(/^\+/, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^-?\.\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Text of a typed cell as a person would read it. */
export function cellText(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date) return formatDate(raw);
  if (typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) < 1e21) return raw.toFixed(0);
  return String(raw);
}

function parseTyped<T>(column: ColumnSpec<T>, raw: RawCell, s: string): CellOutcome {
  const shown = (): string => quote(s); // only built for failures: this runs for every cell
  switch (column.type) {
    case 'string':
      return value(s);
    case 'integer': {
      const n = typeof raw === 'number' ? raw : parseNumberText(s);
      if (n === undefined || !Number.isSafeInteger(n))
        return fail('invalid_integer', `不是有效的整数：${shown()}`, `Not a whole number: ${shown()}`);
      return value(n);
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : parseNumberText(s);
      if (n === undefined) return fail('invalid_number', `不是有效的数字：${shown()}`, `Not a number: ${shown()}`);
      return value(n);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return value(raw);
      const word = s.toLowerCase();
      if (TRUE_WORDS.has(word)) return value(true);
      if (FALSE_WORDS.has(word)) return value(false);
      return fail('invalid_boolean', `应填“是”或“否”：${shown()}`, `Expected yes or no (是/否, Y/N, 1/0): ${shown()}`);
    }
    case 'date': {
      const d =
        raw instanceof Date ? formatDate(raw) : typeof raw === 'number' ? excelSerialToDate(raw) : parseDateText(s);
      if (d === undefined)
        return fail(
          'invalid_date',
          `不是有效的日期（例如 2024-03-01）：${shown()}`,
          `Not a valid date (e.g. 2024-03-01): ${shown()}`,
        );
      return value(d);
    }
    case 'enum': {
      // the cell was made half-width: so are the labels it is compared with (村（社区） = 村(社区))
      const norm = (t: string) => toHalfWidth(t).toLowerCase();
      const key = s.toLowerCase();
      const hit = (column.enumValues ?? []).find(
        (e) => norm(e.value) === key || norm(e.zh) === key || norm(e.en) === key,
      );
      if (hit) return value(hit.value);
      const allowed = (column.enumValues ?? []).map((e) => e.zh).join('、');
      const allowedEn = (column.enumValues ?? []).map((e) => e.en).join(', ');
      return fail(
        'invalid_enum',
        `${shown()} 不在可选值中（${allowed}）`,
        `${shown()} is not an allowed value (${allowedEn})`,
      );
    }
  }
}

function testPattern(regex: RegExp, s: string): boolean {
  regex.lastIndex = 0; // a /g or /y pattern would otherwise carry state from the previous row
  return regex.test(s);
}

/** Parse one cell for a column: trim, normalise, check required, length and pattern, then the type. */
export function parseCell<T>(column: ColumnSpec<T>, raw: RawCell): CellOutcome {
  if (typeof raw === 'string' || raw === null) raw = (raw ?? '').trim();
  let s = cellText(raw).trim();
  const numeric = column.type === 'integer' || column.type === 'number' || column.type === 'date';
  if (column.normalizeWidth || numeric || column.type === 'boolean' || column.type === 'enum')
    s = toHalfWidth(s).trim();
  if (textProblem(s)) {
    return fail(
      'text_invalid',
      '含有无效字符（空字符 NUL 或不成对的 UTF-16 代理项），请删除后重新导入',
      'Contains invalid characters (a NUL character or an unpaired UTF-16 surrogate); remove them and import again',
    );
  }
  if (s === '') {
    return column.required ? fail('required', '必填项为空', 'Required value is missing') : { ok: true, empty: true };
  }
  if (typeof raw === 'number' && column.type === 'string' && Math.abs(raw) >= EXCEL_PRECISE_LIMIT) {
    return fail(
      'precision_lost',
      `该单元格是超过 15 位的数字，Excel 已丢失末尾数字（${s}）；请把此列设为文本格式后重新录入`,
      `This cell is a number over 15 digits; Excel has already lost its last digits (${s}). Format the column as text and enter it again`,
    );
  }
  if (column.maxLength !== undefined && charLength(s) > column.maxLength) {
    return fail(
      'too_long',
      `长度不能超过 ${column.maxLength} 个字符（现为 ${charLength(s)} 个）`,
      `At most ${column.maxLength} characters allowed (found ${charLength(s)})`,
    );
  }
  if (column.pattern && !testPattern(column.pattern.regex, s)) {
    return fail(
      'pattern',
      `格式不正确，应为${column.pattern.description.zh}：${quote(s)}`,
      `Wrong format, expected ${column.pattern.description.en}: ${quote(s)}`,
    );
  }
  if (column.parse) {
    const out = column.parse(s);
    return out.ok ? value(out.value) : { ok: false, code: out.code ?? 'invalid_value', reason: out.reason };
  }
  return parseTyped(column, raw, s);
}

/** The example row, parsed through the column parsers: a template whose example fails is a bug. */
export function exampleValues<T>(spec: SheetSpec<T>): T {
  const values: Partial<T> = {};
  for (const c of spec.columns) {
    const out = parseCell(c, c.example);
    if (!out.ok) throw new Error(`Example for column ${spec.name}.${c.key} does not parse: ${out.reason.en}`);
    if (!out.empty) values[c.key] = out.value as T[keyof T & string];
  }
  return values as T;
}
