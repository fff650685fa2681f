/**
 * PostgreSQL backups: pg_dump's custom format from one exported snapshot (the manifest's row
 * counts are of the same moment), restored with pg_restore in one transaction after creating the
 * application role; owners become the restoring user.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../db';
import { openPostgres } from '../postgres';
import { ensureAppRole, grantAppDefaults } from './app-role';
import { type BackupManifest, payloadStream, writeBackupFile } from './backup-file';
import { BackupError } from './errors';
import { appliedMigrations, relationCount, serverVersion, tableCounts } from './inventory';
import { findPgTool } from './pg-tools';
import { connection, runTool } from './tools-run';

export async function backupPostgres(db: Database, url: string, file: string): Promise<BackupManifest> {
  const conn = connection(url);
  return db.ownerTransaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await tx.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
    const server = await serverVersion(tx);
    const tool = await findPgTool('pg_dump', server.major);
    const draft = {
      backend: 'postgresql' as const,
      payload: 'pg_dump-custom' as const,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(tx),
      server,
      tool: tool.version,
      toolMajor: tool.major,
      tables: await tableCounts(tx),
    };
    return writeBackupFile(file, draft, (sink) =>
      runTool(tool, ['--format=custom', `--snapshot=${rows[0].s}`, '--no-password', `--dbname=${conn.dbname}`], conn, {
        stdout: sink,
      }).then(() => {}),
    );
  });
}

/** Opens the target database, creating it when the server has no database of that name. */
async function openOrCreate(url: string): Promise<Database> {
  try {
    return await openPostgres(url, 1);
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    const u = new URL(url);
    const name = decodeURIComponent(u.pathname.slice(1));
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
    return openPostgres(url, 1);
  }
}

/** Restores into the database at url (created if missing); refuses a non-empty one unless force. */
export async function restorePostgres(
  url: string,
  file: string,
  manifest: BackupManifest,
  force: boolean,
): Promise<void> {
  const conn = connection(url);
  const db = await openOrCreate(url);
  const dir = await mkdtemp(path.join(tmpdir(), 'cocreate-restore-'));
  try {
    const server = await serverVersion(db.owner);
    if (manifest.server.major > server.major) {
      throw new BackupError(
        `备份来自 PostgreSQL ${manifest.server.major}，不能恢复到 ${server.major} / a backup of PostgreSQL ${manifest.server.major} cannot be restored into PostgreSQL ${server.major}`,
      );
    }
    const tool = await findPgTool('pg_restore', server.major, manifest.toolMajor);
    // Reading the archive's table of contents checks it before the target is touched.
    const toc = await runTool(tool, ['--list'], conn, { stdin: payloadStream(file) });
    // Default privileges name the original owner, who may not exist here: grantAppDefaults sets ours.
    const list = path.join(dir, 'restore.list');
    await writeFile(
      list,
      toc
        .split('\n')
        .filter((l) => !/ DEFAULT ACL /.test(l))
        .join('\n'),
    );
    if ((await relationCount(db.owner)) > 0) {
      if (!force)
        throw new BackupError(
          '目标数据库不是空的 The target database is not empty: restore into a new database, or add --force to replace everything in it',
        );
      await db.owner.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
    await ensureAppRole(db.owner);
    await runTool(
      tool,
      [
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        '--no-password',
        `--use-list=${list}`,
        `--dbname=${conn.dbname}`,
      ],
      conn,
      { stdin: payloadStream(file) },
    );
    await grantAppDefaults(db.owner);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
