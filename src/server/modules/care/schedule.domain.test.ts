import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  endOfCstDay,
  monthRange,
  nextDueAt,
  onOrAfterWorkingDay,
  RISK_TIERS,
  scheduleProblem,
  visitRate,
  visitStatus,
} from './schedule.domain';

const cst = (s: string) => new Date(`${s}+08:00`);
/** The deadline as its CST wall time, for readable expectations. */
const wall = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('high tier: calendar time, never moved by holidays', () => {
  it('a reported change is due 24 elapsed hours later, even on Spring Festival eve', () => {
    expect(wall(nextDueAt('high', 'change_reported', cst('2026-02-15T09:30:00')))).toBe('2026-02-16 09:30');
    expect(wall(nextDueAt('high', 'registered', cst('2025-01-28T23:10:00')))).toBe('2025-01-29 23:10');
  });
  it('crosses month, year and leap-day boundaries by the clock', () => {
    expect(wall(nextDueAt('high', 'change_reported', cst('2026-01-31T20:00:00')))).toBe('2026-02-01 20:00');
    expect(wall(nextDueAt('high', 'change_reported', cst('2026-12-31T12:00:00')))).toBe('2027-01-01 12:00');
    expect(wall(nextDueAt('high', 'change_reported', cst('2028-02-28T08:00:00')))).toBe('2028-02-29 08:00');
    expect(wall(nextDueAt('high', 'change_reported', cst('2027-02-28T08:00:00')))).toBe('2027-03-01 08:00');
  });
  it('then weekly: 7 × 24 h after the visit, across the whole Spring Festival holiday', () => {
    expect(wall(nextDueAt('high', 'visited', cst('2026-02-13T16:00:00')))).toBe('2026-02-20 16:00');
    expect(wall(nextDueAt('high', 'visited', cst('2028-02-25T10:00:00')))).toBe('2028-03-03 10:00');
  });
  it('follows the county configuration', () => {
    const c = { ...DEFAULT_SCHEDULE, high: { firstHours: 12, everyDays: 3 } };
    expect(wall(nextDueAt('high', 'change_reported', cst('2026-05-01T08:00:00'), c))).toBe('2026-05-01 20:00');
    expect(wall(nextDueAt('high', 'visited', cst('2026-05-01T08:00:00'), c))).toBe('2026-05-04 08:00');
  });
});

describe('key tier: one visit a calendar month, deadline moved past rest days', () => {
  it('registered: due by the end of the current month', () => {
    expect(wall(nextDueAt('key', 'registered', cst('2026-03-02T10:00:00')))).toBe('2026-04-01 00:00');
  });
  it('visited: due by the end of the next month', () => {
    expect(wall(nextDueAt('key', 'visited', cst('2026-03-31T23:59:00')))).toBe('2026-05-01 00:00');
  });
  it('a month ending on a Saturday moves to the end of Monday', () => {
    // 2026-01-31 is a Saturday, not made up: the deadline is the end of Monday 2026-02-02
    expect(wall(nextDueAt('key', 'visited', cst('2025-12-15T09:00:00')))).toBe('2026-02-03 00:00');
  });
  it('a month ending inside Spring Festival moves to the first working day after it', () => {
    // 2025-01-31 falls in the 2025-01-28..02-04 holiday; 02-05 is the first working day
    expect(wall(nextDueAt('key', 'visited', cst('2024-12-10T09:00:00')))).toBe('2025-02-06 00:00');
  });
  it('a month ending on a 调休 make-up Saturday is not extended', () => {
    // 2026-02-28 is a Saturday worked in exchange for the Spring Festival holiday
    expect(wall(nextDueAt('key', 'visited', cst('2026-01-20T09:00:00')))).toBe('2026-03-01 00:00');
  });
  it('February of a leap year ends on the 29th', () => {
    expect(wall(nextDueAt('key', 'visited', cst('2028-01-05T09:00:00')))).toBe('2028-03-01 00:00');
    expect(wall(nextDueAt('key', 'registered', cst('2028-02-01T09:00:00')))).toBe('2028-03-01 00:00');
  });
  it('the CST date decides the month, not the UTC one', () => {
    // 2026-04-30 23:30 CST is April (a Thursday, worked); 2026-05-01 00:30 CST is May (still April in UTC)
    expect(wall(nextDueAt('key', 'registered', cst('2026-04-30T23:30:00')))).toBe('2026-05-01 00:00');
    expect(wall(nextDueAt('key', 'registered', cst('2026-05-01T00:30:00')))).toBe('2026-06-02 00:00'); // May 31 is a Sunday
  });
  it('December visits fall due at the end of January of the next year', () => {
    expect(wall(nextDueAt('key', 'visited', cst('2026-12-20T09:00:00')))).toBe(wall(endOfCstDay('2027-02-01')));
  });
});

