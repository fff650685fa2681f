/** SQL of the workers' registry, the support measures and the 五帮 requests (and the help bodies' departments). */
import type { Queryable } from '../../platform/db/db';
import type { HelpBody, RequestKind, RequestState, WorkKind } from './beehive.labels';

// ---- workers ----

export interface WorkerRow {
  id: string;
  userId: string;
  name: string;
  phoneMasked: string | null;
  workKind: WorkKind;
  platform: string;
  stationId: string | null;
  stationName: string | null;
  partyMember: boolean;
  consentAt: Date;
  woodpeckerScope: string | null;
}

const WORKER = `w.id, w.user_id AS "userId", w.name, u.phone_masked AS "phoneMasked", w.work_kind AS "workKind",
  w.platform, w.station_id AS "stationId", s.name AS "stationName", w.party_member AS "partyMember",
  w.consent_at AS "consentAt", w.woodpecker_scope AS "woodpeckerScope"`;
const WORKER_FROM = `beehive_workers w JOIN users u ON u.id = w.user_id LEFT JOIN beehive_stations s ON s.id = w.station_id`;

export async function insertWorker(
  q: Queryable,
  w: {
    userId: string;
    name: string;
    workKind: WorkKind;
    platform: string;
    stationId: string | null;
    partyMember: boolean;
    consentVersion: string;
    isDemo?: boolean;
  },
  now: Date,
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO beehive_workers (user_id, name, work_kind, platform, station_id, party_member, consent_at, consent_version, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7) ON CONFLICT (user_id) DO NOTHING RETURNING id`,
    [w.userId, w.name, w.workKind, w.platform, w.stationId, w.partyMember, now, w.consentVersion, w.isDemo ?? false],
  );
  return rows[0]?.id ?? null;
}

export async function workerOfUser(q: Queryable, userId: string): Promise<WorkerRow | null> {
  const { rows } = await q.query<WorkerRow>(`SELECT ${WORKER} FROM ${WORKER_FROM} WHERE w.user_id = $1`, [userId]);
  return rows[0] ?? null;
}

export async function setWoodpeckerScope(q: Queryable, workerId: string, scope: string): Promise<void> {
  await q.query('UPDATE beehive_workers SET woodpecker_scope = $2 WHERE id = $1', [workerId, scope]);
}

/** A page of the workers registered at stations under `scopes` (or at no station, for county readers), by name. */
export async function listWorkers(
  q: Queryable,
  scopes: readonly string[],
  withoutStation: boolean,
  after: [string, string] | null,
  limit: number,
): Promise<WorkerRow[]> {
  const { rows } = await q.query<WorkerRow>(
    `SELECT ${WORKER} FROM ${WORKER_FROM}
     WHERE (EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE s.division_code LIKE p || '%') OR ($2 AND w.station_id IS NULL))
       AND ($3::text IS NULL OR (w.name COLLATE "C", w.id::text) > ($3::text COLLATE "C", $4::text))
     ORDER BY w.name COLLATE "C", w.id::text LIMIT $5`,
    [scopes, withoutStation, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return rows;
}

// ---- help bodies: departments ----

/** Creates the body's department when the county has none of that code yet (the standard list lacks 工会, 司法, 市场监管). */
export async function ensureDepartment(q: Queryable, code: string, name: string, nameEn: string, countyCode: string) {
  await q.query(
    'INSERT INTO departments (code, name, name_en, scope_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
    [code, name, nameEn, countyCode],
  );
}

// ---- measures ----

export interface MeasureRow {
  id: string;
  number: number;
  title: string;
  body: string;
  bodyKey: HelpBody;
  published: boolean;
}
const MEASURE = `id, number, title, body, body_key AS "bodyKey", published`;

export async function listMeasures(q: Queryable, publishedOnly: boolean): Promise<MeasureRow[]> {
  const { rows } = await q.query<MeasureRow>(
    `SELECT ${MEASURE} FROM beehive_measures WHERE published OR NOT $1 ORDER BY number`,
    [publishedOnly],
  );
  return rows;
}

export async function upsertMeasure(q: Queryable, m: Omit<MeasureRow, 'id'>, now: Date): Promise<MeasureRow> {
  const { rows } = await q.query<MeasureRow>(
    `INSERT INTO beehive_measures (number, title, body, body_key, published, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (number) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, body_key = EXCLUDED.body_key,
       published = EXCLUDED.published, updated_at = EXCLUDED.updated_at RETURNING ${MEASURE}`,
    [m.number, m.title, m.body, m.bodyKey, m.published, now],
  );
  return rows[0];
}

export async function publishedMeasureIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM beehive_measures WHERE id = ANY($1::uuid[]) AND published',
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

// ---- requests ----

export interface RequestRow {
  id: string;
  workerId: string;
  workerUserId: string;
  workerName: string;
  kind: RequestKind;
  bodyKey: HelpBody;
  departmentCode: string;
  departmentName: string;
  stationId: string | null;
  description: string;
  measureIds: string[];
  state: RequestState;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  followUp: string | null;
  rating: number | null;
  createdAt: Date;
}

const REQUEST = `r.id, r.worker_id AS "workerId", w.user_id AS "workerUserId", w.name AS "workerName", r.kind,
  r.body_key AS "bodyKey", r.department_code AS "departmentCode", d.name AS "departmentName", r.station_id AS "stationId",
  r.description, r.measure_ids::text[] AS "measureIds", r.state, r.due_at AS "dueAt", r.answer, r.answered_at AS "answeredAt",
  r.follow_up AS "followUp", r.rating, r.created_at AS "createdAt"`;
const REQUEST_FROM = `beehive_requests r JOIN beehive_workers w ON w.id = r.worker_id JOIN departments d ON d.code = r.department_code`;

export async function insertRequest(
  q: Queryable,
  r: {
    workerId: string;
    kind: RequestKind;
    bodyKey: HelpBody;
    departmentCode: string;
    stationId: string | null;
    description: string;
    measureIds: string[];
    dueAt: Date;
    isDemo?: boolean;
  },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO beehive_requests (worker_id, kind, body_key, department_code, station_id, description, measure_ids, state, due_at, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], 'submitted', $8, $9, $10) RETURNING id`,
    [
      r.workerId,
      r.kind,
      r.bodyKey,
      r.departmentCode,
      r.stationId,
      r.description,
      r.measureIds,
      r.dueAt,
      r.isDemo ?? false,
      now,
    ],
  );
  return rows[0].id;
}

