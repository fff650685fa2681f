/**
 * Synthetic cases for the rollups' tests and bench (bench/rollups.bench.ts): `count` cases of a
 * county written by ONE INSERT … SELECT over generate_series, spread over its villages and grids,
 * the leaf categories (each with a department), states and `days` days from `firstDay`, with the
 * loop's timestamps and flags in plausible proportions. Deterministic for a `seed`: every choice is
 * a hash of the case's ordinal, so PGlite and PostgreSQL get the same cases.
 */
import type { Queryable } from '../../platform/db/db';

export interface SyntheticOptions {
  county: string;
  count: number;
  /** First day (YYYY-MM-DD, China Standard Time). */
  firstDay: string;
  days: number;
  seed?: number;
  /** Ordinals [offset, offset + count): several calls write different cases. */
  offset?: number;
}

/** Grids (kind grid, level 6) for each village of the county that has none: `perVillage` each. */
export async function ensureGrids(q: Queryable, county: string, perVillage: number): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO divisions (code, name, kind, level, parent_code, source, is_demo)
     SELECT v.code || lpad(g::text, 3, '0'), v.name || g || '网格', 'grid', 6, v.code, 'cocreate', true
       FROM divisions v CROSS JOIN generate_series(1, $2::int) g
      WHERE v.code LIKE $1 || '%' AND length(v.code) = 12
        AND NOT EXISTS (SELECT 1 FROM divisions x WHERE x.parent_code = v.code AND x.kind = 'grid')
     ON CONFLICT (code) DO NOTHING`,
    [county, perVillage],
  );
  return rowCount;
}

/** A deterministic number in [0, m) for ordinal `i` and a salt. */
const pick = (salt: number, m: string) =>
  `(((hashint8(i * 64 + ${salt} + $6::bigint * 1000003) & 2147483647) % (${m}))::int)`;

export async function generateCases(q: Queryable, o: SyntheticOptions): Promise<number> {
  const { rowCount } = await q.query(
    `WITH villages AS (SELECT array_agg(code ORDER BY code) AS a FROM divisions WHERE code LIKE $1 || '%' AND length(code) = 12),
          cats AS (SELECT array_agg(code ORDER BY code) AS a FROM categories WHERE kind IN ('event', 'component') AND active),
          depts AS (SELECT array_agg(code ORDER BY code) AS a FROM departments WHERE $1 LIKE scope_code || '%' OR scope_code LIKE $1 || '%'),
          base AS (
            SELECT i,
                   v.a[1 + ${pick(1, 'cardinality(v.a)')}] AS village,
                   c.a[1 + (${pick(2, '1000')} * ${pick(3, '1000')} / 1000 * cardinality(c.a) / 1000)] AS category, -- skewed to the first
                   d.a AS depts,
                   ${pick(4, '100')} AS s, ${pick(5, '100')} AS r, ${pick(6, '100')} AS t,
                   (($4::date + ${pick(7, '$5::int')})::timestamp + make_interval(secs => ${pick(8, '86400')})) AT TIME ZONE 'UTC' - interval '8 hours' AS received
              FROM generate_series($2::bigint, $2::bigint + $3::bigint - 1) i, villages v, cats c, depts d),
          shaped AS (
            SELECT b.*,
                   CASE WHEN s < 4 THEN 'received' WHEN s < 9 THEN 'rejected' WHEN s < 12 THEN 'filed' WHEN s < 17 THEN 'dispatched'
                        WHEN s < 23 THEN 'handling' WHEN s < 25 THEN 'suspended' WHEN s < 28 THEN 'feedback' ELSE 'closed' END AS state,
                   (SELECT code FROM divisions g WHERE g.parent_code = b.village AND g.kind = 'grid' ORDER BY g.code
                     OFFSET (r % 3) LIMIT 1) AS grid
              FROM base b)
     INSERT INTO cases (number, title, description, category_code, lng, lat, grid_code, division_code, tier, state,
                        handler_department, source, received_at, responded_at, response_due_at, filed_at, dispatched_at,
                        handle_due_at, closed_at, closed_on_time, rework_count, suspended, ever_suspended, rating, rated_at,
                        is_demo, updated_at)
     SELECT 'S' || $6 || '-' || i, '合成案件', '合成案件 synthetic case', category, 112.4, 29.7, grid, village,
            CASE WHEN s >= 9 THEN 'department' ELSE 'grid' END, state,
            CASE WHEN state IN ('received', 'rejected', 'filed') THEN NULL ELSE depts[1 + (r * 7 + t) % cardinality(depts)] END,
            'app', received,
            CASE WHEN state = 'received' THEN NULL ELSE received + make_interval(secs => r * 180) END,
            received + interval '2 hours',
            CASE WHEN s < 9 THEN NULL ELSE received + make_interval(secs => r * 180) END,
            CASE WHEN s < 12 THEN NULL ELSE received + make_interval(secs => r * 200) END,
            CASE WHEN s < 12 THEN NULL ELSE received + interval '3 days' END,
            CASE WHEN state = 'closed' THEN received + make_interval(secs => 3600 + t * t * 80) END,
            CASE WHEN state = 'closed' THEN received + make_interval(secs => 3600 + t * t * 80) <= received + interval '3 days' END,
            CASE WHEN state = 'closed' AND t % 17 = 0 THEN 1 ELSE 0 END,
            state = 'suspended', state = 'suspended' OR (state = 'closed' AND r % 29 = 0),
            CASE WHEN state = 'closed' AND r % 5 <> 0 THEN 1 + least(4, (t * 7 + r) % 9) END,
            CASE WHEN state = 'closed' AND r % 5 <> 0 THEN received + interval '4 days' END,
            true, received + interval '5 days'
       FROM shaped`,
    [o.county, o.offset ?? 0, o.count, o.firstDay, o.days, o.seed ?? 1],
  );
  return rowCount;
}
