/** Livelihood projects' rows for the cockpit (#17): the projects of a place under way in a period (a small table). */
import type { Queryable } from '../../platform/db/db';

export interface PeriodProject {
  placeCode: string;
  budgetFen: number;
  finished: boolean;
  behind: boolean;
  milestones: { weight: number; progress: number }[];
}

/**
 * Projects under the scope under way in [from, to) (started by the last day, not done before the
 * first): their budget, whether they were finished in it, and whether they were behind schedule at
 * its end (not done, and past their due date or a milestone's still open: projectStatus' delayed),
 * with their milestones' weights and progress today.
 */
export async function projectsIn(
  q: Queryable,
  pattern: string,
  from: Date,
  to: Date,
  lastDay: string,
): Promise<PeriodProject[]> {
  const { rows } = await q.query<PeriodProject>(
    `SELECT p.place_code AS "placeCode", p.budget_fen::float8 AS "budgetFen",
            (p.done_at IS NOT NULL AND p.done_at >= $2 AND p.done_at < $3) AS finished,
            ((p.done_at IS NULL OR p.done_at >= $3)
             AND (p.due_on < $4::date OR EXISTS (SELECT 1 FROM project_milestones m WHERE m.project_id = p.id
                   AND m.due_on < $4::date AND (m.done_at IS NULL OR m.done_at >= $3)))) AS behind,
            coalesce((SELECT json_agg(json_build_object('weight', m.weight, 'progress', m.progress))
                        FROM project_milestones m WHERE m.project_id = p.id), '[]'::json) AS milestones
       FROM projects p
      WHERE p.place_code LIKE $1 AND p.starts_on <= $4::date AND (p.done_at IS NULL OR p.done_at >= $2)`,
    [pattern, from, to, lastDay],
  );
  return rows;
}

export async function anyProject(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM projects WHERE place_code LIKE $1 LIMIT 1`, [pattern]);
  return rows.length > 0;
}
