/**
 * 考核指标: the case-loop indicators as pure formulas over aggregate counts, the ranking, and the
 * rounding. No I/O: the repo counts (one GROUP BY query), this module divides and ranks.
 * Every rate is a percentage rounded to one decimal, or null when its denominator is 0.
 */

import { fail, ok, type Result } from '../../platform/errors';

import type { Dimension, SortKey } from './indicators.labels';

/** What the rows are grouped by (grid … category) and ranked by: named in indicators.labels.ts. */
export { DIMENSIONS, type Dimension, SORT_KEYS, type SortKey } from './indicators.labels';

/**
 * The counts behind the indicators, per group, for a period [from, to). Each is a measure the
 * drill-down can list case by case.
 */
export interface Counts {
  /** received_at in the period. 受理 */
  received: number;
  /** filed_at in the period. 立案 */
  filed: number;
  /** handle_due_at in the period ("due"). 应结 */
  due: number;
  /** due, and closed (whenever). */
  dueClosed: number;
  /** due, and ever suspended (缓办): left out of the on-time figure. */
  dueSuspended: number;
  /** due, never suspended, and closed on time. */
  dueOnTime: number;
  /** closed_at in the period. 结案 */
  closed: number;
  /** closed in the period with rework_count > 0. 返工 */
  closedReworked: number;
  /** received in the period and filed or rejected by response_due_at. */
  receivedResponded: number;
  /** filed in the period and now in state closed (resolved). */
  filedResolved: number;
  /** closed in the period and rated. */
  rated: number;
  /** closed in the period and rated 4 or 5. */
  ratedSatisfied: number;
  /** closed in the period: the sum of hours from filed_at to closed_at. */
  handlingHours: number;
}

export const COUNT_KEYS = [
  'received',
  'filed',
  'due',
  'dueClosed',
  'dueSuspended',
  'dueOnTime',
  'closed',
  'closedReworked',
  'receivedResponded',
  'filedResolved',
  'rated',
  'ratedSatisfied',
  'handlingHours',
] as const satisfies readonly (keyof Counts)[];

export interface Indicators {
  received: number;
  filed: number;
  due: number;
  closed: number;
  /** 结案率 = dueClosed / due. */
  closureRate: number | null;
  /** 按期结案率 = dueOnTime / (due − dueSuspended). */
  onTimeRate: number | null;
  /** 返工率 = closedReworked / closed. */
  reworkRate: number | null;
  /** 响应率 = receivedResponded / received. */
  responseRate: number | null;
  /** 解决率 = filedResolved / filed. */
  resolutionRate: number | null;
  /** 满意率 = ratedSatisfied / rated. */
  satisfactionRate: number | null;
  /** 平均办理时长 (hours, one decimal) = handlingHours / closed. */
  avgHandlingHours: number | null;
}

/** The sort keys are exactly the indicators (checked when compiling). */
const sortKeysAreTheIndicators: [SortKey] extends [keyof Indicators]
  ? [keyof Indicators] extends [SortKey]
    ? true
    : never
  : never = true;
void sortKeysAreTheIndicators;

/** What a table is ranked by when the request names nothing. */
export const DEFAULT_SORT: SortKey = 'closureRate';

/** For these a smaller value ranks higher; for every other key a larger one does. */
const LOWER_IS_BETTER: readonly SortKey[] = ['reworkRate', 'avgHandlingHours'];

/** Rounds half away from zero to `decimals`, avoiding binary artefacts (1.005 → 1.01). */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(12)))) / f;
}

/** n / d as a percentage with one decimal; null when d is 0. */
export function percent(n: number, d: number): number | null {
  return d > 0 ? round((100 * n) / d) : null;
}

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as Counts;
}

export function sumCounts(rows: readonly Counts[]): Counts {
  const total = zeroCounts();
  for (const r of rows) for (const k of COUNT_KEYS) total[k] += r[k];
  return total;
}

export function indicators(c: Counts): Indicators {
  return {
    received: c.received,
    filed: c.filed,
    due: c.due,
    closed: c.closed,
    closureRate: percent(c.dueClosed, c.due),
    onTimeRate: percent(c.dueOnTime, c.due - c.dueSuspended),
    reworkRate: percent(c.closedReworked, c.closed),
    responseRate: percent(c.receivedResponded, c.received),
    resolutionRate: percent(c.filedResolved, c.filed),
    satisfactionRate: percent(c.ratedSatisfied, c.rated),
    avgHandlingHours: c.closed > 0 ? round(c.handlingHours / c.closed) : null,
  };
}

export interface Ranked<T> {
  rank: number | null;
  item: T;
}

/**
 * Competition ranking (1, 2, 2, 4) by `key` in its better direction, on the rounded values people
 * see. Null values and unassigned groups (`rankable` false) come last with rank null; ties keep
 * a stable order by `tieBreak`.
 */
