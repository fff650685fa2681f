/**
 * Applies the SQL files in migrations/ in order, each in its own transaction, and records them.
 * A landed migration is never edited: a changed checksum stops the process.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './db';
import { fromRoot } from '../../paths';
import { OperatorError } from '../errors';

export const MIGRATIONS_DIR = fromRoot('migrations');

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends OperatorError {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

const editedError = (file: MigrationFile) =>
  new MigrationError(
    `迁移 ${file.version}_${file.name} 在应用后被修改 / migration ${file.version}_${file.name} was edited after it was applied; add a new migration instead`,
  );

/** Migration files not applied yet to `db` (what `serve` refuses to start with). */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const { rows } = await db.owner.query<{ version: string }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  return (await readMigrations(dir)).filter((m) => !applied.has(m.version));
}

/** Returns the versions applied by this call. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  await db.owner.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  // One read of what is applied (a start with nothing to do costs one query, not one transaction per
  // file); a file not applied yet is checked again under the lock, against a concurrent migrate.
  const known = new Map(
    (
      await db.owner.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')
    ).rows.map((r) => [r.version, r.checksum]),
  );
  const applied: string[] = [];
  for (const file of files) {
    const checksum = known.get(file.version);
    if (checksum !== undefined) {
      if (checksum !== file.checksum) throw editedError(file);
      continue;
    }
    const done = await db.ownerTransaction(async (tx) => {
      // Serialise concurrent migrators on PostgreSQL; harmless on PGlite.
      await tx.query('SELECT pg_advisory_xact_lock(7201081)');
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [file.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== file.checksum) throw editedError(file);
        return false;
      }
      await tx.exec(file.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        file.version,
        file.name,
        file.checksum,
      ]);
      return true;
    });
    if (done) applied.push(file.version);
  }
  return applied;
}
