/**
 * Queries for the Open311 view. Every read is limited to public cases of public categories and
 * selects only what may be published: no reporter, contact, handler person, rating or rule trace.
 */
import type { Queryable } from '../../platform/db/db';
import type { CaseState } from '../cases';
import type { PublicCase, PublicEvent, StatusSelection } from './open311.domain';

export const MAX_RESULTS = 1000;

/** The notes that explain a state: the last public step into the current state that has a note. */
const PUBLIC_CASE = `
  SELECT c.id, c.number, c.state, c.rejection->>'reason' AS "rejectionReason", c.rejection->>'referral' AS "referral",
         CASE WHEN dup.is_public THEN dup.number END AS "duplicateOfNumber",
         (SELECT e.note FROM case_events e
           WHERE e.case_id = c.id AND e.is_public AND e.to_state = c.state AND e.note IS NOT NULL AND e.type NOT IN ('note', 'rate', 'receive')
           ORDER BY e.id DESC LIMIT 1) AS "lastNote",
         c.category_code AS "categoryCode", cat.name AS "categoryName", cat.name_en AS "categoryNameEn", c.description,
         coalesce(d.name, v.name) AS agency, d.name_en AS "agencyEn",
         c.received_at AS "receivedAt", c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.handle_due_at AS "handleDueAt",
         c.address, c.lat, c.lng,
         (SELECT e.data->>'mediaUrl' FROM case_events e WHERE e.case_id = c.id AND e.type = 'receive' ORDER BY e.id LIMIT 1) AS "mediaUrl",
         (SELECT p.id::text FROM case_photos p WHERE p.case_id = c.id AND p.public_approved ORDER BY p.created_at, p.id LIMIT 1) AS "photoId"
    FROM cases c
    JOIN categories cat ON cat.code = c.category_code
    LEFT JOIN categories major ON major.code = cat.parent_code
    LEFT JOIN cases dup ON dup.id = c.duplicate_of
    LEFT JOIN departments d ON d.code = c.handler_department
    LEFT JOIN divisions v ON v.code = left(c.division_code, 12)
   WHERE c.is_public AND cat.is_public AND coalesce(major.is_public, true)`;

export interface RequestFilter {
  numbers?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  status?: StatusSelection;
}

/** GET requests: by numbers (overriding everything else), or by service codes, dates and statuses; newest first. */
export async function findPublicCases(q: Queryable, f: RequestFilter, limit = MAX_RESULTS): Promise<PublicCase[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.numbers) where.push(`c.number = ANY(${p(f.numbers)}::text[])`);
  else {
    if (f.serviceCodes?.length) where.push(`c.category_code = ANY(${p(f.serviceCodes)}::text[])`);
    if (f.start) where.push(`c.received_at >= ${p(f.start.toISOString())}`);
    if (f.end) where.push(`c.received_at <= ${p(f.end.toISOString())}`);
    if (f.status) {
      where.push(
        `(c.state = ANY(${p(f.status.states)}::text[]) OR (c.state = 'rejected' AND c.rejection->>'reason' = ANY(${p(f.status.rejectionReasons)}::text[])))`,
      );
    }
  }
  const { rows } = await q.query<PublicCase>(
    `${PUBLIC_CASE} ${where.map((w) => `AND ${w}`).join(' ')} ORDER BY c.received_at DESC, c.number DESC LIMIT ${p(limit)}`,
    params,
  );
  return rows;
}

export async function findPublicCase(q: Queryable, number: string): Promise<PublicCase | null> {
  return (await findPublicCases(q, { numbers: [number] }, 1))[0] ?? null;
}

/** A case created through Open311, by its number: what a token resolves to. */
export async function findOpen311Case(q: Queryable, number: string): Promise<{ number: string } | null> {
  const { rows } = await q.query<{ number: string }>(`${PUBLIC_CASE} AND c.number = $1 AND c.source = 'open311'`, [
    number,
  ]);
  return rows[0] ?? null;
}

/**
 * Public timeline events of public cases in [start, end), oldest first. Ratings stay between
 * reporter and county; a photo step shows only once its photo is approved for the public.
 */
export async function findPublicEvents(
  q: Queryable,
  start: Date,
  end: Date,
  limit = MAX_RESULTS,
): Promise<PublicEvent[]> {
  const { rows } = await q.query<PublicEvent>(
    `SELECT e.id, c.number, e.type, e.to_state AS "toState", coalesce(e.data->>'reason', c.rejection->>'reason') AS "rejectionReason",
            CASE WHEN dup.is_public THEN dup.number END AS "duplicateOfNumber", c.rejection->>'referral' AS referral,
            CASE WHEN e.type = 'verify' THEN (e.data->>'passed')::boolean END AS passed, e.at, e.note,
            e.data->>'mediaUrl' AS "mediaUrl", CASE WHEN p.public_approved THEN p.id::text END AS "photoId"
       FROM case_events e
       JOIN cases c ON c.id = e.case_id
       JOIN categories cat ON cat.code = c.category_code
       LEFT JOIN categories major ON major.code = cat.parent_code
       LEFT JOIN cases dup ON dup.id = c.duplicate_of
       LEFT JOIN case_photos p ON e.type = 'photo' AND p.event_id = e.id
      WHERE e.is_public AND c.is_public AND cat.is_public AND coalesce(major.is_public, true)
        AND e.type <> 'rate' AND e.to_state IS NOT NULL AND e.at >= $1 AND e.at < $2
        AND (e.type <> 'photo' OR p.public_approved)
      ORDER BY e.at, e.id LIMIT $3`,
    [start.toISOString(), end.toISOString(), limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface NoteTarget {
  id: string;
  state: CaseState;
  divisionCode: string;
}

/** The case a client's update is about: public only, with its current state. */
export async function findCaseForNote(q: Queryable, number: string): Promise<NoteTarget | null> {
  const { rows } = await q.query<NoteTarget>(
    `SELECT c.id, c.state, c.division_code AS "divisionCode" FROM cases c JOIN categories cat ON cat.code = c.category_code
      WHERE c.number = $1 AND c.is_public AND cat.is_public`,
    [number],
  );
  return rows[0] ?? null;
}

/** A public note on the timeline (type 'note'): the state stays as it is. */
export async function insertNote(
  q: Queryable,
  caseId: string,
  n: { at: Date; state: CaseState; actorLabel: string; note: string; data: Record<string, unknown> },
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO case_events (case_id, at, actor_id, actor_label, type, from_state, to_state, note, data, is_public)
     VALUES ($1, $2, NULL, $3, 'note', $4, $4, $5, $6, true) RETURNING id`,
    [caseId, n.at.toISOString(), n.actorLabel, n.state, n.note, JSON.stringify(n.data)],
  );
  return Number(rows[0].id);
}

export interface Open311Client {
  id: string;
  name: string;
  createdAt: Date;
}

export async function insertClient(q: Queryable, name: string, apiKeyHash: string): Promise<Open311Client> {
  const { rows } = await q.query<Open311Client>(
    'INSERT INTO open311_clients (name, api_key_hash) VALUES ($1, $2) RETURNING id, name, created_at AS "createdAt"',
    [name, apiKeyHash],
  );
  return rows[0];
}

/** The active (not revoked) client whose api key hashes to this, or null. */
export async function findClientByKeyHash(q: Queryable, apiKeyHash: string): Promise<Open311Client | null> {
  const { rows } = await q.query<Open311Client>(
    'SELECT id, name, created_at AS "createdAt" FROM open311_clients WHERE api_key_hash = $1 AND revoked_at IS NULL',
    [apiKeyHash],
  );
  return rows[0] ?? null;
}
