/**
 * A case's facts for the rollup, and what they add to it: the one definition both the incremental
 * path and the rebuild/verify use. The facts follow the indicators module's measures (its README,
 * "Formulas"): each is a day (China Standard Time, UTC+8) or a flag over one row of `cases`.
 */
import { FIGURE_COLUMNS, type Figure, type GrainName } from './rollups.domain';

/** The day in China Standard Time (UTC+8, the indicators' periods) of an instant. */
const day = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/** The facts' columns (case_rollup_facts), each with its definition over `cases c`. */
const FACTS: readonly (readonly [string, string])[] = [
  ['case_id', 'c.id'],
  ['division_code', 'c.division_code'],
  ['grid_code', "coalesce(c.grid_code, '')"],
  ['category_code', 'c.category_code'],
  ['department_code', "coalesce(c.handler_department, '')"],
  ['received_day', day('c.received_at')],
  ['responded_in_time', '(c.responded_at IS NOT NULL AND c.responded_at <= c.response_due_at)'],
  ['filed_day', day('c.filed_at')],
  ['resolved', "(c.state = 'closed')"],
  ['due_day', day('c.handle_due_at')],
  ['due_closed', '(c.closed_at IS NOT NULL)'],
  ['ever_suspended', 'c.ever_suspended'],
  ['on_time', '(NOT c.ever_suspended AND c.closed_on_time IS TRUE)'],
  ['closed_day', day('c.closed_at')],
  ['reworked', '(c.rework_count > 0)'],
  ['rating', 'c.rating'],
  ['handling_seconds', 'extract(epoch FROM c.closed_at - c.filed_at)'],
];

export const FACT_COLUMNS = FACTS.map(([name]) => name).join(', ');
/** The facts' columns but the case id. */
export const FACT_VALUE_COLUMNS = FACTS.slice(1)
  .map(([name]) => name)
  .join(', ');

/** The facts of the cases matching `where` (over `cases c`), with the columns of case_rollup_facts. */
export const factsOfCases = (where = 'true') =>
  `SELECT ${FACTS.map(([name, sql]) => `${sql} AS ${name}`).join(', ')} FROM cases c WHERE ${where}`;

/**
 * The days a case adds to, each with the figures it adds there (0 when not named). A fact row `f`
 * with a null day adds nothing for that day.
 */
const ROLES: readonly { day: string; adds: Partial<Record<Figure, string>> }[] = [
  { day: 'received_day', adds: { received: '1', received_responded: 'f.responded_in_time::int' } },
  { day: 'filed_day', adds: { filed: '1', filed_resolved: 'f.resolved::int' } },
  {
    day: 'due_day',
    adds: {
      due: '1',
      due_closed: 'f.due_closed::int',
      due_suspended: 'f.ever_suspended::int',
      due_on_time: 'f.on_time::int',
    },
  },
  {
    day: 'closed_day',
    adds: {
      closed: '1',
      closed_reworked: 'f.reworked::int',
      rated: '(f.rating IS NOT NULL)::int',
      rated_satisfied: 'coalesce(f.rating >= 4, false)::int',
      handling_seconds: 'coalesce(f.handling_seconds, 0)',
    },
  },
];

export const KEY_COLUMNS = 'day, division_code, grid_code, category_code, department_code';

/**
 * What the fact rows of `source` (a query or table with the facts' columns) add to the rollup, one
 * row per (key, role), times `sign` (-1 takes them away): columns KEY_COLUMNS then FIGURE_COLUMNS.
 */
export function contributions(source: string, sign: 1 | -1 = 1): string {
  const values = ROLES.map(
    (r) =>
      `(f.${r.day}, ${FIGURE_COLUMNS.map((fig) => {
        const v = r.adds[fig] ?? '0';
        const typed = fig === 'handling_seconds' ? `(${v})::numeric` : `(${v})::int`;
        return sign === 1 ? typed : `-${typed}`;
      }).join(', ')})`,
  );
  return `SELECT k.day, f.division_code, f.grid_code, f.category_code, f.department_code, ${FIGURE_COLUMNS.map((c) => `k.${c}`).join(', ')}
            FROM (${source}) f
           CROSS JOIN LATERAL (VALUES ${values.join(', ')}) AS k(day, ${FIGURE_COLUMNS.join(', ')})
           WHERE k.day IS NOT NULL`;
}

/** The sums of each figure as select items (over rows with FIGURE_COLUMNS). */
export const SUMS = FIGURE_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ');

/** A day range as a predicate on `column` ($from and $to are parameter positions; NULL: open end). */
export const inDays = (column: string, from: number, to: number) =>
  `($${from}::date IS NULL OR ${column} >= $${from}::date) AND ($${to}::date IS NULL OR ${column} < $${to}::date)`;

