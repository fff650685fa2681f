/**
 * Working time on the official calendar: holidays and 调休 make-up working days from the
 * chinese-days package (State Council notices), office hours configurable, China Standard Time
 * (UTC+8, no daylight saving). Years the package does not cover yet fall back to Mon–Fri.
 */
import chineseDays from 'chinese-days';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';

const { isWorkday } = chineseDays as unknown as { isWorkday(date: string): boolean };

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export { DEFAULT_OFFICE_HOURS, type OfficeHours, parseOfficeHours } from './office-hours';

/** The CST calendar date (YYYY-MM-DD) of an instant. */
export function cstDate(t: Date): string {
  return new Date(t.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a CST date at `minutes` after midnight. */
function cstInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS + minutes * 60_000);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

function minutesOfDay(t: Date): number {
  const local = new Date(t.getTime() + CST_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
}

/**
 * Adds working hours: only time inside office hours on working days counts. A case received
 * outside office hours starts counting at the next office period.
 */
export function addWorkingHours(start: Date, hours: number, office: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  let remaining = Math.round(hours * 60);
  let date = cstDate(start);
  let from = minutesOfDay(start);
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(date)) {
      for (const [s, e] of office) {
        const begin = Math.max(s, from);
        if (begin >= e) continue;
        const available = e - begin;
        if (remaining <= available) return cstInstant(date, begin + remaining);
        remaining -= available;
      }
    }
    date = nextDate(date);
    from = 0;
  }
  throw new Error('working time: no working day within ten years');
}

/**
 * Adds working days: due at the end of office hours on the Nth working day after the day of
 * `start` (the day something arrives does not count).
 */
export function addWorkingDays(start: Date, days: number, office: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  let date = cstDate(start);
  let left = days;
  for (let guard = 0; guard < 3660; guard++) {
    date = nextDate(date);
    if (isWorkingDay(date) && --left <= 0) return cstInstant(date, office[office.length - 1][1]);
  }
  throw new Error('working time: no working day within ten years');
}

export type TimeLimit = { amount: number; unit: 'working_hours' | 'working_days' | 'calendar_days' };

export function dueAt(start: Date, limit: TimeLimit, office: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  switch (limit.unit) {
    case 'working_hours':
      return addWorkingHours(start, limit.amount, office);
    case 'working_days':
      return addWorkingDays(start, limit.amount, office);
    case 'calendar_days':
      return new Date(start.getTime() + limit.amount * DAY_MS);
  }
}

/** Working minutes elapsed between two instants (for on-time figures and "due soon"). */
export function workingMinutesBetween(from: Date, to: Date, office: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  if (to <= from) return 0;
  let total = 0;
  let date = cstDate(from);
  const lastDate = cstDate(to);
  let startMin = minutesOfDay(from);
  for (let guard = 0; guard < 3660; guard++) {
    const endMin = date === lastDate ? minutesOfDay(to) : 24 * 60;
    if (isWorkingDay(date))
      for (const [s, e] of office) total += Math.max(0, Math.min(e, endMin) - Math.max(s, startMin));
    if (date === lastDate) return Math.round(total);
    date = nextDate(date);
    startMin = 0;
  }
  return Math.round(total);
}
