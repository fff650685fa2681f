/** Service activities and their sign-ups. Queries only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { ActivityKind, Audience, OrganiserKind, SignupState } from './services.labels';

export interface ActivityRow {
  id: string;
  title: string;
  kind: ActivityKind;
  description: string;
  divisionCode: string;
  divisionName: string;
  organiserKind: OrganiserKind;
  unitId: string | null;
  unitName: string | null;
  partyOrgCode: string | null;
  place: string;
  lng: number;
  lat: number;
  radiusM: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  enrolled: number;
  waiting: number;
  audience: Audience;
  checkinCode: string;
  state: 'published' | 'cancelled';
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = `a.id, a.title, a.kind, a.description, a.division_code AS "divisionCode", d.name AS "divisionName",
  a.organiser_kind AS "organiserKind", a.unit_id AS "unitId", u.name AS "unitName", a.party_org_code AS "partyOrgCode",
  a.place, a.lng, a.lat, a.radius_m AS "radiusM", a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.capacity,
  a.enrolled, (SELECT count(*)::int FROM service_signups w WHERE w.activity_id = a.id AND w.state = 'waiting') AS waiting,
  a.audience, a.checkin_code AS "checkinCode", a.state, a.created_by AS "createdBy", a.created_at AS "createdAt"`;
const FROM = `service_activities a JOIN divisions d ON d.code = a.division_code LEFT JOIN service_units u ON u.id = a.unit_id`;

export type NewActivity = Omit<
  ActivityRow,
  'id' | 'divisionName' | 'unitName' | 'enrolled' | 'waiting' | 'state' | 'createdAt'
> & { now: Date; isDemo?: boolean };

export async function insertActivity(q: Queryable, a: NewActivity): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO service_activities (title, kind, description, division_code, organiser_kind, unit_id, party_org_code,
       place, lng, lat, radius_m, starts_at, ends_at, capacity, audience, checkin_code, state, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'published', $17, $18, $19) RETURNING id`,
    [
      a.title,
      a.kind,
      a.description,
      a.divisionCode,
      a.organiserKind,
      a.unitId,
      a.partyOrgCode,
      a.place,
      a.lng,
      a.lat,
      a.radiusM,
      a.startsAt,
      a.endsAt,
      a.capacity,
      a.audience,
      a.checkinCode,
      a.createdBy,
      a.now,
      a.isDemo ?? false,
    ],
  );
  return rows[0].id;
}

export async function findActivity(q: Queryable, id: string, forUpdate = false): Promise<ActivityRow | null> {
  if (forUpdate) await q.query('SELECT 1 FROM service_activities WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await q.query<ActivityRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function cancelActivity(q: Queryable, id: string): Promise<void> {
  await q.query(`UPDATE service_activities SET state = 'cancelled' WHERE id = $1`, [id]);
}

export const activityKey = (a: ActivityRow) => [a.startsAt, a.id] as const;

export interface ActivityFilter {
  /** subtrees the list is limited to (null: the whole county below `county`) */
  scopes: readonly string[];
  from?: Date;
  to?: Date;
  unitId?: string;
  /** starting in [startsFrom, startsBefore) (a cockpit drill: the activities held in its period) */
  startsFrom?: Date;
  startsBefore?: Date;
}

