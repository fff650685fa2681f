/** The three lists' counts for the cockpit (#17), through worklist_problems_village (place, date). */
import type { Queryable } from '../../platform/db/db';

export interface ListCounts {
  problems: number;
  tasks: number;
  tasksDone: number;
  confirmed: number;
  results: number;
}

/**
 * Under the scope in [from, to): problems listed, tasks set and tasks done, effects confirmed, and
 * "七个一" results (problems closed with their effect's result).
 */
export async function listCounts(q: Queryable, pattern: string, from: Date, to: Date): Promise<ListCounts> {
  const { rows } = await q.query<ListCounts>(
    `WITH p AS (SELECT id, created_at, state, closed_at FROM worklist_problems WHERE village_code LIKE $1 AND created_at < $3)
     SELECT (SELECT count(*) FROM p WHERE created_at >= $2)::int AS problems,
            (SELECT count(*) FROM worklist_tasks t JOIN p ON p.id = t.problem_id
              WHERE t.created_at >= $2 AND t.created_at < $3)::int AS tasks,
            (SELECT count(*) FROM worklist_tasks t JOIN p ON p.id = t.problem_id
              WHERE t.done_at >= $2 AND t.done_at < $3)::int AS "tasksDone",
            (SELECT count(*) FROM worklist_effects e JOIN p ON p.id = e.problem_id
              WHERE e.confirmation = 'confirmed' AND e.confirmed_at >= $2 AND e.confirmed_at < $3)::int AS confirmed,
            (SELECT count(*) FROM worklist_effects e JOIN p ON p.id = e.problem_id
              WHERE p.state = 'closed' AND p.closed_at >= $2 AND p.closed_at < $3)::int AS results`,
    [pattern, from, to],
  );
  return rows[0];
}

/** "七个一" results per kind: problems under the scope closed in [from, to). */
export async function resultsByKind(q: Queryable, pattern: string, from: Date, to: Date) {
  const { rows } = await q.query<{ kind: string; n: number }>(
    `SELECT e.result_kind AS kind, count(*)::int AS n
       FROM worklist_problems p JOIN worklist_effects e ON e.problem_id = p.id
      WHERE p.village_code LIKE $1 AND p.state = 'closed' AND p.closed_at >= $2 AND p.closed_at < $3
      GROUP BY 1`,
    [pattern, from, to],
  );
  return rows;
}

/** Per child place (code cut to `len`): problems listed in [from, to). */
export async function problemsByChild(q: Queryable, pattern: string, len: number, from: Date, to: Date) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(p.village_code, $4) AS code, min(d.name) AS name, count(*)::int AS value
       FROM worklist_problems p JOIN divisions d ON d.code = left(p.village_code, $4)
      WHERE p.village_code LIKE $1 AND p.created_at >= $2 AND p.created_at < $3 AND length(p.village_code) >= $4
      GROUP BY 1`,
    [pattern, from, to, len],
  );
  return rows;
}

export async function anyProblem(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM worklist_problems WHERE village_code LIKE $1 LIMIT 1`, [pattern]);
  return rows.length > 0;
}
