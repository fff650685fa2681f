/**
 * Types of the spreadsheet (台账) engine. A SheetSpec describes one register: its columns, how each
 * cell is parsed and validated, and how it is written back. The engine has no domain code; modules
 * declare their sheets with these types and plug their own checks in through `checkRow`.
 */
import type { Readable } from 'node:stream';

/** Text shown to people, always in both languages. */
export interface LocalText {
  zh: string;
  en: string;
}

export type SheetLang = 'zh' | 'en';

export type CellType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'enum';

export interface EnumValue {
  /** Stored value, e.g. 'rural'. */
  value: string;
  zh: string;
  en: string;
}

export type ParseOutcome<V = unknown> = { ok: true; value: V } | { ok: false; reason: LocalText; code?: string };

/** One cell as read from a file: CSV gives strings; xlsx gives typed values. */
export type RawCell = string | number | boolean | Date | null;

/** A value a column can write into a cell. */
export type CellOutput = string | number | boolean | Date | null | undefined;

export interface ColumnSpec<T> {
  key: keyof T & string;
  header: LocalText;
  /** Other header texts accepted on import, e.g. older wordings used by some offices. */
  aliases?: readonly string[];
  required: boolean;
  type: CellType;
  /** For 'enum': the value or either label is accepted (case-insensitive) and mapped to `value`. */
  enumValues?: readonly EnumValue[];
  /** Maximum length in characters (not bytes), checked after trimming and normalising. */
  maxLength?: number;
  pattern?: { regex: RegExp; description: LocalText };
  /** Code-like columns: full-width letters, digits and punctuation become half-width (０１Ａ -> 01A). */
  normalizeWidth?: boolean;
  /** Values must not repeat within one file (household code, ID number). */
  unique?: boolean;
  /** Example value for the template row; it must parse. */
  example: string;
  /** Extra explanation for the instructions sheet. */
  note?: LocalText;
  /** Custom parser for the trimmed, normalised text of the cell; replaces the type parser. */
  parse?: (raw: string) => ParseOutcome;
  /** Custom formatter for exports; the default writes the value as the type expects. */
  format?: (value: T[keyof T & string]) => CellOutput;
  /** Column width in characters for templates and exports. */
  width?: number;
}

export interface SheetSpec<T> {
  /** Machine name, e.g. 'households'. */
  name: string;
  /** Sheet title, e.g. { zh: '户', en: 'Households' }. */
  title: LocalText;
  columns: readonly ColumnSpec<T>[];
}

export interface RowError {
  /** Spreadsheet row number (header = 1, first data row = 2); 0 for problems with the whole file. */
  row: number;
  /** The header as found in the file, or the column key when the file has no such header. */
  column: string;
  reason: LocalText;
  code: string;
}

export interface SheetSource {
  kind: 'xlsx' | 'csv';
  stream: Readable;
  /** Size of the file if known; only used for progress reports. */
  totalBytes?: number;
}

export interface ReadOptions {
  /** xlsx: which worksheet to read (default: the first). */
  sheetName?: string;
  /** csv: field delimiter (default ','). */
  delimiter?: string;
}

export interface ReadRow<T> {
  rowNumber: number;
  values: Partial<T>;
  errors: RowError[];
}

export type CheckRow<T> = (values: T, rowNumber: number) => RowError[] | Promise<RowError[]>;

export interface ValidatedRow<T> {
  rowNumber: number;
  values: T;
}
