/** Errand items (the county's list), errands and their events. Queries only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { ErrandState, ThanksKind } from './services.labels';

export interface ItemRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  documents: string[];
  timeLimitDays: number;
  active: boolean;
}
const ITEM_COLUMNS = `id, code, name, kind, documents, time_limit_days AS "timeLimitDays", active`;

export async function listItems(q: Queryable, county: string, activeOnly: boolean): Promise<ItemRow[]> {
  const { rows } = await q.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM errand_items WHERE county_code = $1 AND (active OR NOT $2) ORDER BY kind, code`,
    [county, activeOnly],
  );
  return rows;
}

export async function findItem(q: Queryable, id: string): Promise<ItemRow | null> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM errand_items WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function upsertItem(
  q: Queryable,
  county: string,
  i: Omit<ItemRow, 'id'>,
  isDemo = false,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO errand_items (county_code, code, name, kind, documents, time_limit_days, active, is_demo)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
     ON CONFLICT (county_code, code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
       documents = EXCLUDED.documents, time_limit_days = EXCLUDED.time_limit_days, active = EXCLUDED.active
     RETURNING id`,
    [county, i.code, i.name, i.kind, JSON.stringify(i.documents), i.timeLimitDays, i.active, isDemo],
  );
  return rows[0].id;
}

export interface ErrandRow {
  id: string;
  number: string;
  itemId: string;
  itemName: string;
  divisionCode: string;
  divisionName: string;
  requesterId: string;
  requesterName: string;
  filedBy: string | null;
  onBehalfReason: string | null;
  detailsCipher: string;
  state: ErrandState;
  handlerId: string | null;
  handlerName: string | null;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  dueAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  rating: number | null;
  ratingComment: string | null;
  thanks: ThanksKind | null;
  createdAt: Date;
}

const COLUMNS = `e.id, e.number, e.item_id AS "itemId", i.name AS "itemName", e.division_code AS "divisionCode",
  d.name AS "divisionName", e.requester_id AS "requesterId", r.display_name AS "requesterName", e.filed_by AS "filedBy",
  e.on_behalf_reason AS "onBehalfReason", e.details_cipher AS "detailsCipher", e.state, e.handler_id AS "handlerId",
  h.display_name AS "handlerName", e.assigned_at AS "assignedAt", e.accepted_at AS "acceptedAt", e.due_at AS "dueAt",
  e.finished_at AS "finishedAt", e.outcome, e.rating, e.rating_comment AS "ratingComment", e.thanks, e.created_at AS "createdAt"`;
const FROM = `errands e JOIN errand_items i ON i.id = e.item_id JOIN divisions d ON d.code = e.division_code
  JOIN users r ON r.id = e.requester_id LEFT JOIN users h ON h.id = e.handler_id`;

export interface NewErrand {
  itemId: string;
  divisionCode: string;
  requesterId: string;
  filedBy: string | null;
  onBehalfReason: string | null;
  detailsCipher: string;
  dueAt: Date;
  now: Date;
  isDemo?: boolean;
}

export async function insertErrand(q: Queryable, e: NewErrand): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO errands (number, item_id, division_code, requester_id, filed_by, on_behalf_reason, details_cipher, state, due_at, created_at, is_demo)
     VALUES ('DB' || to_char($8::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('errand_number_seq')::text, 6, '0'),
             $1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9) RETURNING id`,
    [
      e.itemId,
      e.divisionCode,
      e.requesterId,
      e.filedBy,
      e.onBehalfReason,
      e.detailsCipher,
      e.dueAt,
      e.now,
      e.isDemo ?? false,
    ],
  );
  return rows[0].id;
}

export async function findErrand(q: Queryable, id: string, forUpdate = false): Promise<ErrandRow | null> {
  const { rows } = await q.query<ErrandRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $1 ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface ErrandPatch {
  state?: ErrandState;
  handlerId?: string | null;
  assignedBy?: string | null;
  assignedAt?: Date | null;
  acceptedAt?: Date | null;
  finishedAt?: Date;
  outcome?: string;
  rating?: number;
  ratingComment?: string | null;
  ratedAt?: Date;
  thanks?: ThanksKind | null;
  thankedAt?: Date | null;
}

const PATCH_COLUMNS: Record<keyof ErrandPatch, string> = {
  state: 'state',
  handlerId: 'handler_id',
  assignedBy: 'assigned_by',
  assignedAt: 'assigned_at',
  acceptedAt: 'accepted_at',
  finishedAt: 'finished_at',
  outcome: 'outcome',
  rating: 'rating',
  ratingComment: 'rating_comment',
  ratedAt: 'rated_at',
  thanks: 'thanks',
  thankedAt: 'thanked_at',
};

export async function updateErrand(q: Queryable, id: string, p: ErrandPatch): Promise<void> {
  const keys = (Object.keys(p) as (keyof ErrandPatch)[]).filter((k) => p[k] !== undefined);
  if (!keys.length) return;
  await q.query(
    `UPDATE errands SET ${keys.map((k, i) => `${PATCH_COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...keys.map((k) => p[k])],
  );
}

export async function insertEvent(
  q: Queryable,
  e: { errandId: string; at: Date; actorId: string | null; kind: string; noteCipher: string | null },
): Promise<void> {
  await q.query('INSERT INTO errand_events (errand_id, at, actor_id, kind, note_cipher) VALUES ($1, $2, $3, $4, $5)', [
    e.errandId,
    e.at,
    e.actorId,
    e.kind,
    e.noteCipher,
  ]);
}

export interface EventRow {
  id: number;
  at: Date;
  actorName: string | null;
  kind: string;
  noteCipher: string | null;
}

export async function eventsOf(q: Queryable, errandId: string): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT v.id, v.at, u.display_name AS "actorName", v.kind, v.note_cipher AS "noteCipher"
       FROM errand_events v LEFT JOIN users u ON u.id = v.actor_id WHERE v.errand_id = $1 ORDER BY v.id`,
    [errandId],
  );
  return rows;
}

export const errandKey = (e: ErrandRow) => [e.createdAt, e.id] as const;

export interface ErrandFilter {
  scopes?: readonly string[];
  requesterId?: string;
  handlerId?: string;
  state?: ErrandState;
  /** asked (created) in [from, before); with state done, finished in it */
  from?: Date;
  before?: Date;
}

