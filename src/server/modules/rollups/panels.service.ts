/**
 * The case figures a panel reads (the cockpit's, modules/cases/cases.cockpit.ts): the indicator
 * counts of a place's days [from, to) per group, per day, and whether it has any case — all from the
 * rollup, never from the raw cases. The caller has checked who sees the place.
 */
import type { Queryable } from '../../platform/db/db';
import type { Counts, Dimension } from '../indicators';
import { hasAnyCase, sumByDay } from './panels.repo';
import { countsOf } from './rollups.domain';
import { type RollupSlice, sumByGroup } from './rollups.repo';

export type { RollupSlice };

export interface GroupCounts {
  /** The group's code (null: no grid / no department yet). */
  key: string | null;
  name: string | null;
  nameEn: string | null;
  counts: Counts;
}

/** The indicator counts per town, village, grid, category or department (groups with nothing absent). */
export async function rollupCounts(q: Queryable, by: Dimension, slice: RollupSlice): Promise<GroupCounts[]> {
  return (await sumByGroup(q, by, slice)).map(({ sums, ...g }) => ({ ...g, counts: countsOf(sums) }));
}

/** The indicator counts of each day that has any (YYYY-MM-DD, China Standard Time). */
export async function rollupDays(q: Queryable, slice: RollupSlice): Promise<{ day: string; counts: Counts }[]> {
  return (await sumByDay(q, slice)).map((d) => ({ day: d.day, counts: countsOf(d.sums) }));
}

/** Has the place any case (received on any day), for these departments (null: all)? */
export function rollupHasCases(q: Queryable, place: { scope: string; departments: string[] | null }) {
  return hasAnyCase(q, place);
}

/** Overdue: due in the period, never suspended, not closed on time (the indicators' drill-down `overdue`). */
export const overdueOf = (c: Counts) => c.due - c.dueSuspended - c.dueOnTime;
