/**
 * Raw rows from a file, streamed: xlsx through ExcelJS's streaming reader, CSV through csv-parse
 * after decoding UTF-8 (with or without BOM), UTF-16 or GB18030/GBK (Chinese Excel's "CSV").
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { text } from './sheets.text';
import type { LocalText, RawCell } from './sheets.types';

export interface RawRow {
  rowNumber: number;
  cells: RawCell[];
}

/** A problem with the whole file; reported as a file error, never thrown to the caller. */
export class SourceError extends Error {
  constructor(
    readonly code: string,
    readonly reason: LocalText,
  ) {
    super(reason.en);
  }
}

/** Counts the bytes flowing through, for progress reports. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** Bytes inspected before choosing a text encoding. */
const SNIFF_BYTES = 64 * 1024;
/** A CSV record larger than this is rejected instead of being held in memory. */
const MAX_RECORD_BYTES = 1_000_000;

function chooseDecoder(head: Buffer): TextDecoder {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new SourceError(
      'file_unreadable',
      text('这是 xlsx/zip 文件，不是 CSV 文件', 'This is an xlsx/zip file, not a CSV file'),
    );
  }
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  if (head.includes(0)) {
    throw new SourceError('file_unreadable', text('文件不是文本格式的 CSV', 'The file is not a text CSV file'));
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('gb18030');
  }
}

/** Decodes a byte stream to text, choosing the encoding from the first 64 KiB. BOMs are dropped. */
export async function* decodeText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let head: Buffer[] = [];
  let headLength = 0;
  let decoder: TextDecoder | undefined;
  const decode = (chunk: Buffer, stream: boolean): string => {
    try {
      return decoder!.decode(chunk, { stream });
    } catch {
      throw new SourceError(
        'encoding_error',
        text(
          '文件中有无法识别的字符（编码不一致），请另存为 UTF-8 CSV 后重试',
          'The file contains bytes that are not valid text in its encoding; save it as UTF-8 CSV and try again',
        ),
      );
    }
  };
  for await (const chunk of bytes) {
    if (decoder) {
      yield decode(chunk, true);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength < SNIFF_BYTES) continue;
    const all = Buffer.concat(head);
    head = [];
    decoder = chooseDecoder(all);
    yield decode(all, true);
  }
  if (!decoder) {
    const all = Buffer.concat(head);
    if (all.length === 0) return;
    decoder = chooseDecoder(all);
    yield decode(all, true);
  }
  yield decode(Buffer.alloc(0), false);
}

function guessDelimiter(sample: string): string {
  const firstLine = sample.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** `="00123"` is how CSV exports keep Excel from eating leading zeros and long digit strings. */
function unwrapExcelText(cell: string): string {
  return cell.length >= 3 && cell.startsWith('="') && cell.endsWith('"') ? cell.slice(2, -1).replace(/""/g, '"') : cell;
}

export async function* csvRows(bytes: Readable, delimiter?: string): AsyncGenerator<RawRow> {
  const chunks = decodeText(bytes);
  const first = await chunks.next();
  if (first.done) return;
  async function* all(): AsyncGenerator<string> {
    yield first.value as string;
    yield* chunks;
  }
  const parser = parseCsv({
    delimiter: delimiter ?? guessDelimiter(first.value as string),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  });
  const input = Readable.from(all());
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record.map(unwrapExcelText) };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new SourceError(
      'file_unreadable',
      text(
        `CSV 格式错误（第 ${rowNumber + 1} 行附近）：${message}`,
        `The CSV is malformed near row ${rowNumber + 1}: ${message}`,
      ),
    );
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Value of an ExcelJS cell as a plain raw cell: rich text joined, formulas by their result. */
export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('result' in v) return toRawCell(v.result);
    if (v.error !== undefined) return v.error;
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

interface StreamWorksheet extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

export async function* xlsxRows(bytes: Readable, sheetName?: string): AsyncGenerator<RawRow> {
  const excel = await loadExcel();
  const workbook = new excel.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  for await (const sheet of workbook as AsyncIterable<StreamWorksheet>) {
    sheets++;
    if (sheetName !== undefined && sheet.name?.trim() !== sheetName.trim()) {
      for await (const _row of sheet); // skip: the zip entry must still be read through
      continue;
    }
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(toRawCell(values[i]));
      yield { rowNumber: row.number, cells };
    }
    return;
  }
  throw sheets === 0
    ? new SourceError('file_unreadable', text('xlsx 文件中没有工作表', 'The xlsx file has no worksheet'))
    : new SourceError('sheet_not_found', text(`找不到工作表“${sheetName}”`, `No worksheet named "${sheetName}"`));
}
