import type { Queryable } from '../../platform/db/db';
import type { PartyOrgRecord } from './records';

const col = <T, K>(rows: readonly T[], f: (r: T) => K) => rows.map(f);

export async function upsertPartyOrgs(
  q: Queryable,
  rows: readonly (PartyOrgRecord & { isDemo?: boolean })[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO party_orgs (code, name, kind, parent_code, division_code, is_demo)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, division_code = EXCLUDED.division_code`,
    [
      col(rows, (r) => r.code),
      col(rows, (r) => r.name),
      col(rows, (r) => r.kind),
      col(rows, (r) => r.parentCode),
      col(rows, (r) => r.divisionCode),
      col(rows, (r) => r.isDemo ?? false),
    ],
  );
}

export interface StoredMember {
  residentId: string;
  orgCode: string;
  membership: 'full' | 'probationary';
  joinedOn: string;
  embeddedCadre: boolean;
  woodpecker: boolean;
  isDemo?: boolean;
}

export async function upsertPartyMembers(q: Queryable, rows: readonly StoredMember[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const { rows: out } = await q.query<{ id: string; resident_id: string }>(
    `INSERT INTO party_members (resident_id, org_code, membership, joined_on, embedded_cadre, woodpecker, is_demo)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::boolean[], $6::boolean[], $7::boolean[])
     ON CONFLICT (resident_id) DO UPDATE SET org_code = EXCLUDED.org_code, membership = EXCLUDED.membership, joined_on = EXCLUDED.joined_on,
       embedded_cadre = EXCLUDED.embedded_cadre, woodpecker = EXCLUDED.woodpecker
     RETURNING id, resident_id`,
    [
      col(rows, (r) => r.residentId),
      col(rows, (r) => r.orgCode),
      col(rows, (r) => r.membership),
      col(rows, (r) => r.joinedOn),
      col(rows, (r) => r.embeddedCadre),
      col(rows, (r) => r.woodpecker),
      col(rows, (r) => r.isDemo ?? false),
    ],
  );
  return new Map(out.map((r) => [r.resident_id, r.id]));
}

export async function memberIdsByResident(q: Queryable, residentIds: readonly string[]): Promise<Map<string, string>> {
  if (residentIds.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; resident_id: string }>(
    'SELECT id, resident_id FROM party_members WHERE resident_id = ANY($1::uuid[])',
    [residentIds],
  );
  return new Map(rows.map((r) => [r.resident_id, r.id]));
}

export async function upsertLinks(
  q: Queryable,
  rows: readonly { memberId: string; householdCode: string; hub: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO household_links (party_member_id, household_code, hub)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[])
     ON CONFLICT (party_member_id, household_code) DO UPDATE SET hub = EXCLUDED.hub`,
    [col(rows, (r) => r.memberId), col(rows, (r) => r.householdCode), col(rows, (r) => r.hub)],
  );
}

export interface OrgRow {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  divisionCode: string;
  /** Members of this organisation itself. */
  members: number;
  /** Members of this organisation and of every organisation under it (wherever those sit). */
  total: number;
}

/**
 * The organisations of an area with their own and their subtree's member counts. The subtree is
 * walked by parent_code (a recursive CTE); UNION (not UNION ALL) ends a walk that meets a cycle a
 * bad import could leave.
 */
export async function orgsUnder(q: Queryable, prefix: string): Promise<OrgRow[]> {
  const { rows } = await q.query<{
    code: string;
    name: string;
    kind: string;
    parent_code: string | null;
    division_code: string;
    members: number;
    total: number;
  }>(
    `WITH RECURSIVE listed AS (SELECT * FROM party_orgs WHERE division_code LIKE $1),
     subtree (root, code) AS (
       SELECT code, code FROM listed
       UNION
       SELECT s.root, c.code FROM subtree s JOIN party_orgs c ON c.parent_code = s.code
     ),
     counted AS (
       SELECT s.root, count(m.id) FILTER (WHERE m.org_code = s.root)::int AS members, count(m.id)::int AS total
         FROM subtree s LEFT JOIN party_members m ON m.org_code = s.code GROUP BY s.root
     )
     SELECT o.code, o.name, o.kind, o.parent_code, o.division_code, c.members, c.total
       FROM listed o JOIN counted c ON c.root = o.code ORDER BY o.code`,
    [`${prefix}%`],
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentCode: r.parent_code,
    divisionCode: r.division_code,
    members: r.members,
    total: r.total,
  }));
}

export async function linkedMembersOfHousehold(
  q: Queryable,
  householdCode: string,
): Promise<{ name: string; phoneMasked: string | null; hub: boolean }[]> {
  const { rows } = await q.query<{ name: string; phone_masked: string | null; hub: boolean }>(
    `SELECT r.name, r.phone_masked, l.hub FROM household_links l JOIN party_members m ON m.id = l.party_member_id JOIN residents r ON r.id = m.resident_id
      WHERE l.household_code = $1 ORDER BY l.hub DESC, r.name`,
    [householdCode],
  );
  return rows.map((r) => ({ name: r.name, phoneMasked: r.phone_masked, hub: r.hub }));
}
