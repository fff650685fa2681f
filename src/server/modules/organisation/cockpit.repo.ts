/** The organisation's cockpit figures (SQL only): coverage under a place, and party members by child place. */
import type { Queryable } from '../../platform/db/db';

/** Households, and households linked to a party member (联系户), under the place (the per-grid coverage rows). */
export async function coverageUnder(q: Queryable, place: string): Promise<{ households: number; covered: number }> {
  const { rows } = await q.query<{ households: number; covered: number }>(
    `SELECT coalesce(sum(households), 0)::int AS households, coalesce(sum(covered), 0)::int AS covered
       FROM grid_coverage WHERE grid_code LIKE $1 || '%'`,
    [place],
  );
  return rows[0];
}

/** Party members living under the place, per child place (the first `length` digits of their household's code). */
export async function membersByPlace(
  q: Queryable,
  place: string,
  length: number,
): Promise<{ code: string; name: string; members: number }[]> {
  const { rows } = await q.query<{ code: string; name: string; members: number }>(
    `SELECT d.code, d.name, count(m.id)::int AS members
       FROM divisions d
       LEFT JOIN residents r ON left(r.household_code, $2::int) = d.code
       LEFT JOIN party_members m ON m.resident_id = r.id
      WHERE d.parent_code = $1
      GROUP BY d.code, d.name ORDER BY d.code`,
    [place, length],
  );
  return rows;
}

/** Party members living under the place. */
export async function membersUnder(q: Queryable, place: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM party_members m JOIN residents r ON r.id = m.resident_id
      WHERE r.household_code LIKE $1 || '%'`,
    [place],
  );
  return rows[0].n;
}
