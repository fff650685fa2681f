/** The care register's SQL: settings, persons, visit obligations (dues), visits, monthly rates. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { CareSettings } from './care.domain';
import type { DueReason, RiskTier } from './schedule.domain';

export async function loadSettings(q: Queryable, county: string): Promise<CareSettings | null> {
  const { rows } = await q.query<CareSettings>(
    `SELECT schedule, categories, questions FROM care_settings WHERE county_code = $1`,
    [county],
  );
  return rows[0] ?? null;
}

export async function saveSettings(q: Queryable, county: string, s: CareSettings, by: string, at: Date) {
  await q.query(
    `INSERT INTO care_settings (county_code, schedule, categories, questions, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (county_code) DO UPDATE SET schedule = $2, categories = $3, questions = $4, updated_by = $5, updated_at = $6`,
    [county, JSON.stringify(s.schedule), JSON.stringify(s.categories), JSON.stringify(s.questions), by, at],
  );
}

/** A resident of the population register: where they live. */
export async function residentPlace(q: Queryable, residentId: string) {
  const { rows } = await q.query<{ gridCode: string; name: string }>(
    `SELECT grid_code AS "gridCode", name FROM residents WHERE id = $1`,
    [residentId],
  );
  return rows[0] ?? null;
}

export interface PersonRow {
  id: string;
  residentId: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  address: string;
  gridCode: string;
  gridName: string;
  categories: string[];
  tier: RiskTier;
  workerId: string;
  workerName: string;
  consentBy: 'self' | 'guardian';
  consentOn: string;
  consentNote: string | null;
  note: string | null;
  registeredAt: Date;
  dueAt: Date | null;
}

const PERSON_SELECT = `SELECT cp.id, cp.resident_id AS "residentId", r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate",
    h.address, cp.grid_code AS "gridCode", g.name AS "gridName", cp.categories, cp.tier, cp.worker_id AS "workerId",
    u.display_name AS "workerName", cp.consent_by AS "consentBy", to_char(cp.consent_on, 'YYYY-MM-DD') AS "consentOn",
    cp.consent_note AS "consentNote", cp.note, cp.registered_at AS "registeredAt", d.due_at AS "dueAt"
  FROM care_persons cp
  JOIN residents r ON r.id = cp.resident_id
  JOIN households h ON h.code = r.household_code
  JOIN divisions g ON g.code = cp.grid_code
  JOIN users u ON u.id = cp.worker_id
  LEFT JOIN care_dues d ON d.person_id = cp.id AND d.closed_at IS NULL`;

