/** Livelihood projects' SQL: projects, funding sources, milestones, photos, and the few facts read about places. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { FundSource } from './projects.labels';

export interface ProjectRow {
  id: string;
  placeCode: string;
  placeName: string;
  title: string;
  description: string;
  budgetFen: number;
  startsOn: string;
  dueOn: string;
  createdAt: Date;
}

const PROJECT_COLUMNS = `p.id, p.place_code AS "placeCode", d.name AS "placeName", p.title, p.description,
  p.budget_fen::float8 AS "budgetFen", to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn", p.created_at AS "createdAt"`;

export async function divisionLevel(q: Queryable, code: string): Promise<number | null> {
  const { rows } = await q.query<{ level: number }>(`SELECT level FROM divisions WHERE code = $1`, [code]);
  return rows[0]?.level ?? null;
}

export interface NewProject {
  placeCode: string;
  title: string;
  description: string;
  budgetFen: number;
  startsOn: string;
  dueOn: string;
  createdBy: string | null;
  at: Date;
  isDemo?: boolean;
}

export async function insertProject(q: Queryable, p: NewProject): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO projects (place_code, title, description, budget_fen, starts_on, due_on, created_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
    [p.placeCode, p.title, p.description, p.budgetFen, p.startsOn, p.dueOn, p.createdBy, p.at, p.isDemo ?? false],
  );
  return rows[0].id;
}

export async function insertFunds(
  q: Queryable,
  projectId: string,
  funds: readonly { source: FundSource; amountFen: number; note?: string | null }[],
): Promise<void> {
  if (!funds.length) return;
  await q.query(
    `INSERT INTO project_funds (project_id, position, source, amount_fen, note)
     SELECT $1, t.ord - 1, t.source, t.amount, t.note
       FROM unnest($2::text[], $3::bigint[], $4::text[]) WITH ORDINALITY AS t(source, amount, note, ord)`,
    [projectId, funds.map((f) => f.source), funds.map((f) => f.amountFen), funds.map((f) => f.note ?? null)],
  );
}

export async function insertMilestones(
  q: Queryable,
  projectId: string,
  ms: readonly { title: string; dueOn: string; weight: number; progress: number }[],
  at: Date,
): Promise<void> {
  if (!ms.length) return;
  await q.query(
    `INSERT INTO project_milestones (project_id, position, title, due_on, weight, progress, done_at, updated_at)
     SELECT $1, t.ord - 1, t.title, t.due::date, t.weight, t.progress, CASE WHEN t.progress = 100 THEN $6::timestamptz END, $6
       FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS t(title, due, weight, progress, ord)`,
    [projectId, ms.map((m) => m.title), ms.map((m) => m.dueOn), ms.map((m) => m.weight), ms.map((m) => m.progress), at],
  );
}

export async function findProject(q: Queryable, id: string): Promise<ProjectRow | null> {
  const { rows } = await q.query<ProjectRow>(
    `SELECT ${PROJECT_COLUMNS} FROM projects p JOIN divisions d ON d.code = p.place_code WHERE p.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function lockProject(q: Queryable, id: string): Promise<void> {
  await q.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [id]);
}

export const PROJECT_KEY = ['date', 'uuid'] as const;
export const projectKey = (p: ProjectRow) => [p.createdAt, p.id] as const;

export interface ProjectFilter {
  under?: string[];
  at?: string[];
  /** under way in a period: started by its last day (a CST day), not done before its first instant */
  underWay?: { from: Date; lastDay: string };
}

/**
 * Projects newest first, a keyset page: under any of `under` (subtrees), or at exactly one of
 * `at` (a resident's village, town and county).
 */
export async function listProjects(
  q: Queryable,
  f: ProjectFilter,
  limit: number,
  after: KeyValue[] | null,
): Promise<ProjectRow[]> {
  const params: unknown[] = [limit];
  const where: string[] = [];
  if (f.under) {
    params.push(f.under.map((s) => `${s}%`));
    where.push(`p.place_code LIKE ANY ($${params.length}::text[])`);
  }
  if (f.at) {
    params.push(f.at);
    where.push(`p.place_code = ANY ($${params.length}::text[])`);
  }
  if (f.underWay) {
    // the cockpit's "under way in the period" (projects.cockpit.repo projectsIn)
    params.push(f.underWay.from, f.underWay.lastDay);
    where.push(`p.starts_on <= $${params.length}::date AND (p.done_at IS NULL OR p.done_at >= $${params.length - 1})`);
  }
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<ProjectRow>(
    `SELECT ${PROJECT_COLUMNS} FROM projects p JOIN divisions d ON d.code = p.place_code
      WHERE ${where.join(' AND ') || 'true'} ORDER BY p.created_at DESC, p.id DESC LIMIT $1 + 1`,
    params,
  );
  return rows;
}

