/**
 * Woodpecker applications and the roster (SQL only). The roster is the live `woodpecker` role grants
 * (role_assignments, the access module's table: being a woodpecker is holding that role at a village
 * or grid, as the points and cases modules read it); applications are this module's own table.
 */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { ApplicationState } from './woodpeckers.labels';

export interface Place {
  code: string;
  name: string;
}

/**
 * The villages (level 5) a person belongs to: those of their person record's households, the place
 * they set under "my place", and the scopes of their live resident roles (grids widened to the village).
 */
export async function villagesOf(q: Queryable, userId: string): Promise<Place[]> {
  const { rows } = await q.query<Place>(
    `WITH person AS (
       SELECT r.household_code FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $1
       UNION SELECT r.household_code FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $1
     ), places AS (
       SELECT left(household_code, 12) AS code FROM person
       UNION SELECT left(home_division_code, 12) FROM users WHERE id = $1 AND home_division_code IS NOT NULL
       UNION SELECT left(scope_code, 12) FROM role_assignments WHERE user_id = $1 AND revoked_at IS NULL AND role = 'resident'
     )
     SELECT d.code, d.name FROM places p JOIN divisions d ON d.code = p.code WHERE d.level = 5 ORDER BY d.code`,
    [userId],
  );
  return rows;
}

export interface Membership {
  grantId: string;
  villageCode: string;
  villageName: string;
  since: Date;
}

/** The person's live woodpecker roles, each named by its village (a grid's grant counts for its village). */
export async function membershipsOf(q: Queryable, userId: string): Promise<Membership[]> {
  const { rows } = await q.query<Membership>(
    `SELECT r.id AS "grantId", d.code AS "villageCode", d.name AS "villageName", r.granted_at AS since
       FROM role_assignments r JOIN divisions d ON d.code = left(r.scope_code, 12)
      WHERE r.user_id = $1 AND r.role = 'woodpecker' AND r.revoked_at IS NULL ORDER BY r.granted_at`,
    [userId],
  );
  return rows;
}

export interface ApplicationRow {
  id: string;
  userId: string;
  applicantName: string;
  phoneMasked: string | null;
  villageCode: string;
  villageName: string;
  statement: string | null;
  state: ApplicationState;
  appliedAt: Date;
  decidedAt: Date | null;
  deciderName: string | null;
  reason: string | null;
}

const COLUMNS = `a.id, a.user_id AS "userId", u.display_name AS "applicantName", u.phone_masked AS "phoneMasked",
  a.village_code AS "villageCode", d.name AS "villageName", a.statement, a.state, a.applied_at AS "appliedAt",
  a.decided_at AS "decidedAt", x.display_name AS "deciderName", a.reason`;
const FROM = `woodpecker_applications a JOIN users u ON u.id = a.user_id JOIN divisions d ON d.code = a.village_code
  LEFT JOIN users x ON x.id = a.decided_by`;

/** Inserts a pending application; null when the person already has one pending (the partial unique index). */
export async function insertApplication(
  q: Queryable,
  a: { userId: string; villageCode: string; statement: string | null; isDemo?: boolean },
  now: Date,
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO woodpecker_applications (user_id, village_code, statement, state, applied_at, is_demo)
     VALUES ($1, $2, $3, 'pending', $4, $5)
     ON CONFLICT (user_id) WHERE state = 'pending' DO NOTHING RETURNING id`,
    [a.userId, a.villageCode, a.statement, now.toISOString(), a.isDemo ?? false],
  );
  return rows[0]?.id ?? null;
}

export async function applicationsOf(q: Queryable, userId: string): Promise<ApplicationRow[]> {
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE a.user_id = $1 ORDER BY a.applied_at DESC, a.id DESC LIMIT 20`,
    [userId],
  );
  return rows;
}

export async function findApplicationForUpdate(q: Queryable, id: string): Promise<ApplicationRow | null> {
  await q.query('SELECT 1 FROM woodpecker_applications WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await q.query<ApplicationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listApplications(
  q: Queryable,
  f: { scopes: string[]; state?: ApplicationState },
  after: KeyValue[] | null,
  limit: number,
): Promise<ApplicationRow[]> {
  const params: unknown[] = [f.scopes.map((s) => `${s}%`), limit];
  const where = ['a.village_code LIKE ANY ($1::text[])'];
  if (f.state) {
    params.push(f.state);
    where.push(`a.state = $${params.length}`);
  }
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(a.applied_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY a.applied_at DESC, a.id DESC LIMIT $2 + 1`,
    params,
  );
  return rows;
}

export async function recordDecision(
  q: Queryable,
  d: { id: string; state: 'approved' | 'declined'; by: string; reason: string | null; grantId: string | null },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE woodpecker_applications SET state = $2, decided_by = $3, reason = $4, grant_id = $5, decided_at = $6
      WHERE id = $1 AND state = 'pending'`,
    [d.id, d.state, d.by, d.reason, d.grantId, now.toISOString()],
  );
}

export interface RosterRow {
  grantId: string;
  userId: string;
  name: string;
  phoneMasked: string | null;
  villageCode: string;
  villageName: string;
  since: Date;
  statement: string | null;
  viaApplication: boolean;
}

/** The live woodpecker role grants in the scopes, newest first (keyset on granted_at to the millisecond a cursor holds, id). */
export async function listRoster(
  q: Queryable,
  scopes: string[],
  after: KeyValue[] | null,
  limit: number,
): Promise<RosterRow[]> {
  const params: unknown[] = [scopes.map((s) => `${s}%`), limit];
  let keyset = '';
  if (after) {
    params.push(after[0], after[1]);
    keyset = `AND (date_trunc('milliseconds', r.granted_at), r.id) < ($3::timestamptz, $4::uuid)`;
  }
  const { rows } = await q.query<RosterRow>(
    `SELECT r.id AS "grantId", u.id AS "userId", u.display_name AS name, u.phone_masked AS "phoneMasked",
            d.code AS "villageCode", d.name AS "villageName", r.granted_at AS since,
            a.statement, (a.id IS NOT NULL) AS "viaApplication"
       FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN divisions d ON d.code = left(r.scope_code, 12)
       LEFT JOIN woodpecker_applications a ON a.grant_id = r.id
      WHERE r.role = 'woodpecker' AND r.revoked_at IS NULL AND r.scope_code LIKE ANY ($1::text[]) ${keyset}
      ORDER BY date_trunc('milliseconds', r.granted_at) DESC, r.id DESC LIMIT $2 + 1`,
    params,
  );
  return rows;
}
