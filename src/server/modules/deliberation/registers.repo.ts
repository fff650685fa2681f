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
