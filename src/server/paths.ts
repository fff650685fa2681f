/**
 * Where the project's files are, the same from the TypeScript sources (tsx, vitest) and from the
 * compiled bundle in dist/: the root is the nearest folder above this module with cocreate's
 * package.json. Data shipped with the code (migrations, taxonomy, county outlines) is found from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cocreate') return dir;
    if (path.dirname(dir) === dir) throw new Error(`cocreate's package.json not found above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const fromRoot = (...parts: string[]): string => path.join(ROOT, ...parts);
