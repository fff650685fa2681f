import { describe, expect, it } from 'vitest';
import { findPgTool } from './pg-tools';

describe('findPgTool', () => {
  it('prefers the server major version and never picks an older tool', async () => {
    const t = await findPgTool('pg_dump', 15);
    expect(t.major).toBe(15);
    expect(t.version).toContain('PostgreSQL) 15');
    const r = await findPgTool('pg_restore', 14, 15); // an archive of pg_dump 15 into a PostgreSQL 14 server
    expect(r.major).toBeGreaterThanOrEqual(15);
  });

  it('says which version is missing and how to install it', async () => {
    await expect(findPgTool('pg_dump', 99)).rejects.toThrow(
      /no pg_dump for PostgreSQL 99 or newer \(found: .*\(15\).*\)[\s\S]*postgresql-client-99/,
    );
  });
});
