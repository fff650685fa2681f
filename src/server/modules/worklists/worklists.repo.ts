/** The three lists' SQL: problems, tasks, effects, and the few facts read about places and people. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { Confirmation, ProblemSource, ProblemState, ResultKind } from './worklists.labels';

export interface ProblemRow {
  id: string;
  villageCode: string;
  villageName: string;
  unitRef: string | null;
  source: ProblemSource;
  sourceRef: string | null;
  title: string;
  description: string;
  subject: string | null;
  raisedBy: string | null;
  state: ProblemState;
  createdAt: Date;
  closedAt: Date | null;
  tasksTotal: number;
  tasksOpen: number;
}

const PROBLEM_COLUMNS = `p.id, p.village_code AS "villageCode", d.name AS "villageName", p.unit_ref AS "unitRef",
  p.source, p.source_ref AS "sourceRef", p.title, p.description, p.subject, p.raised_by AS "raisedBy", p.state,
  p.created_at AS "createdAt", p.closed_at AS "closedAt",
  (SELECT count(*)::int FROM worklist_tasks t WHERE t.problem_id = p.id) AS "tasksTotal",
  (SELECT count(*)::int FROM worklist_tasks t WHERE t.problem_id = p.id AND t.done_at IS NULL) AS "tasksOpen"`;

export interface NewProblem {
  villageCode: string;
  unitRef: string | null;
  source: ProblemSource;
  sourceRef: string | null;
  title: string;
  description: string;
  subject: string | null;
  raisedBy: string | null;
  createdBy: string | null;
  createdAt: Date;
  isDemo?: boolean;
}

export async function insertProblem(q: Queryable, p: NewProblem): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO worklist_problems (village_code, unit_ref, source, source_ref, title, description, subject, raised_by,
       state, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11) RETURNING id`,
    [
      p.villageCode,
      p.unitRef,
      p.source,
      p.sourceRef,
      p.title,
      p.description,
      p.subject,
      p.raisedBy,
      p.createdBy,
      p.createdAt,
      p.isDemo ?? false,
    ],
  );
  return rows[0].id;
}

/** Whether a problem from this source (and reference) already has this title (the unique index's question). */
export async function problemListed(q: Queryable, source: string, sourceRef: string, title: string): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM worklist_problems WHERE source = $1 AND source_ref = $2 AND title = $3',
    [source, sourceRef, title],
  );
  return rows.length > 0;
}

export async function findProblem(q: Queryable, id: string): Promise<ProblemRow | null> {
  const { rows } = await q.query<ProblemRow>(
    `SELECT ${PROBLEM_COLUMNS} FROM worklist_problems p JOIN divisions d ON d.code = p.village_code WHERE p.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export interface ProblemFilter {
  /** Subtrees the actor may read (any of them); a requested scope narrows to one. */
  scopes: string[];
  state?: ProblemState;
  source?: ProblemSource;
  unitRef?: string;
  raisedBy?: string;
  /** listed (created) in [listedFrom, listedBefore) */
  listedFrom?: Date;
  listedBefore?: Date;
}

export const PROBLEM_KEY = ['date', 'uuid'] as const;
export const problemKey = (p: ProblemRow) => [p.createdAt, p.id] as const;

/** Problems newest first, a keyset page. */
export async function listProblems(q: Queryable, f: ProblemFilter, limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [f.scopes.map((s) => `${s}%`), limit];
  const where = ['p.village_code LIKE ANY ($1::text[])'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.state) add('p.state = ?', f.state);
  if (f.source) add('p.source = ?', f.source);
  if (f.unitRef) add('p.unit_ref = ?', f.unitRef);
  if (f.raisedBy) add('p.raised_by = ?', f.raisedBy);
  if (f.listedFrom) add('p.created_at >= ?', f.listedFrom);
  if (f.listedBefore) add('p.created_at < ?', f.listedBefore);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<ProblemRow>(
    `SELECT ${PROBLEM_COLUMNS} FROM worklist_problems p JOIN divisions d ON d.code = p.village_code
      WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT $2 + 1`,
    params,
  );
  return rows;
}

export interface TaskRow {
  id: string;
  problemId: string;
  title: string;
  ownerId: string;
  ownerName: string;
  deadline: string;
  doneAt: Date | null;
  outcome: string | null;
}

const TASK_COLUMNS = `t.id, t.problem_id AS "problemId", t.title, t.owner_id AS "ownerId", u.display_name AS "ownerName",
  to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.done_at AS "doneAt", t.outcome`;

export async function tasksOf(q: Queryable, problemId: string): Promise<TaskRow[]> {
  const { rows } = await q.query<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM worklist_tasks t JOIN users u ON u.id = t.owner_id
      WHERE t.problem_id = $1 ORDER BY t.created_at, t.id`,
    [problemId],
  );
  return rows;
}

