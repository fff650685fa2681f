// Compiles the CLI and server (src/**/*.ts) to one ESM bundle in dist/server with esbuild: code
// splitting keeps each command's code in its own chunk, loaded only when that command runs.
// `node bin/build-server.mjs` builds; bin/cocreate.mjs calls ensureServerBuilt() and rebuilds
// when a source is newer than the last build (a checkout or an edit), so the bundle never runs stale.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/server');
const STAMP = path.join(OUT, '.built');
const ENTRY = path.join(OUT, 'cli/main.js');
const INPUTS = ['src', 'package.json', 'package-lock.json', 'bin/build-server.mjs'];
// Packages compiled into the bundle instead of imported from node_modules at run time: typebox is
// ~700 small ES modules, and loading them one by one cost ~0.5 s of every start (bench/README.md
// "Start-up"). Other packages stay external (native addons, WebAssembly, files found next to their code).
const BUNDLED = ['typebox'];

function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
    else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const i of INPUTS) walk(path.join(ROOT, i));
  return newest;
}

/** Marks every bare import external except the packages in `bundled` (and their subpaths). */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = args.path
          .split('/')
          .slice(0, args.path.startsWith('@') ? 2 : 1)
          .join('/');
        return bundled.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

export async function buildServer() {
  const { build } = await import('esbuild');
  // Built beside, then swapped in: a command already running from the old build keeps its files
  // until the swap, and chunk names change with their content, so no stale chunk survives.
  const tmp = path.join(ROOT, 'dist', `.server-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outdir: tmp,
    outbase: path.join(ROOT, 'src'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalExcept(BUNDLED)],
    sourcemap: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
  writeFileSync(path.join(tmp, '.built'), new Date().toISOString());
  rmSync(OUT, { recursive: true, force: true });
  renameSync(tmp, OUT);
}

/** Builds when there is no build or a source changed since; returns the entry's URL. */
export async function ensureServerBuilt() {
  const built = existsSync(ENTRY) && existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  if (!built || newestSource() > built) await buildServer();
  return pathToFileURL(ENTRY).href;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log(`built ${path.relative(ROOT, ENTRY)}`);
}
