/** The SQL of the 九必问 register import: places and grid workers in the importer's area, residents by blind index, upserts. */
import type { Queryable } from '../../platform/db/db';
import type { DueReason, RiskTier } from './schedule.domain';

export interface Place {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** Villages (level 5) and grids (level 6) under the importer's subtrees. */
export async function placesUnder(q: Queryable, scopes: readonly string[]): Promise<Place[]> {
  const { rows } = await q.query<Place>(
    `SELECT code, name, level, parent_code AS "parentCode" FROM divisions
      WHERE level >= 5 AND code LIKE ANY ($1::text[])`,
    [scopes.map((s) => `${s}%`)],
  );
  return rows;
}

export interface GridWorker {
  userId: string;
  scopeCode: string;
  phoneIndex: string | null;
  name: string;
}

/** Live grid workers whose scope lies under, or above, the importer's subtrees. */
export async function gridWorkers(q: Queryable, scopes: readonly string[]): Promise<GridWorker[]> {
  const { rows } = await q.query<GridWorker>(
    `SELECT r.user_id AS "userId", r.scope_code AS "scopeCode", u.phone_index AS "phoneIndex", u.display_name AS name
       FROM role_assignments r JOIN users u ON u.id = r.user_id
      WHERE r.role = 'grid_worker' AND r.revoked_at IS NULL AND u.disabled_at IS NULL
        AND (r.scope_code LIKE ANY ($1::text[]) OR EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE s LIKE r.scope_code || '%'))
      ORDER BY u.display_name, r.user_id`,
    [scopes.map((s) => `${s}%`), scopes],
  );
  return rows;
}

export interface KnownResident {
  id: string;
  idIndex: string;
  name: string;
  gridCode: string;
  householdCode: string;
  relation: string;
  phoneIndex: string | null;
  /** Their record on the care register, if any (archived ones included). */
  workerId: string | null;
}

/** Residents by the blind index of their ID number, with the worker of their care record if they have one. */
export async function residentsByIndex(q: Queryable, indexes: readonly string[]): Promise<Map<string, KnownResident>> {
  if (!indexes.length) return new Map();
  const { rows } = await q.query<KnownResident>(
    `SELECT r.id, r.id_index AS "idIndex", r.name, r.grid_code AS "gridCode", r.household_code AS "householdCode",
            r.relation, r.phone_index AS "phoneIndex", cp.worker_id AS "workerId"
       FROM residents r LEFT JOIN care_persons cp ON cp.resident_id = r.id
      WHERE r.id_index = ANY ($1::text[])`,
    [indexes],
  );
  return new Map(rows.map((r) => [r.idIndex, r]));
}

/** The highest household number used in a grid's "no building" range (…000NNNN), or 0. */
export async function lastLooseHousehold(q: Queryable, gridCode: string): Promise<number> {
  const { rows } = await q.query<{ code: string | null }>(
    `SELECT max(code) AS code FROM households WHERE code >= $1 AND code <= $2`,
    [`${gridCode}0000000`, `${gridCode}0009999`],
  );
  return rows[0]?.code ? Number(rows[0].code.slice(18)) : 0;
}

export interface CarePersonState {
  id: string;
  residentId: string;
  tier: RiskTier;
  archived: boolean;
  hasOpenDue: boolean;
}

/** The care records of these residents, locked for the import's changes. */
export async function personsOfResidents(
  q: Queryable,
  residentIds: readonly string[],
): Promise<Map<string, CarePersonState>> {
  if (!residentIds.length) return new Map();
  const { rows } = await q.query<CarePersonState>(
    `SELECT cp.id, cp.resident_id AS "residentId", cp.tier, cp.archived_at IS NOT NULL AS archived,
            EXISTS (SELECT 1 FROM care_dues d WHERE d.person_id = cp.id AND d.closed_at IS NULL) AS "hasOpenDue"
       FROM care_persons cp WHERE cp.resident_id = ANY ($1::uuid[]) FOR UPDATE OF cp`,
    [residentIds],
  );
  return new Map(rows.map((r) => [r.residentId, r]));
}

export interface ImportedPerson {
  residentId: string;
  gridCode: string;
  categories: string[];
  tier: RiskTier;
  workerId: string;
  consentBy: 'self' | 'guardian';
  consentOn: string;
  note: string | null;
}

const columns = (rows: readonly ImportedPerson[]) => [
  rows.map((p) => p.gridCode),
  rows.map((p) => p.categories.join(',')), // keys are [a-z_]: joined, then split back in SQL
  rows.map((p) => p.tier),
  rows.map((p) => p.workerId),
  rows.map((p) => p.consentBy),
  rows.map((p) => p.consentOn),
  rows.map((p) => p.note),
];

/** New persons on the register, in one statement: their ids by resident. */
export async function insertPersons(
  q: Queryable,
  rows: readonly ImportedPerson[],
  by: string,
  at: Date,
): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const { rows: out } = await q.query<{ id: string; residentId: string }>(
    `INSERT INTO care_persons (resident_id, grid_code, categories, tier, worker_id, consent_by, consent_on, note,
       registered_by, registered_at)
     SELECT r, g, string_to_array(c, ','), t, w, cb, co::date, n, $9, $10
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])
         AS x(r, g, c, t, w, cb, co, n)
     RETURNING id, resident_id AS "residentId"`,
    [rows.map((p) => p.residentId), ...columns(rows), by, at],
  );
  return new Map(out.map((r) => [r.residentId, r.id]));
}

