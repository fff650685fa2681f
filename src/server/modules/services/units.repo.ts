/** Partner units (共驻共建单位), their work groups and embedded cadres, and 一社一品. Queries only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { UnitKind } from './services.labels';

export async function unitExists(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM service_units WHERE id = $1', [id]);
  return rows.length > 0;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  scopeCode: string;
  contact: string;
  isDemo?: boolean;
}

/** Saves a unit by its code; returns its id. */
export async function upsertUnit(q: Queryable, u: NewUnit, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO service_units (code, name, kind, scope_code, contact, is_demo, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, scope_code = EXCLUDED.scope_code,
       contact = EXCLUDED.contact RETURNING id`,
    [u.code, u.name, u.kind, u.scopeCode, u.contact, u.isDemo ?? false, now],
  );
  return rows[0].id;
}

export async function unitIdsByCode(
  q: Queryable,
  codes: readonly string[],
): Promise<Map<string, { id: string; scopeCode: string }>> {
  const { rows } = await q.query<{ code: string; id: string; scopeCode: string }>(
    `SELECT code, id, scope_code AS "scopeCode" FROM service_units WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, scopeCode: r.scopeCode }]));
}

export interface NewGroup {
  unitId: string;
  name: string;
  leader: string;
  villages: string[];
  isDemo?: boolean;
}

export async function upsertGroup(q: Queryable, g: NewGroup): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO service_work_groups (unit_id, name, leader, villages, is_demo) VALUES ($1, $2, $3, $4::text[], $5)
     ON CONFLICT (unit_id, name) DO UPDATE SET leader = EXCLUDED.leader, villages = EXCLUDED.villages RETURNING id`,
    [g.unitId, g.name, g.leader, g.villages, g.isDemo ?? false],
  );
  return rows[0].id;
}

export async function groupId(q: Queryable, unitId: string, name: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM service_work_groups WHERE unit_id = $1 AND name = $2',
    [unitId, name],
  );
  return rows[0]?.id ?? null;
}

export interface NewCadre {
  unitId: string;
  name: string;
  phoneCipher: string;
  phoneIndex: string;
  phoneMasked: string;
  communityCode: string;
  gridCode: string | null;
  since: string;
  workGroupId: string | null;
  isDemo?: boolean;
}

/** Saves a cadre by phone (one post per person); returns its id. */
export async function upsertCadre(q: Queryable, c: NewCadre): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO service_cadres (unit_id, name, phone_cipher, phone_index, phone_masked, community_code, grid_code, since, work_group_id, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (phone_index) DO UPDATE SET unit_id = EXCLUDED.unit_id, name = EXCLUDED.name, community_code = EXCLUDED.community_code,
       grid_code = EXCLUDED.grid_code, since = EXCLUDED.since, work_group_id = EXCLUDED.work_group_id RETURNING id`,
    [
      c.unitId,
      c.name,
      c.phoneCipher,
      c.phoneIndex,
      c.phoneMasked,
      c.communityCode,
      c.gridCode,
      c.since,
      c.workGroupId,
      c.isDemo ?? false,
    ],
  );
  return rows[0].id;
}

/** A cadre's record: activities confirmed, hours, errands finished and thanks received, through the account with their phone
 * (its id, userId, is how the service adds the 九必问 visits, which the care module counts). */
const RECORD = `
  (SELECT u.id FROM users u WHERE u.phone_index = c.phone_index) AS "userId",
  (SELECT count(*)::int FROM service_signups s JOIN users u ON u.id = s.user_id WHERE u.phone_index = c.phone_index AND s.confirmed_at IS NOT NULL) AS activities,
  (SELECT coalesce(sum(s.hours), 0)::float8 FROM service_signups s JOIN users u ON u.id = s.user_id WHERE u.phone_index = c.phone_index AND s.confirmed_at IS NOT NULL) AS hours,
  (SELECT count(*)::int FROM errands e JOIN users u ON u.id = e.handler_id WHERE u.phone_index = c.phone_index AND e.state = 'done') AS errands,
  (SELECT count(*)::int FROM errands e JOIN users u ON u.id = e.handler_id WHERE u.phone_index = c.phone_index AND e.thanks IS NOT NULL) AS thanks`;

export interface CadreRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  name: string;
  phoneMasked: string;
  phoneCipher: string;
  communityCode: string;
  communityName: string;
  gridCode: string | null;
  since: string;
  workGroupName: string | null;
  activities: number;
  hours: number;
  errands: number;
  thanks: number;
  /** The account with the cadre's phone, if any. */
  userId: string | null;
}

export const cadreKey = (c: CadreRow) => [c.communityCode, c.name, c.id] as const;

