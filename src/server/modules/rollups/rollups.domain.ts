/**
 * 汇总: the case figures pre-aggregated per place × day × category × handling department. Pure: which
 * figure each rollup column holds (each one a count of the indicators module, so a period's indicators
 * are the rows' sums put through the same formulas), the days of a period, and what `verify` reports.
 * No I/O.
 */
import { type Counts, parsePeriod, type Period } from '../indicators';
import { fail, ok, type Result } from '../../platform/errors';

/** The rollup's tables by short name (facts.repo.ts defines them; named here for verify's reports). */
export type GrainName =
  | 'fine'
  | 'village'
  | 'month'
  | 'town-category-day'
  | 'town-category-month'
  | 'town-department-day'
  | 'town-department-month';

/** The rollup's columns, each with the indicators count it sums (handling_seconds: hours × 3600). */
export const FIGURES = [
  ['received', 'received'],
  ['received_responded', 'receivedResponded'],
  ['filed', 'filed'],
  ['filed_resolved', 'filedResolved'],
  ['due', 'due'],
  ['due_closed', 'dueClosed'],
  ['due_suspended', 'dueSuspended'],
  ['due_on_time', 'dueOnTime'],
  ['closed', 'closed'],
  ['closed_reworked', 'closedReworked'],
  ['rated', 'rated'],
  ['rated_satisfied', 'ratedSatisfied'],
  ['handling_seconds', 'handlingHours'],
] as const satisfies readonly (readonly [string, keyof Counts])[];

export type Figure = (typeof FIGURES)[number][0];
export const FIGURE_COLUMNS: readonly Figure[] = FIGURES.map(([column]) => column);

/** The figures as indicator counts (seconds become hours). */
export function countsOf(sums: Record<Figure, number>): Counts {
  const counts = {} as Counts;
  for (const [column, key] of FIGURES) counts[key] = column === 'handling_seconds' ? sums[column] / 3600 : sums[column];
  return counts;
}

/** Days of China Standard Time (UTC+8, as the indicators' periods), written YYYY-MM-DD. */
export interface DayRange {
  /** First day counted; null: from the first day there is. */
  from: string | null;
  /** First day NOT counted (exclusive); null: to the last day there is. */
  to: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period of whole days [from, to) for the rollups: each end a date (YYYY-MM-DD, midnight UTC+8);
 * either may be absent (an open end). A bad end is `validation_failed` naming it (`at` + from/to).
 */
export function parseDayRange(from: string | undefined, to: string | undefined, at = ''): Result<DayRange> {
  for (const [end, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && (!DAY.test(value) || !parsePeriod(value, '9999-12-31').ok)) {
      const problem = 'must be a date (YYYY-MM-DD)';
      return fail('validation_failed', {
        summary: `${at}${end} ${problem}`,
        fields: [{ field: `${at}${end}`, problem }],
      });
    }
  }
  if (from !== undefined && to !== undefined && to <= from) {
    const problem = 'must be after from';
    return fail('validation_failed', { summary: `${at}to ${problem}`, fields: [{ field: `${at}to`, problem }] });
  }
  return ok({ from: from ?? null, to: to ?? null });
}

/** The instants of a closed day range (midnight UTC+8 at each end), as the indicators count them. */
export function periodOf(range: { from: string; to: string }): Period {
  const p = parsePeriod(range.from, range.to);
  if (!p.ok) throw new Error(`not a day range: ${range.from}..${range.to}`);
  return p.value;
}

/** One key of the rollup: a place, a day (a month's first), a category and a department ('' for none; '*' for all of them). */
export interface RollupKey {
  /**
   * The table: fine (place × day × category × department), village (× day), month (town × month ×
   * category × department) or a town grain (town × day or month × category, or × department).
   */
  grain: GrainName;
  day: string;
  divisionCode: string;
  gridCode: string;
  categoryCode: string;
  departmentCode: string;
}

/** A key where rollup and raw differ, with both sets of figures (absent rows read as zeros). */
export interface KeyDifference extends RollupKey {
  rollup: Record<Figure, number>;
  raw: Record<Figure, number>;
}

/** One figure of one key that differs. */
export interface FigureDifference extends RollupKey {
  figure: Figure;
  rollup: number;
  raw: number;
}

/** Each figure that differs, key by key. */
export function figureDifferences(keys: readonly KeyDifference[]): FigureDifference[] {
  return keys.flatMap(({ rollup, raw, ...key }) =>
    FIGURE_COLUMNS.filter((f) => Number(rollup[f]) !== Number(raw[f])).map((figure) => ({
      ...key,
      figure,
      rollup: Number(rollup[figure]),
      raw: Number(raw[figure]),
    })),
  );
}

/** A difference as one line: where (grain, time, place, category, department), the figure, both values. */
export function describeDifference(d: FigureDifference): string {
  const values = `${d.figure}: rollup ${d.rollup}, raw ${d.raw}`;
  const department = d.departmentCode || '-';
  if (d.grain === 'village') return `${d.day} village ${d.divisionCode} (every grid, category, department) ${values}`;
  if (d.grain === 'month')
    return `month ${d.day.slice(0, 7)} town ${d.divisionCode} category ${d.categoryCode} department ${department} ${values}`;
  if (d.grain !== 'fine') {
    const when = d.grain.endsWith('-month') ? `month ${d.day.slice(0, 7)}` : d.day;
    const by = d.grain.startsWith('town-category') ? `category ${d.categoryCode}` : `department ${department}`;
    return `${when} town ${d.divisionCode} ${by} ${values}`;
  }
  const place = d.gridCode && d.gridCode !== d.divisionCode ? `${d.divisionCode} grid ${d.gridCode}` : d.divisionCode;
  return `${d.day} ${place} category ${d.categoryCode} department ${department} ${values}`;
}

/**
 * The whole months of the days [from, to): from the first first-of-month on or after `from` to the
 * first of `to`'s month; none (both `to`) when the period holds no whole month.
 */
export function wholeMonths(days: { from: string; to: string }): { from: string; to: string } {
  const first = days.from.endsWith('-01') ? days.from : nextMonth(days.from);
  const last = `${days.to.slice(0, 7)}-01`;
  return first < last ? { from: first, to: last } : { from: days.to, to: days.to };
}

function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
