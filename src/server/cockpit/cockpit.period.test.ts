/** The cockpit's periods: defaults, the previous period and last year (leap days), and refusals by name. */
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../platform/errors';
import '../modules/cockpit/cockpit.errors';
import { addYears, chinaDay, cockpitPeriods, comparisons, dayCount, halfOpen, isDay } from './cockpit.period';

const periods = (q: { from?: string; to?: string }, today = '2026-12-04') => cockpitPeriods(q, today);

describe('cockpit periods', () => {
  it('reads the day in China Standard Time', () => {
    expect(chinaDay(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(chinaDay(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });

  it('defaults to this month up to today, compared with the days just before and last year', () => {
    const r = periods({});
    expect(r.ok && r.value).toEqual({
      period: { from: '2026-12-01', to: '2026-12-04' },
      previous: { from: '2026-11-27', to: '2026-11-30' },
      lastYear: { from: '2025-12-01', to: '2025-12-04' },
    });
    const onlyTo = periods({ to: '2026-10-15' });
    expect(onlyTo.ok && onlyTo.value.period).toEqual({ from: '2026-10-01', to: '2026-10-15' });
  });

  it('takes as many days before as the period holds, across months and years', () => {
    const nov = comparisons({ from: '2026-11-01', to: '2026-11-30' });
    expect(nov.previous).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    const oneDay = comparisons({ from: '2026-01-01', to: '2026-01-01' });
    expect(oneDay.previous).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    const q1 = comparisons({ from: '2024-01-01', to: '2024-03-31' }); // 91 days in a leap year
    expect(dayCount(q1.period)).toBe(91);
    expect(q1.previous).toEqual({ from: '2023-10-02', to: '2023-12-31' });
    expect(dayCount(q1.previous)).toBe(91);
  });

  it('moves 29 February to 28 February a year earlier, and keeps it in a leap year', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2028-02-29', -4)).toBe('2024-02-29');
    expect(comparisons({ from: '2024-02-29', to: '2024-03-01' }).lastYear).toEqual({
      from: '2023-02-28',
      to: '2023-03-01',
    });
    expect(comparisons({ from: '2025-03-01', to: '2025-03-01' }).previous).toEqual({
      from: '2025-02-28',
      to: '2025-02-28',
    });
    expect(comparisons({ from: '2024-03-01', to: '2024-03-01' }).previous).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('gives the rollups their half-open days', () => {
    expect(halfOpen({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('refuses an invalid date, an end before the start and more than three years, naming the problem in both languages', () => {
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    const cases: [Record<string, string>, RegExp, RegExp][] = [
      [{ from: '2026-02-30' }, /from：“2026-02-30”不是有效日期/, /from “2026-02-30” is not a valid date/],
      [{ to: 'yesterday' }, /to：“yesterday”不是有效日期/, /to “yesterday” is not a valid date/],
      [{ from: '2026-11-05', to: '2026-11-04' }, /结束日期 2026-11-04 早于开始日期 2026-11-05/, /before the start/],
      [{ from: '2023-01-01', to: '2026-01-01' }, /最长三年/, /at most three years/],
    ];
    for (const [q, zh, en] of cases) {
      const r = periods(q);
      expect(r.ok, JSON.stringify(q)).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe('cockpit_period_invalid');
      expect(errorMessage(r.code, 'zh-CN', r.details)).toMatch(zh);
      expect(errorMessage(r.code, 'en', r.details)).toMatch(en);
    }
    const longest = periods({ from: '2023-01-01', to: '2025-12-31' });
    expect(longest.ok).toBe(true);
  });
});
