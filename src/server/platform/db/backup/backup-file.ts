/**
 * The backup file: a fixed 8 KiB text header saying what it is, then the backend's own dump.
 *
 *   COCREATE-BACKUP 1\n
 *   {"format":"cocreate-backup","backend":"postgresql",...}   (one JSON line, space-padded)\n
 *   <payload: a pg_dump custom-format archive, or a gzipped PGlite data-dir tarball>
 *
 * `head -c 8192 FILE` shows the manifest. The payload's length and SHA-256 are in the manifest, so
 * a truncated or altered file is refused before anything is restored.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackendKind } from '../db';
import { BackupError } from './errors';

const MAGIC = 'COCREATE-BACKUP 1\n';
export const HEADER_BYTES = 8192;

export interface BackupManifest {
  format: 'cocreate-backup';
  formatVersion: 1;
  backend: BackendKind;
  payload: 'pg_dump-custom' | 'pglite-datadir-tar-gz';
  createdAt: string;
  /** Migration versions applied in the backed-up database (its schema version is the last). */
  migrations: string[];
  /** The database server's version (PostgreSQL, or the PostgreSQL inside PGlite). */
  server: { version: string; major: number };
  /** What wrote the payload: pg_dump's --version, or the PGlite package. */
  tool: string;
  toolMajor: number;
  /** Rows per table at the moment of the dump (one snapshot). */
  tables: Record<string, number>;
  payloadBytes: number;
  payloadSha256: string;
}

export type ManifestDraft = Omit<BackupManifest, 'format' | 'formatVersion' | 'payloadBytes' | 'payloadSha256'>;

function header(manifest: BackupManifest | null): Buffer {
  const json = manifest ? JSON.stringify(manifest) : '';
  const body = `${MAGIC}${json}`;
  const size = Buffer.byteLength(body);
  if (size > HEADER_BYTES - 1) throw new BackupError(`备份清单过大 Backup manifest too large (${size} bytes)`);
  return Buffer.from(`${body}${' '.repeat(HEADER_BYTES - 1 - size)}\n`);
}

/**
 * Writes FILE.partial (header placeholder, then the payload `write` produces, hashed on the way),
 * fills in the header, and renames it to FILE: a failed backup never leaves a complete-looking file.
 * `write` receives a stream to write into and resolves when the payload is complete.
 */
export async function writeBackupFile(
  file: string,
  draft: ManifestDraft,
  write: (sink: Writable) => Promise<void>,
): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const fh = await open(partial, 'w');
    await fh.write(header(null), 0, HEADER_BYTES, 0);
    await fh.close();
    const out = createWriteStream(partial, { flags: 'r+', start: HEADER_BYTES });
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const piped = pipeline(hashing, out);
    await write(hashing);
    hashing.end();
    await piped;
    const manifest: BackupManifest = {
      format: 'cocreate-backup',
      formatVersion: 1,
      ...draft,
      payloadBytes: bytes,
      payloadSha256: hash.digest('hex'),
    };
    const done = await open(partial, 'r+');
    await done.write(header(manifest), 0, HEADER_BYTES, 0);
    await done.sync();
    await done.close();
    await rename(partial, file);
    return manifest;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/** Reads and checks the header; refuses anything that is not a complete Cocreate backup. */
export async function readBackupFile(file: string): Promise<BackupManifest> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new BackupError(`找不到备份文件 Backup file not found: ${file}`);
    },
  );
  const fh = await open(file, 'r');
  const buf = Buffer.alloc(Math.min(HEADER_BYTES, size));
  await fh.read(buf, 0, buf.length, 0);
  await fh.close();
  const text = buf.toString('utf8');
  if (!text.startsWith(MAGIC)) throw new BackupError(`不是 Cocreate 备份文件 Not a Cocreate backup file: ${file}`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text.slice(MAGIC.length).trim()) as BackupManifest;
  } catch {
    throw new BackupError(
      `备份文件头损坏或备份未完成 The backup's header is damaged or the backup never finished: ${file}`,
    );
  }
  if (manifest.format !== 'cocreate-backup' || manifest.formatVersion !== 1) {
    throw new BackupError(`不支持的备份格式 Unsupported backup format ${manifest.format} ${manifest.formatVersion}`);
  }
  if (size !== HEADER_BYTES + manifest.payloadBytes) {
    throw new BackupError(
      `备份文件长度不符（截断？）The backup file has ${size - HEADER_BYTES} payload bytes, its manifest says ${manifest.payloadBytes} (truncated?)`,
    );
  }
  return manifest;
}

/** The payload as a stream (after the header). */
export function payloadStream(file: string): Readable {
  return createReadStream(file, { start: HEADER_BYTES });
}

/** Checks the payload's SHA-256 against the manifest. */
export async function verifyPayload(file: string, manifest: BackupManifest): Promise<void> {
  const hash = createHash('sha256');
  for await (const chunk of payloadStream(file)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== manifest.payloadSha256) {
    throw new BackupError(
      `备份文件校验失败（已损坏或被修改）The backup's checksum does not match: the file is damaged or was changed`,
    );
  }
}
