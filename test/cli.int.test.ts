/**
 * The `cocreate` command as a user runs it, on a real database: through the real process where the
 * process is what is tested (the compiled entry, standard input, exit codes and messages printed by
 * main), in-process (test/cli-run.ts) where a process would prove nothing more.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFieldCrypto } from '../src/server/platform/crypto/field-crypto';
import { seedDemoAccounts } from '../src/server/modules/demo/demo.seed';
import type { Database } from '../src/server/platform/db/db';
import { openPglite } from '../src/server/platform/db/pglite';
import { runCommand } from './cli-run';
import { createTestDatabase } from './harness';

const BIN = path.resolve(__dirname, '../bin/cocreate.mjs');

function run(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** Environment pointing the CLI at one database of the current backend. */
let target: Record<string, string>;
let dataDir: string | undefined;
let pgDb: Database | undefined;
/** Opens the target database in-process (PGlite: only while no CLI process has it open). */
let openTarget: () => Promise<Database>;

beforeAll(async () => {
  const info = inject('testDb');
  if (info.kind === 'postgresql') {
    const created = await createTestDatabase();
    pgDb = created.db;
    target = { DATABASE_URL: created.url! };
    openTarget = async () => pgDb!;
  } else {
    // A DATA_DIR holding the migrated template with Shishou's divisions (what `init --county 421081`
    // leaves, as the PostgreSQL clone above): the tests below run init on it again.
    dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-cli-'));
    target = { DATA_DIR: dataDir };
    await (await openPglite(path.join(dataDir, 'pgdata'), new Blob([readFileSync(info.dumpPath)]))).close();
    openTarget = () => openPglite(path.join(dataDir!, 'pgdata'));
  }
}, 120_000);

afterAll(async () => {
  await pgDb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const closeIfPglite = async (db: Database) => {
  if (!pgDb) await db.close();
};

describe('cocreate CLI', () => {
  it('lists its commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'serve', 'migrate', 'init', 'audit verify']) expect(r.out).toContain(c);
    expect(r.out).toContain('DATABASE_URL');
  });

  it('classifies CSV from standard input: one output line per row, in order, other columns ignored', async () => {
    const input =
      'note,body,id,title\nx,"孩子学校乱收补课费，\n请教育局查处",a1,学校收费\ny,小区门口垃圾成堆好几天了,a2,垃圾\nz,,a3,\n';
    const r = await run(['classify'], {}, input);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split(/\r?\n/); // RFC 4180 lines end in CRLF
    expect(lines[0]).toBe('id,label,probability');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['a1', 'a2', 'a3']);
    expect(lines[1]).toMatch(/^a1,教育文体,0\.\d+$/);
    expect(lines[3]).toBe('a3,,');
    // Its failures (model, header, malformed CSV, invalid text) run in-process: test/classify-cli.test.ts.
  });

  it('imports a county and reports its towns and villages', async () => {
    const r = await runCommand('init --county 421081', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('石首市');
    expect(r.out).toContain('15 乡级 town-level, 203 村级 village-level');
  });

  it('explains an unknown county code and how to find codes, exiting non-zero', async () => {
    const r = await run(['init', '--county', '999999'], target);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未知的区划代码：999999');
    expect(r.err).toContain('divisions find');
    const found = await run(['divisions', 'find', '石首']);
    expect(found.out).toContain('421081  石首市');
  });

  it('stops with a clear message when the database is unreachable', async () => {
    const r = await run(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot connect to the database at 127.0.0.1:1');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('audit verify finds a row changed behind the application’s back', async () => {
    const ok = await runCommand('audit verify', target);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('Audit chain intact');
    const db = await openTarget();
    const { rows } = await db.owner.query<{ id: number }>(`SELECT min(id) AS id FROM audit_log`);
    await db.ownerTransaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.query(`UPDATE audit_log SET actor_label = 'intruder' WHERE id = $1`, [rows[0].id]);
      await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    await closeIfPglite(db);
    const broken = await runCommand('audit verify', target);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('1 of');
    expect(broken.err).toMatch(new RegExp(`first: row ${rows[0].id} \\(chain \\d+\\): .*content changed`));
  });

  it('serve refuses the demo secret, and demo accounts', async () => {
    const withDemoSecret = await runCommand('serve', { ...target, PORT: '0' });
    expect(withDemoSecret.code).toBe(1);
    expect(withDemoSecret.err).toContain('COCREATE_SECRET');
    const db = await openTarget();
    await seedDemoAccounts(db, createFieldCrypto('x'.repeat(40)));
    await closeIfPglite(db);
    const withDemoAccounts = await runCommand('serve', {
      ...target,
      PORT: '0',
      COCREATE_SECRET: 'a-real-production-secret-0123456789abcdef',
    });
    expect(withDemoAccounts.code).toBe(1);
    expect(withDemoAccounts.err).toContain('demo accounts');
  });
});
