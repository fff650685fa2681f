import type { Queryable } from '../../platform/db/db';

/** Recomputes the per-grid figures for these grids (call in the transaction that changed them). */
export async function refreshGridCoverage(q: Queryable, gridCodes: readonly string[]): Promise<void> {
  if (gridCodes.length === 0) return;
  await q.query(
    `INSERT INTO grid_coverage (grid_code, households, residents, covered)
     SELECT g.code,
            (SELECT count(*)::int FROM households h WHERE h.grid_code = g.code),
            (SELECT count(*)::int FROM residents r WHERE r.grid_code = g.code),
            (SELECT count(*)::int FROM households h WHERE h.grid_code = g.code
                AND EXISTS (SELECT 1 FROM household_links l WHERE l.household_code = h.code))
       FROM unnest($1::text[]) AS g(code)
     ON CONFLICT (grid_code) DO UPDATE SET households = EXCLUDED.households, residents = EXCLUDED.residents, covered = EXCLUDED.covered`,
    [gridCodes],
  );
}

export interface CoverageFigures {
  households: number;
  residents: number;
  covered: number;
}

/** Sums over grids: fast at county level whatever the number of households. */
export async function coverageUnder(q: Queryable, prefix: string): Promise<CoverageFigures> {
  const { rows } = await q.query<{ households: number; residents: number; covered: number }>(
    `SELECT COALESCE(sum(households), 0)::int AS households, COALESCE(sum(residents), 0)::int AS residents, COALESCE(sum(covered), 0)::int AS covered
       FROM grid_coverage WHERE grid_code LIKE $1`,
    [`${prefix}%`],
  );
  return rows[0];
}

/** Figures for each child of a node, in one query (drill-down). `childLength` = the children's code length. */
export async function coverageByChild(
  q: Queryable,
  prefix: string,
  childLength: number,
): Promise<Map<string, CoverageFigures>> {
  const { rows } = await q.query<{ code: string; households: number; residents: number; covered: number }>(
    `SELECT left(grid_code, $2) AS code, sum(households)::int AS households, sum(residents)::int AS residents, sum(covered)::int AS covered
       FROM grid_coverage WHERE grid_code LIKE $1 GROUP BY left(grid_code, $2)`,
    [`${prefix}%`, childLength],
  );
  return new Map(rows.map((r) => [r.code, { households: r.households, residents: r.residents, covered: r.covered }]));
}

export interface UncoveredRow {
  code: string;
  address: string;
  members: number;
}

/** Uncovered households under `prefix` after the household code `after`, in code order (`limit` rows). */
export async function uncoveredHouseholds(
  q: Queryable,
  prefix: string,
  after: string | null,
  limit: number,
): Promise<UncoveredRow[]> {
  const { rows } = await q.query<{ code: string; address: string; members: number }>(
    `SELECT h.code, h.address, (SELECT count(*)::int FROM residents r WHERE r.household_code = h.code) AS members
       FROM households h
      WHERE h.code LIKE $1 AND h.code > $2 AND NOT EXISTS (SELECT 1 FROM household_links l WHERE l.household_code = h.code)
      ORDER BY h.code LIMIT $3`,
    [`${prefix}%`, after ?? '', limit],
  );
  return rows;
}
