/** What the points demo reads: a demo staff member's id. */
import type { Queryable } from '../../platform/db/db';

export async function demoStaffId(q: Queryable, username: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM users WHERE username = $1 AND is_demo', [username]);
  return rows[0]?.id ?? null;
}
