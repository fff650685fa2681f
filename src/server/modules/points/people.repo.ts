/**
 * What the points module reads about people outside its own tables (users, role assignments).
 * Queries only.
 */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';

/** Whether the person holds a live woodpecker role whose scope covers the place. */
export async function isWoodpeckerAt(q: Queryable, userId: string, place: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'woodpecker' AND revoked_at IS NULL AND $2 LIKE scope_code || '%' LIMIT 1`,
    [userId, place],
  );
  return rows.length > 0;
}

/** Whether the person exists and is not disabled. */
export async function isActivePerson(q: Queryable, userId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL`, [userId]);
  return rows.length > 0;
}

/**
 * A person's name and the places their points relate to: home division, confirmed shop place,
 * issuers of their awards, places of their ledger transactions (issuer, shop, hold), scopes of
 * their live resident and woodpecker roles. Null when there is no such person.
 */
export async function personWithPlaces(
  q: Queryable,
  userId: string,
): Promise<{ displayName: string; places: string[] } | null> {
  const { rows } = await q.query<{ displayName: string; places: string[] }>(
    `SELECT u.display_name AS "displayName", array_remove(ARRAY[u.home_division_code::text]
       || ARRAY(SELECT p.division_code::text FROM points_places p WHERE p.user_id = u.id)
       || ARRAY(SELECT DISTINCT w.issuer_code::text FROM points_awards w WHERE w.user_id = u.id)
       || ARRAY(SELECT DISTINCT o.division_code::text FROM points_accounts a JOIN points_entries e ON e.account_id = a.id
                  JOIN points_entries x ON x.transaction_id = e.transaction_id JOIN points_accounts o ON o.id = x.account_id
                 WHERE a.key = 'person:' || u.id::text AND o.kind IN ('issuer', 'shop', 'hold'))
       || ARRAY(SELECT r.scope_code::text FROM role_assignments r WHERE r.user_id = u.id AND r.revoked_at IS NULL AND r.role IN ('resident', 'woodpecker')), NULL) AS places
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/**
 * The accounts that are the person or a member of their household: the account itself, and every
 * account whose person record (users.resident_id, or a resident with the phone it signs in with)
 * lives in a household of the person's own record(s).
 */
export async function householdAccounts(q: Queryable, userId: string): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>(
    `WITH person AS (
       SELECT r.household_code FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $1
       UNION SELECT r.household_code FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $1
     ), members AS (SELECT r.id, r.phone_index FROM residents r WHERE r.household_code IN (SELECT household_code FROM person))
     SELECT $1::uuid AS id
     UNION SELECT u.id FROM members m JOIN users u ON u.resident_id = m.id
     UNION SELECT u.id FROM members m JOIN users u ON u.phone_index = m.phone_index`,
    [userId],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * A person's registered places for points (shop, publicity, objections): the villages of their
 * person record's households, the place staff confirmed (points_places), and the scopes of the
 * resident and woodpecker roles staff granted them. Never the "my place" they set themselves.
 */
export async function registeredPlaces(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT left(r.household_code, 12) AS code FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $1
     UNION SELECT left(r.household_code, 12) FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $1
     UNION SELECT division_code FROM points_places WHERE user_id = $1
     UNION SELECT scope_code FROM role_assignments WHERE user_id = $1 AND revoked_at IS NULL AND role IN ('resident', 'woodpecker')`,
    [userId],
  );
  return rows.map((r) => r.code).sort();
}

export interface PlaceRequest {
  userId: string;
  displayName: string;
  requestedCode: string;
  requestedName: string;
  confirmedCode: string | null;
}

export const placeRequestKey = (r: PlaceRequest) => [r.displayName, r.userId] as const;

/** Residents whose own "my place" in the scopes differs from the shop place staff confirmed, by name. */
export async function placeRequests(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<PlaceRequest[]> {
  const [name, id] = after ?? [null, null];
  const { rows } = await q.query<PlaceRequest>(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.home_division_code AS "requestedCode", d.name AS "requestedName",
            p.division_code AS "confirmedCode"
       FROM users u JOIN divisions d ON d.code = u.home_division_code LEFT JOIN points_places p ON p.user_id = u.id
      WHERE u.kind = 'resident' AND u.disabled_at IS NULL AND p.division_code IS DISTINCT FROM u.home_division_code
        AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE u.home_division_code LIKE s || '%')
        AND ($3::text IS NULL OR (u.display_name, u.id) > ($3::text, $4::uuid))
      ORDER BY u.display_name, u.id LIMIT $2`,
    [scopes, limit, name, id],
  );
  return rows;
}

/** The person's own "my place" (home division) as it stands, locked for the confirmation. */
export async function homePlaceForUpdate(q: Queryable, userId: string): Promise<string | null | undefined> {
  const { rows } = await q.query<{ code: string | null }>(
    'SELECT home_division_code AS code FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
  return rows[0] ? rows[0].code : undefined;
}

export async function confirmPlace(
  q: Queryable,
  userId: string,
  code: string,
  by: string,
  now: Date,
): Promise<string | null> {
  const { rows } = await q.query<{ before: string | null }>(
    `WITH old AS (SELECT division_code FROM points_places WHERE user_id = $1)
     INSERT INTO points_places (user_id, division_code, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET division_code = $2, confirmed_by = $3, confirmed_at = $4
     RETURNING (SELECT division_code FROM old) AS before`,
    [userId, code, by, now.toISOString()],
  );
  return rows[0]?.before ?? null;
}

/** Who filed a case (立案): the actor of its latest `file` event; null when unknown. */
export async function filerOf(q: Queryable, caseId: string): Promise<string | null> {
  const { rows } = await q.query<{ actorId: string | null }>(
    `SELECT actor_id AS "actorId" FROM case_events WHERE case_id = $1 AND type = 'file' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return rows[0]?.actorId ?? null;
}
