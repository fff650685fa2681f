/** SQL of nominees, endorsements, conflicts and scores, and what they read of the registers. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { NominationRoute, NomineeStatus } from './selections.labels';

/** A registered person: their household's code (their place) and whether they are a party member. */
export interface PersonFacts {
  residentId: string;
  name: string;
  householdCode: string;
  partyMember: boolean;
}

const PERSON = `r.id AS "residentId", r.name, r.household_code AS "householdCode",
  EXISTS (SELECT 1 FROM party_members m WHERE m.resident_id = r.id) AS "partyMember"`;

/**
 * The register's person of a signed-in account: the resident linked to it (users.resident_id), else
 * the resident registered with the phone it signs in with. Null: not verified in the register.
 */
export async function personOfUser(q: Queryable, userId: string): Promise<PersonFacts | null> {
  const { rows } = await q.query<PersonFacts>(
    `SELECT ${PERSON} FROM users u JOIN residents r ON r.id = coalesce(u.resident_id,
        (SELECT x.id FROM residents x WHERE x.phone_index = u.phone_index ORDER BY x.id LIMIT 1))
      WHERE u.id = $1 AND u.disabled_at IS NULL`,
    [userId],
    { name: 'selections_person_of_user' },
  );
  return rows[0] ?? null;
}

export async function personById(q: Queryable, residentId: string): Promise<PersonFacts | null> {
  const { rows } = await q.query<PersonFacts>(`SELECT ${PERSON} FROM residents r WHERE r.id = $1`, [residentId]);
  return rows[0] ?? null;
}

/** A person found by name and a blind index (of the phone or the ID number). */
export async function personByIndex(
  q: Queryable,
  name: string,
  by: 'phone' | 'id',
  index: string,
): Promise<PersonFacts | null> {
  const { rows } = await q.query<PersonFacts>(
    `SELECT ${PERSON} FROM residents r WHERE r.${by === 'phone' ? 'phone_index' : 'id_index'} = $1 AND r.name = $2 ORDER BY r.id LIMIT 1`,
    [index, name],
  );
  return rows[0] ?? null;
}

export async function partyOrg(q: Queryable, code: string): Promise<{ name: string; divisionCode: string } | null> {
  const { rows } = await q.query<{ name: string; divisionCode: string }>(
    'SELECT name, division_code AS "divisionCode" FROM party_orgs WHERE code = $1',
    [code],
  );
  return rows[0] ?? null;
}

export interface NomineeRow {
  id: string;
  selectionId: string;
  residentId: string | null;
  partyOrgCode: string | null;
  subjectDivisionCode: string | null;
  name: string;
  placeCode: string;
  placeName: string;
  route: NominationRoute;
  statement: string;
  evidence: string;
  nominatedBy: string;
  orgName: string | null;
  status: NomineeStatus;
  checkNote: string | null;
  createdAt: Date;
  endorsements: number;
}

const NOMINEE = `n.id, n.selection_id AS "selectionId", n.resident_id AS "residentId", n.party_org_code AS "partyOrgCode",
  n.subject_division_code AS "subjectDivisionCode", n.name, n.place_code AS "placeCode", d.name AS "placeName", n.route,
  n.statement, n.evidence, n.nominated_by AS "nominatedBy", n.org_name AS "orgName", n.status, n.check_note AS "checkNote",
  n.created_at AS "createdAt", (SELECT count(*) FROM selection_endorsements e WHERE e.nominee_id = n.id)::int AS endorsements`;

export async function insertNominee(
  q: Queryable,
  n: {
    selectionId: string;
    residentId: string | null;
    partyOrgCode: string | null;
    subjectDivisionCode: string | null;
    name: string;
    placeCode: string;
    route: NominationRoute;
    statement: string;
    evidence: string;
    nominatedBy: string;
    orgName: string | null;
    status: NomineeStatus;
    now: Date;
  },
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO selection_nominees (selection_id, resident_id, party_org_code, subject_division_code, name, place_code, route,
       statement, evidence, nominated_by, org_name, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
    [
      n.selectionId,
      n.residentId,
      n.partyOrgCode,
      n.subjectDivisionCode,
      n.name,
      n.placeCode,
      n.route,
      n.statement,
      n.evidence,
      n.nominatedBy,
      n.orgName,
      n.status,
      n.now.toISOString(),
    ],
  );
  return rows[0]?.id ?? null;
}

