/**
 * `init` (county or the national tree), `demo`, `migrate` and `audit verify` in any order on one
 * database (in-process, current backend). The national tree is imported through `init --all
 * --within 4210` (the same code path, only Jingzhou's part of the tree) to stay fast.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { prepareDemo } from '../src/server/modules/demo/demo.prepare';
import { openDatabase } from '../src/server/platform/db/open';
import { runCommand } from './cli-run';
import { withDatabase } from './global-setup';

const info = inject('testDb');
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-orders-'));
let env: Record<string, string | undefined>;

beforeAll(async () => {
  if (info.kind === 'postgresql') {
    const name = `${info.template}_orders_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: info.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`); // empty: the commands migrate it
    await admin.end();
    env = { DATABASE_URL: withDatabase(info.url, name), DATA_DIR: dir };
  } else {
    env = { DATABASE_URL: undefined, DATA_DIR: dir };
  }
  env = { ...env, COUNTY_CODE: '421081', DEMO_SCALE: '0.001' };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `npm start` does to the database before it listens. */
async function demo() {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent' } as Record<string, string>);
  const db = await openDatabase(config, { migrate: true });
  try {
    return await prepareDemo(createDeps(config, db, { info() {}, warn() {}, error() {} }));
  } finally {
    await db.close();
  }
}

async function query<T>(sql: string): Promise<T[]> {
  const config = loadConfig({ ...process.env, ...env } as Record<string, string>);
  const db = await openDatabase(config, { migrate: false });
  try {
    return (await db.owner.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}

describe(`init, demo and migrate in any order (${info.kind})`, () => {
  it('init --all sets up COUNTY_CODE; demo works after it (also on a database an older init --all left without departments), and again after init and migrate', {
    timeout: 300_000,
  }, async () => {
    const all = await runCommand('init --all --within 4210', env);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toContain('Set up departments and categories of COUNTY_CODE 421081');
    expect(
      (await query<{ n: number }>(`SELECT count(*)::int AS n FROM departments WHERE scope_code = '421081'`))[0].n,
    ).toBe(10);

    // What init --all used to leave: the tree without the county's departments (the demo then
    // failed on role_assignments_department_code_fkey).
    await query('DELETE FROM departments');
    const first = await demo();
    expect(first.imported).toEqual([]);
    expect(first.accountsCreated).toBeGreaterThan(0);
    expect(first.population?.counts.households).toBeGreaterThan(0);
    const handler = await query<{ department_code: string }>(
      `SELECT r.department_code FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = 'chengguan'`,
    );
    expect(handler).toEqual([{ department_code: '421081-cgj' }]);

    for (const line of ['init --county 421081', 'init --all --within 4210', 'migrate']) {
      const r = await runCommand(line, env);
      expect(r.code, `${line}: ${r.err}`).toBe(0);
    }
    const again = await demo();
    expect(again).toEqual({ imported: [], accountsCreated: 0, population: null });
    const audit = await runCommand('audit verify', env);
    expect(audit.code, audit.err).toBe(0);
    // The demo's grids stay counted under their villages after the tree was imported again.
    const [village] = await query<{ child_count: number; n: number }>(
      `SELECT child_count, (SELECT count(*)::int FROM divisions c WHERE c.parent_code = d.code) AS n FROM divisions d WHERE code = '421081107212'`,
    );
    expect(village.child_count).toBe(village.n);
  });
});
