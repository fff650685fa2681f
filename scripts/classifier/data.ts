/**
 * Reads the labelled training CSV for the classifier scripts. The data is never copied into the
 * repository: by default it is read from ../shared/data/complaints-train.csv next to the project
 * root; override with `--data <path>` or CLASSIFIER_DATA.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/server/modules/classifier/classifier.csv-parser';
import type { Example } from '../../src/server/modules/classifier/classifier.model';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function dataPath(): string {
  return path.resolve(
    argValue('data') ?? process.env.CLASSIFIER_DATA ?? path.join(PROJECT_ROOT, '../shared/data/complaints-train.csv'),
  );
}

export interface LabelledRow extends Example {
  id: string;
}

/** Rows with columns id, category (or label), title, body in any order. */
export async function readLabelledCsv(file: string): Promise<LabelledRow[]> {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
  const col = (name: string): number => header.findIndex((h) => h.trim().toLowerCase() === name);
  const id = col('id');
  const label = col('category') >= 0 ? col('category') : col('label');
  const title = col('title');
  const body = col('body');
  if ([id, label, title, body].some((c) => c < 0))
    throw new Error(`${file}: need columns id, category|label, title, body`);
  return rows
    .filter((r) => r.length >= header.length)
    .map((r) => ({ id: r[id], label: r[label].trim(), title: r[title], body: r[body] }));
}