export async function getNominee(q: Queryable, id: string, lock = false): Promise<NomineeRow | null> {
  const { rows } = await q.query<NomineeRow>(
    `SELECT ${NOMINEE} FROM selection_nominees n JOIN divisions d ON d.code = n.place_code WHERE n.id = $1${lock ? ' FOR UPDATE OF n' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Every nominee of a selection in nomination order: what the ranking, the results and the score sheets read (no cap: a ranking needs them all). */
export async function nomineesOf(q: Queryable, selectionId: string): Promise<NomineeRow[]> {
  const { rows } = await q.query<NomineeRow>(
    `SELECT ${NOMINEE} FROM selection_nominees n JOIN divisions d ON d.code = n.place_code
      WHERE n.selection_id = $1 ORDER BY n.created_at, n.id`,
    [selectionId],
  );
  return rows;
}

export const nomineeKey = (n: NomineeRow) => [n.createdAt.toISOString(), n.id] as const;

/** A page of a selection's nominees in nomination order (optionally of one status), after the key of the previous page. */
export async function nomineePage(
  q: Queryable,
  selectionId: string,
  status: NomineeStatus | undefined,
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<NomineeRow[]> {
  const [at, id] = after ?? [null, null];
  const { rows } = await q.query<NomineeRow>(
    `SELECT ${NOMINEE} FROM selection_nominees n JOIN divisions d ON d.code = n.place_code
      WHERE n.selection_id = $1 AND ($2::text IS NULL OR n.status = $2)
        AND ($3::timestamptz IS NULL OR (n.created_at, n.id) > ($3::timestamptz, $4::uuid))
      ORDER BY n.created_at, n.id LIMIT $5`,
    [selectionId, status ?? null, at, id, limit],
  );
  return rows;
}

export async function setNomineeStatus(
  q: Queryable,
  id: string,
  status: NomineeStatus,
  check?: { note: string; by: string; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE selection_nominees SET status = $2, check_note = coalesce($3, check_note), checked_by = coalesce($4, checked_by),
       checked_at = coalesce($5, checked_at) WHERE id = $1`,
    [id, status, check?.note ?? null, check?.by ?? null, check?.at.toISOString() ?? null],
  );
}

/** Adds an endorsement; false when this person has already endorsed the nominee. */
export async function insertEndorsement(
  q: Queryable,
  nomineeId: string,
  residentId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO selection_endorsements (nominee_id, resident_id, user_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [nomineeId, residentId, userId, now.toISOString()],
  );
  return rowCount > 0;
}

export async function endorsementCount(q: Queryable, nomineeId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM selection_endorsements WHERE nominee_id = $1',
    [nomineeId],
  );
  return rows[0].n;
}

export async function insertConflict(q: Queryable, nomineeId: string, userId: string, reason: string, now: Date) {
  await q.query(
    `INSERT INTO selection_conflicts (nominee_id, user_id, reason, declared_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [nomineeId, userId, reason, now.toISOString()],
  );
}

export async function conflictOf(q: Queryable, nomineeId: string, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ reason: string }>(
    'SELECT reason FROM selection_conflicts WHERE nominee_id = $1 AND user_id = $2',
    [nomineeId, userId],
  );
  return rows[0]?.reason ?? null;
}

export async function conflictsOf(q: Queryable, selectionId: string): Promise<{ nomineeId: string; userId: string }[]> {
  const { rows } = await q.query<{ nomineeId: string; userId: string }>(
    `SELECT c.nominee_id AS "nomineeId", c.user_id AS "userId" FROM selection_conflicts c
       JOIN selection_nominees n ON n.id = c.nominee_id WHERE n.selection_id = $1 ORDER BY 1, 2`,
    [selectionId],
  );
  return rows;
}

/** Replaces a member's score sheet of a nominee; returns the sheet it replaced (for the audit). */
export async function replaceScores(
  q: Queryable,
  s: { selectionId: string; nomineeId: string; userId: string; now: Date },
  sheet: readonly { criterion: number; score: number }[],
): Promise<{ criterion: number; score: number }[]> {
  const { rows } = await q.query<{ criterion: number; score: number }>(
    'DELETE FROM selection_scores WHERE nominee_id = $1 AND user_id = $2 RETURNING criterion, score',
    [s.nomineeId, s.userId],
  );
  await q.query(
    `INSERT INTO selection_scores (selection_id, nominee_id, user_id, criterion, score, scored_at)
     SELECT $1, $2, $3, c, x, $6 FROM unnest($4::smallint[], $5::int[]) AS t(c, x)`,
    [
      s.selectionId,
      s.nomineeId,
      s.userId,
      sheet.map((x) => x.criterion),
      sheet.map((x) => x.score),
      s.now.toISOString(),
    ],
  );
  return rows.sort((a, b) => a.criterion - b.criterion);
}

export interface ScoreRow {
  nomineeId: string;
  userId: string;
  displayName: string;
  criterion: number;
  score: number;
}

export async function scoresOf(q: Queryable, selectionId: string, userId?: string): Promise<ScoreRow[]> {
  const { rows } = await q.query<ScoreRow>(
    `SELECT s.nominee_id AS "nomineeId", s.user_id AS "userId", u.display_name AS "displayName", s.criterion, s.score
       FROM selection_scores s JOIN users u ON u.id = s.user_id
      WHERE s.selection_id = $1 AND ($2::uuid IS NULL OR s.user_id = $2) ORDER BY 1, 2, 4`,
    [selectionId, userId ?? null],
  );
  return rows;
}
