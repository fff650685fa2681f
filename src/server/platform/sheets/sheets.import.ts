/**
 * Validation pipeline over readRows: within-file duplicate detection, the caller's own row checks,
 * a dry run that lists every problem, and an import that hands valid rows over in batches.
 * Nothing here is transactional: the caller wraps its onBatch calls in one transaction.
 */
import { readRows, type SheetReader } from './sheets.read';
import { cellText } from './sheets.parse';
import { quote, text } from './sheets.text';
import { FirstRowIndex } from './sheets.unique';
import type { CheckRow, ReadOptions, RowError, SheetSource, SheetSpec, ValidatedRow } from './sheets.types';

/** Errors kept in memory; beyond this only the count grows. */
export const DEFAULT_MAX_STORED_ERRORS = 100_000;

export interface DryRunOptions extends ReadOptions {
  maxStoredErrors?: number;
}

export interface DryRunResult {
  /** Non-empty data rows read. */
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Row errors, at most `maxStoredErrors` of them; `errorCount` is the true number. */
  errors: RowError[];
  errorCount: number;
  warnings: RowError[];
  fileErrors: RowError[];
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead?: number;
  totalBytes?: number;
}

export interface ImportOptions<T> extends DryRunOptions {
  mode: 'valid-only' | 'all-or-nothing';
  checkRow?: CheckRow<T>;
  batchSize?: number;
  onBatch: (rows: ValidatedRow<T>[]) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult extends DryRunResult {
  mode: ImportOptions<unknown>['mode'];
  /** Rows handed to onBatch. */
  importedRows: number;
  batches: number;
}

/** Thrown when the second pass of an all-or-nothing import finds what the first did not (the file changed). */
export class SheetImportAbortedError extends Error {
  constructor(readonly errors: RowError[]) {
    super(`Import aborted: the file changed between validation and import (${errors[0]?.reason.en ?? 'unknown'})`);
  }
}

/** Reports a row whose unique-column value an earlier row already had, naming that row. */
class DuplicateTracker<T> {
  private readonly seen = new Map<string, FirstRowIndex>();

  constructor(spec: SheetSpec<T>) {
    for (const c of spec.columns) if (c.unique) this.seen.set(c.key, new FirstRowIndex());
  }

  check(values: Partial<T>, rowNumber: number, headers: Map<string, string>): RowError[] {
    const errors: RowError[] = [];
    for (const [key, index] of this.seen) {
      const value = values[key as keyof T];
      if (value === undefined || value === null) continue;
      const shown = value instanceof Date ? cellText(value) : String(value);
      const first = index.firstOrAdd(shown, rowNumber);
      if (first === undefined) continue;
      errors.push({
        row: rowNumber,
        column: headers.get(key) ?? key,
        code: 'duplicate',
        reason: text(`与第 ${first} 行重复：${quote(shown)}`, `Duplicate of row ${first}: ${quote(shown)}`),
      });
    }
    return errors;
  }
}

class ErrorLog {
  readonly errors: RowError[] = [];
  count = 0;
  constructor(private readonly limit: number) {}
  add(errors: readonly RowError[]): void {
    for (const e of errors) {
      if (this.errors.length < this.limit) this.errors.push(e);
      this.count++;
    }
  }
}

interface CheckedRow<T> {
  rowNumber: number;
  values: Partial<T>;
  errors: RowError[];
}

/** Reads, de-duplicates and (for rows that parsed cleanly) runs the caller's checks. */
async function* checkedRows<T>(
  spec: SheetSpec<T>,
  reader: SheetReader<T>,
  checkRow: CheckRow<T> | undefined,
): AsyncGenerator<CheckedRow<T>> {
  const duplicates = new DuplicateTracker(spec);
  for await (const row of reader) {
    const errors = [...row.errors, ...duplicates.check(row.values, row.rowNumber, reader.headers)];
    if (errors.length === 0 && checkRow) errors.push(...(await checkRow(row.values as T, row.rowNumber)));
    yield { rowNumber: row.rowNumber, values: row.values, errors };
  }
}

function emptyResult(reader: SheetReader<unknown>, log: ErrorLog, totalRows: number, validRows: number): DryRunResult {
  return {
    totalRows,
    validRows,
    invalidRows: totalRows - validRows,
    errors: log.errors,
    errorCount: log.count,
    warnings: reader.warnings,
    fileErrors: reader.fileErrors,
  };
}

/** Validates a whole file without importing anything; every problem is listed. */
export async function dryRun<T>(
  spec: SheetSpec<T>,
  source: SheetSource,
  checkRow?: CheckRow<T>,
  opts: DryRunOptions = {},
): Promise<DryRunResult> {
  const reader = readRows(spec, source, opts);
  const log = new ErrorLog(opts.maxStoredErrors ?? DEFAULT_MAX_STORED_ERRORS);
  let total = 0;
  let valid = 0;
  for await (const row of checkedRows(spec, reader, checkRow)) {
    total++;
    if (row.errors.length === 0) valid++;
    else log.add(row.errors);
  }
  return emptyResult(reader as SheetReader<unknown>, log, total, valid);
}

/**
 * Imports a file. 'valid-only' streams the valid rows to onBatch and returns the errors of the rows
 * it skipped. 'all-or-nothing' validates the whole file first (so the source must be re-openable)
 * and calls onBatch only when there is no error at all.
 */
export async function importRows<T>(
  spec: SheetSpec<T>,
  openSource: SheetSource | (() => SheetSource),
  opts: ImportOptions<T>,
): Promise<ImportResult> {
  const open = typeof openSource === 'function' ? openSource : undefined;
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  if (opts.mode === 'all-or-nothing') {
    if (!open) throw new TypeError('all-or-nothing import reads the file twice: pass openSource as a function');
    const check = await dryRun(spec, open(), opts.checkRow, opts);
    if (check.errorCount > 0 || check.fileErrors.length > 0)
      return { ...check, mode: opts.mode, importedRows: 0, batches: 0 };
  }
  const source = open ? open() : (openSource as SheetSource);
  const reader = readRows(spec, source, opts);
  const log = new ErrorLog(opts.maxStoredErrors ?? DEFAULT_MAX_STORED_ERRORS);
  // The second all-or-nothing pass skips checkRow: every row already passed it in the first pass.
  const checkRow = opts.mode === 'valid-only' ? opts.checkRow : undefined;
  let batch: ValidatedRow<T>[] = [];
  let total = 0;
  let imported = 0;
  let batches = 0;
  const progress = (): void =>
    opts.onProgress?.({ rowsRead: total, bytesRead: reader.bytesRead, totalBytes: source.totalBytes });
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await opts.onBatch(rows);
    imported += rows.length;
    batches++;
  };
  for await (const row of checkedRows(spec, reader, checkRow)) {
    if (++total % batchSize === 0) progress();
    if (row.errors.length > 0) {
      if (opts.mode === 'all-or-nothing') throw new SheetImportAbortedError(row.errors);
      log.add(row.errors);
      continue;
    }
    batch.push({ rowNumber: row.rowNumber, values: row.values as T });
    if (batch.length >= batchSize) await flush();
  }
  if (opts.mode === 'all-or-nothing' && reader.fileErrors.length > 0)
    throw new SheetImportAbortedError(reader.fileErrors);
  if (reader.fileErrors.length === 0) await flush();
  progress();
  return {
    ...emptyResult(reader as SheetReader<unknown>, log, total, imported + batch.length),
    mode: opts.mode,
    importedRows: imported,
    batches,
  };
}
