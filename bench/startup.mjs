#!/usr/bin/env node
// Start-up times of the compiled CLI (dist/server), as an operator sees them:
//   --help    spawn of `node bin/cocreate.mjs --help` → exit;
//   serve     spawn of `node bin/cocreate.mjs serve` on an already migrated database → first 200 from GET /api/health
//             (PGlite in a temporary DATA_DIR; also PostgreSQL when DATABASE_URL is given: a fresh database is
//             created on that server, migrated, used and dropped);
//   classify  spawn of `node bin/cocreate.mjs classify` with a 3-row CSV on stdin → first output row on stdout.
// Usage: node bench/startup.mjs [--runs 5] [--only help,serve,classify]   (median, min and max of the runs)
// The bundle is built (if stale) before timing, so no run pays for esbuild.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt } from '../bin/build-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin/cocreate.mjs');
const SECRET = 'bench-startup-secret-0123456789abcdef0123456789';
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('runs', '5'));
const ONLY = new Set(opt('only', 'help,serve,classify').split(','));

/** CPU time (user + system, all threads) a running process has used so far, in ms; NaN off Linux. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
  } catch {
    return Number.NaN;
  }
}

/** The parent's environment with `extra` on top; an `undefined` value removes the variable. */
const envWith = (extra) => {
  const env = { ...process.env, ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
};

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function cli(args, env, input) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: envWith(env), input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cocreate ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function timeHelp() {
  const t0 = performance.now();
  cli(['--help'], {});
  return { wall: performance.now() - t0, cpu: Number.NaN };
}

/** Spawns serve and polls /api/health every 10 ms; resolves with ms to the first 200, then stops the server. */
async function timeServe(env) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: envWith({ ...env, PORT: String(port), HOST: '127.0.0.1', COCREATE_SECRET: SECRET, LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let done = false;
  exited.then(() => {
    done = true;
  });
  try {
    for (;;) {
      if (done) throw new Error(`serve exited before answering: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { wall: performance.now() - t0, cpu: cpuMs(child.pid) };
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** ms from spawn to the first data row (the line after the header) of `classify`. */
function timeClassify() {
  const csv =
    'id,title,body\n1,路灯坏了,小区门口的路灯坏了一个星期\n2,噪音,夜间施工噪音扰民\n3,工资,公司拖欠工资三个月\n';
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'classify'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let first;
    child.stdout.on('data', (d) => {
      out += d;
      if (!first && out.split('\n').length > 2) first = { wall: performance.now() - t0, cpu: cpuMs(child.pid) };
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) =>
      code === 0 && first ? resolve(first) : reject(new Error(`classify ${code}: ${err}`)),
    );
    child.stdin.end(csv);
  });
}

async function series(name, fn) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fn());
  const stats = (xs) => {
    xs.sort((a, b) => a - b);
    const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
    return `median ${f(xs[Math.floor(xs.length / 2)])} (min ${f(xs[0])}, max ${f(xs.at(-1))})`;
  };
  const cpu = runs.map((r) => r.cpu);
  console.log(
    `${name.padEnd(28)} wall ${stats(runs.map((r) => r.wall))}` +
      (cpu.some(Number.isNaN) ? '' : `  cpu ${stats(cpu)}`) +
      `  [${RUNS} runs]`,
  );
}

async function withPostgres(url, fn) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `bench_startup_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await ensureServerBuilt();
console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (ONLY.has('help')) await series('--help', timeHelp);
if (ONLY.has('classify')) await series('classify → first row', timeClassify);
if (ONLY.has('serve')) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cocreate-bench-startup-'));
  try {
    cli(['migrate'], { DATA_DIR: dataDir, DATABASE_URL: undefined });
    await series('serve → /api/health (PGlite)', () => timeServe({ DATA_DIR: dataDir, DATABASE_URL: undefined }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL)
    await withPostgres(process.env.DATABASE_URL, async (url) => {
      cli(['migrate'], { DATABASE_URL: url });
      await series('serve → /api/health (PG)', () => timeServe({ DATABASE_URL: url }));
    });
}
