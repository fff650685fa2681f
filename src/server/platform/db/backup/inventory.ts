/** What a backup records about its database, and the checks a restore makes against it. */
import type { Queryable } from '../db';
import { readMigrations } from '../migrate';
import type { BackupManifest } from './backup-file';
import { BackupError } from './errors';

/** Rows per table of the public schema, by name. */
export async function tableCounts(q: Queryable): Promise<Record<string, number>> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const out: Record<string, number> = {};
  for (const { name } of rows) {
    const r = await q.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM "${name.replace(/"/g, '""')}"`);
    out[name] = Number(r.rows[0].n);
  }
  return out;
}

export async function appliedMigrations(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((r) => r.version);
}

export async function serverVersion(q: Queryable): Promise<{ version: string; major: number }> {
  const { rows } = await q.query<{ v: string; n: string }>(
    `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`,
  );
  return { version: rows[0].v.split(' ')[0], major: Math.floor(Number(rows[0].n) / 10000) };
}

/** Relations in the public schema: a target with any is not empty. */
export async function relationCount(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public'`,
  );
  return Number(rows[0].n);
}

/** Refuses a backup whose schema is newer than this version of Cocreate knows. */
export async function checkMigrationsKnown(manifest: BackupManifest): Promise<void> {
  const known = new Set((await readMigrations()).map((m) => m.version));
  const unknown = manifest.migrations.filter((v) => !known.has(v));
  if (unknown.length) {
    throw new BackupError(
      `备份来自更新的版本（迁移 ${unknown.join(', ')}）/ the backup was made by a newer Cocreate (migrations ${unknown.join(', ')}): restore it with that version or newer`,
    );
  }
}

/** Tables whose row count differs from the manifest's, as "table: expected → found". */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.filter((n) => expected[n] !== found[n]).map((n) => `${n}: ${expected[n] ?? '—'} → ${found[n] ?? '—'}`);
}
