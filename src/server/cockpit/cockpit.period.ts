/**
 * The cockpit's periods: whole days in China Standard Time (UTC+8), both ends included. Pure.
 * - default: this month up to today (`to` alone: from the first of its month);
 * - previous: the same number of days just before `from`;
 * - lastYear: the same days one year earlier (29 Feb becomes 28 Feb);
 * - `from` ≤ `to`, at most three years, real dates: otherwise `cockpit_period_invalid` naming the problem.
 */
import { fail, ok, type Result } from '../platform/errors';
import type { CockpitPeriod } from './cockpit.schema';

export interface CockpitPeriods {
  period: CockpitPeriod;
  previous: CockpitPeriod;
  lastYear: CockpitPeriod;
}

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day (YYYY-MM-DD) in China Standard Time of an instant. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** Is `s` a real day written YYYY-MM-DD? */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function dayCount(p: CockpitPeriod): number {
  return Math.round((toMs(p.to) - toMs(p.from)) / DAY_MS) + 1;
}

/** The same day `n` years later (earlier for n < 0); 29 February becomes 28 February in a common year. */
export function addYears(day: string, n: number): string {
  const y = Number(day.slice(0, 4)) + n;
  const rest = day.slice(4);
  const moved = `${String(y).padStart(4, '0')}${rest}`;
  return isDay(moved) ? moved : `${String(y).padStart(4, '0')}-02-28`;
}

/** The previous period (same length, just before) and last year's (same days, a year earlier). */
export function comparisons(period: CockpitPeriod): CockpitPeriods {
  const n = dayCount(period);
  return {
    period,
    previous: { from: addDays(period.from, -n), to: addDays(period.from, -1) },
    lastYear: { from: addYears(period.from, -1), to: addYears(period.to, -1) },
  };
}

const problem = (field: string, zh: string, en: string) =>
  fail('cockpit_period_invalid', { field, zh: `${field}：${zh}`, en: `${field} ${en}` });

/** The periods asked for (either end may be absent), `today` being the day in China now. */
export function cockpitPeriods(q: { from?: string; to?: string }, today: string): Result<CockpitPeriods> {
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (v !== undefined && !isDay(v))
      return problem(field, `“${v}”不是有效日期（格式 YYYY-MM-DD）`, `“${v}” is not a valid date (YYYY-MM-DD)`);
  }
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) return problem('to', `结束日期 ${to} 早于开始日期 ${from}`, `${to} is before the start ${from}`);
  if (to >= addYears(from, 3)) return problem('to', '统计期间最长三年', 'the period may be at most three years long');
  return ok(comparisons({ from, to }));
}

/** A period as the rollups read it: days [from, to) with `to` exclusive. */
export function halfOpen(p: CockpitPeriod): { from: string; to: string } {
  return { from: p.from, to: addDays(p.to, 1) };
}

/** A period's instants: midnight in China at its start, and at the end of its last day (exclusive). */
export function instantsOf(p: CockpitPeriod): { from: Date; to: Date } {
  return { from: new Date(`${p.from}T00:00:00+08:00`), to: new Date(`${addDays(p.to, 1)}T00:00:00+08:00`) };
}