export interface MilestoneRow {
  id: string;
  projectId: string;
  title: string;
  dueOn: string;
  weight: number;
  progress: number;
  doneAt: Date | null;
}

export async function milestonesOf(q: Queryable, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  const { rows } = await q.query<MilestoneRow>(
    `SELECT id, project_id AS "projectId", title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", weight, progress,
            done_at AS "doneAt"
       FROM project_milestones WHERE project_id = ANY ($1::uuid[]) ORDER BY project_id, position`,
    [projectIds],
  );
  return rows;
}

export async function findMilestone(q: Queryable, id: string): Promise<MilestoneRow | null> {
  const { rows } = await q.query<MilestoneRow>(
    `SELECT id, project_id AS "projectId", title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", weight, progress,
            done_at AS "doneAt" FROM project_milestones WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setMilestoneProgress(q: Queryable, id: string, progress: number, at: Date): Promise<void> {
  await q.query(
    `UPDATE project_milestones SET progress = $2, updated_at = $3,
            done_at = CASE WHEN $2 = 100 THEN coalesce(done_at, $3) END WHERE id = $1`,
    [id, progress, at],
  );
}

/** Marks the project done (or not) once its milestones roll up to 100 %. */
export async function setProjectDone(q: Queryable, id: string, done: boolean, at: Date): Promise<void> {
  await q.query(
    `UPDATE projects SET updated_at = $3, done_at = CASE WHEN $2 THEN coalesce(done_at, $3) END WHERE id = $1`,
    [id, done, at],
  );
}

export interface FundRow {
  source: FundSource;
  amountFen: number;
  note: string | null;
}

export async function fundsOf(q: Queryable, projectId: string): Promise<FundRow[]> {
  const { rows } = await q.query<FundRow>(
    `SELECT source, amount_fen::float8 AS "amountFen", note FROM project_funds WHERE project_id = $1 ORDER BY position`,
    [projectId],
  );
  return rows;
}

export async function insertPhoto(
  q: Queryable,
  p: { projectId: string; format: string; by: string | null; at: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO project_photos (project_id, format, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [p.projectId, p.format, p.by, p.at],
  );
  return rows[0].id;
}

export async function photosOf(q: Queryable, projectId: string): Promise<{ id: string; format: string }[]> {
  const { rows } = await q.query<{ id: string; format: string }>(
    `SELECT id, format FROM project_photos WHERE project_id = $1 ORDER BY uploaded_at, id`,
    [projectId],
  );
  return rows;
}

export async function findPhoto(
  q: Queryable,
  projectId: string,
  photoId: string,
): Promise<{ id: string; format: string } | null> {
  const { rows } = await q.query<{ id: string; format: string }>(
    `SELECT id, format FROM project_photos WHERE project_id = $1 AND id = $2`,
    [projectId, photoId],
  );
  return rows[0] ?? null;
}

/** True once the demo's projects are in. */
export async function demoLoaded(q: Queryable): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM projects WHERE is_demo LIMIT 1`);
  return rows.length > 0;
}

/** Towns (level 4) and villages (level 5) under a county, by code. */
export async function placesUnder(q: Queryable, county: string): Promise<{ code: string; level: number }[]> {
  const { rows } = await q.query<{ code: string; level: number }>(
    `SELECT code, level FROM divisions WHERE code LIKE $1::text || '%' AND level IN (4, 5) ORDER BY code`,
    [county],
  );
  return rows;
}

/** The first household of a village (the demo's representative lives there), or null. */
export async function firstHousehold(q: Queryable, village: string): Promise<string | null> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT code FROM households WHERE code LIKE $1::text || '%' ORDER BY code LIMIT 1`,
    [village],
  );
  return rows[0]?.code ?? null;
}

export async function residentByName(q: Queryable, householdCode: string, name: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM residents WHERE household_code = $1 AND name = $2`, [
    householdCode,
    name,
  ]);
  return rows[0]?.id ?? null;
}
