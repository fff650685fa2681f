/**
 * Batch classification of a CSV stream (台账 import): reads `id,title,body` (any column order, other
 * columns ignored, RFC 4180 quoting) and writes `id,label,probability`, one line per input row, in
 * input order, streaming with back-pressure. A row with no text gets an empty label and probability.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { textProblem } from '../../platform/text';
import { CsvParser, csvLine } from './classifier.csv-parser';
import { predictLabel, type ClassifierModel } from './classifier.model';

export type CsvClassifyResult =
  | { ok: true; rows: number; unclassified: number }
  | { ok: false; code: 'classifier_csv_header' | 'classifier_csv_malformed' | 'text_invalid'; message: string };

export interface CsvClassifyOptions {
  /** End the output stream when done (default true). */
  end?: boolean;
}

interface Columns {
  id: number;
  title: number;
  body: number;
}

function findColumns(header: string[]): Columns | string {
  const names = header.map((h) => h.trim().toLowerCase());
  const col = { id: names.indexOf('id'), title: names.indexOf('title'), body: names.indexOf('body') };
  const missing = Object.entries(col)
    .filter(([, i]) => i < 0)
    .map(([name]) => name);
  return missing.length > 0 ? `CSV header lacks column(s): ${missing.join(', ')}` : col;
}

function write(output: Writable, text: string): Promise<void> | undefined {
  if (output.write(text)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      output.off('error', onError);
      resolve();
    };
    const onError = (e: Error): void => {
      output.off('drain', onDrain);
      reject(e);
    };
    output.once('drain', onDrain);
    output.once('error', onError);
  });
}

function finish(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    output.once('error', reject);
    output.end(() => resolve());
  });
}

export async function classifyCsvStream(
  input: Readable,
  output: Writable,
  model: ClassifierModel,
  options: CsvClassifyOptions = {},
): Promise<CsvClassifyResult> {
  const parser = new CsvParser();
  const decoder = new StringDecoder('utf8');
  let columns: Columns | undefined;
  let rows = 0;
  let unclassified = 0;

  const handle = async (records: string[][]): Promise<CsvClassifyResult | undefined> => {
    for (const record of records) {
      if (!columns) {
        const found = findColumns(record);
        if (typeof found === 'string') return { ok: false, code: 'classifier_csv_header', message: found };
        columns = found;
        await write(output, csvLine(['id', 'label', 'probability']));
        continue;
      }
      const field = (i: number): string => record[i] ?? '';
      const bad = (['id', 'title', 'body'] as const).find((c) => textProblem(field(columns![c])));
      if (bad)
        return {
          ok: false,
          code: 'text_invalid',
          message: `第 ${rows + 1} 行（表头之后）${bad} 列含有无效字符 row ${rows + 1} after the header, column ${bad}: a NUL character or an unpaired surrogate`,
        };
      const result = predictLabel(model, { title: field(columns.title), body: field(columns.body) });
      rows++;
      if (!result.ok) unclassified++;
      const line = result.ok
        ? csvLine([field(columns.id), result.value.label, result.value.probability.toFixed(4)])
        : csvLine([field(columns.id), '', '']);
      await write(output, line);
    }
    return undefined;
  };

  try {
    for await (const chunk of input) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      const failed = await handle(parser.push(text));
      if (failed) return failed;
    }
    const failed = await handle([...parser.push(decoder.end()), ...parser.end()]);
    if (failed) return failed;
  } catch (e) {
    if ((e as Error).name === 'CsvParseError') {
      return { ok: false, code: 'classifier_csv_malformed', message: (e as Error).message };
    }
    throw e;
  }
  if (!columns) return { ok: false, code: 'classifier_csv_header', message: 'CSV is empty (no header row)' };
  if (options.end ?? true) await finish(output);
  return { ok: true, rows, unclassified };
}
