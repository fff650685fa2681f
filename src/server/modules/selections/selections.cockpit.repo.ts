/**
 * Selections' counts for the cockpit (#17). Each count goes by its own place: a selection by the
 * place it is held for, a nomination and an honour by the nominee's place, a vote by the voter's village.
 */
import type { Queryable } from '../../platform/db/db';

export interface SelectionCounts {
  opened: number;
  concluded: number;
  nominations: number;
  votes: number;
  honours: number;
}

export async function selectionCounts(q: Queryable, pattern: string, from: Date, to: Date): Promise<SelectionCounts> {
  const { rows } = await q.query<SelectionCounts>(
    `SELECT (SELECT count(*) FROM selections WHERE division_code LIKE $1 AND created_at >= $2 AND created_at < $3)::int AS opened,
            (SELECT count(*) FROM selections WHERE division_code LIKE $1 AND results_at >= $2 AND results_at < $3)::int AS concluded,
            (SELECT count(*) FROM selection_nominees WHERE place_code LIKE $1 AND created_at >= $2 AND created_at < $3)::int AS nominations,
            (SELECT count(*) FROM selection_votes WHERE village_code LIKE $1 AND cast_at >= $2 AND cast_at < $3)::int AS votes,
            (SELECT count(*) FROM selection_certificates c JOIN selection_nominees n ON n.id = c.nominee_id
              WHERE n.place_code LIKE $1 AND c.issued_at >= $2 AND c.issued_at < $3)::int AS honours`,
    [pattern, from, to],
  );
  return rows[0];
}

/** Per child place (code cut to `len`): votes cast by its villagers in [from, to). */
export async function votesByChild(q: Queryable, pattern: string, len: number, from: Date, to: Date) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(v.village_code, $4) AS code, min(d.name) AS name, count(*)::int AS value
       FROM selection_votes v JOIN divisions d ON d.code = left(v.village_code, $4)
      WHERE v.village_code LIKE $1 AND v.cast_at >= $2 AND v.cast_at < $3 AND length(v.village_code) >= $4
      GROUP BY 1`,
    [pattern, from, to, len],
  );
  return rows;
}

/** Whether a selection was ever held for the place, or anyone of it nominated or voting (else 尚无数据). */
export async function anySelection(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM selections WHERE division_code LIKE $1)
         OR EXISTS (SELECT 1 FROM selection_nominees WHERE place_code LIKE $1)
         OR EXISTS (SELECT 1 FROM selection_votes WHERE village_code LIKE $1) AS any`,
    [pattern],
  );
  return rows[0].any;
}
