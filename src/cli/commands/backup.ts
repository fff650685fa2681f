/** `cocreate backup FILE` and `cocreate restore FILE` (see platform/db/backup/backup.ts). */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { createFieldCrypto } from '../../server/platform/crypto/field-crypto';
import type { Database } from '../../server/platform/db/db';
import type { BackupManifest } from '../../server/platform/db/backup/backup-file';
import { backupDatabase, restoreDatabase } from '../../server/platform/db/backup/backup';
import { anyPhoneCipher } from '../../server/modules/identity/identity.repo';
import { reportAuditChain } from './audit';
import { reportReconcile } from './points';

const SECRET_NOTE =
  '备份不含 COCREATE_SECRET：没有它无法解密个人信息。请把密钥与备份分开保存，两者都要保存。\n' +
  'The backup does not hold COCREATE_SECRET, without which personal data cannot be decrypted: keep the secret apart from the backups, and keep both.';

function fileArg(args: string[], verb: string): string | null {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) console.error(`请给出文件 Give a file: npx cocreate ${verb} FILE`);
  return file ? path.resolve(file) : null;
}

function describe(m: BackupManifest): string {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  return `${m.backend}, PostgreSQL ${m.server.version}, schema ${m.migrations.at(-1) ?? '—'}, ${rows.toLocaleString('en')} rows in ${Object.keys(m.tables).length} tables, made ${m.createdAt}`;
}

export async function backupCommand(args: string[]): Promise<number> {
  const file = fileArg(args, 'backup');
  if (!file) return 2;
  const m = await backupDatabase(loadConfig(process.env), file, { force: args.includes('--force') });
  console.log(`已备份 Backed up to ${file} (${(statSync(file).size / 1048576).toFixed(1)} MiB): ${describe(m)}`);
  console.log(SECRET_NOTE);
  return 0;
}

/** Whether the secret decrypts the restored personal data (null: there is none to try). */
async function secretDecrypts(db: Database, secret: string): Promise<boolean | null> {
  const cipher = await anyPhoneCipher(db.owner);
  if (!cipher) return null;
  try {
    createFieldCrypto(secret).decrypt(cipher);
    return true;
  } catch {
    return false;
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const file = fileArg(args, 'restore');
  if (!file) return 2;
  const config = loadConfig(process.env);
  const r = await restoreDatabase(config, file, { force: args.includes('--force') });
  try {
    console.log(`已恢复 Restored ${file}: ${describe(r.manifest)}`);
    if (r.migrated.length) console.log(`已应用迁移 Applied migrations: ${r.migrated.join(', ')}`);
    if (r.differences.length)
      console.error(`行数与备份不符 Row counts differ from the backup's:\n  ${r.differences.join('\n  ')}`);
    else console.log('行数与备份一致 Row counts match the backup');
    if ((await secretDecrypts(r.db, config.secret)) === false) {
      console.warn(
        '警告 Warning: COCREATE_SECRET 无法解密恢复的个人信息 does not decrypt the restored personal data: set the secret the backed-up system used.',
      );
    }
    const audit = await reportAuditChain(r.db);
    const points = await reportReconcile(r.db);
    return r.differences.length || audit || points ? 1 : 0;
  } finally {
    await r.db.close();
  }
}