/** The row of a person on the register (archived ones are not found); `lock` for a change. */
export async function findPerson(q: Queryable, id: string, lock = false): Promise<PersonRow | null> {
  if (lock) await q.query(`SELECT 1 FROM care_persons WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await q.query<PersonRow>(`${PERSON_SELECT} WHERE cp.id = $1 AND cp.archived_at IS NULL`, [id]);
  return rows[0] ?? null;
}

export interface PersonFilter {
  scopes: string[];
  /** Only this worker's persons (a grid worker's view of the register). */
  workerId?: string;
  tier?: RiskTier;
  /** Part of the name. */
  name?: string;
}

export const PERSON_KEY = ['string', 'uuid'] as const;
export const personKey = (p: PersonRow) => [p.gridCode, p.id] as const;

export async function listPersons(q: Queryable, f: PersonFilter, limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [f.scopes.map((s) => `${s}%`), limit];
  const where = ['cp.archived_at IS NULL', 'cp.grid_code LIKE ANY ($1::text[])'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.workerId) add('cp.worker_id = ?', f.workerId);
  if (f.tier) add('cp.tier = ?', f.tier);
  if (f.name) add('strpos(r.name, ?) > 0', f.name);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(cp.grid_code, cp.id) > ($${params.length - 1}::text, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<PersonRow>(
    `${PERSON_SELECT} WHERE ${where.join(' AND ')} ORDER BY cp.grid_code, cp.id LIMIT $2 + 1`,
    params,
  );
  return rows;
}

export interface NewPerson {
  residentId: string;
  gridCode: string;
  categories: string[];
  tier: RiskTier;
  workerId: string;
  consentBy: 'self' | 'guardian';
  consentOn: string;
  consentNote: string | null;
  note: string | null;
  registeredBy: string | null;
  at: Date;
  isDemo?: boolean;
}

/** Inserts a person; null when the resident is already on the register. */
export async function insertPerson(q: Queryable, p: NewPerson): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO care_persons (resident_id, grid_code, categories, tier, worker_id, consent_by, consent_on, consent_note,
       note, registered_by, registered_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12)
     ON CONFLICT (resident_id) DO NOTHING RETURNING id`,
    [
      p.residentId,
      p.gridCode,
      p.categories,
      p.tier,
      p.workerId,
      p.consentBy,
      p.consentOn,
      p.consentNote,
      p.note,
      p.registeredBy,
      p.at,
      p.isDemo ?? false,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function updatePerson(
  q: Queryable,
  id: string,
  p: { categories: string[]; tier: RiskTier; workerId: string; note: string | null },
) {
  await q.query(`UPDATE care_persons SET categories = $2, tier = $3, worker_id = $4, note = $5 WHERE id = $1`, [
    id,
    p.categories,
    p.tier,
    p.workerId,
    p.note,
  ]);
  await q.query(`UPDATE care_dues SET worker_id = $2 WHERE person_id = $1 AND closed_at IS NULL`, [id, p.workerId]);
}

/** Whether a live staff account holds the grid worker role over the grid. */
export async function isGridWorkerOf(q: Queryable, userId: string, gridCode: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id
      WHERE r.user_id = $1 AND r.role = 'grid_worker' AND r.revoked_at IS NULL AND u.disabled_at IS NULL
        AND $2 LIKE r.scope_code || '%' LIMIT 1`,
    [userId, gridCode],
  );
  return rows.length > 0;
}

// ---- visit obligations ----

/** Closes the open obligation (met by a visit, or superseded) and opens the next one. */
export async function rollDue(
  q: Queryable,
  p: { personId: string; gridCode: string; workerId: string; tier: RiskTier },
  close: { outcome: 'met' | 'superseded'; at: Date; visitId?: string } | null,
  next: { reason: DueReason; openedAt: Date; dueAt: Date },
) {
  if (close)
    await q.query(
      `UPDATE care_dues SET closed_at = $2, outcome = $3, visit_id = $4 WHERE person_id = $1 AND closed_at IS NULL`,
      [p.personId, close.at, close.outcome, close.visitId ?? null],
    );
  await q.query(
    `INSERT INTO care_dues (person_id, grid_code, worker_id, tier, reason, opened_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [p.personId, p.gridCode, p.workerId, p.tier, next.reason, next.openedAt, next.dueAt],
  );
}

export interface DueRow {
  dueId: number;
  personId: string;
  name: string;
  address: string;
  gridCode: string;
  categories: string[];
  tier: RiskTier;
  reason: DueReason;
  dueAt: Date;
  lastVisitAt: Date | null;
}

export const DUE_KEY = ['date', 'integer'] as const;
export const dueKey = (d: DueRow) => [d.dueAt, d.dueId] as const;

/** Which open obligations count as due: those due by `now` plus the tier's window (ms); overdueOnly: by `now`. */
export interface DueWindow {
  now: Date;
  highKey: number;
  general: number;
  overdueOnly: boolean;
}

/** The worker's open obligations within their grid-worker scopes (and the window): the list's and the count's. */
function dueWhere(workerId: string, scopes: string[], window: DueWindow | null, params: unknown[]): string[] {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [
    `d.worker_id = ${p(workerId)}`,
    'd.closed_at IS NULL',
    `d.grid_code LIKE ANY (${p(scopes.map((s) => `${s}%`))}::text[])`,
  ];
  if (window) {
    const [now, highKey, general] = [
      p(window.now),
      p(window.overdueOnly ? 0 : window.highKey),
      p(window.overdueOnly ? 0 : window.general),
    ];
    where.push(
      `d.due_at <= ${now}::timestamptz + (CASE d.tier WHEN 'general' THEN ${general}::bigint ELSE ${highKey}::bigint END) * interval '1 millisecond'`,
    );
  }
  return where;
}

/**
 * A worker's open obligations by deadline, within their grid-worker scopes. `window`: only those
 * due by then (per tier: `now` plus the tier's window, in ms), or all when null.
 */
export async function dueList(
  q: Queryable,
  workerId: string,
  scopes: string[],
  window: DueWindow | null,
  limit: number,
  after: KeyValue[] | null,
) {
  const params: unknown[] = [];
  const where = dueWhere(workerId, scopes, window, params);
  params.push(limit);
  const limitAt = `$${params.length}`;
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(d.due_at, d.id) > ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  const { rows } = await q.query<DueRow>(
    `SELECT d.id AS "dueId", cp.id AS "personId", r.name, h.address, d.grid_code AS "gridCode", cp.categories, d.tier,
            d.reason, d.due_at AS "dueAt",
            (SELECT v.visited_at FROM care_visits v WHERE v.person_id = cp.id ORDER BY v.visited_at DESC LIMIT 1) AS "lastVisitAt"
       FROM care_dues d
       JOIN care_persons cp ON cp.id = d.person_id
       JOIN residents r ON r.id = cp.resident_id
       JOIN households h ON h.code = r.household_code
      WHERE ${where.join(' AND ')}
      ORDER BY d.due_at, d.id LIMIT ${limitAt} + 1`,
    params,
    { name: window ? (window.overdueOnly ? 'care_due_overdue' : 'care_due_window') : undefined },
  );
  return rows;
}

/** How many obligations `dueList` would list (no names: the console home's count, not audited as a read of persons). */
export async function countDue(q: Queryable, workerId: string, scopes: string[], window: DueWindow): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM care_dues d WHERE ${dueWhere(workerId, scopes, window, params).join(' AND ')}`,
    params,
  );
  return rows[0].n;
}

// ---- visits ----

export async function insertVisit(
  q: Queryable,
  v: {
    personId: string;
    gridCode: string;
    workerId: string;
    visitedAt: Date;
    answers: unknown;
    summary: string | null;
    at: Date;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO care_visits (person_id, grid_code, worker_id, visited_at, answers, summary, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.personId, v.gridCode, v.workerId, v.visitedAt, JSON.stringify(v.answers), v.summary, v.at],
  );
  return rows[0].id;
}

export interface VisitRow {
  id: string;
  visitedAt: Date;
  workerName: string;
  answers: { key: string; answer: string; concern: boolean }[];
  summary: string | null;
}

export async function recentVisits(q: Queryable, personId: string, limit = 10): Promise<VisitRow[]> {
  const { rows } = await q.query<VisitRow>(
    `SELECT v.id, v.visited_at AS "visitedAt", u.display_name AS "workerName", v.answers, v.summary
       FROM care_visits v JOIN users u ON u.id = v.worker_id
      WHERE v.person_id = $1 ORDER BY v.visited_at DESC LIMIT $2`,
    [personId, limit],
  );
  return rows;
}

// ---- monthly visit rate ----

/**
 * The monthly rate's statement with its values written in: the app pool plans every parameterised
 * statement generically (plan_cache_mode=force_generic_plan also covers node-postgres's unnamed
 * statements), and the generic plan of this one read the whole table (~100 ms at 20,000 persons
 * against ~15 ms with the values known). The values are checked: a division code and two instants.
 */
export function monthlyRatesSql(scopeCode: string, fromAt: Date, toAt: Date): string {
  if (!/^[0-9]{1,24}$/.test(scopeCode)) throw new Error(`not a division code: ${scopeCode}`);
  const scope = `'${scopeCode}%'`;
  const from = `'${fromAt.toISOString()}'::timestamptz`;
  const to = `'${toAt.toISOString()}'::timestamptz`;
  return `WITH counted AS (
       SELECT grid_code, (outcome = 'met' AND closed_at < ${to}) AS met FROM care_dues
        WHERE due_at >= ${from} AND due_at < ${to} AND outcome IS DISTINCT FROM 'superseded' AND grid_code LIKE ${scope}
       UNION ALL
       SELECT grid_code, false FROM care_dues WHERE closed_at IS NULL AND due_at < ${from} AND grid_code LIKE ${scope}
       UNION ALL
       SELECT grid_code, closed_at < ${to} FROM care_dues
        WHERE closed_at IS NOT NULL AND closed_at >= ${from} AND due_at < ${from} AND outcome = 'met' AND grid_code LIKE ${scope})
     SELECT c.grid_code AS "gridCode", min(d.name) AS "gridName", count(*)::int AS due,
            count(*) FILTER (WHERE c.met)::int AS met
       FROM counted c JOIN divisions d ON d.code = c.grid_code
      GROUP BY c.grid_code ORDER BY c.grid_code`;
}

/**
 * Per grid under `scope`: obligations due in [from, to) — due within it, or due before and still
 * open at `from` — and how many of them were met before `to` (superseded ones not counted).
 * Three disjoint sets, each read through its own index.
 */
export async function monthlyRates(q: Queryable, scope: string, from: Date, to: Date) {
  const { rows } = await q.query<{ gridCode: string; gridName: string; due: number; met: number }>(
    monthlyRatesSql(scope, from, to),
  );
  return rows;
}

// ---- the demo's look-ups ----

export async function demoLoaded(q: Queryable): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM care_persons WHERE is_demo LIMIT 1`);
  return rows.length > 0;
}

export async function userIdsByName(q: Queryable, usernames: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; username: string }>(
    `SELECT id, username FROM users WHERE username = ANY ($1::text[])`,
    [usernames],
  );
  return new Map(rows.map((r) => [r.username, r.id]));
}

