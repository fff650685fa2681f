/**
 * ExcelJS, imported on first use: loading it costs ~0.4 s of start-up, and only sheet imports,
 * templates and exports need it (see bench/README.md "Start-up").
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** Decodes UTF-8 across chunk boundaries: a character split between two chunks stays whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

const MENDED = Symbol.for('cocreate.exceljs.utf8-mend');

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: { setEncoding?: (e: string) => void }): unknown;
}

/**
 * ExcelJS 4.4's streaming reader decodes each inflated chunk of a sheet's XML on its own
 * (lib/utils/parse-sax.js), so a Chinese character split across two 16 KB chunks becomes two U+FFFD
 * (exceljs/exceljs#2063, #2084; fixes proposed in #1665, #2081, not released). Its XML parser takes
 * text as is, so the worksheets and shared strings are handed over as text decoded across chunks.
 */
function mendStreamingDecoder(excel: typeof ExcelJS): void {
  const proto = excel.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals & { [MENDED]?: true };
  if (proto[MENDED]) return; // one ExcelJS per process, maybe several loaders (test isolation)
  proto[MENDED] = true;
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function')
    throw new Error('exceljs changed: check the streaming reader’s UTF-8 mend in platform/sheets/excel.ts');
  proto._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, utf8Text(iterator), sheetNo);
  };
  proto._parseSharedStrings = function (entry) {
    entry.setEncoding?.('utf8');
    return parseSharedStrings.call(this, entry);
  };
}

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => {
    mendStreamingDecoder(m.default);
    return m.default;
  });
  return loading;
}

type WriterOptions = NonNullable<ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]>;

/** A streaming xlsx writer (ExcelJS loaded on the first call). */
export async function xlsxWriter(opts: WriterOptions): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const excel = await loadExcel();
  return new excel.stream.xlsx.WorkbookWriter(opts);
}
