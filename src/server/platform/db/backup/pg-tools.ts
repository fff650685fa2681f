/**
 * Finds pg_dump / pg_restore of a usable major version: in PATH and in /usr/lib/postgresql/N/bin
 * (Debian and Ubuntu install several side by side), preferring the server's own major version.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './errors';

const run = promisify(execFile);

export interface PgTool {
  path: string;
  /** e.g. "pg_dump (PostgreSQL) 15.8" */
  version: string;
  major: number;
}

function candidates(name: string, env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const versioned = '/usr/lib/postgresql';
  if (existsSync(versioned)) for (const v of readdirSync(versioned)) dirs.push(path.join(versioned, v, 'bin'));
  return [...new Set(dirs.map((d) => path.join(d, name)).filter((p) => existsSync(p)))];
}

async function probe(file: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(file, ['--version']);
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.\d+)?/.exec(stdout);
    return m ? { path: file, version: stdout.trim(), major: Number(m[1]) } : null;
  } catch {
    return null;
  }
}

/**
 * The tool whose major version equals `serverMajor`, else the oldest one newer than it (pg_dump
 * reads older servers; pg_restore reads older archives), never one older than `atLeast`.
 */
export async function findPgTool(
  name: 'pg_dump' | 'pg_restore',
  serverMajor: number,
  atLeast = serverMajor,
  env = process.env,
): Promise<PgTool> {
  const found = (await Promise.all(candidates(name, env).map(probe))).filter((t): t is PgTool => t !== null);
  const floor = Math.max(serverMajor, atLeast);
  const usable = found.filter((t) => t.major >= floor).sort((a, b) => a.major - b.major);
  const exact = usable.find((t) => t.major === serverMajor);
  const tool = exact ?? usable[0];
  if (tool) return tool;
  const seen = found.length ? found.map((t) => `${t.path} (${t.major})`).join(', ') : '无 none';
  throw new BackupError(
    `找不到 PostgreSQL ${floor} 或更新版本的 ${name} / no ${name} for PostgreSQL ${floor} or newer (found: ${seen}).\n` +
      `安装客户端 Install the client, e.g. apt-get install postgresql-client-${floor}, or put its bin directory in PATH.`,
  );
}
