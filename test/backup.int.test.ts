/**
 * `cocreate backup` / `cocreate restore` round trip on the current backend (PGlite, or PostgreSQL
 * with TEST_DATABASE_URL), run in-process: same rows per table, same content in key tables, the
 * application role's grants back, chains verified; and the refusals (other backend, newer schema,
 * damaged file, non-empty target).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemoAccounts } from '../src/server/modules/demo/demo.seed';
import { loadDemoPopulation } from '../src/server/modules/organisation/demo/demo.load';
import { fund } from '../src/server/modules/points/points.harness';
import { createFieldCrypto } from '../src/server/platform/crypto/field-crypto';
import { HEADER_BYTES } from '../src/server/platform/db/backup/backup-file';
import { tableCounts } from '../src/server/platform/db/backup/inventory';
import type { Database } from '../src/server/platform/db/db';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';
import { runCommand } from './cli-run';
import { withDatabase } from './global-setup';
import { TEST_SECRET, createTestDatabase } from './harness';

const KEY_TABLES = [
  'audit_log',
  'users',
  'role_assignments',
  'residents',
  'households',
  'points_transactions',
  'points_entries',
  'points_balances',
  'divisions',
  'departments',
  'schema_migrations',
];
const info = inject('testDb');
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-backup-'));
const file = path.join(dir, 'cocreate.backup');

/** Environment pointing the CLI at a database: a PostgreSQL URL or a PGlite DATA_DIR. */
interface Target {
  env: Record<string, string | undefined>;
  open(): Promise<Database>;
}

function pgTarget(url: string): Target {
  return {
    env: { DATABASE_URL: url, DATA_DIR: undefined, COCREATE_SECRET: TEST_SECRET },
    open: () => openPostgres(url, 2),
  };
}

function pgliteTarget(dataDir: string): Target {
  return {
    env: { DATABASE_URL: undefined, DATA_DIR: dataDir, COCREATE_SECRET: TEST_SECRET },
    open: () => openPglite(path.join(dataDir, 'pgdata')),
  };
}

async function contentChecksums(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of KEY_TABLES) {
    const { rows } = await db.owner.query<{ h: string }>(
      `SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM ${t} x`,
    );
    out[t] = rows[0].h;
  }
  return out;
}

let source: Target;
let restored: Target;
let before: { counts: Record<string, number>; sums: Record<string, string> };

