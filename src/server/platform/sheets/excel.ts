/**
 * ExcelJS, imported on first use: loading it costs ~0.4 s of start-up, and only sheet imports,
 * templates and exports need it (see bench/README.md "Start-up").
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}

type WriterOptions = NonNullable<ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]>;

/** A streaming xlsx writer (ExcelJS loaded on the first call). */
export async function xlsxWriter(opts: WriterOptions): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const excel = await loadExcel();
  return new excel.stream.xlsx.WorkbookWriter(opts);
}
