/** Meetings, their rosters (frozen from the registers), attendance and the meeting types' defaults. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { MeetingState, MeetingType, OwnFraction, OwnRule } from './deliberation.labels';
import type { Turnout } from './quorum.domain';

export interface TypeRules {
  meetingType: MeetingType;
  noticeDays: number;
  proxiesAllowed: boolean;
  maxProxies: number;
  /** a council's meeting type: its quorum and majority (null for the statutory types) */
  ownRule: OwnRule | null;
  updatedAt: Date | null;
}

const RULE_COLS = `meeting_type AS "meetingType", notice_days AS "noticeDays", proxies_allowed AS "proxiesAllowed",
  max_proxies AS "maxProxies",
  CASE WHEN quorum_fraction IS NULL THEN NULL
       ELSE json_build_object('quorum', quorum_fraction, 'decision', decision_fraction, 'base', decision_base) END AS "ownRule",
  updated_at AS "updatedAt"`;

export async function allTypeRules(q: Queryable): Promise<TypeRules[]> {
  return (await q.query<TypeRules>(`SELECT ${RULE_COLS} FROM meeting_type_rules ORDER BY meeting_type`)).rows;
}

export async function typeRules(q: Queryable, type: MeetingType, lock = false): Promise<TypeRules> {
  const { rows } = await q.query<TypeRules>(
    `SELECT ${RULE_COLS} FROM meeting_type_rules WHERE meeting_type = $1${lock ? ' FOR UPDATE' : ''}`,
    [type],
  );
  return rows[0];
}

export async function updateTypeRules(
  q: Queryable,
  r: Pick<TypeRules, 'meetingType' | 'noticeDays' | 'proxiesAllowed' | 'maxProxies' | 'ownRule'>,
  by: string,
  now: Date,
): Promise<TypeRules> {
  const own: { quorum: OwnFraction | null; decision: OwnFraction | null; base: string | null } = r.ownRule ?? {
    quorum: null,
    decision: null,
    base: null,
  };
  const { rows } = await q.query<TypeRules>(
    `UPDATE meeting_type_rules SET notice_days = $2, proxies_allowed = $3, max_proxies = $4, updated_by = $5, updated_at = $6,
            quorum_fraction = $7, decision_fraction = $8, decision_base = $9
      WHERE meeting_type = $1 RETURNING ${RULE_COLS}`,
    [r.meetingType, r.noticeDays, r.proxiesAllowed, r.maxProxies, by, now, own.quorum, own.decision, own.base],
  );
  return rows[0];
}

export interface MeetingRow {
  id: string;
  divisionCode: string;
  bodyCode: string;
  meetingType: MeetingType;
  title: string;
  agenda: string;
  location: string;
  noticedAt: Date;
  startsAt: Date;
  state: MeetingState;
  signinCode: string;
  minutes: string;
  closedAt: Date | null;
  /** the council holding it (its members the roster), or null */
  councilId: string | null;
  /** a council meeting's quorum and majority as in force when it was noticed */
  ownRule: OwnRule | null;
}

const MEETING_COLS = `m.id, m.division_code AS "divisionCode", m.body_code AS "bodyCode", m.meeting_type AS "meetingType",
  m.title, m.agenda, m.location, m.noticed_at AS "noticedAt", m.starts_at AS "startsAt", m.state,
  m.signin_code AS "signinCode", m.minutes, m.closed_at AS "closedAt", m.council_id AS "councilId", m.own_rule AS "ownRule"`;

export async function insertMeeting(
  q: Queryable,
  m: Omit<MeetingRow, 'id' | 'state' | 'minutes' | 'closedAt'> & { createdBy: string | null; isDemo?: boolean },
): Promise<MeetingRow | null> {
  const { rows } = await q.query<MeetingRow>(
    `INSERT INTO meetings AS m (division_code, body_code, meeting_type, title, agenda, location, noticed_at, starts_at, state, signin_code, created_by, is_demo, council_id, own_rule)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'noticed', $9, $10, $11, $12, $13)
     ON CONFLICT (signin_code) WHERE state IN ('noticed', 'open') DO NOTHING RETURNING ${MEETING_COLS}`,
    [
      m.divisionCode,
      m.bodyCode,
      m.meetingType,
      m.title,
      m.agenda,
      m.location,
      m.noticedAt,
      m.startsAt,
      m.signinCode,
      m.createdBy,
      m.isDemo ?? false,
      m.councilId,
      m.ownRule ? JSON.stringify(m.ownRule) : null,
    ],
  );
  return rows[0] ?? null;
}

