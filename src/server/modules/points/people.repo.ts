/**
 * What the points module reads about people outside its own tables (users, role assignments).
 * Queries only.
 */
import type { Queryable } from '../../platform/db/db';

/** Whether the person holds a live woodpecker role whose scope covers the place. */
export async function isWoodpeckerAt(q: Queryable, userId: string, place: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'woodpecker' AND revoked_at IS NULL AND $2 LIKE scope_code || '%' LIMIT 1`, [userId, place]);
  return rows.length > 0;
}

/** Whether the person exists and is not disabled. */
export async function isActivePerson(q: Queryable, userId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL`, [userId]);
  return rows.length > 0;
}

/**
 * A person's name and the places their points relate to: home division, issuers of their awards,
 * scopes of their live resident and woodpecker roles. Null when there is no such person.
 */
export async function personWithPlaces(q: Queryable, userId: string): Promise<{ displayName: string; places: string[] } | null> {
  const { rows } = await q.query<{ displayName: string; places: string[] }>(
    `SELECT u.display_name AS "displayName", array_remove(ARRAY[u.home_division_code::text]
       || ARRAY(SELECT DISTINCT w.issuer_code::text FROM points_awards w WHERE w.user_id = u.id)
       || ARRAY(SELECT r.scope_code::text FROM role_assignments r WHERE r.user_id = u.id AND r.revoked_at IS NULL AND r.role IN ('resident', 'woodpecker')), NULL) AS places
       FROM users u WHERE u.id = $1`, [userId]);
  return rows[0] ?? null;
}
