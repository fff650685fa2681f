/**
 * One small interface over the two backends: embedded PGlite (default) and PostgreSQL (node-postgres).
 * Repositories take a `Queryable` so they run the same inside or outside a transaction.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Prepares the statement once per connection under this name (PostgreSQL; PGlite ignores it):
   * for hot statements whose planning costs more than their execution. One name, one SQL text.
   */
  name?: string;
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<T>>;
}

export type BackendKind = 'pglite' | 'postgresql';

export interface Database extends Queryable {
  readonly kind: BackendKind;
  /**
   * Runs fn in one transaction as the application's database role (cocreate_app), which cannot
   * update or delete append-only tables. Commits when fn resolves, rolls back when it throws.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** `query` on the database itself runs in its own short transaction as the application role. */
  /** Owner-level access for migrations, imports and maintenance commands. Not for request handling. */
  readonly owner: Queryable & { exec(sql: string): Promise<void> };
  /** Owner-level transaction (migrations, bulk imports). */
  ownerTransaction<T>(fn: (tx: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The PostgreSQL role requests run as. Created by the first migration. */
export const APP_ROLE = 'cocreate_app';
export const SET_APP_ROLE = `SET LOCAL ROLE ${APP_ROLE}`;

/** Connection-level failures that mean "database unavailable" rather than a bug. */
export function isUnavailableError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'EPIPE',
    '57P01',
    '57P02',
    '57P03',
    '08000',
    '08001',
    '08003',
    '08004',
    '08006',
    '53300',
  ];
  if (e.code && codes.includes(e.code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|PGlite is closed|Cannot use a pool after calling end/i.test(
    e.message ?? '',
  );
}
