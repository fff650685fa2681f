import { describe, expect, it } from 'vitest';
import {
  countsOf,
  describeDifference,
  FIGURE_COLUMNS,
  figureDifferences,
  parseDayRange,
  periodOf,
  wholeMonths,
} from './rollups.domain';

const zeros = () =>
  Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, 0])) as Record<(typeof FIGURE_COLUMNS)[number], number>;

describe('rollups domain', () => {
  it('reads whole days, open at either end, and names a bad end', () => {
    expect(parseDayRange(undefined, undefined)).toEqual({ ok: true, value: { from: null, to: null } });
    expect(parseDayRange('2026-11-01', undefined)).toEqual({ ok: true, value: { from: '2026-11-01', to: null } });
    for (const [from, to, field] of [
      ['2026-11-31', '2026-12-01', '--from'],
      ['2026-11-01', '2026-11-01', '--to'],
      ['2026-11-01', 'tomorrow', '--to'],
      ['2026-11-01T00:00:00Z', undefined, '--from'],
    ] as const) {
      const r = parseDayRange(from, to, '--');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.details?.fields).toEqual([{ field, problem: expect.any(String) }]);
    }
  });

  it('takes a day as midnight China Standard Time, as the indicators do', () => {
    expect(periodOf({ from: '2026-11-01', to: '2026-12-01' })).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
  });

  it('turns the figures into the indicators counts, seconds into hours', () => {
    const sums = { ...zeros(), received: 3, due_on_time: 2, handling_seconds: 5400 };
    expect(countsOf(sums)).toMatchObject({ received: 3, dueOnTime: 2, handlingHours: 1.5, closed: 0 });
  });

  it('finds the whole months of a period, or none', () => {
    expect(wholeMonths({ from: '2026-01-01', to: '2027-01-01' })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(wholeMonths({ from: '2026-01-15', to: '2026-04-10' })).toEqual({ from: '2026-02-01', to: '2026-04-01' });
    expect(wholeMonths({ from: '2026-12-02', to: '2027-02-01' })).toEqual({ from: '2027-01-01', to: '2027-02-01' });
    expect(wholeMonths({ from: '2026-06-10', to: '2026-06-13' })).toEqual({ from: '2026-06-13', to: '2026-06-13' });
    expect(wholeMonths({ from: '2026-06-02', to: '2026-07-31' })).toEqual({ from: '2026-07-31', to: '2026-07-31' });
  });

  it('lists each figure that differs, and says where', () => {
    const key = {
      grain: 'fine' as const,
      day: '2026-11-03',
      divisionCode: '421081001007',
      gridCode: '',
      categoryCode: '01037',
      departmentCode: '',
    };
    const diffs = figureDifferences([
      { ...key, rollup: { ...zeros(), closed: 2, rated: 1 }, raw: { ...zeros(), closed: 1, rated: 1 } },
    ]);
    expect(diffs).toEqual([{ ...key, figure: 'closed', rollup: 2, raw: 1 }]);
    expect(describeDifference(diffs[0])).toBe(
      '2026-11-03 421081001007 category 01037 department - closed: rollup 2, raw 1',
    );
    expect(describeDifference({ ...diffs[0], gridCode: '421081001007001' })).toContain(
      '421081001007 grid 421081001007001',
    );
    const town = { ...diffs[0], divisionCode: '421081001', gridCode: '*' };
    expect(describeDifference({ ...town, grain: 'town-category-month', day: '2026-11-01', departmentCode: '*' })).toBe(
      'month 2026-11 town 421081001 category 01037 closed: rollup 2, raw 1',
    );
    expect(
      describeDifference({ ...town, grain: 'town-department-day', categoryCode: '*', departmentCode: '421081-cgj' }),
    ).toBe('2026-11-03 town 421081001 department 421081-cgj closed: rollup 2, raw 1');
  });
});
