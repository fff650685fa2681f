/**
 * What the cockpit's case panels read besides the grouped sums (rollups.repo.ts, sumByGroup): the
 * figures per day of a slice, and whether a place has any case at all. From the village grain when
 * every department counts and the place is no smaller than a village; else from the fine grain.
 */
import type { Queryable } from '../../platform/db/db';
import { FINE, SUMS, VILLAGE } from './facts.repo';
import { FIGURE_COLUMNS, type Figure } from './rollups.domain';
import type { RollupSlice } from './rollups.repo';

const fromVillageGrain = (s: { scope: string; departments: string[] | null }) =>
  s.departments === null && s.scope.length <= 12;

/** The rows of the place (and departments) as a FROM clause: $1 scope, $2 departments. */
const placeRows = (s: { scope: string; departments: string[] | null }) =>
  fromVillageGrain(s)
    ? `${VILLAGE.table} WHERE village_code LIKE $1 || '%' AND $2::text[] IS NULL`
    : `${FINE.table} WHERE division_code LIKE $1 || '%' AND ($2::text[] IS NULL OR department_code = ANY($2::text[]))`;

export interface DaySums {
  day: string;
  sums: Record<Figure, number>;
}

/** The figures of each day [from, to) of the slice that has any (days with nothing are absent). */
export async function sumByDay(q: Queryable, s: RollupSlice): Promise<DaySums[]> {
  const { rows } = await q.query<{ day: string; sums: Record<Figure, number | string> }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day,
            jsonb_build_object(${FIGURE_COLUMNS.map((c) => `'${c}', g.${c}`).join(', ')}) AS sums
       FROM (SELECT day, ${SUMS} FROM ${placeRows(s)} AND day >= $3::date AND day < $4::date GROUP BY day) g
      ORDER BY day`,
    [s.scope, s.departments, s.from, s.to],
  );
  return rows.map((r) => ({
    day: r.day,
    sums: Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, Number(r.sums[c])])) as Record<Figure, number>,
  }));
}

/** Has the place (for these departments) any case in the rollup, on any day? */
export async function hasAnyCase(q: Queryable, s: { scope: string; departments: string[] | null }): Promise<boolean> {
  const { rows } = await q.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${placeRows(s)} AND received > 0) AS any`,
    [s.scope, s.departments],
  );
  return rows[0].any;
}
