import { describe, expect, it } from 'vitest';
import type { CockpitView } from './cockpit.schema';
import { byChild, childLength, childRanking, figure, mean, panel, rangeOf, rate, scopePattern } from './figures';

const view = (scope: string, kiosk = false): CockpitView => ({
  scope,
  departments: null,
  period: { from: '2026-11-01', to: '2026-11-30' },
  previous: { from: '2026-10-02', to: '2026-10-31' },
  lastYear: { from: '2025-11-01', to: '2025-11-30' },
  kiosk,
});

describe('the cockpit figures’ shape', () => {
  it('a period is its CST days, both ends included', () => {
    expect(rangeOf({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
  });

  it('a rate is a percent with one decimal, null over nothing; a mean likewise', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(mean(175, 2)).toBe(87.5);
    expect(mean(0, 0)).toBeNull();
  });

  it('a figure takes its three values; a kiosk gets no drill and no ledger', () => {
    const def = {
      key: 'x.n',
      label: { zh: '数', en: 'n' },
      unit: 'count' as const,
      formula: { zh: '式', en: 'f' },
      drill: '/x',
      ledger: '/api/x.xlsx',
    };
    const over = { period: { n: 3 }, previous: { n: 2 }, lastYear: { n: 1 } };
    expect(figure(view('421081'), def, over, (c) => c.n)).toMatchObject({
      value: 3,
      previous: 2,
      lastYear: 1,
      drill: '/x',
      ledger: '/api/x.xlsx',
    });
    const kiosk = figure(view('421081', true), def, over, (c) => c.n);
    expect(kiosk).not.toHaveProperty('drill');
    expect(kiosk).not.toHaveProperty('ledger');
  });

  it('ranks child places best first, nulls last, each drilling to its own place (not for a kiosk)', () => {
    const rows = [
      { code: '421081107201', name: 'A', value: null },
      { code: '421081107212', name: 'B', value: 50 },
      { code: '421081107203', name: 'C', value: 80 },
    ];
    const r = childRanking(view('421081107'), { key: 'k', label: { zh: 'k', en: 'k' }, unit: 'percent' }, rows, '/p');
    expect(r?.by).toBe('village');
    expect(r?.rows.map((x) => x.code)).toEqual(['421081107203', '421081107212', '421081107201']);
    expect(r?.rows[0].drill).toBe('/p?scope=421081107203&from=2026-11-01&to=2026-11-30');
    const k = childRanking(
      view('421081107', true),
      { key: 'k', label: { zh: 'k', en: 'k' }, unit: 'percent' },
      rows,
      '/p',
    );
    expect(k?.rows[0]).not.toHaveProperty('drill');
    expect(
      childRanking(view('421081107212001'), { key: 'k', label: { zh: 'k', en: 'k' }, unit: 'count' }, rows),
    ).toBeNull();
  });

  it('adds rows up per child place; child levels county → town → village → grid', () => {
    expect([
      childLength('421081'),
      childLength('421081107'),
      childLength('421081107212'),
      childLength('421081107212001'),
    ]).toEqual([9, 12, 15, null]);
    const sums = byChild(
      '421081',
      [
        { code: '421081107212001', n: 1 },
        { code: '421081107201002', n: 2 },
        { code: '421081001001001', n: 4 },
      ],
      (acc, r, code) => ({ code, n: (acc?.n ?? 0) + r.n }),
    );
    expect(sums).toEqual([
      { code: '421081107', n: 3 },
      { code: '421081001', n: 4 },
    ]);
  });

  it('a panel without records reads 尚无数据 with no figure; a scope is digits only', () => {
    expect(panel({ key: 'p', title: { zh: 'p', en: 'p' }, order: 1 }, false, () => [])).toMatchObject({
      status: 'no_data',
      figures: [],
    });
    expect(() => scopePattern("421081' OR 1=1 --")).toThrow();
    expect(scopePattern('421081')).toBe('421081%');
  });
});