describe('general tier: one visit a calendar quarter', () => {
  it('quarter ends on working days are kept', () => {
    expect(wall(nextDueAt('general', 'registered', cst('2026-01-05T09:00:00')))).toBe('2026-04-01 00:00');
    expect(wall(nextDueAt('general', 'visited', cst('2026-02-10T09:00:00')))).toBe('2026-07-01 00:00');
    expect(wall(nextDueAt('general', 'visited', cst('2026-05-10T09:00:00')))).toBe('2026-10-01 00:00');
    expect(wall(nextDueAt('general', 'visited', cst('2026-08-10T09:00:00')))).toBe('2027-01-01 00:00');
  });
  it('the last quarter visit carries into the next year', () => {
    expect(wall(nextDueAt('general', 'visited', cst('2027-11-10T09:00:00')))).toBe('2028-04-01 00:00');
  });
  it('a quarter ending on a Sunday moves to Monday (2027-03-31 is a Wednesday; 2024-03-31 a Sunday)', () => {
    expect(wall(nextDueAt('general', 'registered', cst('2024-02-10T09:00:00')))).toBe('2024-04-02 00:00');
  });
  it('a half-yearly configuration is a period of six months', () => {
    const c = { ...DEFAULT_SCHEDULE, general: { everyMonths: 6 } };
    expect(wall(nextDueAt('general', 'registered', cst('2026-03-01T09:00:00'), c))).toBe('2026-07-01 00:00');
    expect(wall(nextDueAt('general', 'visited', cst('2026-03-01T09:00:00'), c))).toBe('2027-01-01 00:00');
  });
});

describe('working days', () => {
  it('skips weekends and holidays, keeps make-up days', () => {
    expect(onOrAfterWorkingDay('2026-10-01')).toBe('2026-10-08');
    expect(onOrAfterWorkingDay('2026-02-14')).toBe('2026-02-14');
    expect(onOrAfterWorkingDay('2026-02-15')).toBe('2026-02-24');
    expect(onOrAfterWorkingDay('2026-03-31')).toBe('2026-03-31');
  });
});

describe('status, months, rate, configuration', () => {
  const now = cst('2026-06-10T12:00:00');
  it('overdue at and after the deadline; due inside the tier window; scheduled before', () => {
    expect(visitStatus('key', now, now)).toBe('overdue');
    expect(visitStatus('key', cst('2026-06-17T12:00:00'), now)).toBe('due');
    expect(visitStatus('key', cst('2026-06-17T12:00:01'), now)).toBe('scheduled');
    expect(visitStatus('general', cst('2026-06-24T12:00:00'), now)).toBe('due');
    expect(visitStatus('high', cst('2026-06-11T12:00:00'), now)).toBe('due');
  });
  it('a month as CST instants; invalid months refused', () => {
    const feb = monthRange('2028-02')!;
    expect(feb.from.toISOString()).toBe('2028-01-31T16:00:00.000Z');
    expect(feb.to.toISOString()).toBe('2028-02-29T16:00:00.000Z');
    expect(monthRange('2026-12')!.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    for (const bad of ['2026-13', '2026-00', '2026-1', 'x']) expect(monthRange(bad)).toBeNull();
  });
  it('rates to one decimal; nothing due is no rate', () => {
    expect(visitRate(0, 0)).toBeNull();
    expect(visitRate(3, 3)).toBe(100);
    expect(visitRate(3, 2)).toBe(66.7);
  });
  it('configurations that cannot make a calendar are refused', () => {
    expect(scheduleProblem(DEFAULT_SCHEDULE)).toBeNull();
    expect(scheduleProblem({ ...DEFAULT_SCHEDULE, key: { everyMonths: 5 } })).toBe('key.everyMonths');
    expect(scheduleProblem({ ...DEFAULT_SCHEDULE, general: { everyMonths: 0 } })).toBe('general.everyMonths');
    expect(scheduleProblem({ ...DEFAULT_SCHEDULE, high: { firstHours: 0.5, everyDays: 7 } })).toBe('high.firstHours');
    expect(scheduleProblem({ ...DEFAULT_SCHEDULE, high: { firstHours: 24, everyDays: 0 } })).toBe('high.everyDays');
  });
  it('every tier yields a deadline after the event', () => {
    const at = cst('2026-09-30T23:59:59');
    for (const tier of RISK_TIERS)
      for (const reason of ['registered', 'visited', 'change_reported', 'tier_changed'] as const)
        expect(nextDueAt(tier, reason, at).getTime()).toBeGreaterThan(at.getTime());
  });
});
