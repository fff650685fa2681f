/** Builds the web apps when their sources changed since the last build (npm start). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './serve';

const ROOT = path.resolve(WEB_DIST, '../..'); // the project root
const INPUTS = ['web', 'src/contracts', 'vite.config.ts', 'scripts/vite-resident-pwa.ts', 'package-lock.json'];

function hashTree(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(p).update(readFileSync(p));
  };
  for (const i of INPUTS) walk(path.join(ROOT, i));
  return h.digest('hex');
}

export async function buildWebIfNeeded(): Promise<void> {
  const stamp = path.join(WEB_DIST, '.source-hash');
  const current = hashTree();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return;
  console.log('正在构建网页 Building the web apps (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, current);
}
