/**
 * Spreadsheet (台账) engine: sheet specs, streamed reading of xlsx and CSV (UTF-8 or GBK), a
 * validation pipeline for imports, templates and round-trippable exports. Domain-free.
 */
export type {
  CellOutput,
  CellType,
  CheckRow,
  ColumnSpec,
  EnumValue,
  LocalText,
  ParseOutcome,
  RawCell,
  ReadOptions,
  ReadRow,
  RowError,
  SheetLang,
  SheetSource,
  SheetSpec,
  ValidatedRow,
} from './sheets.types';
export { readRows, SheetReader } from './sheets.read';
export {
  dryRun,
  importRows,
  SheetImportAbortedError,
  DEFAULT_MAX_STORED_ERRORS,
  type DryRunOptions,
  type DryRunResult,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from './sheets.import';
export { writeCsv, writeErrorReport, writeXlsx, type ExportOptions } from './sheets.write';
export { describeFormat, writeTemplate, type TemplateOptions } from './sheets.template';
export { exampleValues, parseCell, parseDateText, excelSerialToDate } from './sheets.parse';
export { headerLabel } from './sheets.format';
export { loadExcel, xlsxWriter } from './excel';
