/**
 * Batch classification of a CSV stream (台账 import): reads `id,title,body` (any column order, other
 * columns ignored, RFC 4180 quoting) and writes `id,label,probability`, one line per input row, in
 * input order, streaming with back-pressure. A row with no text gets an empty label and probability.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { fail, ok, type Result } from '../../platform/errors';
import { textProblem } from '../../platform/text';
import { CsvParseError, CsvParser, csvLine } from './classifier.csv-parser';
import './classifier.errors';
import { predictLabel, type ClassifierModel } from './classifier.model';

export type CsvFailure =
  | 'classifier_csv_empty'
  | 'classifier_csv_header'
  | 'classifier_csv_malformed'
  | 'classifier_csv_text_invalid';
export type CsvClassifyResult = Result<{ rows: number; unclassified: number }, CsvFailure>;

export interface CsvClassifyOptions {
  /** End the output stream when done (default true). */
  end?: boolean;
}

interface Columns {
  id: number;
  title: number;
  body: number;
}

function findColumns(header: string[]): Columns | Result<never, 'classifier_csv_header'> {
  const names = header.map((h) => h.trim().toLowerCase());
  const col = { id: names.indexOf('id'), title: names.indexOf('title'), body: names.indexOf('body') };
  const missing = Object.entries(col)
    .filter(([, i]) => i < 0)
    .map(([name]) => name);
  return missing.length > 0 ? fail('classifier_csv_header', { missing: missing.join(', ') }) : col;
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
        if ('ok' in found) return found;
        columns = found;
        await write(output, csvLine(['id', 'label', 'probability']));
        continue;
      }
      const field = (i: number): string => record[i] ?? '';
      const bad = (['id', 'title', 'body'] as const).find((c) => textProblem(field(columns![c])));
      if (bad) return fail('classifier_csv_text_invalid', { row: rows + 1, column: bad });
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
    if (e instanceof CsvParseError) return fail('classifier_csv_malformed', { problem: e.problem, line: e.line });
    throw e;
  }
  if (!columns) return fail('classifier_csv_empty');
  if (options.end ?? true) await finish(output);
  return ok({ rows, unclassified });
}
