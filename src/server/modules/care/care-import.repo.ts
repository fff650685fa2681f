/** The SQL of the 九必问 register import: places and grid workers in the importer's area, residents by blind index, upserts. */
import type { Queryable } from '../../platform/db/db';
import type { RiskTier } from './schedule.domain';

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
}

export async function residentsByIndex(q: Queryable, indexes: readonly string[]): Promise<Map<string, KnownResident>> {
  if (!indexes.length) return new Map();
  const { rows } = await q.query<KnownResident>(
    `SELECT id, id_index AS "idIndex", name, grid_code AS "gridCode", household_code AS "householdCode", relation,
            phone_index AS "phoneIndex"
       FROM residents WHERE id_index = ANY ($1::text[])`,
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
  workerId: string;
  archived: boolean;
}

export async function personsOfResidents(
  q: Queryable,
  residentIds: readonly string[],
  lock: boolean,
): Promise<Map<string, CarePersonState>> {
  if (!residentIds.length) return new Map();
  const { rows } = await q.query<CarePersonState>(
    `SELECT id, resident_id AS "residentId", tier, worker_id AS "workerId", archived_at IS NOT NULL AS archived
       FROM care_persons WHERE resident_id = ANY ($1::uuid[])${lock ? ' FOR UPDATE' : ''}`,
    [residentIds],
  );
  return new Map(rows.map((r) => [r.residentId, r]));
}

export interface ImportedPerson {
  gridCode: string;
  categories: string[];
  tier: RiskTier;
  workerId: string;
  consentBy: 'self' | 'guardian';
  consentOn: string;
  note: string | null;
}

/** A re-imported person: the file's facts replace the record's; an archived record comes back. */
export async function refreshPerson(q: Queryable, id: string, p: ImportedPerson) {
  await q.query(
    `UPDATE care_persons SET grid_code = $2, categories = $3, tier = $4, worker_id = $5, consent_by = $6,
            consent_on = $7::date, note = $8, archived_at = NULL
      WHERE id = $1`,
    [id, p.gridCode, p.categories, p.tier, p.workerId, p.consentBy, p.consentOn, p.note],
  );
  await q.query(`UPDATE care_dues SET worker_id = $2, grid_code = $3 WHERE person_id = $1 AND closed_at IS NULL`, [
    id,
    p.workerId,
    p.gridCode,
  ]);
}

export async function hasOpenDue(q: Queryable, personId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM care_dues WHERE person_id = $1 AND closed_at IS NULL`, [personId]);
  return rows.length > 0;
}
