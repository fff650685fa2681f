/**
 * PGlite backups: PGlite's own dump of its data directory (a gzipped tarball, dumpDataDir), loaded
 * back with loadDataDir into DATA_DIR/pgdata. Roles live inside the data directory, so the
 * application role comes back with it. PGlite is one process: stop the server first.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type PgliteDatabase, openPglite } from '../pglite';
import { type BackupManifest, HEADER_BYTES, writeBackupFile } from './backup-file';
import { BackupError } from './errors';
import { appliedMigrations, serverVersion, tableCounts } from './inventory';

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pgdata');

export async function backupPglite(db: PgliteDatabase, file: string): Promise<BackupManifest> {
  const server = await serverVersion(db.owner);
  const draft = {
    backend: 'pglite' as const,
    payload: 'pglite-datadir-tar-gz' as const,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(db.owner),
    server,
    tool: `PGlite (PostgreSQL ${server.version})`,
    toolMajor: server.major,
    tables: await tableCounts(db.owner),
  };
  const dump = await db.pglite.dumpDataDir('gzip');
  return writeBackupFile(file, draft, async (sink: Writable) => {
    for await (const chunk of dump.stream()) {
      if (!sink.write(Buffer.from(chunk))) await once(sink, 'drain');
    }
  });
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Loads the backup into DATA_DIR/pgdata and returns it open. A non-empty target (--force) is
 * replaced only once the backup has opened in a staging directory beside it.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  manifest: BackupManifest,
  force: boolean,
): Promise<PgliteDatabase> {
  const target = pgliteDir(dataDir);
  const replace = !isEmptyDir(target);
  if (replace && !force) {
    throw new BackupError(
      `数据目录不是空的 The data directory is not empty: ${target}\n换一个 DATA_DIR，或加 --force 替换其中全部数据 / use another DATA_DIR, or add --force to replace everything in it`,
    );
  }
  const dir = replace ? `${target}.restoring` : target;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const payload = (await readFile(file)).subarray(HEADER_BYTES);
  let db: PgliteDatabase;
  try {
    db = await openPglite(dir, new Blob([payload], { type: 'application/x-gzip' }));
    await db.owner.query('SELECT 1');
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new BackupError(
      `PGlite 无法打开此备份 PGlite cannot open this backup (made with ${manifest.tool}): ${(err as Error).message}`,
    );
  }
  if (!replace) return db;
  await db.close();
  await rm(target, { recursive: true, force: true });
  await rename(dir, target);
  return openPglite(target);
}
