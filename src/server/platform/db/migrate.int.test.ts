import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness';
import type { Database } from './db';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate';

let db: Database;
let dir: string;
beforeAll(async () => {
  ({ db } = await createTestDatabase()); // every landed migration applied
  dir = mkdtempSync(path.join(tmpdir(), 'cocreate-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrate on an up-to-date database', () => {
  it('applies nothing, then applies only a new file, once', async () => {
    expect(await migrate(db, dir)).toEqual([]);
    writeFileSync(path.join(dir, '9999_startup_probe.sql'), 'CREATE TABLE startup_probe (id int);');
    expect(await migrate(db, dir)).toEqual(['9999']);
    expect(await migrate(db, dir)).toEqual([]);
    const { rows } = await db.owner.query<{ name: string }>(
      "SELECT name FROM schema_migrations WHERE version = '9999'",
    );
    expect(rows).toEqual([{ name: 'startup_probe' }]);
  });

  it('stops on a landed migration edited after it was applied', async () => {
    const [first] = await readMigrations(dir);
    writeFileSync(path.join(dir, `${first.version}_${first.name}.sql`), `${first.sql}\n-- edited`);
    await expect(migrate(db, dir)).rejects.toThrow(`migration ${first.version}_${first.name} was edited`);
  });
});