export async function findRequest(q: Queryable, id: string, lock = false): Promise<RequestRow | null> {
  const { rows } = await q.query<RequestRow>(
    `SELECT ${REQUEST} FROM ${REQUEST_FROM} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function updateRequest(
  q: Queryable,
  id: string,
  patch: {
    state: RequestState;
    answer?: string;
    answeredAt?: Date;
    answeredBy?: string;
    followUp?: string;
    rating?: number;
    dueAt?: Date;
  },
): Promise<void> {
  await q.query(
    `UPDATE beehive_requests SET state = $2, answer = COALESCE($3, answer), answered_at = COALESCE($4, answered_at),
       answered_by = COALESCE($5, answered_by), follow_up = COALESCE($6, follow_up), rating = COALESCE($7, rating),
       due_at = COALESCE($8, due_at) WHERE id = $1`,
    [
      id,
      patch.state,
      patch.answer ?? null,
      patch.answeredAt ?? null,
      patch.answeredBy ?? null,
      patch.followUp ?? null,
      patch.rating ?? null,
      patch.dueAt ?? null,
    ],
  );
}

/** A page of requests, newest first: of the given departments (null: every one), or of one worker. */
export async function listRequests(
  q: Queryable,
  filter: { departments: readonly string[] | null; workerId: string | null; state: RequestState | null },
  after: [string, string] | null,
  limit: number,
): Promise<RequestRow[]> {
  const { rows } = await q.query<RequestRow>(
    `SELECT ${REQUEST} FROM ${REQUEST_FROM}
     WHERE ($1::text[] IS NULL OR r.department_code = ANY($1::text[]))
       AND ($2::uuid IS NULL OR r.worker_id = $2::uuid) AND ($3::text IS NULL OR r.state = $3)
       AND ($4::timestamptz IS NULL OR (r.created_at, r.id::text) < ($4::timestamptz, $5::text))
     ORDER BY r.created_at DESC, r.id::text DESC LIMIT $6`,
    [filter.departments, filter.workerId, filter.state, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return rows;
}
