/**
 * One way each (issue #12 item 6), checked over the source: a module's SQL lives in its repos, and
 * lists answer keyset pages rather than capping silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.ts$/.test(e.name) && !/\.(test|fixtures|testing)\.ts$/.test(e.name) ? [p] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f);

describe('one way each', () => {
  it('modules run SQL only in their repos (*.repo.ts)', () => {
    const offenders = files(path.join(ROOT, 'src/server/modules'))
      .filter((f) => !f.endsWith('.repo.ts'))
      .filter((f) => /\.(query|owner\.query)\s*[<(]/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('the CLI runs no SQL of its own', () => {
    const offenders = files(path.join(ROOT, 'src/cli'))
      .filter((f) => /\.query\s*[<(]/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
