import type { Queryable } from '../../platform/db/db';
import type { CaseState } from './case-machine';
import type { TraceStep } from './routing';
import type { Tier, Urgency } from './taxonomy';

/** 位置来源: the phone's position, a pick on the map, the reporter's registered household, an Open311 client's coordinates. */
export type LocationSource = 'gps' | 'map' | 'household' | 'open311';
export const LOCATION_SOURCES: readonly LocationSource[] = ['gps', 'map', 'household', 'open311'];

export interface CaseRow {
  id: string;
  number: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryConfirmed: boolean;
  extra: Record<string, unknown>;
  urgency: Urgency;
  lng: number;
  lat: number;
  address: string | null;
  /** 位置来源: where lng/lat came from (null: received before it was recorded) */
  locationSource: LocationSource | null;
  gridCode: string | null;
  divisionCode: string;
  tier: Tier;
  state: CaseState;
  handlerUserId: string | null;
  handlerDepartment: string | null;
  reporterId: string | null;
  reporterName: string | null;
  enteredBy: string | null;
  anonymous: boolean;
  source: 'app' | 'console' | 'open311' | 'phone' | 'visit';
  isPublic: boolean;
  ruleTrace: TraceStep[];
  receivedAt: Date;
  respondedAt: Date | null;
  responseDueAt: Date;
  filedAt: Date | null;
  dispatchedAt: Date | null;
  handleDueAt: Date | null;
  feedbackAt: Date | null;
  closedAt: Date | null;
  closedOnTime: boolean | null;
  reworkCount: number;
  suspensionRequested: boolean;
  suspended: boolean;
  everSuspended: boolean;
  supervised: boolean;
  supervisionDueAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  rejection: Record<string, unknown> | null;
  duplicateOf: string | null;
  updatedAt: Date;
}

const FIELDS: Record<keyof CaseRow, string> = {
  id: 'id',
  number: 'number',
  title: 'title',
  description: 'description',
  categoryCode: 'category_code',
  categoryConfirmed: 'category_confirmed',
  extra: 'extra',
  urgency: 'urgency',
  lng: 'lng',
  lat: 'lat',
  address: 'address',
  locationSource: 'location_source',
  gridCode: 'grid_code',
  divisionCode: 'division_code',
  tier: 'tier',
  state: 'state',
  handlerUserId: 'handler_user_id',
  handlerDepartment: 'handler_department',
  reporterId: 'reporter_id',
  reporterName: 'reporter_name',
  enteredBy: 'entered_by',
  anonymous: 'anonymous',
  source: 'source',
  isPublic: 'is_public',
  ruleTrace: 'rule_trace',
  receivedAt: 'received_at',
  respondedAt: 'responded_at',
  responseDueAt: 'response_due_at',
  filedAt: 'filed_at',
  dispatchedAt: 'dispatched_at',
  handleDueAt: 'handle_due_at',
  feedbackAt: 'feedback_at',
  closedAt: 'closed_at',
  closedOnTime: 'closed_on_time',
  reworkCount: 'rework_count',
  suspensionRequested: 'suspension_requested',
  suspended: 'suspended',
  everSuspended: 'ever_suspended',
  supervised: 'supervised',
  supervisionDueAt: 'supervision_due_at',
  rating: 'rating',
  ratingComment: 'rating_comment',
  rejection: 'rejection',
  duplicateOf: 'duplicate_of',
  updatedAt: 'updated_at',
};

/** What the loop has not yet touched on a new case: the columns' defaults in migration 0003. */
export const UNTOUCHED_CASE = {
  respondedAt: null,
  filedAt: null,
  dispatchedAt: null,
  handleDueAt: null,
  feedbackAt: null,
  closedAt: null,
  closedOnTime: null,
  reworkCount: 0,
  suspensionRequested: false,
  suspended: false,
  everSuspended: false,
  supervised: false,
  supervisionDueAt: null,
  rating: null,
  ratingComment: null,
  rejection: null,
  duplicateOf: null,
} as const satisfies Partial<CaseRow>;

export const CASE_COLUMNS = Object.entries(FIELDS)
  .map(([k, c]) => (k === c ? c : `${c} AS "${k}"`))
  .join(', ');