export function rank<T>(
  items: readonly T[],
  value: (t: T) => number | null,
  key: SortKey,
  tieBreak: (t: T) => string,
  rankable: (t: T) => boolean = () => true,
): Ranked<T>[] {
  const sign = LOWER_IS_BETTER.includes(key) ? 1 : -1;
  const scored = items.map((item) => ({ item, v: rankable(item) ? value(item) : null }));
  scored.sort((a, b) => {
    if (a.v === null || b.v === null)
      return a.v === b.v ? cmp(tieBreak(a.item), tieBreak(b.item)) : a.v === null ? 1 : -1;
    return a.v !== b.v ? sign * (a.v - b.v) : cmp(tieBreak(a.item), tieBreak(b.item));
  });
  let previous: { v: number; rank: number } | null = null;
  return scored.map(({ item, v }, i) => {
    if (v === null) return { rank: null, item };
    const r: number = previous && previous.v === v ? previous.rank : i + 1;
    previous = { v, rank: r };
    return { rank: r, item };
  });
}

/** One group of a table before its indicators: its code (null: unassigned), names and counts. */
export interface GroupOf {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  counts: Counts;
}

/**
 * The table's rows (each group with its indicators, ranked by `sort`; unassigned last, unranked)
 * and its total (the counts added, then divided).
 */
export function rankedTable<G extends GroupOf>(groups: readonly G[], sort: SortKey) {
  const rows = groups.map((g) => ({ ...g, ...indicators(g.counts) }));
  const ranked = rank(
    rows,
    (r) => r[sort],
    sort,
    (r) => r.key ?? '\uffff',
    (r) => r.key !== null,
  );
  const totalCounts = sumCounts(rows.map((r) => r.counts));
  return {
    rows: ranked.map(({ rank: r, item }) => ({ rank: r, ...item })),
    total: { ...indicators(totalCounts), counts: totalCounts },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The codes a dimension groups by: how many leading characters of division_code (null: its own column). */
export const DIMENSION_PREFIX: Record<Dimension, number | null> = {
  grid: null,
  village: 12,
  town: 9,
  department: null,
  category: null,
};

/**
 * Drill-down measures: the cases behind one figure. Each names the set of cases a count (or its
 * complement within a denominator) is made of.
 */
export const MEASURES = [
  'received',
  'filed',
  'due',
  'due_closed',
  'on_time',
  'overdue',
  'suspended',
  'closed',
  'rework',
  'responded',
  'not_responded',
  'resolved',
  'unresolved',
  'rated',
  'satisfied',
  'dissatisfied',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface Period {
  from: Date;
  to: Date;
}

const NOT_AN_INSTANT = 'must be a date (YYYY-MM-DD) or an ISO date-time with offset';

/**
 * A period [from, to): each end a date (midnight China Standard Time, UTC+8) or an ISO date-time
 * with an offset. `to` is exclusive: from=2026-11-01&to=2026-12-01 is November. A bad end is a
 * `validation_failed` naming it (`at`: where the ends were given, e.g. `querystring.`).
 */
export function parsePeriod(from: string, to: string, at = ''): Result<Period> {
  const badEnd = (end: 'from' | 'to', problem: string) =>
    fail('validation_failed', { summary: `${at}${end} ${problem}`, fields: [{ field: `${at}${end}`, problem }] });
  const f = parseInstant(from);
  if (!f) return badEnd('from', NOT_AN_INSTANT);
  const t = parseInstant(to);
  if (!t) return badEnd('to', NOT_AN_INSTANT);
  if (t <= f) return badEnd('to', 'must be after from');
  return ok({ from: f, to: t });
}

function parseInstant(s: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number);
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
    return new Date(utc.getTime() - 8 * 3_600_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? null : t;
}

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

/** The last `days` whole days in China time up to and including `now`'s: [from, to) at CST midnights. */
export function lastDays(now: Date, days: number): Period {
  const to = new Date(Math.floor((now.getTime() + CST_MS) / DAY_MS + 1) * DAY_MS - CST_MS);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

/** The counts of one day of a trend (day: 0 is the period's first day). */
export type DayCounts = Pick<
  Counts,
  'received' | 'closed' | 'due' | 'dueSuspended' | 'dueOnTime' | 'rated' | 'ratedSatisfied'
>;

export interface TrendPoint {
  /** YYYY-MM-DD in China time. */
  date: string;
  received: number;
  closed: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

function trendPoint(date: string, c: DayCounts): TrendPoint {
  const all = indicators({ ...zeroCounts(), ...c });
  return {
    date,
    received: c.received,
    closed: c.closed,
    onTimeRate: all.onTimeRate,
    satisfactionRate: all.satisfactionRate,
  };
}

/** Every day of the period (a day with nothing counts zeros, its rates null) and the period's total. */
export function dailyTrend(p: Period, rows: readonly (DayCounts & { day: number })[]) {
  const days = Math.round((p.to.getTime() - p.from.getTime()) / DAY_MS);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const none: DayCounts = {
    received: 0,
    closed: 0,
    due: 0,
    dueSuspended: 0,
    dueOnTime: 0,
    rated: 0,
    ratedSatisfied: 0,
  };
  const points = Array.from({ length: days }, (_, i) =>
    trendPoint(new Date(p.from.getTime() + i * DAY_MS + CST_MS).toISOString().slice(0, 10), byDay.get(i) ?? none),
  );
  const total = { ...none };
  for (const r of rows) for (const k of Object.keys(none) as (keyof DayCounts)[]) total[k] += r[k];
  const { date: _, ...totals } = trendPoint('', total);
  return { days: points, total: totals };
}
