/**
 * A 台账 import in one transaction, the shape every register import shares: a dry run lists every
 * bad row (row number, column, zh/en reason) and writes nothing; an import writes every row or none,
 * with one audit row of counts. Modules bring the sheet, their row checks against the database and
 * their writer; the file is read twice (validation, then writing), both times inside the transaction.
 */
import { Readable } from 'node:stream';
import type { UserActor } from './actor';
import { type AuditEvent, audit } from './audit/audit';
import type { Database, Queryable } from './db/db';
import {
  type CheckRow,
  type RowError,
  type SheetSpec,
  type ValidatedRow,
  dryRun,
  headerLabel,
  importRows,
} from './sheets';

export type SheetImportMode = 'dry-run' | 'all-or-nothing';
export type SheetFormat = 'xlsx' | 'csv';

/** The errors shown back: the first ones only (the count is exact). */
export const SHOWN_ERRORS = 500;

export interface SheetImportOutcome {
  mode: SheetImportMode;
  totalRows: number;
  validRows: number;
  importedRows: number;
  errorCount: number;
  errors: RowError[];
}

export interface SheetImportJob<T> {
  spec: SheetSpec<T>;
  file: Buffer;
  format: SheetFormat;
  mode: SheetImportMode;
  /**
   * The row checks and the writer, made once per transaction (so the writer may use what the checks
   * looked up). The writer gets batches of valid rows, and only once the whole file passed.
   */
  prepare: (tx: Queryable) => SheetRowHandlers<T>;
  /** The audit row of a successful import: counts and codes, never personal data. */
  audit: (tx: Queryable, counts: { totalRows: number; importedRows: number }) => Promise<AuditEvent> | AuditEvent;
  batchSize?: number;
}

export interface SheetRowHandlers<T> {
  check: CheckRow<T>;
  write: (rows: ValidatedRow<T>[]) => Promise<void>;
  /** After the last batch, before the audit row (e.g. refreshing what the batches touched). */
  finish?: () => Promise<void>;
}

class RollBack extends Error {
  constructor(readonly outcome: SheetImportOutcome) {
    super('import rolled back');
  }
}

interface Checked {
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  fileErrors: RowError[];
}

/** The outcome shown; a check's error naming a column by its key gets the column's header instead. */
function shown<T>(spec: SheetSpec<T>, mode: SheetImportMode, r: Checked, imported: number): SheetImportOutcome {
  const headers = new Map<string, string>(spec.columns.map((c) => [c.key, headerLabel(c, 'zh', false, ' / ')]));
  return {
    mode,
    totalRows: r.totalRows,
    validRows: r.validRows,
    importedRows: imported,
    errorCount: r.errorCount + r.fileErrors.length,
    errors: [...r.fileErrors, ...r.errors]
      .slice(0, SHOWN_ERRORS)
      .map((e) => ({ ...e, column: headers.get(e.column) ?? e.column })),
  };
}

/** Runs a dry run or an all-or-nothing import of `job.file` as `actor` in one transaction of `db`. */
export async function importSheet<T>(
  db: Database,
  actor: UserActor,
  job: SheetImportJob<T>,
): Promise<SheetImportOutcome> {
  const open = () => ({ kind: job.format, stream: Readable.from([job.file]) });
  try {
    return await db.transaction(async (tx) => {
      const { check, write, finish } = job.prepare(tx);
      if (job.mode === 'dry-run') return shown(job.spec, job.mode, await dryRun(job.spec, open(), check, {}), 0);
      const r = await importRows(job.spec, open, {
        mode: 'all-or-nothing',
        checkRow: check,
        batchSize: job.batchSize ?? 500,
        onBatch: write,
      });
      if (r.fileErrors.length > 0 || r.errorCount > 0) throw new RollBack(shown(job.spec, job.mode, r, 0));
      await finish?.();
      await audit(tx, actor, await job.audit(tx, { totalRows: r.totalRows, importedRows: r.importedRows }));
      return shown(job.spec, job.mode, r, r.importedRows);
    });
  } catch (e) {
    if (e instanceof RollBack) return e.outcome;
    throw e;
  }
}

/** A row error as the checks report it (`column`: the column's key, shown as its header). */
export const rowError = (row: number, column: string, zh: string, en: string, code: string): RowError => ({
  row,
  column,
  reason: { zh, en },
  code,
});
