/** The care module's counts for the cockpit (#17): counts only, never a person. */
import type { Queryable } from '../../platform/db/db';

/** 九必问 visits made under the scope in [from, to) (a count; care_visits has no place index: small table). */
export async function visitsMade(q: Queryable, pattern: string, from: Date, to: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM care_visits WHERE grid_code LIKE $1 AND visited_at >= $2 AND visited_at < $3`,
    [pattern, from, to],
  );
  return rows[0].n;
}

/** Whether anyone was ever on the register under the scope (else the panel reads 尚无数据). */
export async function anyRegistered(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM care_persons WHERE grid_code LIKE $1 LIMIT 1`, [pattern]);
  return rows.length > 0;
}
