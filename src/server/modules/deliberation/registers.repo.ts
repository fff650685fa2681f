/** What deliberation adds to the registers: the representatives' and committees' members, floor areas. SQL only. */
import type { Queryable } from '../../platform/db/db';

export type Body = 'representatives' | 'village_committee' | 'party_committee';

export async function addBodyMembers(
  q: Queryable,
  village: string,
  body: Body,
  residentIds: readonly string[],
  isDemo = false,
): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO body_members (village_code, body, resident_id, is_demo)
     SELECT $1, $2, id, $4 FROM unnest($3::uuid[]) AS id ON CONFLICT DO NOTHING`,
    [village, body, residentIds, isDemo],
  );
  return rowCount ?? 0;
}

/** Sets floor areas (dm²) of households. */
export async function setFloorAreas(q: Queryable, areas: readonly { code: string; dm2: number }[]): Promise<void> {
  await q.query(
    `UPDATE households h SET floor_area_dm2 = t.dm2 FROM unnest($1::text[], $2::int[]) AS t(code, dm2) WHERE h.code = t.code`,
    [areas.map((a) => a.code), areas.map((a) => a.dm2)],
  );
}

/** A staff account by username (the demo's accounts), or null. */
export async function staffByUsername(
  q: Queryable,
  username: string,
): Promise<{ id: string; displayName: string } | null> {
  const { rows } = await q.query<{ id: string; displayName: string }>(
    `SELECT id, display_name AS "displayName" FROM users WHERE username = $1 AND disabled_at IS NULL`,
    [username],
  );
  return rows[0] ?? null;
}

/** Adults of a village, by name (the demo picks its committees and representatives from them). */
export async function adultsOf(
  q: Queryable,
  village: string,
  limit: number,
): Promise<{ id: string; woman: boolean }[]> {
  const { rows } = await q.query<{ id: string; woman: boolean }>(
    `SELECT id, gender = 'F' AS woman FROM residents
      WHERE household_code LIKE $1::text || '%' AND birth_date <= current_date - interval '18 years'
      ORDER BY name COLLATE "C", id LIMIT $2`,
    [village, limit],
  );
  return rows;
}

export async function partyMemberIds(q: Queryable, village: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT pm.resident_id AS id FROM party_members pm JOIN party_orgs o ON o.code = pm.org_code
      WHERE o.division_code LIKE $1::text || '%' AND pm.membership = 'full' ORDER BY pm.resident_id`,
    [village],
  );
  return rows.map((r) => r.id);
}

export async function householdCount(q: Queryable, village: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM households WHERE code LIKE $1::text || '%'`,
    [village],
  );
  return rows[0].n;
}

/** Whether the demo's deliberation data is already there. */
export async function hasDemoMatters(q: Queryable, village: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM matters WHERE division_code = $1 AND is_demo LIMIT 1`, [village]);
  return rows.length > 0;
}

/** Which of these residents live in the village. */
export async function residentsIn(q: Queryable, village: string, ids: readonly string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM residents WHERE id = ANY($2::uuid[]) AND household_code LIKE $1::text || '%'`,
    [village, ids],
  );
  return rows.map((r) => r.id);
}

/** Demo only: makes these residents full party members of the village's party organisation (created if missing), flagged as demo. */
export async function addDemoPartyMembers(
  q: Queryable,
  village: string,
  residentIds: readonly string[],
): Promise<void> {
  await q.query(
    `INSERT INTO party_orgs (code, name, kind, division_code, is_demo)
     SELECT $1::text || '-01', name || '党支部', 'village_party_org', $1, true FROM divisions WHERE code = $1
     ON CONFLICT (code) DO NOTHING`,
    [village],
  );
  await q.query(
    `INSERT INTO party_members (resident_id, org_code, membership, joined_on, is_demo)
     SELECT id, $1::text || '-01', 'full', '2008-07-01', true FROM unnest($2::uuid[]) AS id
     ON CONFLICT (resident_id) DO NOTHING`,
    [village, residentIds],
  );
}
