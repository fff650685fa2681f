/** The cockpit's numbers and periods as the console writes them (web/admin/pages/cockpit/format.ts, period.ts). */
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { change, formatNumber, formatValue, type UnitWords } from '../web/admin/pages/cockpit/format';
import { chinaToday, periodFromQuery, presetOf, presetPeriod } from '../web/admin/pages/cockpit/period';

const ZH: UnitWords = {
  hours: '小时',
  yuan: '元',
  points: '分',
  people: '人',
  households: '户',
  percentPoints: '个百分点',
};

describe('cockpit figures', () => {
  it('writes each unit its own way, and — for a figure that cannot be computed', () => {
    expect(formatNumber(87.456, 'percent')).toBe('87.5%');
    expect(formatNumber(100, 'percent')).toBe('100.0%');
    expect(formatValue(12.34, 'hours', ZH)).toBe('12.3 小时');
    expect(formatValue(1234567, 'yuan', ZH)).toBe('1,234,567 元');
    expect(formatValue(1234.5, 'yuan', ZH)).toBe('1,235 元');
    expect(formatValue(234.5, 'yuan', ZH)).toBe('234.50 元');
    expect(formatValue(4120, 'count', ZH)).toBe('4,120');
    expect(formatValue(0, 'count', ZH)).toBe('0');
    expect(formatValue(null, 'percent', ZH)).toBe('—');
    expect(formatValue(null, 'yuan', ZH)).toBe('—');
  });

  it('reads a rate’s change in percentage points, a count’s as a relative change, with an arrow', () => {
    expect(change(92.5, 90, 'percent', ZH)).toEqual({ direction: 'up', arrow: '↑', amount: '2.5 个百分点' });
    expect(change(90, 120, 'count', ZH)).toEqual({ direction: 'down', arrow: '↓', amount: '25.0%' });
    expect(change(5, 0, 'count', ZH)).toEqual({ direction: 'up', arrow: '↑', amount: '5' });
    expect(change(7, 7, 'count', ZH)?.direction).toBe('flat');
    expect(change(7, null, 'count', ZH)).toBeNull();
    expect(change(null, 3, 'count', ZH)).toBeNull();
  });
});

describe('cockpit periods', () => {
  const today = dayjs('2026-12-04');
  it('ends this month, quarter and year today; last month is whole', () => {
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(presetPeriod('lastMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-04' });
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(presetPeriod('lastMonth', dayjs('2027-01-15'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('counts days in China time, whatever the browser’s zone', () => {
    expect(chinaToday(new Date('2026-12-04T17:30:00Z')).format('YYYY-MM-DD')).toBe('2026-12-05');
    expect(chinaToday(new Date('2026-12-04T15:59:00Z')).format('YYYY-MM-DD')).toBe('2026-12-04');
  });

  it('reads the URL’s period, this month when it is missing or reversed, and names its preset', () => {
    const q = (s: string) => periodFromQuery(new URLSearchParams(s), today);
    expect(q('from=2026-03-01&to=2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(q('')).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(q('from=2026-03-31&to=2026-03-01')).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(q('from=yesterday&to=2026-03-01')).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, today)).toBe('lastMonth');
    expect(presetOf({ from: '2026-03-01', to: '2026-03-31' }, today)).toBe('custom');
  });
});
