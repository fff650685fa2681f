/**
 * The 九必问 visit schedule, pure. Which deadline is which kind of time (China Standard Time, UTC+8):
 *
 * - high tier (高风险), after a reported change (and when a person is registered as high): the
 *   visit is due `firstHours` (24) **elapsed calendar hours** later — holidays, weekends and 调休
 *   change nothing; an urgent check does not wait for a working day.
 * - high tier, routine: due `everyDays` (7) **calendar days** (7 × 24 h) after the last visit;
 *   never extended by holidays either (a high-risk person is not left two weeks over Spring Festival).
 * - key (重点, monthly) and general (一般, quarterly): one visit per **calendar period** of
 *   `everyMonths` months aligned to the year (1 → each month, 3 → each quarter; 12 must divide by
 *   it). The deadline is the end (24:00 CST) of the period's last day; when that day is a rest day
 *   on the official calendar (weekend not made up by 调休, or a public holiday) the deadline moves
 *   to the end of the next **working day** (the rule of 民法典 art. 203 for periods ending on a
 *   holiday). A 调休 make-up Saturday is a working day, so a period ending on one is not extended.
 *   A visit in period P makes the next visit due by the end of period P+1; a newly registered
 *   person is due by the end of the current period.
 */
import { cstDate, isWorkingDay } from '../../platform/calendar/working-time';

export const RISK_TIERS = ['high', 'key', 'general'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export interface ScheduleConfig {
  high: { firstHours: number; everyDays: number };
  key: { everyMonths: number };
  general: { everyMonths: number };
}

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  high: { firstHours: 24, everyDays: 7 },
  key: { everyMonths: 1 },
  general: { everyMonths: 3 },
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * HOUR_MS;

/** Why a visit obligation starts: a registration, a visit made, a reported change, a tier change. */
export type DueReason = 'registered' | 'visited' | 'change_reported' | 'tier_changed';

/** A schedule's problem, if any (a value: the service turns it into a 400 naming the field). */
export function scheduleProblem(c: ScheduleConfig): string | null {
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(c.high.firstHours, 1, 168)) return 'high.firstHours';
  if (!whole(c.high.everyDays, 1, 31)) return 'high.everyDays';
  for (const tier of ['key', 'general'] as const) {
    const m = c[tier].everyMonths;
    if (!whole(m, 1, 12) || 12 % m !== 0) return `${tier}.everyMonths`;
  }
  return null;
}

/** The first day (YYYY-MM-DD) of the period of `months` months containing the CST date `date`. */
function periodStart(date: string, months: number): { year: number; month: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)); // 1..12
  return { year, month: Math.floor((month - 1) / months) * months + 1 };
}

/** The last CST date of the period starting at (year, month) and `months` long, `skip` periods later. */
function periodLastDay(start: { year: number; month: number }, months: number, skip: number): string {
  // Date.UTC normalises month overflow (month 13 → January next year) and day 0 → the previous month's last day.
  const last = new Date(Date.UTC(start.year, start.month - 1 + months * (skip + 1), 0));
  return last.toISOString().slice(0, 10);
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The instant a CST date ends (24:00 CST = the next day's 00:00 CST). */
export function endOfCstDay(date: string): Date {
  return new Date(Date.parse(`${nextDay(date)}T00:00:00Z`) - CST_OFFSET_MS);
}

/** The date itself if it is a working day, else the next working day (调休 make-up days count). */
export function onOrAfterWorkingDay(date: string): string {
  let d = date;
  for (let guard = 0; guard < 60 && !isWorkingDay(d); guard++) d = nextDay(d);
  return d;
}

/** The deadline of a calendar period's visit: end of its last day, moved past rest days. */
function periodDeadline(from: Date, months: number, skip: number): Date {
  const last = periodLastDay(periodStart(cstDate(from), months), months, skip);
  return endOfCstDay(onOrAfterWorkingDay(last));
}

/**
 * When the next visit is due, from the event that opens the obligation at `at`.
 * See the file comment for which deadlines are calendar time and which move to a working day.
 */
export function nextDueAt(tier: RiskTier, reason: DueReason, at: Date, c: ScheduleConfig = DEFAULT_SCHEDULE): Date {
  if (tier === 'high') {
    if (reason === 'visited') return new Date(at.getTime() + c.high.everyDays * DAY_MS);
    return new Date(at.getTime() + c.high.firstHours * HOUR_MS);
  }
  const months = c[tier].everyMonths;
  return periodDeadline(at, months, reason === 'visited' ? 1 : 0);
}

export type VisitStatus = 'overdue' | 'due' | 'scheduled';

/** How long before its deadline a visit counts as due (shown in the worker's list), per tier. */
export const DUE_WINDOW_MS: Record<RiskTier, number> = {
  high: 7 * DAY_MS, // a high-risk visit is always due: its deadline is at most a week away
  key: 7 * DAY_MS,
  general: 14 * DAY_MS,
};

export function visitStatus(tier: RiskTier, dueAt: Date, now: Date): VisitStatus {
  if (now.getTime() >= dueAt.getTime()) return 'overdue';
  return dueAt.getTime() - now.getTime() <= DUE_WINDOW_MS[tier] ? 'due' : 'scheduled';
}

/** The CST month YYYY-MM as its instants [from, to). */
export function monthRange(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const from = new Date(Date.UTC(y, mo - 1, 1) - CST_OFFSET_MS);
  const to = new Date(Date.UTC(y, mo, 1) - CST_OFFSET_MS);
  return { from, to };
}

/** The CST month (YYYY-MM) of an instant. */
export const cstMonth = (t: Date) => cstDate(t).slice(0, 7);

/**
 * The monthly visit rate (走访率, goal 100 %): of the visit obligations *due* in the month — due
 * within it, or due earlier and still open when it began — the share met by its end. Superseded
 * obligations (a change reported, a tier changed) are not counted. Null when nothing was due.
 */
export function visitRate(due: number, met: number): number | null {
  return due === 0 ? null : Math.round((met / due) * 1000) / 10;
}