export async function findCase(q: Queryable, id: string, forUpdate = false): Promise<CaseRow | null> {
  const { rows } = await q.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findCaseByNumber(q: Queryable, number: string): Promise<CaseRow | null> {
  const { rows } = await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE number = $1`, [number]);
  return rows[0] ?? null;
}

export type NewCase = Omit<
  CaseRow,
  | 'id'
  | 'number'
  | 'respondedAt'
  | 'filedAt'
  | 'dispatchedAt'
  | 'handleDueAt'
  | 'feedbackAt'
  | 'closedAt'
  | 'closedOnTime'
  | 'reworkCount'
  | 'suspensionRequested'
  | 'suspended'
  | 'everSuspended'
  | 'supervised'
  | 'supervisionDueAt'
  | 'rating'
  | 'ratingComment'
  | 'rejection'
  | 'duplicateOf'
  | 'categoryConfirmed'
  | 'updatedAt'
  | 'locationSource'
> & {
  locationSource?: LocationSource | null;
  idempotencyKey: string | null;
  reporterContact: string | null;
  open311ClientId: string | null;
};

export type CasePatch = Partial<Omit<CaseRow, 'id' | 'number'>>;

export async function updateCase(q: Queryable, id: string, patch: CasePatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch)) {
    const column = FIELDS[key as keyof CaseRow];
    if (!column) throw new Error(`unknown case field ${key}`);
    params.push(
      value instanceof Date
        ? value.toISOString()
        : key === 'ruleTrace' || key === 'rejection' || key === 'extra'
          ? JSON.stringify(value)
          : value,
    );
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length) await q.query(`UPDATE cases SET ${sets.join(', ')} WHERE id = $1`, params);
}

export interface CaseEventRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  type: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown>;
  isPublic: boolean;
}

export async function insertEvent(q: Queryable, caseId: string, e: Omit<CaseEventRow, 'id'>): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO case_events (case_id, at, actor_id, actor_label, type, from_state, to_state, note, data, is_public)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      caseId,
      e.at.toISOString(),
      e.actorId,
      e.actorLabel,
      e.type,
      e.fromState,
      e.toState,
      e.note,
      JSON.stringify(e.data),
      e.isPublic,
    ],
  );
  return Number(rows[0].id);
}

export async function listEvents(q: Queryable, caseId: string, publicOnly: boolean): Promise<CaseEventRow[]> {
  const { rows } = await q.query<CaseEventRow>(
    `SELECT id, at, actor_id AS "actorId", actor_label AS "actorLabel", type, from_state AS "fromState", to_state AS "toState", note, data, is_public AS "isPublic"
       FROM case_events WHERE case_id = $1 ${publicOnly ? 'AND is_public' : ''} ORDER BY id`,
    [caseId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Open cases of a category within `meters` of a point (bounding box, then exact distance). */
export async function nearbyOpen(
  q: Queryable,
  categoryCode: string | null,
  lng: number,
  lat: number,
  meters: number,
  since: Date | null,
  limit: number,
) {
  const dLat = meters / 111_320;
  const dLng = meters / (111_320 * Math.cos((lat * Math.PI) / 180));
  const { rows } = await q.query<CaseRow & { distance: number }>(
    `SELECT * FROM (
       SELECT ${CASE_COLUMNS},
              2 * 6371008.8 * asin(sqrt(power(sin(radians(lat - $3) / 2), 2) + cos(radians($3)) * cos(radians(lat)) * power(sin(radians(lng - $2) / 2), 2))) AS distance
         FROM cases
        WHERE state IN ('received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback')
          AND ($1::text IS NULL OR category_code = $1) AND ($7::timestamptz IS NULL OR received_at >= $7)
          AND lat BETWEEN $3 - $4 AND $3 + $4 AND lng BETWEEN $2 - $5 AND $2 + $5) c
      WHERE distance <= $6 ORDER BY distance LIMIT $8`,
    [categoryCode, lng, lat, dLat, dLng, meters, since?.toISOString() ?? null, limit],
  );
  return rows;
}

export async function addFollower(q: Queryable, caseId: string, userId: string, now: Date): Promise<void> {
  await q.query(
    'INSERT INTO case_followers (case_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [caseId, userId, now.toISOString()],
  );
}

export async function followers(q: Queryable, caseId: string): Promise<string[]> {
  const { rows } = await q.query<{ user_id: string }>('SELECT user_id FROM case_followers WHERE case_id = $1', [
    caseId,
  ]);
  return rows.map((r) => r.user_id);
}

/** A department's name, to label the case's handler; null when there is no such department. */
export async function departmentName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM departments WHERE code = $1', [code]);
  return rows[0]?.name ?? null;
}

/** The encrypted phone of a case's reporter: the one given when staff entered it, else the reporter's account phone. */
export async function reporterPhoneCipher(q: Queryable, caseId: string): Promise<string | null> {
  const { rows } = await q.query<{ cipher: string | null }>(
    'SELECT COALESCE(c.reporter_contact, u.phone_cipher) AS cipher FROM cases c LEFT JOIN users u ON u.id = c.reporter_id WHERE c.id = $1',
    [caseId],
  );
  return rows[0]?.cipher ?? null;
}
