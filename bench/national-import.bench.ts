/**
 * National division tree import (`cocreate init --all`) and subtree counts, on PGlite (temporary
 * data dir) and, when BENCH_DATABASE_URL is set, on PostgreSQL (a fresh database created there).
 * Run: npx tsx bench/national-import.bench.ts   (BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { countSubtreeByKind } from '../src/server/modules/divisions/divisions.repo';
import { importNational } from '../src/server/init';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';

async function timeQueries(db: Database) {
  const out: Record<string, number> = {};
  for (const [label, code] of [
    ['province 42', '42'],
    ['county 421081', '421081'],
    ['town 421081107', '421081107'],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      await countSubtreeByKind(db, code);
      times.push(performance.now() - t);
    }
    out[label] = Number(times.sort((a, b) => a - b)[10].toFixed(2));
  }
  return out;
}

async function run(kind: 'pglite' | 'postgresql', db: Database) {
  await migrate(db);
  const s = await importNational(db);
  const counts = await countSubtreeByKind(db, '42');
  return {
    backend: kind,
    importSeconds: Number(s.seconds.toFixed(1)),
    byLevel: s.byLevel,
    hubeiVillages: (counts.village_committee ?? 0) + (counts.residents_committee ?? 0) + (counts.other_village ?? 0),
    subtreeCountMedianMs: await timeQueries(db),
  };
}

const results = [];
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-bench-'));
try {
  const lite = await openPglite(path.join(dir, 'pgdata'));
  results.push(await run('pglite', lite));
  await lite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const name = `cocreate_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString());
  results.push(await run('postgresql', db));
  await db.close();
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}
for (const r of results)
  console.log(
    `${r.backend}: import ${r.importSeconds} s, subtree counts (median ms) ${JSON.stringify(r.subtreeCountMedianMs)}`,
  );
console.log(JSON.stringify(results));
