/** The `cocreate` command as a user runs it: real processes, a real database. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../src/server/platform/crypto/field-crypto';
import { seedDemoAccounts } from '../src/server/modules/demo/demo.seed';
import type { Database } from '../src/server/platform/db/db';
import { openPglite } from '../src/server/platform/db/pglite';
import { createTestDatabase } from './harness';

const BIN = path.resolve(__dirname, '../bin/cocreate.mjs');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
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
  const created = await createTestDatabase();
  if (created.url) {
    pgDb = created.db;
    target = { DATABASE_URL: created.url };
    openTarget = async () => pgDb!;
  } else {
    await created.db.close();
    dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-cli-'));
    target = { DATA_DIR: dataDir };
    const init = await run(['init', '--county', '421081'], target);
    expect(init.code, init.err).toBe(0);
    openTarget = () => openPglite(path.join(dataDir!, 'pgdata'));
  }
}, 120_000);

afterAll(async () => {
  await pgDb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const closeIfPglite = async (db: Database) => { if (!pgDb) await db.close(); };

describe('cocreate CLI', () => {
  it('lists its commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'serve', 'migrate', 'init', 'audit verify']) expect(r.out).toContain(c);
    expect(r.out).toContain('DATABASE_URL');
  });

  it('imports a county and reports its towns and villages', async () => {
    const r = await run(['init', '--county', '421081'], target);
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
    const ok = await run(['audit', 'verify'], target);
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
    const broken = await run(['audit', 'verify'], target);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`broken at row ${rows[0].id} (hash_mismatch)`);
  });

  it('serve refuses the demo secret, and demo accounts', async () => {
    const withDemoSecret = await run(['serve'], { ...target, PORT: '0' });
    expect(withDemoSecret.code).toBe(1);
    expect(withDemoSecret.err).toContain('COCREATE_SECRET');
    const db = await openTarget();
    await seedDemoAccounts(db, createFieldCrypto('x'.repeat(40)));
    await closeIfPglite(db);
    const withDemoAccounts = await run(['serve'], { ...target, PORT: '0', COCREATE_SECRET: 'a-real-production-secret-0123456789abcdef' });
    expect(withDemoAccounts.code).toBe(1);
    expect(withDemoAccounts.err).toContain('demo accounts');
  });
});
