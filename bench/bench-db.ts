/**
 * The database a benchmark runs on: PGlite (in memory, or in `pgliteDir`) by default, or a fresh
 * database created on the PostgreSQL server of BENCH_DATABASE_URL and dropped by `drop()` afterwards.
 * `settings` names what the figures were measured on (server version, fsync, commit mode, pool), for
 * bench/README.md.
 */
import pg from 'pg';
import type { Database } from '../src/server/platform/db/db';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';

export interface BenchDatabase {
  db: Database;
  kind: 'pglite' | 'postgresql';
  settings: string;
  drop: () => Promise<void>;
}

export async function openBenchDatabase(
  label: string,
  opts: { pool?: number; pgliteDir?: string; pgliteNote?: string } = {},
): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url)
    return {
      db: await openPglite(opts.pgliteDir),
      kind: 'pglite',
      settings: opts.pgliteNote ?? `PGlite ${opts.pgliteDir ? 'on disk' : 'in memory'} (one session)`,
      drop: async () => {},
    };
  const name = `cocreate_bench_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const show: string[] = [];
  for (const s of ['server_version', 'fsync', 'synchronous_commit', 'max_connections'])
    show.push(`${s}=${Object.values((await admin.query(`SHOW ${s}`)).rows[0])[0]}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    db: await openPostgres(u.toString(), opts.pool),
    kind: 'postgresql',
    settings: `PostgreSQL ${show.join(', ')}${opts.pool ? `, app pool ${opts.pool}` : ''}`,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