/**
 * A table of the rollup: its key columns, how they come from the fine key (KEY_COLUMNS), and its time
 * column. `case_rollups` is the fine grain (place × day × category × department);
 * `case_rollups_village` adds up every grid, category and department of a village's day (panels by
 * town or village); `case_rollups_month` every place of a town's month by category and department
 * (panels by category or department, for the whole months of a period).
 */
export interface Grain {
  /** Short name, in verify's report. */
  name: GrainName;
  table: string;
  keys: readonly string[];
  /** Each key column as an expression over the fine key columns. */
  from: readonly string[];
  /** Its time column ('day' or 'month'). */
  time: string;
}

export const FINE: Grain = {
  name: 'fine',
  table: 'case_rollups',
  keys: KEY_COLUMNS.split(', '),
  from: KEY_COLUMNS.split(', '),
  time: 'day',
};
export const VILLAGE: Grain = {
  name: 'village',
  table: 'case_rollups_village',
  keys: ['day', 'village_code'],
  from: ['day', 'left(division_code, 12)'],
  time: 'day',
};
export const MONTH: Grain = {
  name: 'month',
  table: 'case_rollups_month',
  keys: ['month', 'town_code', 'category_code', 'department_code'],
  from: ["date_trunc('month', day)::date", 'left(division_code, 9)', 'category_code', 'department_code'],
  time: 'month',
};

const MONTH_OF = "date_trunc('month', day)::date";
const TOWN_OF = 'left(division_code, 9)';

/**
 * Per town and day (or month) by category alone, and by department alone (migrations/0031): what the
 * county's and a town's panels by category or by department read when every department counts (by
 * category) or whatever departments (by department) — a few thousand rows a day for a county, however
 * many cases, where the month grain's category × department keys grow with them.
 */
const townGrain = (by: 'category' | 'department', time: 'day' | 'month'): Grain => ({
  name: `town-${by}-${time}`,
  table: `case_rollups_town_${by}_${time}`,
  keys: [time, 'town_code', `${by}_code`],
  from: [time === 'day' ? 'day' : MONTH_OF, TOWN_OF, `${by}_code`],
  time,
});
export const TOWN_CATEGORY_DAY = townGrain('category', 'day');
export const TOWN_CATEGORY_MONTH = townGrain('category', 'month');
export const TOWN_DEPARTMENT_DAY = townGrain('department', 'day');
export const TOWN_DEPARTMENT_MONTH = townGrain('department', 'month');

export const GRAINS: readonly Grain[] = [
  FINE,
  VILLAGE,
  MONTH,
  TOWN_CATEGORY_DAY,
  TOWN_CATEGORY_MONTH,
  TOWN_DEPARTMENT_DAY,
  TOWN_DEPARTMENT_MONTH,
];

/** A grain's place column: its first key naming a division (division_code, village_code, town_code). */
const placeColumn = (g: Grain) => g.keys.find((k) => /^(division|village|town|county)_code$/.test(k)) ?? g.keys[1];

/**
 * The rollup tables, each with its place column: what a county publishes to its province (the
 * province module's publication, #17 item 6) and what the province deletes of a county it stops
 * receiving. Derived from GRAINS, so a new grain joins the publication. No personal data: division
 * codes, days, category and department codes, and counts.
 */
export const ROLLUP_TABLES: readonly { table: string; place: string }[] = GRAINS.map((g) => ({
  table: g.table,
  place: placeColumn(g),
}));

/**
 * `column` (a day, or a month's first day) lies in a period of the grain that overlaps the days
 * [$from, $to): the days themselves, or every month they touch. NULL ends are open.
 */
export const inSpan = (g: Grain, column: string, from: number, to: number) =>
  g.time === 'day'
    ? inDays(column, from, to)
    : `($${from}::date IS NULL OR ${column} >= date_trunc('month', $${from}::date)::date)
       AND ($${to}::date IS NULL OR ${column} < (date_trunc('month', $${to}::date - 1) + interval '1 month')::date)`;

/** The grain's key order (its primary key's: day first), for ORDER BY. */
export const byKeys = (g: Grain) => `ORDER BY ${g.keys.map((_, i) => i + 1).join(', ')}`;

/** Sums the rows of `source` (fine keys and figures) into the grain's keys: columns grain.keys then FIGURE_COLUMNS. */
export const regroup = (g: Grain, source: string, where = 'true') =>
  `SELECT ${g.from.map((e, i) => `${e} AS ${g.keys[i]}`).join(', ')}, ${SUMS} FROM (${source}) s WHERE ${where}
    GROUP BY ${g.from.map((_, i) => i + 1).join(', ')}`;
