/** The woodpeckers' cockpit figures (SQL only): enrolled at an instant and active in a period, under a place. */
import type { Queryable } from '../../platform/db/db';

const UNDER = `r.role = 'woodpecker' AND r.scope_code LIKE $1 || '%'`;

/** Has anyone ever held (or asked for) a woodpecker role under the place? */
export async function anyWoodpecker(q: Queryable, place: string): Promise<boolean> {
  const { rows } = await q.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM role_assignments r WHERE ${UNDER})
         OR EXISTS (SELECT 1 FROM woodpecker_applications a WHERE a.village_code LIKE $1 || '%') AS any`,
    [place],
  );
  return rows[0].any;
}

/** People holding a live woodpecker role under the place at the instant `at`. */
export async function enrolledAt(q: Queryable, place: string, at: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(DISTINCT r.user_id)::int AS n FROM role_assignments r
      WHERE ${UNDER} AND r.granted_at < $2 AND (r.revoked_at IS NULL OR r.revoked_at >= $2)`,
    [place, at],
  );
  return rows[0].n;
}

/** People holding a woodpecker role under the place during [from, to) who reported at least once in it. */
export async function activeIn(q: Queryable, place: string, from: Date, to: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(DISTINCT r.user_id)::int AS n FROM role_assignments r
      WHERE ${UNDER} AND r.granted_at < $3 AND (r.revoked_at IS NULL OR r.revoked_at >= $2)
        AND EXISTS (SELECT 1 FROM cases c WHERE c.reporter_id = r.user_id AND c.received_at >= $2 AND c.received_at < $3)`,
    [place, from, to],
  );
  return rows[0].n;
}