export async function findTask(q: Queryable, id: string): Promise<TaskRow | null> {
  const { rows } = await q.query<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM worklist_tasks t JOIN users u ON u.id = t.owner_id WHERE t.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertTask(
  q: Queryable,
  t: { problemId: string; title: string; ownerId: string; deadline: string; createdBy: string | null; at: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO worklist_tasks (problem_id, title, owner_id, deadline, created_by, created_at)
     VALUES ($1, $2, $3, $4::date, $5, $6) RETURNING id`,
    [t.problemId, t.title, t.ownerId, t.deadline, t.createdBy, t.at],
  );
  return rows[0].id;
}

/** Marks a task done unless it already is (false then). */
export async function completeTask(q: Queryable, id: string, outcome: string, at: Date): Promise<boolean> {
  const r = await q.query(`UPDATE worklist_tasks SET done_at = $2, outcome = $3 WHERE id = $1 AND done_at IS NULL`, [
    id,
    at,
    outcome,
  ]);
  return r.rowCount === 1;
}

/** Locks the problem row for a state change; its current state. */
export async function lockProblem(q: Queryable, id: string): Promise<ProblemState | null> {
  const { rows } = await q.query<{ state: ProblemState }>(
    `SELECT state FROM worklist_problems WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0]?.state ?? null;
}

export async function setProblemState(q: Queryable, id: string, state: ProblemState, at: Date): Promise<void> {
  await q.query(
    `UPDATE worklist_problems SET state = $2, closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz END WHERE id = $1`,
    [id, state, at],
  );
}

export interface EffectRow {
  summary: string;
  resultKind: ResultKind;
  recordedAt: Date;
  recordedBy: string | null;
  confirmation: Confirmation;
  confirmedAt: Date | null;
  comment: string | null;
}

export async function findEffect(q: Queryable, problemId: string): Promise<EffectRow | null> {
  const { rows } = await q.query<EffectRow>(
    `SELECT summary, result_kind AS "resultKind", recorded_at AS "recordedAt", recorded_by AS "recordedBy",
            confirmation, confirmed_at AS "confirmedAt", comment
       FROM worklist_effects WHERE problem_id = $1`,
    [problemId],
  );
  return rows[0] ?? null;
}

export async function upsertEffect(
  q: Queryable,
  e: {
    problemId: string;
    summary: string;
    resultKind: ResultKind;
    by: string | null;
    at: Date;
    confirmation: Confirmation;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO worklist_effects (problem_id, summary, result_kind, recorded_by, recorded_at, confirmation)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (problem_id) DO UPDATE SET summary = EXCLUDED.summary, result_kind = EXCLUDED.result_kind,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at, confirmation = EXCLUDED.confirmation,
       confirmed_at = NULL, comment = NULL`,
    [e.problemId, e.summary, e.resultKind, e.by, e.at, e.confirmation],
  );
}

export async function answerEffect(
  q: Queryable,
  problemId: string,
  confirmation: Confirmation,
  comment: string | null,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE worklist_effects SET confirmation = $2, comment = $3, confirmed_at = $4 WHERE problem_id = $1`,
    [problemId, confirmation, comment, at],
  );
}

export interface SummaryRow {
  key: string | null;
  name: string | null;
  problems: number;
  open: number;
  closed: number;
  tasks: number;
  tasksLate: number;
  confirmed: number;
  results: Record<string, number>;
}

/** Counts per village (or per unit) under a scope; `today` is the CST date late tasks are judged by. */
export async function summary(q: Queryable, scope: string, by: 'village' | 'unit', today: string) {
  const key = by === 'village' ? 'p.village_code' : 'p.unit_ref';
  const name = by === 'village' ? '(SELECT name FROM divisions WHERE code = p.village_code)' : 'NULL::text';
  const { rows } = await q.query<Omit<SummaryRow, 'results'>>(
    `SELECT ${key} AS key, min(${name}) AS name, count(*)::int AS problems,
            count(*) FILTER (WHERE p.state <> 'closed')::int AS open,
            count(*) FILTER (WHERE p.state = 'closed')::int AS closed,
            coalesce(sum((SELECT count(*) FROM worklist_tasks t WHERE t.problem_id = p.id)), 0)::int AS tasks,
            coalesce(sum((SELECT count(*) FROM worklist_tasks t WHERE t.problem_id = p.id AND t.done_at IS NULL
                                  AND t.deadline < $2::date)), 0)::int AS "tasksLate",
            count(*) FILTER (WHERE e.confirmation = 'confirmed')::int AS confirmed
       FROM worklist_problems p LEFT JOIN worklist_effects e ON e.problem_id = p.id
      WHERE p.village_code LIKE $1 ${by === 'unit' ? 'AND p.unit_ref IS NOT NULL' : ''}
      GROUP BY ${key} ORDER BY ${key}`,
    [`${scope}%`, today],
  );
  return rows;
}

/** Results ("七个一") per kind and per group, counted separately (jsonb_object_agg cannot count). */
export async function resultCounts(q: Queryable, scope: string, by: 'village' | 'unit') {
  const key = by === 'village' ? 'p.village_code' : 'p.unit_ref';
  const { rows } = await q.query<{ key: string | null; kind: string; n: number }>(
    `SELECT ${key} AS key, e.result_kind AS kind, count(*)::int AS n
       FROM worklist_problems p JOIN worklist_effects e ON e.problem_id = p.id
      WHERE p.village_code LIKE $1 AND p.state = 'closed' GROUP BY 1, 2`,
    [`${scope}%`],
  );
  return rows;
}

export async function divisionLevel(q: Queryable, code: string): Promise<number | null> {
  const { rows } = await q.query<{ level: number }>(`SELECT level FROM divisions WHERE code = $1`, [code]);
  return rows[0]?.level ?? null;
}

/** Whether a live staff user holds one of `roles` over the village of `code` or inside it (a grid of it). */
export async function staffCovers(q: Queryable, userId: string, roles: readonly string[], code: string) {
  const { rows } = await q.query(
    `SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id
      WHERE r.user_id = $1 AND r.revoked_at IS NULL AND u.disabled_at IS NULL AND u.kind = 'staff'
        AND r.role = ANY ($2::text[]) AND (left($3, 12) LIKE r.scope_code || '%' OR r.scope_code LIKE left($3, 12) || '%') LIMIT 1`,
    [userId, roles, code],
  );
  return rows.length > 0;
}

/** The resident account of a person of the register (linked, or signing in with the same phone). */
export async function residentUserOf(q: Queryable, residentId: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT u.id FROM users u WHERE u.kind = 'resident' AND u.disabled_at IS NULL
        AND (u.resident_id = $1 OR u.phone_index = (SELECT phone_index FROM residents WHERE id = $1))
      ORDER BY (u.resident_id = $1) DESC NULLS LAST LIMIT 1`,
    [residentId],
  );
  return rows[0]?.id ?? null;
}

/** The newest problem listed from one thing of another module (its source and reference), whatever its state. */
export async function latestProblemFor(
  q: Queryable,
  source: ProblemSource,
  sourceRef: string,
): Promise<{ id: string; state: ProblemState; title: string } | null> {
  const { rows } = await q.query<{ id: string; state: ProblemState; title: string }>(
    `SELECT id, state, title FROM worklist_problems WHERE source = $1 AND source_ref = $2
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [source, sourceRef],
  );
  return rows[0] ?? null;
}

/** The problems not yet closed from one source whose references start with `refPrefix` (e.g. a village's gaps). */
export async function openProblemsFor(
  q: Queryable,
  source: ProblemSource,
  refPrefix: string,
): Promise<{ id: string; sourceRef: string }[]> {
  const { rows } = await q.query<{ id: string; sourceRef: string }>(
    `SELECT id, source_ref AS "sourceRef" FROM worklist_problems
     WHERE source = $1 AND state <> 'closed' AND source_ref LIKE $2 ORDER BY created_at`,
    [source, `${refPrefix.replace(/[\\%_]/g, '\\$&')}%`],
  );
  return rows;
}