export async function oldestResidents(q: Queryable, village: string, limit: number) {
  const { rows } = await q.query<{ id: string; name: string; gridCode: string }>(
    `SELECT id, name, grid_code AS "gridCode" FROM residents WHERE grid_code LIKE $1 ORDER BY birth_date, id LIMIT $2`,
    [`${village}%`, limit],
  );
  return rows;
}

/** How many residents a village has, and its first grid. */
export async function villageFill(q: Queryable, village: string) {
  const { rows } = await q.query<{ n: number; grid: string | null }>(
    `SELECT (SELECT count(*)::int FROM residents WHERE grid_code LIKE $1) AS n,
            (SELECT min(code) FROM divisions WHERE parent_code = $2) AS grid`,
    [`${village}%`, village],
  );
  return rows[0];
}

/** Per worker (user id): the 九必问 visits made, and the open obligations already past due. Counts only, no person. */
export async function visitRecordOf(
  q: Queryable,
  workerIds: readonly string[],
  now: Date,
): Promise<Map<string, { visits: number; overdue: number }>> {
  const out = new Map<string, { visits: number; overdue: number }>();
  if (!workerIds.length) return out;
  const { rows } = await q.query<{ workerId: string; visits: number; overdue: number }>(
    `SELECT w.id AS "workerId",
            (SELECT count(*)::int FROM care_visits v WHERE v.worker_id = w.id) AS visits,
            (SELECT count(*)::int FROM care_dues d WHERE d.worker_id = w.id AND d.closed_at IS NULL AND d.due_at < $2) AS overdue
       FROM unnest($1::uuid[]) AS w(id)`,
    [[...new Set(workerIds)], now],
  );
  for (const r of rows) out.set(r.workerId, { visits: r.visits, overdue: r.overdue });
  return out;
}
