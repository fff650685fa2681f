/**
 * `cocreate backup FILE` and `cocreate restore FILE` for the configured backend: PostgreSQL
 * (DATABASE_URL, pg_dump/pg_restore) or PGlite (DATA_DIR, its data-dir dump). See backup-file.ts
 * for the file. A restore checks the file before touching anything, refuses a backup of the other
 * backend or of a newer schema, creates what the target lacks, then compares row counts with the
 * manifest and applies pending migrations.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../../../config';
import type { BackendKind, Database } from '../db';
import { migrate } from '../migrate';
import { openDatabase } from '../open';
import { openPglite } from '../pglite';
import { type BackupManifest, readBackupFile, verifyPayload } from './backup-file';
import { backupPglite, pgliteDir, restorePglite } from './backup-pglite';
import { backupPostgres, restorePostgres } from './backup-postgres';
import { BackupError } from './errors';
import { checkMigrationsKnown, countDifferences, relationCount, tableCounts } from './inventory';

type DbConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>;

const BACKEND_NAMES: Record<BackendKind, string> = {
  postgresql: 'PostgreSQL（DATABASE_URL）',
  pglite: 'PGlite（DATA_DIR，未设置 DATABASE_URL / DATABASE_URL unset）',
};

export async function backupDatabase(
  config: DbConfig,
  file: string,
  opts: { force: boolean },
): Promise<BackupManifest> {
  if (existsSync(file) && !opts.force)
    throw new BackupError(`文件已存在 File exists: ${file} (add --force to overwrite it)`);
  if (!config.databaseUrl && !existsSync(pgliteDir(config.dataDir))) {
    throw new BackupError(
      `没有可备份的数据库 No database to back up in ${pgliteDir(config.dataDir)} (set DATA_DIR, or DATABASE_URL for PostgreSQL)`,
    );
  }
  const lite = config.databaseUrl ? null : await openPglite(pgliteDir(config.dataDir));
  const db = lite ?? (await openDatabase(config, { migrate: false }));
  try {
    if ((await relationCount(db.owner)) === 0)
      throw new BackupError('数据库是空的，没有可备份的内容 The database is empty: nothing to back up');
    return lite ? await backupPglite(lite, file) : await backupPostgres(db, config.databaseUrl!, file);
  } finally {
    await db.close();
  }
}

export interface RestoreReport {
  /** The restored database, open: the caller runs its checks on it and closes it. */
  db: Database;
  manifest: BackupManifest;
  /** Tables whose row count differs from the backup's manifest (empty when all match). */
  differences: string[];
  /** Migrations applied after the restore (a backup of an older schema). */
  migrated: string[];
}

export async function restoreDatabase(
  config: DbConfig,
  file: string,
  opts: { force: boolean },
): Promise<RestoreReport> {
  const manifest = await readBackupFile(file);
  const target: BackendKind = config.databaseUrl ? 'postgresql' : 'pglite';
  if (manifest.backend !== target) {
    throw new BackupError(
      `此备份来自 ${BACKEND_NAMES[manifest.backend]}，不能恢复到 ${BACKEND_NAMES[target]}\n` +
        `This is a ${manifest.backend} backup and the configured database is ${target}: restore it with the same backend ` +
        `(${manifest.backend === 'pglite' ? 'unset DATABASE_URL and set DATA_DIR' : 'set DATABASE_URL'}).`,
    );
  }
  await checkMigrationsKnown(manifest);
  await verifyPayload(file, manifest);
  let db: Database;
  if (target === 'postgresql') {
    await restorePostgres(config.databaseUrl!, file, manifest, opts.force);
    db = await openDatabase(config, { migrate: false });
  } else {
    db = await restorePglite(config.dataDir, file, manifest, opts.force);
  }
  try {
    const differences = countDifferences(manifest.tables, await tableCounts(db.owner));
    const migrated = await migrate(db);
    return { db, manifest, differences, migrated };
  } catch (err) {
    await db.close();
    throw err;
  }
}
