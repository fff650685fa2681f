/** SQL of the alliance's member organisations and of the 五帮 routing rows the county changed. */
import type { Queryable } from '../../platform/db/db';
import type { HelpBody, MemberKind } from './beehive.labels';

export interface MemberRow {
  id: string;
  name: string;
  kind: MemberKind;
  platformName: string | null;
  departmentCode: string | null;
  partyOrgCode: string | null;
  partyOrgName: string | null;
  joinedOn: string;
  leftOn: string | null;
  note: string;
}

export interface MemberInput {
  name: string;
  kind: MemberKind;
  platformName: string | null;
  platformKey: string | null;
  departmentCode: string | null;
  partyOrgCode: string | null;
  joinedOn: string;
  leftOn: string | null;
  note: string;
  isDemo?: boolean;
}

const MEMBER = `m.id, m.name, m.kind, m.platform_name AS "platformName", m.department_code AS "departmentCode",
  m.party_org_code AS "partyOrgCode", o.name AS "partyOrgName", to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn",
  to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn", m.note`;
const MEMBER_FROM = 'beehive_alliance_members m LEFT JOIN party_orgs o ON o.code = m.party_org_code';

export async function listMembers(q: Queryable): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT ${MEMBER} FROM ${MEMBER_FROM} ORDER BY m.left_on IS NOT NULL, m.kind, m.name COLLATE "C"`,
  );
  return rows;
}

export async function findMember(q: Queryable, id: string): Promise<MemberRow | null> {
  const { rows } = await q.query<MemberRow>(`SELECT ${MEMBER} FROM ${MEMBER_FROM} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Inserts (id null) or updates a member; null when the name or the platform is taken by another member. */
export async function saveMember(q: Queryable, id: string | null, m: MemberInput, now: Date): Promise<string | null> {
  const params = [
    m.name,
    m.kind,
    m.platformName,
    m.platformKey,
    m.departmentCode,
    m.partyOrgCode,
    m.joinedOn,
    m.leftOn,
    m.note,
    now,
  ];
  const { rows } = id
    ? await q.query<{ id: string }>(
        `UPDATE beehive_alliance_members SET name = $1, kind = $2, platform_name = $3, platform_key = $4,
           department_code = $5, party_org_code = $6, joined_on = $7, left_on = $8, note = $9, updated_at = $10
         WHERE id = $11 AND NOT EXISTS (SELECT 1 FROM beehive_alliance_members x WHERE x.id <> $11
           AND (x.name = $1 OR x.platform_key = $4))
         RETURNING id`,
        [...params, id],
      )
    : await q.query<{ id: string }>(
        `INSERT INTO beehive_alliance_members (name, kind, platform_name, platform_key, department_code,
           party_org_code, joined_on, left_on, note, created_at, updated_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)
         ON CONFLICT DO NOTHING RETURNING id`,
        [...params, m.isDemo ?? false],
      );
  return rows[0]?.id ?? null;
}

/** Registered workers per platform name as they typed it. */
export async function workersByPlatform(q: Queryable): Promise<{ platform: string; n: number }[]> {
  const { rows } = await q.query<{ platform: string; n: number }>(
    'SELECT platform, count(*)::int AS n FROM beehive_workers GROUP BY platform',
  );
  return rows;
}

export async function setMemberDepartment(q: Queryable, id: string, departmentCode: string | null): Promise<void> {
  await q.query('UPDATE beehive_alliance_members SET department_code = $2 WHERE id = $1', [id, departmentCode]);
}

/** The department answering for a platform (by its loose key) on a day: a member that has not left. */
export async function platformDepartment(q: Queryable, platformKey: string, day: string): Promise<string | null> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT department_code AS code FROM beehive_alliance_members
     WHERE platform_key = $1 AND department_code IS NOT NULL AND joined_on <= $2::date
       AND (left_on IS NULL OR left_on >= $2::date)`,
    [platformKey, day],
  );
  return rows[0]?.code ?? null;
}

export async function partyOrgExists(q: Queryable, code: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM party_orgs WHERE code = $1', [code]);
  return rows.length > 0;
}

// ---- routing ----

export interface RouteRow {
  kind: string;
  body: HelpBody;
  workingDays: number;
  updatedAt: Date;
}

export async function routeRows(q: Queryable): Promise<RouteRow[]> {
  const { rows } = await q.query<RouteRow>(
    `SELECT kind, body_key AS body, working_days AS "workingDays", updated_at AS "updatedAt" FROM beehive_routes`,
  );
  return rows;
}

export async function setRoute(
  q: Queryable,
  r: { kind: string; body: HelpBody; workingDays: number; by: string },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO beehive_routes (kind, body_key, working_days, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind) DO UPDATE SET body_key = $2, working_days = $3, updated_by = $4, updated_at = $5`,
    [r.kind, r.body, r.workingDays, r.by, now],
  );
}
