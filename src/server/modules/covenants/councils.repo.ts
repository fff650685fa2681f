/** 两会 (councils with terms and members) and the 红白理事会's register of family events. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { CouncilKind, CouncilRole, EventKind } from './covenants.labels';

export interface CouncilRow {
  id: string;
  divisionCode: string;
  divisionName: string;
  kind: CouncilKind;
  name: string;
  createdAt: Date;
}

const COUNCIL_COLS = `c.id, c.division_code AS "divisionCode", d.name AS "divisionName", c.kind, c.name, c.created_at AS "createdAt"`;

export async function insertCouncil(
  q: Queryable,
  c: { divisionCode: string; kind: CouncilKind; name: string; at: Date; isDemo?: boolean },
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO councils (division_code, kind, name, created_at, is_demo) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (division_code, kind, name) DO NOTHING RETURNING id`,
    [c.divisionCode, c.kind, c.name, c.at, c.isDemo ?? false],
  );
  return rows[0]?.id ?? null;
}

export async function councilById(q: Queryable, id: string, lock = false): Promise<CouncilRow | null> {
  const { rows } = await q.query<CouncilRow>(
    `SELECT ${COUNCIL_COLS} FROM councils c JOIN divisions d ON d.code = c.division_code WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export const councilKey = (c: CouncilRow): KeyValue[] => [c.divisionCode, c.id];

export async function councilsIn(q: Queryable, scopes: readonly string[], limit: number, after: KeyValue[] | null) {
  const { rows } = await q.query<CouncilRow>(
    `SELECT ${COUNCIL_COLS} FROM councils c JOIN divisions d ON d.code = c.division_code
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE c.division_code LIKE s || '%')
        AND ($3::text IS NULL OR (c.division_code, c.id) > ($3::text, $4::uuid))
      ORDER BY c.division_code, c.id LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

export interface TermRow {
  id: string;
  startsOn: string;
  endsOn: string;
  members: { residentId: string; name: string; role: CouncilRole }[];
}

export async function termsOf(
  q: Queryable,
  councilIds: readonly string[],
): Promise<(TermRow & { councilId: string })[]> {
  const { rows } = await q.query<TermRow & { councilId: string }>(
    `SELECT t.id, t.council_id AS "councilId", to_char(t.starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(t.ends_on, 'YYYY-MM-DD') AS "endsOn",
            coalesce((SELECT json_agg(json_build_object('residentId', m.resident_id, 'name', r.name, 'role', m.role)
                                      ORDER BY m.role = 'member', r.name)
                        FROM council_members m JOIN residents r ON r.id = m.resident_id WHERE m.term_id = t.id), '[]') AS members
       FROM council_terms t WHERE t.council_id = ANY($1::uuid[]) ORDER BY t.starts_on DESC`,
    [councilIds],
  );
  return rows;
}

/** A term of the council overlapping [from, to], or null. */
export async function overlappingTerm(q: Queryable, councilId: string, from: string, to: string) {
  const { rows } = await q.query<{ startsOn: string; endsOn: string }>(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
       FROM council_terms WHERE council_id = $1 AND starts_on <= $3::date AND ends_on >= $2::date LIMIT 1`,
    [councilId, from, to],
  );
  return rows[0] ?? null;
}

export async function insertTerm(
  q: Queryable,
  t: {
    councilId: string;
    startsOn: string;
    endsOn: string;
    at: Date;
    members: readonly { residentId: string; role: CouncilRole }[];
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO council_terms (council_id, starts_on, ends_on, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [t.councilId, t.startsOn, t.endsOn, t.at],
  );
  await q.query(
    `INSERT INTO council_members (term_id, resident_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`,
    [rows[0].id, t.members.map((m) => m.residentId), t.members.map((m) => m.role)],
  );
  return rows[0].id;
}

/** Which of these residents live in the place. */
export async function residentsIn(q: Queryable, place: string, ids: readonly string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM residents WHERE id = ANY($2::uuid[]) AND household_code LIKE $1::text || '%'`,
    [place, ids],
  );
  return rows.map((r) => r.id);
}

export interface EventRow {
  id: string;
  divisionCode: string;
  family: string;
  kind: EventKind;
  heldOn: string;
  tables: number;
  days: number;
  costFen: number;
  note: string;
  versionId: string | null;
  articleNumber: number | null;
  overTables: boolean;
  overDays: boolean;
  recordedAt: Date;
}

const EVENT_COLS = `id, division_code AS "divisionCode", family, kind, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", tables, days,
  cost_fen AS "costFen", note, version_id AS "versionId", article_number AS "articleNumber", over_tables AS "overTables",
  over_days AS "overDays", recorded_at AS "recordedAt"`;

export async function insertEvent(
  q: Queryable,
  e: Omit<EventRow, 'id' | 'recordedAt'> & { by: string | null; at: Date; isDemo?: boolean },
): Promise<EventRow> {
  const { rows } = await q.query<EventRow>(
    `INSERT INTO family_events (division_code, family, kind, held_on, tables, days, cost_fen, note, version_id, article_number,
                                over_tables, over_days, recorded_by, recorded_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${EVENT_COLS}`,
    [
      e.divisionCode,
      e.family,
      e.kind,
      e.heldOn,
      e.tables,
      e.days,
      e.costFen,
      e.note,
      e.versionId,
      e.articleNumber,
      e.overTables,
      e.overDays,
      e.by,
      e.at,
      e.isDemo ?? false,
    ],
  );
  return rows[0];
}

export const eventKey = (e: EventRow): KeyValue[] => [e.heldOn, e.id];

export async function eventsIn(q: Queryable, scopes: readonly string[], limit: number, after: KeyValue[] | null) {
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLS} FROM family_events e
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE e.division_code LIKE s || '%')
        AND ($3::date IS NULL OR (e.held_on, e.id) < ($3::date, $4::uuid))
      ORDER BY e.held_on DESC, e.id DESC LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

export async function hasDemoEvents(q: Queryable, place: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM family_events WHERE division_code = $1 AND is_demo LIMIT 1`, [place]);
  return rows.length > 0;
}

/** Demo only: a staff account's id by username. */
export async function staffId(q: Queryable, username: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE username = $1 AND kind = 'staff' AND disabled_at IS NULL`,
    [username],
  );
  return rows[0]?.id ?? null;
}

/** Demo only: adults of a place, by name, skipping the first `skip`. */
export async function adultsOf(q: Queryable, place: string, skip: number, n: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM residents WHERE household_code LIKE $1::text || '%' AND birth_date <= current_date - interval '18 years'
      ORDER BY name COLLATE "C" DESC, id OFFSET $2 LIMIT $3`,
    [place, skip, n],
  );
  return rows.map((r) => r.id);
}