/** Activities under any of the scopes, by start time. */
export async function listActivities(
  q: Queryable,
  f: ActivityFilter,
  limit: number,
  after: KeyValue[] | null,
): Promise<ActivityRow[]> {
  const { rows } = await q.query<ActivityRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE a.division_code LIKE s || '%')
        AND ($2::timestamptz IS NULL OR a.ends_at >= $2) AND ($3::timestamptz IS NULL OR a.starts_at < $3)
        AND ($4::uuid IS NULL OR a.unit_id = $4)
        AND ($5::timestamptz IS NULL OR (a.starts_at, a.id) > ($5::timestamptz, $6::uuid))
        AND ($8::timestamptz IS NULL OR a.starts_at >= $8) AND ($9::timestamptz IS NULL OR a.starts_at < $9)
      ORDER BY a.starts_at, a.id LIMIT $7`,
    [
      f.scopes,
      f.from ?? null,
      f.to ?? null,
      f.unitId ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit,
      f.startsFrom ?? null,
      f.startsBefore ?? null,
    ],
  );
  return rows;
}

export async function addEnrolled(q: Queryable, activityId: string, delta: number): Promise<void> {
  await q.query('UPDATE service_activities SET enrolled = enrolled + $2 WHERE id = $1', [activityId, delta]);
}

export interface SignupRow {
  id: string;
  activityId: string;
  userId: string;
  userName: string;
  userKind: 'staff' | 'resident';
  phoneMasked: string | null;
  state: SignupState;
  position: number;
  createdAt: Date;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  checkinBy: string | null;
  checkedOutAt: Date | null;
  checkoutBy: string | null;
  hours: number | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  pointsAward: string | null;
  codeFailures: number;
}

const SIGNUP_COLUMNS = `s.id, s.activity_id AS "activityId", s.user_id AS "userId", u.display_name AS "userName",
  u.kind AS "userKind", u.phone_masked AS "phoneMasked", s.state, s.position, s.created_at AS "createdAt",
  s.cancelled_at AS "cancelledAt", s.checked_in_at AS "checkedInAt", s.checkin_by AS "checkinBy",
  s.checked_out_at AS "checkedOutAt", s.checkout_by AS "checkoutBy", s.hours, s.confirmed_at AS "confirmedAt",
  s.confirmed_by AS "confirmedBy", s.points_award AS "pointsAward", s.code_failures AS "codeFailures"`;

export async function findSignup(
  q: Queryable,
  activityId: string,
  userId: string,
  forUpdate = false,
): Promise<SignupRow | null> {
  const { rows } = await q.query<SignupRow>(
    `SELECT ${SIGNUP_COLUMNS} FROM service_signups s JOIN users u ON u.id = s.user_id
      WHERE s.activity_id = $1 AND s.user_id = $2 ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
    [activityId, userId],
  );
  return rows[0] ?? null;
}

/** A new sign-up, or a cancelled one queued again (at the back of the line). */
export async function upsertSignup(
  q: Queryable,
  activityId: string,
  userId: string,
  state: SignupState,
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO service_signups (activity_id, user_id, state, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (activity_id, user_id) DO UPDATE
       SET state = EXCLUDED.state, position = nextval('service_signup_seq'), created_at = EXCLUDED.created_at,
           cancelled_at = NULL
       WHERE service_signups.state = 'cancelled'
     RETURNING id`,
    [activityId, userId, state, now],
  );
  return rows[0]?.id ?? '';
}

export async function setSignupState(q: Queryable, id: string, state: SignupState, now: Date): Promise<void> {
  await q.query(
    `UPDATE service_signups SET state = $2, cancelled_at = CASE WHEN $2 = 'cancelled' THEN $3::timestamptz END WHERE id = $1`,
    [id, state, now],
  );
}

/** The first on the waiting list (locked), if any. */
export async function firstWaiting(q: Queryable, activityId: string): Promise<{ id: string; userId: string } | null> {
  const { rows } = await q.query<{ id: string; userId: string }>(
    `SELECT id, user_id AS "userId" FROM service_signups WHERE activity_id = $1 AND state = 'waiting'
      ORDER BY position LIMIT 1 FOR UPDATE`,
    [activityId],
  );
  return rows[0] ?? null;
}

export async function recordAttendance(
  q: Queryable,
  id: string,
  step: 'checkin' | 'checkout',
  p: { at: Date; lng: number | null; lat: number | null; by: string },
): Promise<void> {
  const cols =
    step === 'checkin'
      ? 'checked_in_at = $2, checkin_lng = $3, checkin_lat = $4, checkin_by = $5'
      : 'checked_out_at = $2, checkout_lng = $3, checkout_lat = $4, checkout_by = $5';
  await q.query(`UPDATE service_signups SET ${cols} WHERE id = $1`, [id, p.at, p.lng, p.lat, p.by]);
}

/** Confirms hours once: false when they were already confirmed (nothing written). */
export async function confirmHours(
  q: Queryable,
  id: string,
  p: { hours: number; at: Date; by: string },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE service_signups SET hours = $2, confirmed_at = $3, confirmed_by = $4 WHERE id = $1 AND confirmed_at IS NULL`,
    [id, p.hours, p.at, p.by],
  );
  return (rowCount ?? 0) === 1;
}