export async function meetingById(q: Queryable, id: string, lock = false): Promise<MeetingRow | null> {
  const { rows } = await q.query<MeetingRow>(
    `SELECT ${MEETING_COLS} FROM meetings m WHERE m.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * In one round trip, for a sign-in by code: the meeting in session (or noticed) with the code, whether
 * the account has a resident record (its own or one with its phone), and which of them is on the
 * meeting's roster (first by id).
 */
export async function codeSignInTarget(
  q: Queryable,
  code: string,
  userId: string,
): Promise<{ meeting: MeetingRow | null; registered: boolean; rosterResidentId: string | null }> {
  const { rows } = await q.query<MeetingRow & { registered: boolean; me: string | null; found: boolean }>(
    `WITH mine AS (
       SELECT r.id FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $2
       UNION SELECT r.id FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $2)
     SELECT ${MEETING_COLS}, m.id IS NOT NULL AS found, EXISTS (SELECT 1 FROM mine) AS registered,
            (SELECT ro.resident_id FROM meeting_roster ro WHERE ro.meeting_id = m.id AND ro.resident_id IN (SELECT id FROM mine)
              ORDER BY ro.resident_id LIMIT 1) AS me
       FROM (SELECT 1) one LEFT JOIN meetings m ON m.signin_code = $1 AND m.state IN ('noticed', 'open')`,
    [code, userId],
    { name: 'deliberation_code_sign_in_target' },
  );
  const { registered, me, found, ...meeting } = rows[0];
  return { meeting: found ? meeting : null, registered, rosterResidentId: me };
}

export async function setMeetingState(
  q: Queryable,
  id: string,
  state: MeetingState,
  now: Date,
  minutes?: string,
): Promise<void> {
  await q.query(
    `UPDATE meetings SET state = $2, closed_at = CASE WHEN $2 IN ('closed', 'cancelled') THEN $3::timestamptz ELSE closed_at END,
       minutes = coalesce($4, minutes) WHERE id = $1`,
    [id, state, now, minutes ?? null],
  );
}

export const meetingKey = (m: MeetingRow): KeyValue[] => [m.startsAt.toISOString(), m.id];

/** Meetings in the subtrees, latest first. */
export async function meetingsIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<MeetingRow[]> {
  const { rows } = await q.query<MeetingRow>(
    `SELECT ${MEETING_COLS} FROM meetings m
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE m.division_code LIKE s || '%')
        AND ($3::timestamptz IS NULL OR (m.starts_at, m.id) < ($3::timestamptz, $4::uuid))
      ORDER BY m.starts_at DESC, m.id DESC LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

/** Meetings whose roster holds one of these residents, latest first. */
export async function meetingsOf(
  q: Queryable,
  residentIds: string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<(MeetingRow & { residentId: string; present: boolean })[]> {
  const { rows } = await q.query<MeetingRow & { residentId: string; present: boolean }>(
    `SELECT ${MEETING_COLS}, ro.resident_id AS "residentId",
            EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.resident_id = ro.resident_id) AS present
       FROM meeting_roster ro JOIN meetings m ON m.id = ro.meeting_id
      WHERE ro.resident_id = ANY($1::uuid[]) AND m.state <> 'cancelled'
        AND ($3::timestamptz IS NULL OR (m.starts_at, m.id) < ($3::timestamptz, $4::uuid))
      ORDER BY m.starts_at DESC, m.id DESC LIMIT $2`,
    [residentIds, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

const ADULT = `r.birth_date <= ($3::date - interval '18 years')`;

/** A council's meeting: the members of its term covering the meeting day ($2 the council's id). */
const COUNCIL_ROSTER = `SELECT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', false
    FROM council_terms t JOIN council_members cm ON cm.term_id = t.id JOIN residents r ON r.id = cm.resident_id
   WHERE t.council_id = $2::text::uuid AND $3::date BETWEEN t.starts_on AND t.ends_on`;

/**
 * The SELECT of a roster from the registers, by meeting type ($1 meeting, $2 body code — a council's
 * id for its meetings —, $3 meeting day).
 */
const ROSTERS: Record<MeetingType, string> = {
  villagers: `SELECT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', false
                FROM residents r WHERE r.household_code LIKE $2::text || '%' AND ${ADULT}`,
  residents: `SELECT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', false
                FROM residents r WHERE r.household_code LIKE $2::text || '%' AND ${ADULT}`,
  group: `SELECT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', false
            FROM residents r JOIN households h ON h.code = r.household_code JOIN buildings b ON b.code = h.building_code
           WHERE b.compound_code = $2::text AND ${ADULT}`,
  owners: `SELECT DISTINCT ON (h.code) $1::uuid, r.id, h.code, coalesce(h.floor_area_dm2, 0), true, r.gender = 'F', false
             FROM households h JOIN buildings b ON b.code = h.building_code JOIN residents r ON r.household_code = h.code
            WHERE b.compound_code = $2::text AND ${ADULT}
            ORDER BY h.code, (r.relation = '户主') DESC, r.birth_date, r.id`,
  party: `SELECT $1::uuid, r.id, r.household_code, 0, pm.membership = 'full', r.gender = 'F', false
            FROM party_members pm JOIN party_orgs o ON o.code = pm.org_code JOIN residents r ON r.id = pm.resident_id
           WHERE o.division_code LIKE $2::text || '%' AND $3::date IS NOT NULL`,
  representatives: `SELECT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', bool_or(bm.body = 'representatives')
                      FROM body_members bm JOIN residents r ON r.id = bm.resident_id
                     WHERE bm.village_code = $2::text AND bm.body IN ('representatives', 'village_committee') AND $3::date IS NOT NULL
                     GROUP BY r.id`,
  committees: `SELECT DISTINCT $1::uuid, r.id, r.household_code, 0, true, r.gender = 'F', false
                 FROM body_members bm JOIN residents r ON r.id = bm.resident_id
                WHERE bm.village_code = $2::text AND bm.body IN ('village_committee', 'party_committee') AND $3::date IS NOT NULL`,
  owners_committee: COUNCIL_ROSTER,
  autonomy_committee: COUNCIL_ROSTER,
  villagers_council: COUNCIL_ROSTER,
  red_white_council: COUNCIL_ROSTER,
};

/** A council of the covenants module, as a meetings' body: its place and kind (the meeting type of the same name). */
export async function councilBody(
  q: Queryable,
  id: string,
): Promise<{ id: string; divisionCode: string; kind: string; name: string } | null> {
  const { rows } = await q.query<{ id: string; divisionCode: string; kind: string; name: string }>(
    `SELECT id, division_code AS "divisionCode", kind, name FROM councils WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Freezes the roster from the registers; returns its size. */
export async function insertRoster(
  q: Queryable,
  meetingId: string,
  type: MeetingType,
  bodyCode: string,
  day: string,
): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO meeting_roster (meeting_id, resident_id, household_code, area_dm2, voting, woman, representative) ${ROSTERS[type]}`,
    [meetingId, bodyCode, day],
  );
  return rowCount ?? 0;
}

/** Households of an owners' body without a floor area in the register. */
export async function householdsWithoutArea(q: Queryable, compoundCode: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM households h JOIN buildings b ON b.code = h.building_code
      WHERE b.compound_code = $1 AND h.floor_area_dm2 IS NULL`,
    [compoundCode],
  );
  return rows[0].n;
}

/** Who is on the roster and who is present now (voting members only for the headcount). */
export async function turnout(q: Queryable, meetingId: string): Promise<Turnout> {
  const { rows } = await q.query<Turnout>(
    `SELECT count(*) FILTER (WHERE ro.voting)::int AS members,
            count(a.resident_id) FILTER (WHERE ro.voting)::int AS present,
            count(DISTINCT ro.household_code)::int AS households,
            count(DISTINCT ro.household_code) FILTER (WHERE a.resident_id IS NOT NULL)::int AS "householdsPresent",
            coalesce(sum(ro.area_dm2), 0)::int8 AS "areaDm2",
            coalesce(sum(ro.area_dm2) FILTER (WHERE a.resident_id IS NOT NULL), 0)::int8 AS "areaPresentDm2"
       FROM meeting_roster ro LEFT JOIN meeting_attendance a ON a.meeting_id = ro.meeting_id AND a.resident_id = ro.resident_id
      WHERE ro.meeting_id = $1`,
    [meetingId],
    { name: 'deliberation_turnout' },
  );
  return rows[0];
}

export interface RosterEntry {
  residentId: string;
  name: string;
  householdCode: string;
  areaDm2: number;
  voting: boolean;
  representative: boolean;
  present: boolean;
  via: string | null;
  proxyHolderId: string | null;
}

export const rosterKey = (r: RosterEntry): KeyValue[] => [r.name, r.residentId];

export async function roster(
  q: Queryable,
  meetingId: string,
  limit: number,
  after: KeyValue[] | null,
): Promise<RosterEntry[]> {
  const { rows } = await q.query<RosterEntry>(
    `SELECT ro.resident_id AS "residentId", r.name, ro.household_code AS "householdCode", ro.area_dm2 AS "areaDm2",
            ro.voting, ro.representative, a.resident_id IS NOT NULL AS present, a.via, a.proxy_holder_id AS "proxyHolderId"
       FROM meeting_roster ro JOIN residents r ON r.id = ro.resident_id
       LEFT JOIN meeting_attendance a ON a.meeting_id = ro.meeting_id AND a.resident_id = ro.resident_id
      WHERE ro.meeting_id = $1 AND ($3::text IS NULL OR (r.name COLLATE "C", ro.resident_id) > ($3::text COLLATE "C", $4::uuid))
      ORDER BY r.name COLLATE "C", ro.resident_id LIMIT $2`,
    [meetingId, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

export async function onRoster(q: Queryable, meetingId: string, residentId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM meeting_roster WHERE meeting_id = $1 AND resident_id = $2`, [
    meetingId,
    residentId,
  ]);
  return rows.length > 0;
}

/** Signs a person in; false when they already were (the primary key: never a double count). */
export async function signIn(
  q: Queryable,
  a: {
    meetingId: string;
    residentId: string;
    via: 'code' | 'staff' | 'proxy';
    proxyHolderId: string | null;
    by: string | null;
    at: Date;
  },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO meeting_attendance (meeting_id, resident_id, via, proxy_holder_id, recorded_by, signed_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [a.meetingId, a.residentId, a.via, a.proxyHolderId, a.by, a.at],
    { name: 'deliberation_sign_in' },
  );
  return (rowCount ?? 0) > 0;
}

export async function proxiesHeld(q: Queryable, meetingId: string, holderId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1 AND proxy_holder_id = $2`,
    [meetingId, holderId],
  );
  return rows[0].n;
}

/** The resident records of a signed-in person: the account's own record and records with its phone. */
export async function residentsOfUser(q: Queryable, userId: string): Promise<{ id: string; householdCode: string }[]> {
  const { rows } = await q.query<{ id: string; householdCode: string }>(
    `SELECT r.id, r.household_code AS "householdCode" FROM users u JOIN residents r ON r.id = u.resident_id WHERE u.id = $1
     UNION SELECT r.id, r.household_code FROM users u JOIN residents r ON r.phone_index = u.phone_index WHERE u.id = $1`,
    [userId],
    { name: 'deliberation_residents_of_user' },
  );
  return rows;
}

/** The kind of a compound (小区 or 村民小组), or null when there is none. */
export async function compoundKind(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ kind: string }>(`SELECT kind FROM compounds WHERE code = $1`, [code]);
  return rows[0]?.kind ?? null;
}

/** The composition of a representatives' meeting's roster and the households of its village. */
export async function composition(
  q: Queryable,
  meetingId: string,
  village: string,
): Promise<{ members: number; representatives: number; women: number; households: number }> {
  const { rows } = await q.query<{ members: number; representatives: number; women: number; households: number }>(
    `SELECT count(*)::int AS members, count(*) FILTER (WHERE representative)::int AS representatives,
            count(*) FILTER (WHERE woman)::int AS women,
            (SELECT count(*)::int FROM households WHERE code LIKE $2::text || '%') AS households
       FROM meeting_roster WHERE meeting_id = $1`,
    [meetingId, village],
  );
  return rows[0];
}

/** Locks a roster member's row (the proxy holder) so that concurrent proxies are counted one at a time. */
export async function lockRosterMember(q: Queryable, meetingId: string, residentId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM meeting_roster WHERE meeting_id = $1 AND resident_id = $2 FOR UPDATE`, [
    meetingId,
    residentId,
  ]);
  return rows.length > 0;
}

export async function isPresent(q: Queryable, meetingId: string, residentId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND resident_id = $2`, [
    meetingId,
    residentId,
  ]);
  return rows.length > 0;
}

export interface AttendanceLine {
  name: string;
  householdCode: string;
  voting: boolean;
  present: boolean;
  via: 'code' | 'staff' | 'proxy' | null;
  signedAt: Date | null;
  proxyHolderName: string | null;
}

/** The whole roster with each person's sign-in (the 签到表 of the exports): those present by time, then the absent by name. */
export async function attendanceSheet(q: Queryable, meetingId: string): Promise<AttendanceLine[]> {
  const { rows } = await q.query<AttendanceLine>(
    `SELECT r.name, ro.household_code AS "householdCode", ro.voting, a.resident_id IS NOT NULL AS present, a.via,
            a.signed_at AS "signedAt", ph.name AS "proxyHolderName"
       FROM meeting_roster ro JOIN residents r ON r.id = ro.resident_id
       LEFT JOIN meeting_attendance a ON a.meeting_id = ro.meeting_id AND a.resident_id = ro.resident_id
       LEFT JOIN residents ph ON ph.id = a.proxy_holder_id
      WHERE ro.meeting_id = $1
      ORDER BY a.signed_at NULLS LAST, r.name COLLATE "C", ro.resident_id`,
    [meetingId],
  );
  return rows;
}
