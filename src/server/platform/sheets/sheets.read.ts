/**
 * readRows: stream a register file row by row, already parsed and validated cell by cell.
 * Memory stays bounded: one row at a time (plus ExcelJS's shared-string table for xlsx).
 */
import { pipeline } from 'node:stream';
import { countHeaderHits, HEADER_SEARCH_ROWS, matchHeaders, type BoundColumn } from './sheets.headers';
import { exampleValues, parseCell } from './sheets.parse';
import { ByteCounter, csvRows, SourceError, xlsxRows, type RawRow } from './sheets.source';
import { text } from './sheets.text';
import type { RawCell, ReadOptions, ReadRow, RowError, SheetSource, SheetSpec } from './sheets.types';

function isEmptyRow(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function unreadable(err: unknown, kind: SheetSource['kind']): RowError {
  if (err instanceof SourceError) return { row: 0, column: '', code: err.code, reason: err.reason };
  const message = err instanceof Error ? err.message : String(err);
  return {
    row: 0,
    column: '',
    code: 'file_unreadable',
    reason: text(
      `无法读取文件，不是有效的 ${kind} 文件（${message}）`,
      `The file cannot be read; it is not a valid ${kind} file (${message})`,
    ),
  };
}

/**
 * The first error of the input stream. ExcelJS would wait forever on an input that fails, so every
 * read is raced against it. One listener at a time: `Promise.race` against a promise that never
 * settles would keep every row alive through its reactions.
 */
class FailureSignal {
  private error: unknown;
  private listener: ((err: unknown) => void) | undefined;

  fail(err: unknown): void {
    this.error ??= err;
    this.listener?.(err);
  }

  async *guard<R>(rows: AsyncGenerator<R>): AsyncGenerator<R> {
    try {
      for (;;) {
        const next = await new Promise<IteratorResult<R>>((resolve, reject) => {
          if (this.error !== undefined) return reject(this.error);
          this.listener = reject;
          rows.next().then(resolve, reject);
        });
        this.listener = undefined;
        if (next.done) return;
        yield next.value;
      }
    } finally {
      this.listener = undefined;
      void rows.return(undefined).catch(() => undefined);
    }
  }
}

/**
 * A single-use stream of parsed rows. File-level problems (unreadable file, missing required columns)
 * end the iteration and are listed in `fileErrors`; header warnings are in `warnings`.
 */
export class SheetReader<T> implements AsyncIterable<ReadRow<T>> {
  readonly warnings: RowError[] = [];
  readonly fileErrors: RowError[] = [];
  /** Row number of the header row once found (1 unless title rows precede it). */
  headerRow: number | undefined;
  /** Column key -> header text as found in the file, once the header row is read. */
  readonly headers = new Map<string, string>();
  private readonly counter = new ByteCounter();
  private started = false;

  constructor(
    private readonly spec: SheetSpec<T>,
    private readonly source: SheetSource,
    private readonly opts: ReadOptions = {},
  ) {}

  get bytesRead(): number {
    return this.counter.bytes;
  }

  [Symbol.asyncIterator](): AsyncIterator<ReadRow<T>> {
    if (this.started) throw new Error('SheetReader can be iterated only once; open the source again');
    this.started = true;
    return this.rows();
  }

  private async *rows(): AsyncGenerator<ReadRow<T>> {
    const { source, counter } = this;
    const failure = new FailureSignal();
    pipeline(source.stream, counter, (err) => {
      if (err) failure.fail(err);
    });
    const raw = source.kind === 'xlsx' ? xlsxRows(counter, this.opts.sheetName) : csvRows(counter, this.opts.delimiter);
    try {
      let bound: BoundColumn<T>[] | undefined;
      let firstRow: RawRow | undefined;
      let scanned = 0;
      for await (const row of failure.guard(raw)) {
        if (isEmptyRow(row.cells)) continue;
        if (bound) {
          yield this.parseRow(bound, row);
          continue;
        }
        firstRow ??= row;
        scanned++;
        if (countHeaderHits(this.spec, row.cells) > 0) {
          bound = this.bindHeader(row);
          if (!bound) return;
        } else if (scanned >= HEADER_SEARCH_ROWS) {
          break;
        }
      }
      if (!bound) this.noHeader(firstRow);
    } catch (err) {
      this.fileErrors.push(unreadable(err, source.kind));
    } finally {
      counter.destroy();
      source.stream.destroy();
    }
  }

  private bindHeader(row: RawRow): BoundColumn<T>[] | undefined {
    const match = matchHeaders(this.spec, row.cells, row.rowNumber);
    this.headerRow = row.rowNumber;
    this.warnings.push(...match.warnings);
    this.fileErrors.push(...match.fileErrors);
    for (const b of match.bound) this.headers.set(b.column.key, b.header);
    return match.fileErrors.length > 0 ? undefined : match.bound;
  }

  private noHeader(firstRow: RawRow | undefined): void {
    if (firstRow && this.bindHeader(firstRow) === undefined) return; // names the missing required columns
    this.fileErrors.push({
      row: firstRow?.rowNumber ?? 0,
      column: '',
      code: firstRow ? 'no_header' : 'empty_file',
      reason: firstRow
        ? text(`前 ${HEADER_SEARCH_ROWS} 行中找不到表头`, `No header row found in the first ${HEADER_SEARCH_ROWS} rows`)
        : text('文件中没有内容', 'The file is empty'),
    });
  }

  private parseRow(bound: readonly BoundColumn<T>[], row: RawRow): ReadRow<T> {
    const values: Partial<T> = {};
    const errors: RowError[] = [];
    for (const { index, column, header } of bound) {
      const out = parseCell(column, row.cells[index] ?? null);
      if (!out.ok) errors.push({ row: row.rowNumber, column: header, reason: out.reason, code: out.code });
      else if (!out.empty) values[column.key] = out.value as T[keyof T & string];
    }
    if (row.rowNumber === (this.headerRow ?? 0) + 1 && errors.length === 0)
      this.warnIfExample(bound, values, row.rowNumber);
    return { rowNumber: row.rowNumber, values, errors };
  }

  /** The template's grey example row, left in by mistake, would otherwise be imported silently. */
  private warnIfExample(bound: readonly BoundColumn<T>[], values: Partial<T>, rowNumber: number): void {
    let example: T;
    try {
      example = exampleValues(this.spec);
    } catch {
      return;
    }
    if (bound.every(({ column: c }) => values[c.key] === example[c.key])) {
      this.warnings.push({
        row: rowNumber,
        column: '',
        code: 'example_row',
        reason: text(
          `第 ${rowNumber} 行与模板示例行相同，是否忘记删除？`,
          `Row ${rowNumber} equals the template's example row; did you forget to delete it?`,
        ),
      });
    }
  }
}

/** Streams the rows of an xlsx or CSV file parsed against `spec`. */
export function readRows<T>(spec: SheetSpec<T>, source: SheetSource, opts: ReadOptions = {}): SheetReader<T> {
  return new SheetReader(spec, source, opts);
}