/** Re-imported persons: the file's facts replace the record's (an archived record comes back); open dues follow. */
export async function refreshPersons(q: Queryable, rows: readonly (ImportedPerson & { id: string })[]) {
  if (!rows.length) return;
  const params = [rows.map((p) => p.id), ...columns(rows)];
  await q.query(
    `UPDATE care_persons p SET grid_code = x.g, categories = string_to_array(x.c, ','), tier = x.t, worker_id = x.w,
            consent_by = x.cb, consent_on = x.co::date, note = x.n, archived_at = NULL
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])
         AS x(id, g, c, t, w, cb, co, n)
      WHERE p.id = x.id`,
    params,
  );
  await q.query(
    `UPDATE care_dues d SET worker_id = x.w, grid_code = x.g
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(id, w, g)
      WHERE d.person_id = x.id AND d.closed_at IS NULL`,
    [rows.map((p) => p.id), rows.map((p) => p.workerId), rows.map((p) => p.gridCode)],
  );
}

/** Closes the open obligations of these persons as superseded (their tier changed). */
export async function supersedeOpenDues(q: Queryable, personIds: readonly string[], at: Date) {
  if (!personIds.length) return;
  await q.query(
    `UPDATE care_dues SET closed_at = $2, outcome = 'superseded' WHERE person_id = ANY ($1::uuid[]) AND closed_at IS NULL`,
    [personIds, at],
  );
}

export interface NewDue {
  personId: string;
  gridCode: string;
  workerId: string;
  tier: RiskTier;
  reason: DueReason;
  dueAt: Date;
}

/** Opens the next obligation of each person (as care.repo's rollDue does one at a time). */
export async function openDues(q: Queryable, dues: readonly NewDue[], openedAt: Date) {
  if (!dues.length) return;
  await q.query(
    `INSERT INTO care_dues (person_id, grid_code, worker_id, tier, reason, opened_at, due_at)
     SELECT p, g, w, t, r, $7, d FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
       AS x(p, g, w, t, r, d)`,
    [
      dues.map((d) => d.personId),
      dues.map((d) => d.gridCode),
      dues.map((d) => d.workerId),
      dues.map((d) => d.tier),
      dues.map((d) => d.reason),
      dues.map((d) => d.dueAt),
      openedAt,
    ],
  );
}
