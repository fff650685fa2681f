/**
 * A PostgreSQL 15 instance of a test's own (the province test's second server): initdb in a temp
 * dir as the postgres user (when running as root), a free port, fsync off (test speed only), stopped
 * and removed by `stop()`. The commands are .ci/run's.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

export interface SecondPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  stop(): void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Runs a PostgreSQL binary as the postgres user (via su when this process is root). */
function asPostgres(binary: string, args: string[]): void {
  const command = [path.join(PGBIN, binary), ...args];
  if (process.getuid?.() === 0) {
    const quoted = command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' });
  } else execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
}

export async function startSecondPostgres(): Promise<SecondPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-pg2-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = JSON.parse(
      execFileSync('sh', ['-c', 'printf \'{"uid":%s,"gid":%s}\' $(id -u postgres) $(id -g postgres)']).toString(),
    );
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, 'd');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
