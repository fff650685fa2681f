import pg from 'pg';
import { APP_ROLE, type Database, type Queryable, type QueryOptions, type QueryResult } from './db';

type Exec = Queryable & { exec(sql: string): Promise<void> };

function wrap(c: pg.Pool | pg.PoolClient): Exec {
  return {
    async query<T>(sql: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<QueryResult<T>> {
      const r = options?.name
        ? await c.query({ name: options.name, text: sql, values: params as unknown[] })
        : await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

// int8 and numeric come back as numbers: counts and sums in this schema stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

async function inTx<T>(pool: pg.Pool, fn: (tx: Exec) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await fn(wrap(c));
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

/**
 * Two pools on one database: the owner pool (migrations, imports, maintenance) and the
 * application pool whose sessions start as cocreate_app (`-c role=...`), so every request runs
 * without the privileges to rewrite append-only tables. The app pool opens lazily, after the
 * migration that creates the role.
 */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const ownerPool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  ownerPool.on('error', () => {}); // an idle client dropping must not crash the process
  const probe = await ownerPool.connect(); // fails fast when the database is unreachable
  probe.release();
  let appPool: pg.Pool | undefined;
  const app = () => {
    if (!appPool) {
      appPool = new pg.Pool({
        connectionString: url,
        max,
        connectionTimeoutMillis: 5000,
        options: `-c role=${APP_ROLE} -c plan_cache_mode=force_generic_plan`,
      });
      appPool.on('error', () => {});
    }
    return appPool;
  };
  return {
    kind: 'postgresql',
    owner: wrap(ownerPool),
    transaction: (fn) => inTx(app(), fn),
    query: <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      wrap(app()).query<T>(sql, params, options),
    ownerTransaction: (fn) => inTx(ownerPool, fn),
    async close() {
      await Promise.all([ownerPool.end(), appPool?.end()]);
    },
  };
}
