/** SQL the 头雁 demo needs: what is there already, the villages, residents of a village. */
import type { Queryable } from '../../platform/db/db';

export async function demoPeople(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM leader_people WHERE is_demo`);
  return rows[0].n;
}

/** Villages (level 5) under a code, in code order. */
export async function villagesUnder(q: Queryable, prefix: string) {
  const { rows } = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM divisions WHERE level = 5 AND code LIKE $1 ORDER BY code`,
    [`${prefix}%`],
  );
  return rows;
}

/** Adults of a village's register not yet on the leadership records, oldest first. */
export async function residentsOf(q: Queryable, village: string, n: number) {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT r.id, r.name FROM residents r
      WHERE r.grid_code LIKE $1 AND r.birth_date < DATE '2000-01-01'
        AND NOT EXISTS (SELECT 1 FROM leader_people p WHERE p.resident_id = r.id)
      ORDER BY r.birth_date, r.id LIMIT $2`,
    [`${village}%`, n],
  );
  return rows;
}