export async function setPointsAward(q: Queryable, id: string, awardId: string): Promise<void> {
  await q.query('UPDATE service_signups SET points_award = $2 WHERE id = $1', [id, awardId]);
}

export async function findSignupById(q: Queryable, id: string, forUpdate = false): Promise<SignupRow | null> {
  const { rows } = await q.query<SignupRow>(
    `SELECT ${SIGNUP_COLUMNS} FROM service_signups s JOIN users u ON u.id = s.user_id WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Everyone signed up for an activity: enrolled first, then the waiting list in order, then cancelled. */
export async function signupsOf(q: Queryable, activityId: string): Promise<SignupRow[]> {
  const { rows } = await q.query<SignupRow>(
    `SELECT ${SIGNUP_COLUMNS} FROM service_signups s JOIN users u ON u.id = s.user_id WHERE s.activity_id = $1
      ORDER BY CASE s.state WHEN 'enrolled' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, s.position`,
    [activityId],
  );
  return rows;
}

export interface MySignupRow extends SignupRow {
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
}

export const mySignupKey = (s: MySignupRow) => [s.startsAt, s.id] as const;

/** A person's sign-ups, the latest activity first. */
export async function signupsOfUser(
  q: Queryable,
  userId: string,
  limit: number,
  after: KeyValue[] | null,
): Promise<MySignupRow[]> {
  const { rows } = await q.query<MySignupRow>(
    `SELECT ${SIGNUP_COLUMNS}, a.title, a.place, a.starts_at AS "startsAt", a.ends_at AS "endsAt"
       FROM service_signups s JOIN users u ON u.id = s.user_id JOIN service_activities a ON a.id = s.activity_id
      WHERE s.user_id = $1 AND ($2::timestamptz IS NULL OR (a.starts_at, s.id) < ($2::timestamptz, $3::uuid))
      ORDER BY a.starts_at DESC, s.id DESC LIMIT $4`,
    [userId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}

/** A person's confirmed hours and activities. */
export async function hoursOfUser(q: Queryable, userId: string): Promise<{ hours: number; activities: number }> {
  const { rows } = await q.query<{ hours: number; activities: number }>(
    `SELECT coalesce(sum(hours), 0)::float8 AS hours, count(*)::int AS activities
       FROM service_signups WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
    [userId],
  );
  return rows[0];
}

/** Who the person is in the registers: villages of their person record, party membership, cadre posts. */
export async function standingOf(
  q: Queryable,
  userId: string,
): Promise<{ villages: string[]; partyVillages: string[]; cadreVillages: string[] }> {
  const { rows } = await q.query<{ villages: string[]; partyVillages: string[]; cadreVillages: string[] }>(
    `WITH person AS (
       SELECT r.id, r.household_code FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $1
       UNION SELECT r.id, r.household_code FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $1
     )
     SELECT
       ARRAY(SELECT DISTINCT left(household_code, 12) FROM person
             UNION SELECT home_division_code FROM users WHERE id = $1 AND home_division_code IS NOT NULL
             UNION SELECT scope_code FROM role_assignments WHERE user_id = $1 AND revoked_at IS NULL AND role = 'resident') AS villages,
       ARRAY(SELECT DISTINCT left(p.household_code, 12) FROM person p JOIN party_members pm ON pm.resident_id = p.id) AS "partyVillages",
       ARRAY(SELECT c.community_code FROM users u JOIN service_cadres c ON c.phone_index = u.phone_index WHERE u.id = $1) AS "cadreVillages"`,
    [userId],
  );
  return rows[0];
}

/** How many are ahead on the waiting list, plus one (1 = next). */
export async function waitingPosition(q: Queryable, activityId: string, position: number): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int + 1 AS n FROM service_signups WHERE activity_id = $1 AND state = 'waiting' AND position < $2`,
    [activityId, position],
  );
  return rows[0].n;
}

/** Counts a wrong check-in code against the sign-up. */
export async function addCodeFailure(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE service_signups SET code_failures = code_failures + 1 WHERE id = $1', [id]);
}
