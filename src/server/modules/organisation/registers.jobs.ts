/**
 * Register imports run as jobs so the console can show progress: the upload is streamed to a
 * temporary file (read twice for all-or-nothing), the import runs, and its state and progress are
 * kept in memory for an hour. One process; a restart forgets finished jobs (the data is committed
 * or not, and the audit trail has the outcome).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type ImportMode, type ImportOutcome, runImport } from './registers.service';

export interface ImportJob {
  id: string;
  userId: string | null;
  sheet: string;
  mode: ImportMode;
  state: 'running' | 'done' | 'failed';
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  result?: ImportOutcome;
  error?: string;
  finishedAt?: number;
}

const jobs = new Map<string, ImportJob>();
const KEEP_MS = 3_600_000;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
}

/** Streams the upload to disk (bounded), then starts the import; resolves once the job exists. */
export async function startImport(
  deps: Deps,
  actor: Actor,
  sheet: string,
  mode: ImportMode,
  format: 'xlsx' | 'csv',
  body: Readable,
): Promise<ImportJob> {
  sweep();
  const dir = await mkdtemp(path.join(tmpdir(), 'cocreate-import-'));
  const file = path.join(dir, `upload.${format}`);
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) body.destroy(new AppError('body_too_large', { limit: MAX_UPLOAD_BYTES }));
  });
  try {
    await pipeline(body, createWriteStream(file));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e instanceof AppError ? e : new AppError('validation_failed', { summary: 'upload interrupted' });
  }
  const totalBytes = (await stat(file)).size;
  if (totalBytes === 0) {
    await rm(dir, { recursive: true, force: true });
    throw new AppError('upload_empty');
  }
  const job: ImportJob = {
    id: randomUUID(),
    userId: actor.kind === 'user' ? actor.userId : null,
    sheet,
    mode,
    state: 'running',
    rowsRead: 0,
    bytesRead: 0,
    totalBytes,
  };
  jobs.set(job.id, job);
  const open = () => ({ kind: format, stream: createReadStream(file), totalBytes });
  void runImport(deps, actor, sheet, open, mode, (p) => {
    job.rowsRead = p.rowsRead;
    job.bytesRead = p.bytesRead ?? job.bytesRead;
  })
    .then((result) => Object.assign(job, { state: 'done', result, rowsRead: result.totalRows, bytesRead: totalBytes }))
    .catch((e: unknown) => {
      deps.log.warn({ err: String(e), job: job.id }, 'register import failed');
      Object.assign(job, { state: 'failed', error: e instanceof AppError ? e.code : 'internal' });
    })
    .finally(() => {
      job.finishedAt = Date.now();
      void rm(dir, { recursive: true, force: true });
    });
  return job;
}

export function getJob(actor: Actor, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || actor.kind !== 'user' || job.userId !== actor.userId)
    throw new AppError('not_found', { what: `import ${id}` });
  return job;
}

/** For tests and the CLI: wait until a job has finished. */
export async function waitForJob(job: ImportJob, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  while (job.state === 'running') {
    if (Date.now() > until) throw new Error('import did not finish in time');
    await new Promise((r) => setTimeout(r, 20));
  }
  return job;
}
