import { PGlite } from '@electric-sql/pglite';
import { type Database, type Queryable, type QueryResult, SET_APP_ROLE } from './db';

type Exec = Queryable & { exec(sql: string): Promise<void> };

/**
 * PGlite's float parser refuses subnormal numbers (|x| < 2.2e-308: "value out of range: underflow")
 * that PostgreSQL stores; they are sent as 0, as flush-to-zero arithmetic would, so such input
 * (a longitude of 5e-323) behaves alike on both backends instead of failing on one.
 */
const MIN_NORMAL = 2.2250738585072014e-308;
const param = (p: unknown): unknown =>
  typeof p === 'number' ? (p !== 0 && Math.abs(p) < MIN_NORMAL ? 0 : p) : Array.isArray(p) ? p.map(param) : p;

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Exec {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params.map(param));
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/** PGlite is one session: roles and settings are only ever set transaction-locally (SET LOCAL). */
/** The PGlite backend also exposes its instance (data-dir dumps for tests and backups). */
export type PgliteDatabase = Database & { readonly pglite: PGlite };

export function pgliteDatabase(pg: PGlite): PgliteDatabase {
  const owner = wrap(pg);
  return {
    kind: 'pglite',
    owner,
    pglite: pg,
    async transaction(fn) {
      return pg.transaction(async (tx) => {
        await tx.exec(SET_APP_ROLE);
        return fn(wrap(tx));
      });
    },
    async query<T>(sql: string, params?: readonly unknown[]) {
      return pg.transaction(async (tx) => {
        await tx.exec(SET_APP_ROLE);
        return wrap(tx).query<T>(sql, params);
      });
    },
    async ownerTransaction(fn) {
      return pg.transaction(async (tx) => fn(wrap(tx)));
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}

/** Opens (creating if needed) a file-backed PGlite in dataDir, or in memory when dataDir is undefined. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PgliteDatabase> {
  // int8 and numeric as numbers, as on the PostgreSQL backend (see postgres.ts).
  const parsers = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };
  const pg = await PGlite.create(dataDir, loadDataDir ? { loadDataDir, parsers } : { parsers });
  return pgliteDatabase(pg);
}