beforeAll(async () => {
  let db: Database;
  if (info.kind === 'postgresql') {
    const created = await createTestDatabase();
    db = created.db;
    source = pgTarget(created.url!);
    // A database that does not exist yet: restore creates it.
    restored = pgTarget(withDatabase(info.url, `${info.template}_restored_${randomBytes(3).toString('hex')}`));
  } else {
    mkdirSync(path.join(dir, 'src'));
    db = await openPglite(path.join(dir, 'src', 'pgdata'), new Blob([readFileSync(info.dumpPath)]));
    source = pgliteTarget(path.join(dir, 'src'));
    restored = pgliteTarget(path.join(dir, 'restored'));
  }
  // Personal data (encrypted phones and ID numbers), audit rows, a balanced points ledger.
  const crypto = createFieldCrypto(TEST_SECRET);
  await seedDemoAccounts(db, crypto);
  await loadDemoPopulation(db, crypto, { countyCode: '421081', scale: 0.001 });
  const { rows } = await db.owner.query<{ id: string }>(
    `SELECT id FROM users WHERE kind = 'resident' ORDER BY id LIMIT 2`,
  );
  await db.ownerTransaction(async (tx) => {
    for (const [i, r] of rows.entries())
      await fund(tx, r.id, '421081107212', 10 * (i + 1), new Date('2026-11-25T09:00:00+08:00'));
  });
  before = { counts: await tableCounts(db.owner), sums: await contentChecksums(db) };
  await db.close();
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`backup and restore (${info.kind})`, () => {
  it('backs up, restores into an empty target with the same rows and content, grants and verified chains', {
    timeout: 180_000,
  }, async () => {
    const b = await runCommand(`backup ${file}`, source.env);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('COCREATE_SECRET');
    const header = readFileSync(file).subarray(0, HEADER_BYTES).toString();
    expect(header).toMatch(
      new RegExp(`^COCREATE-BACKUP 1\\n\\{"format":"cocreate-backup","formatVersion":1,"backend":"${info.kind}"`),
    );

    const again = await runCommand(`backup ${file}`, source.env);
    expect(again.error?.message).toContain('--force');

    const r = await runCommand(`restore ${file}`, restored.env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Row counts match the backup');
    expect(r.out).toContain('Audit chain intact');
    expect(r.out).toContain('Points ledger reconciled: 2 transactions, 4 entries, sum 0');
    expect(r.err).not.toContain('does not decrypt');

    const db = await restored.open();
    try {
      expect(await tableCounts(db.owner)).toEqual(before.counts);
      expect(await contentChecksums(db)).toEqual(before.sums);
      expect(before.counts.residents).toBeGreaterThan(0);
      // The application role is back with its grants, and no more than them.
      const { rows } = await db.owner.query<{ upd: boolean; ins: boolean }>(
        `SELECT has_table_privilege('cocreate_app', 'audit_log', 'UPDATE') AS upd, has_table_privilege('cocreate_app', 'cases', 'INSERT') AS ins`,
      );
      expect(rows[0]).toEqual({ upd: false, ins: true });
      await db.transaction((tx) =>
        tx.query(
          `INSERT INTO departments (code, name, name_en, scope_code) VALUES ('421081-test', '测试局', 'Test', '421081')`,
        ),
      );
      await expect(db.transaction((tx) => tx.query('UPDATE audit_log SET actor_label = $1', ['x']))).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('refuses a non-empty target unless --force, and warns when COCREATE_SECRET cannot decrypt the data', {
    timeout: 180_000,
  }, async () => {
    const refused = await runCommand(`restore ${file}`, restored.env);
    expect(refused.code).toBe(1);
    expect(refused.error?.message).toContain('--force');
    const forced = await runCommand(`restore ${file} --force`, {
      ...restored.env,
      COCREATE_SECRET: 'another-secret-0123456789abcdef-0123456789',
    });
    expect(forced.code, forced.err).toBe(0);
    expect(forced.err).toContain('does not decrypt the restored personal data');
    const db = await restored.open();
    try {
      expect(await tableCounts(db.owner)).toEqual(before.counts); // the test department is gone
    } finally {
      await db.close();
    }
  });

  it('refuses a backup of the other backend, of a newer schema, or damaged, before touching anything', {
    timeout: 60_000,
  }, async () => {
    const other =
      info.kind === 'postgresql'
        ? pgliteTarget(path.join(dir, 'other'))
        : pgTarget('postgres://nobody@127.0.0.1:1/none');
    const cross = await runCommand(`restore ${file}`, other.env);
    expect(cross.error?.message).toContain(`This is a ${info.kind} backup`);

    const bytes = readFileSync(file);
    const text = bytes.subarray(0, HEADER_BYTES).toString();
    const newer = Buffer.from(
      text.replace('"migrations":["0001"', '"migrations":["9999","0001"').slice(0, HEADER_BYTES - 1) + '\n',
    );
    writeFileSync(path.join(dir, 'newer.backup'), Buffer.concat([newer, bytes.subarray(HEADER_BYTES)]));
    const tooNew = await runCommand(`restore ${path.join(dir, 'newer.backup')}`, restored.env);
    expect(tooNew.error?.message).toContain('newer Cocreate (migrations 9999)');

    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] ^= 0xff;
    writeFileSync(path.join(dir, 'damaged.backup'), damaged);
    const bad = await runCommand(`restore ${path.join(dir, 'damaged.backup')} --force`, restored.env);
    expect(bad.error?.message).toContain('checksum does not match');

    writeFileSync(path.join(dir, 'short.backup'), bytes.subarray(0, bytes.length - 1000));
    const short = await runCommand(`restore ${path.join(dir, 'short.backup')} --force`, restored.env);
    expect(short.error?.message).toContain('truncated');

    const db = await restored.open(); // still the good restore
    try {
      expect(await tableCounts(db.owner)).toEqual(before.counts);
    } finally {
      await db.close();
    }
  });
});