/** Cadres reporting to communities under the scopes (or of one unit), by community and name. */
export async function listCadres(
  q: Queryable,
  f: { scopes: readonly string[]; unitId?: string },
  limit: number,
  after: KeyValue[] | null,
): Promise<CadreRow[]> {
  const { rows } = await q.query<CadreRow>(
    `SELECT c.id, c.unit_id AS "unitId", un.code AS "unitCode", un.name AS "unitName", c.name, c.phone_masked AS "phoneMasked", c.phone_cipher AS "phoneCipher",
            c.community_code AS "communityCode", d.name AS "communityName", c.grid_code AS "gridCode",
            to_char(c.since, 'YYYY-MM-DD') AS since, g.name AS "workGroupName", ${RECORD}
       FROM service_cadres c JOIN service_units un ON un.id = c.unit_id JOIN divisions d ON d.code = c.community_code
       LEFT JOIN service_work_groups g ON g.id = c.work_group_id
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE c.community_code LIKE s || '%' OR un.scope_code LIKE s || '%')
        AND ($2::uuid IS NULL OR c.unit_id = $2)
        AND ($3::text IS NULL OR (c.community_code, c.name, c.id) > ($3::text, $4::text, $5::uuid))
      ORDER BY c.community_code, c.name, c.id LIMIT $6`,
    [f.scopes, f.unitId ?? null, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
  );
  return rows;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  scopeCode: string;
  contact: string;
  cadres: number;
  groups: number;
  activitiesOrganised: number;
  cadreActivities: number;
  cadreHours: number;
  errandsDone: number;
  thanks: number;
}

export const unitKey = (u: UnitRow) => [u.name, u.id] as const;

/** Units under the scopes with the totals the town assesses them by. */
export async function listUnits(
  q: Queryable,
  scopes: readonly string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<UnitRow[]> {
  const { rows } = await q.query<UnitRow>(
    `WITH units AS (
       SELECT * FROM service_units un
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE un.scope_code LIKE s || '%' OR s LIKE un.scope_code || '%')
          AND ($2::text IS NULL OR (un.name, un.id) > ($2::text, $3::uuid))
        ORDER BY un.name, un.id LIMIT $4
     ), per_cadre AS (SELECT c.unit_id, ${RECORD} FROM service_cadres c WHERE c.unit_id IN (SELECT id FROM units))
     SELECT un.id, un.code, un.name, un.kind, un.scope_code AS "scopeCode", un.contact,
            (SELECT count(*)::int FROM service_cadres c WHERE c.unit_id = un.id) AS cadres,
            (SELECT count(*)::int FROM service_work_groups g WHERE g.unit_id = un.id) AS groups,
            (SELECT count(*)::int FROM service_activities a WHERE a.unit_id = un.id AND a.state = 'published') AS "activitiesOrganised",
            coalesce((SELECT sum(activities)::int FROM per_cadre p WHERE p.unit_id = un.id), 0) AS "cadreActivities",
            coalesce((SELECT sum(hours)::float8 FROM per_cadre p WHERE p.unit_id = un.id), 0) AS "cadreHours",
            coalesce((SELECT sum(errands)::int FROM per_cadre p WHERE p.unit_id = un.id), 0) AS "errandsDone",
            coalesce((SELECT sum(thanks)::int FROM per_cadre p WHERE p.unit_id = un.id), 0) AS thanks
       FROM units un ORDER BY un.name, un.id`,
    [scopes, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}

export interface GroupRow {
  id: string;
  unitCode: string;
  unitName: string;
  name: string;
  leader: string;
  villages: string[];
}

export async function listGroups(q: Queryable, scopes: readonly string[]): Promise<GroupRow[]> {
  const { rows } = await q.query<GroupRow>(
    `SELECT g.id, un.code AS "unitCode", un.name AS "unitName", g.name, g.leader, g.villages FROM service_work_groups g JOIN service_units un ON un.id = g.unit_id
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE un.scope_code LIKE s || '%' OR s LIKE un.scope_code || '%')
      ORDER BY un.name, g.name LIMIT 1000`,
    [scopes],
  );
  return rows;
}

export interface SignatureRow {
  divisionCode: string;
  divisionName: string;
  name: string;
  description: string;
  updatedAt: Date;
}

export async function upsertSignature(
  q: Queryable,
  s: { divisionCode: string; name: string; description: string; now: Date; by: string | null; isDemo?: boolean },
): Promise<void> {
  await q.query(
    `INSERT INTO signature_services (division_code, name, description, updated_at, updated_by, is_demo) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (division_code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [s.divisionCode, s.name, s.description, s.now, s.by, s.isDemo ?? false],
  );
}

/** Signature services of the communities under a code (one place, or a town's), by code. */
export async function signaturesUnder(q: Queryable, prefix: string): Promise<SignatureRow[]> {
  const { rows } = await q.query<SignatureRow>(
    `SELECT s.division_code AS "divisionCode", d.name AS "divisionName", s.name, s.description, s.updated_at AS "updatedAt"
       FROM signature_services s JOIN divisions d ON d.code = s.division_code
      WHERE s.division_code LIKE $1 || '%' ORDER BY s.division_code LIMIT 500`,
    [prefix],
  );
  return rows;
}

/** Which of the codes are divisions (with their level). */
export async function divisionLevels(q: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await q.query<{ code: string; level: number }>(
    'SELECT code, level FROM divisions WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.level]));
}

/** The middle of a village's grid boxes (the demo places its activities there), if it has grids. */
export async function villageCentre(q: Queryable, village: string): Promise<{ lng: number; lat: number } | null> {
  const { rows } = await q.query<{ lng: number | null; lat: number | null }>(
    `SELECT avg((min_lng + max_lng) / 2)::float8 AS lng, avg((min_lat + max_lat) / 2)::float8 AS lat
       FROM grid_areas WHERE grid_code LIKE $1 || '%'`,
    [village],
  );
  return rows[0]?.lng != null && rows[0]?.lat != null ? { lng: rows[0].lng, lat: rows[0].lat } : null;
}
