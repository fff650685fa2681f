/** What a visit's needs turned into afterwards need: the visit with its person's household, and the cases filed from it. SQL only. */
import type { Queryable } from '../../platform/db/db';

export interface VisitFacts {
  visitId: string;
  personId: string;
  residentId: string;
  name: string;
  householdCode: string;
  gridCode: string;
  workerId: string;
}

export async function findVisit(q: Queryable, visitId: string): Promise<VisitFacts | null> {
  const { rows } = await q.query<VisitFacts>(
    `SELECT v.id AS "visitId", cp.id AS "personId", cp.resident_id AS "residentId", r.name,
            r.household_code AS "householdCode", cp.grid_code AS "gridCode", cp.worker_id AS "workerId"
       FROM care_visits v JOIN care_persons cp ON cp.id = v.person_id JOIN residents r ON r.id = cp.resident_id
      WHERE v.id = $1 AND cp.archived_at IS NULL`,
    [visitId],
  );
  return rows[0] ?? null;
}

export async function linkCase(q: Queryable, visitId: string, caseId: string): Promise<void> {
  await q.query(`INSERT INTO care_visit_cases (visit_id, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    visitId,
    caseId,
  ]);
}

/** Cases and problems that came from a person's visits, by visit. */
export async function outcomesOf(
  q: Queryable,
  visitIds: readonly string[],
): Promise<{ visitId: string; kind: 'case' | 'problem'; id: string; label: string }[]> {
  const { rows } = await q.query<{ visitId: string; kind: 'case' | 'problem'; id: string; label: string }>(
    `SELECT l.visit_id AS "visitId", 'case' AS kind, c.id, c.number AS label
       FROM care_visit_cases l JOIN cases c ON c.id = l.case_id WHERE l.visit_id = ANY ($1::uuid[])
     UNION ALL
     SELECT p.source_ref::uuid, 'problem', p.id, p.title FROM worklist_problems p
      WHERE p.source = 'visit' AND p.source_ref = ANY ($1::text[])
     ORDER BY 1, 2, 4`,
    [visitIds],
  );
  return rows;
}

/** The demo worker's latest visit in a village (the demo files a case from it), or null. */
export async function latestVisitBy(q: Queryable, workerId: string, village: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM care_visits WHERE worker_id = $1 AND grid_code LIKE $2::text || '%' ORDER BY visited_at DESC, id LIMIT 1`,
    [workerId, village],
  );
  return rows[0]?.id ?? null;
}
