#!/usr/bin/env node
/**
 * The resident app's budget for weak networks (issue #11): the JavaScript a phone must fetch before the
 * sign-in page is usable — the /m entry and every chunk it imports statically, as the build wrote them
 * (brotli, .br) — stays within BUDGET_KB. Pages behind the sign-in load later (web/m/lazy.tsx) and are
 * not counted. Reads dist/web/.vite/manifest.json (`npm run build:web` first); exits 1 over budget.
 *
 *   node scripts/bundle-budget.mjs [--json]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';

const BUDGET_KB = 120;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/web');
const MANIFEST = path.join(DIST, '.vite/manifest.json');

if (!existsSync(MANIFEST)) {
  console.error(`no build manifest at ${MANIFEST}: run \`npm run build:web\` first`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));

/** The chunks loaded before anything is shown: the entry and its static imports, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) staticClosure(k, seen);
  return seen;
}

const brotliBytes = (file) => {
  const full = path.join(DIST, file);
  return existsSync(`${full}.br`) ? statSync(`${full}.br`).size : brotliCompressSync(readFileSync(full)).length;
};

const chunks = [...staticClosure('m/index.html')].map((k) => ({
  file: manifest[k].file,
  raw: statSync(path.join(DIST, manifest[k].file)).size,
  br: brotliBytes(manifest[k].file),
}));
const js = chunks.filter((c) => c.file.endsWith('.js'));
const total = js.reduce((s, c) => s + c.br, 0);
const kb = (n) => (n / 1024).toFixed(1);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: BUDGET_KB, totalKb: Number(kb(total)), chunks: js }));
} else {
  for (const c of js.sort((a, b) => b.br - a.br))
    console.log(`${kb(c.br).padStart(7)} KB br  ${kb(c.raw).padStart(7)} KB  ${c.file}`);
  console.log(
    `${kb(total).padStart(7)} KB of brotli JavaScript before the resident sign-in page is usable (budget ${BUDGET_KB} KB)`,
  );
}
if (total > BUDGET_KB * 1024) {
  console.error(
    `over budget: ${kb(total)} KB > ${BUDGET_KB} KB (see web/m/lazy.tsx: pages behind the sign-in load on first visit)`,
  );
  process.exit(1);
}