/** The filter as SQL over `errands e`: $1 scopes, $2 requester, $3 handler, $4 state (null: any), $5 $6 the period. */
const FILTER_WHERE = `($1::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE e.division_code LIKE s || '%'))
        AND ($2::uuid IS NULL OR e.requester_id = $2) AND ($3::uuid IS NULL OR e.handler_id = $3)
        AND ($4::text IS NULL OR e.state = $4)
        AND ($5::timestamptz IS NULL OR (CASE WHEN $4::text = 'done' THEN e.finished_at ELSE e.created_at END) >= $5)
        AND ($6::timestamptz IS NULL OR (CASE WHEN $4::text = 'done' THEN e.finished_at ELSE e.created_at END) < $6)`;
const filterParams = (f: ErrandFilter) => [
  f.scopes ?? null,
  f.requesterId ?? null,
  f.handlerId ?? null,
  f.state ?? null,
  f.from ?? null,
  f.before ?? null,
];

/** How many errands `listErrands` would list (the console home's count). */
export async function countErrands(q: Queryable, f: ErrandFilter): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM errands e WHERE ${FILTER_WHERE}`,
    filterParams(f),
  );
  return rows[0].n;
}

/** Errands, newest first, by place, requester or handler. */
export async function listErrands(
  q: Queryable,
  f: ErrandFilter,
  limit: number,
  after: KeyValue[] | null,
): Promise<ErrandRow[]> {
  const { rows } = await q.query<ErrandRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE ${FILTER_WHERE}
        AND ($7::timestamptz IS NULL OR (e.created_at, e.id) < ($7::timestamptz, $8::uuid))
      ORDER BY e.created_at DESC, e.id DESC LIMIT $9`,
    [...filterParams(f), after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}

/** A resident's account found by the phone's blind index. */
export async function residentByPhoneIndex(q: Queryable, phoneIndex: string): Promise<{ id: string } | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE phone_index = $1 AND kind = 'resident' AND disabled_at IS NULL`,
    [phoneIndex],
  );
  return rows[0] ?? null;
}
