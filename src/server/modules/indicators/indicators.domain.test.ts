import { describe, expect, it } from 'vitest';
import {
  type Counts,
  dailyTrend,
  indicators,
  lastDays,
  parsePeriod,
  percent,
  rank,
  round,
  sumCounts,
  zeroCounts,
} from './indicators.domain';

const counts = (c: Partial<Counts>): Counts => ({ ...zeroCounts(), ...c });

describe('the formulas', () => {
  it('divides the counts as documented, rounded to one decimal', () => {
    const c = counts({
      received: 10,
      filed: 8,
      due: 6,
      dueClosed: 5,
      dueSuspended: 1,
      dueOnTime: 3,
      closed: 4,
      closedReworked: 1,
      receivedResponded: 9,
      filedResolved: 6,
      rated: 3,
      ratedSatisfied: 2,
      handlingHours: 50,
    });
    expect(indicators(c)).toEqual({
      received: 10,
      filed: 8,
      due: 6,
      closed: 4,
      closureRate: 83.3, // 5 / 6
      onTimeRate: 60, // 3 / (6 − 1 suspended)
      reworkRate: 25, // 1 / 4
      responseRate: 90, // 9 / 10
      resolutionRate: 75, // 6 / 8
      satisfactionRate: 66.7, // 2 / 3
      avgHandlingHours: 12.5, // 50 / 4
    });
  });

  it('gives null, not 0 or NaN, for a zero denominator', () => {
    const none = indicators(zeroCounts());
    for (const k of [
      'closureRate',
      'onTimeRate',
      'reworkRate',
      'responseRate',
      'resolutionRate',
      'satisfactionRate',
      'avgHandlingHours',
    ] as const) {
      expect(none[k], k).toBeNull();
    }
    expect(none.received).toBe(0);
  });

  it('leaves suspended cases out of the on-time figure only', () => {
    const allSuspended = indicators(counts({ due: 2, dueClosed: 2, dueSuspended: 2, dueOnTime: 0 }));
    expect(allSuspended.closureRate).toBe(100);
    expect(allSuspended.onTimeRate).toBeNull();
    // 4 due, 1 suspended, 2 of the other 3 on time: 66.7 %, not 2 / 4 = 50 %
    expect(indicators(counts({ due: 4, dueClosed: 4, dueSuspended: 1, dueOnTime: 2 })).onTimeRate).toBe(66.7);
  });

  it('adds counts (not rates) for the total row', () => {
    const a = counts({ due: 1, dueClosed: 1 });
    const b = counts({ due: 3, dueClosed: 1 });
    expect(indicators(sumCounts([a, b])).closureRate).toBe(50); // 2 / 4, not the mean of 100 and 33.3
  });

  it('rounds half away from zero without binary artefacts', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(0.05)).toBe(0.1);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 5)).toBe(0);
    expect(percent(3, 0)).toBeNull();
  });
});

describe('ranking', () => {
  const rows = [
    { key: 'a', v: 90 as number | null },
    { key: 'b', v: 80 },
    { key: 'c', v: 90 },
    { key: 'd', v: null },
    { key: 'e', v: 70 },
    { key: 'f', v: 80 },
  ];
  it('gives ties the same rank and skips the next (1, 1, 3, 3, 5), nulls last without a rank', () => {
    const r = rank(
      rows,
      (x) => x.v,
      'closureRate',
      (x) => x.key,
    );
    expect(r.map((x) => [x.item.key, x.rank])).toEqual([
      ['a', 1],
      ['c', 1],
      ['b', 3],
      ['f', 3],
      ['e', 5],
      ['d', null],
    ]);
  });
  it('ranks the smallest first for rework rate and handling time', () => {
    expect(
      rank(
        rows,
        (x) => x.v,
        'reworkRate',
        (x) => x.key,
      ).map((x) => x.rank),
    ).toEqual([1, 2, 2, 4, 4, null]);
    expect(
      rank(
        rows,
        (x) => x.v,
        'avgHandlingHours',
        (x) => x.key,
      )[0].item.key,
    ).toBe('e');
  });
  it('does not rank the unassigned group', () => {
    const r = rank(
      rows,
      (x) => x.v,
      'closureRate',
      (x) => x.key,
      (x) => x.key !== 'a',
    );
    expect(r.map((x) => [x.item.key, x.rank])).toEqual([
      ['c', 1],
      ['b', 2],
      ['f', 2],
      ['e', 4],
      ['a', null],
      ['d', null],
    ]);
  });
});

describe('periods', () => {
  it('reads dates as midnight China Standard Time, the end exclusive', () => {
    expect(parsePeriod('2026-11-01', '2026-12-01')).toEqual({
      ok: true,
      value: { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') },
    });
    expect(parsePeriod('2026-11-01T00:00:00Z', '2026-11-02T00:00:00+08:00').ok).toBe(true);
  });
  it('names the bad end', () => {
    const bad = (field: string) => ({ ok: false, code: 'validation_failed', details: { fields: [{ field }] } });
    expect(parsePeriod('2026-02-30', '2026-03-01')).toMatchObject(bad('from'));
    expect(parsePeriod('2026-02-01', 'March')).toMatchObject(bad('to'));
    expect(parsePeriod('2026-02-01T08:00', '2026-03-01')).toMatchObject(bad('from')); // no offset: ambiguous
    expect(parsePeriod('2026-03-01', '2026-03-01')).toEqual({
      ok: false,
      code: 'validation_failed',
      details: { summary: 'to must be after from', fields: [{ field: 'to', problem: 'must be after from' }] },
    });
  });
});

describe('the trend of the last days', () => {
  it('ends with today in China time and starts `days` midnights earlier', () => {
    const p = lastDays(new Date('2026-12-04T17:30:00Z'), 30); // 01:30 on 5 Dec in China
    expect(p.to).toEqual(new Date('2026-12-06T00:00:00+08:00'));
    expect(p.from).toEqual(new Date('2026-11-06T00:00:00+08:00'));
  });

  it('fills every day, keeps rates null where nothing was due or rated, and totals the period', () => {
    const p = lastDays(new Date('2026-11-10T09:00:00+08:00'), 7);
    const zero = { received: 0, closed: 0, due: 0, dueSuspended: 0, dueOnTime: 0, rated: 0, ratedSatisfied: 0 };
    const t = dailyTrend(p, [
      { ...zero, day: 0, received: 3 },
      { ...zero, day: 6, closed: 2, due: 3, dueSuspended: 1, dueOnTime: 1, rated: 2, ratedSatisfied: 1 },
    ]);
    expect(t.days.map((d) => d.date)).toEqual([
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '2026-11-09',
      '2026-11-10',
    ]);
    expect(t.days[0]).toEqual({ date: '2026-11-04', received: 3, closed: 0, onTimeRate: null, satisfactionRate: null });
    expect(t.days[6]).toMatchObject({ closed: 2, onTimeRate: 50, satisfactionRate: 50 });
    expect(t.total).toEqual({ received: 3, closed: 2, onTimeRate: 50, satisfactionRate: 50 });
  });
});
