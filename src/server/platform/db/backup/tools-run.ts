/** Runs pg_dump / pg_restore: connection details through libpq's environment, never on the command line. */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { BackupError } from './errors';
import type { PgTool } from './pg-tools';

export interface Connection {
  /** The URL without its password (for --dbname). */
  dbname: string;
  env: NodeJS.ProcessEnv;
}

export function connection(url: string): Connection {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

/** Runs the tool to completion; stdin from a stream, stdout into a sink or returned as text. */
export function runTool(
  tool: PgTool,
  args: string[],
  conn: Connection,
  io: { stdin?: Readable; stdout?: Writable } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env: conn.env, stdio: [io.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    if (io.stdin) {
      child.stdin!.on('error', () => {}); // the tool may stop reading early (pg_restore -l); its exit code tells
      io.stdin.on('error', reject);
      io.stdin.pipe(child.stdin!);
    }
    if (io.stdout) child.stdout!.pipe(io.stdout, { end: false });
    else
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
      });
    child.stderr!.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('error', (e) => reject(new BackupError(`无法运行 cannot run ${tool.path}: ${e.message}`)));
    child.on('close', (code) => {
      io.stdin?.unpipe();
      if (code === 0) resolve(out);
      else reject(new BackupError(`${tool.path.split('/').pop()} 失败 failed (exit ${code}):\n${err.trim()}`));
    });
  });
}
