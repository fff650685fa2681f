import { describe, expect, it } from 'vitest';
import {
  scheduleDues,
  MAX_FEN,
  checkContract,
  checkIncomeEntry,
  fenToYuan,
  isAbove,
  isOverdue,
  overdueFen,
  shareAbove,
  shareOf,
  summarise,
  yuanToFen,
} from './economy.domain';
import { demoTotals } from './economy.demo';

const T = 10_000_000; // 100,000 yuan in fen

describe('the share above the threshold', () => {
  it('counts a village at exactly the threshold as above (以上 includes the number), one fen less as not', () => {
    expect(isAbove(T, T)).toBe(true);
    expect(isAbove(T - 1, T)).toBe(false);
    const s = shareAbove(
      [
        { villageCode: '421081107001', totalFen: T },
        { villageCode: '421081107002', totalFen: T - 1 },
        { villageCode: '421081107003', totalFen: 0 },
        { villageCode: '421081107004', totalFen: T + 1 },
      ],
      T,
    );
    expect(s).toEqual({ villages: 4, above: 2, basisPoints: 5000 });
  });
  it('rounds basis points half up in integer arithmetic, and is 0 with no villages', () => {
    expect(shareOf(141, 153).basisPoints).toBe(9216); // 92.156…
    expect(shareOf(1, 3).basisPoints).toBe(3333);
    expect(shareOf(2, 3).basisPoints).toBe(6667);
    expect(shareOf(1, 8).basisPoints).toBe(1250); // exactly 12.5 %
    expect(shareOf(1, 16).basisPoints).toBe(625);
    expect(shareOf(1, 160_000).basisPoints).toBe(0); // 0.0000625 % rounds down
    expect(shareOf(0, 0)).toEqual({ villages: 0, above: 0, basisPoints: 0 });
    expect(shareOf(7, 7).basisPoints).toBe(10_000);
  });
  it('summarises per town (the first 9 digits) with the totals', () => {
    const s = summarise(
      [
        { villageCode: '421081107001', totalFen: T },
        { villageCode: '421081107002', totalFen: 5 },
        { villageCode: '421081001001', totalFen: T * 3 },
      ],
      T,
      2025,
    );
    expect(s).toMatchObject({ villages: 3, above: 2, basisPoints: 6667, totalFen: T * 4 + 5, year: 2025 });
    expect(s.towns).toEqual([
      { code: '421081001', villages: 1, above: 1, basisPoints: 10_000, totalFen: T * 3 },
      { code: '421081107', villages: 2, above: 1, basisPoints: 5000, totalFen: T + 5 },
    ]);
  });
  it('the demo gives 141 of 153 villages above, 百子庵村 below in 2026 and above in 2025', () => {
    const codes = Array.from({ length: 152 }, (_, i) => `421081${String(100000 + i)}`).concat('421081107212');
    for (const year of [2025, 2026]) {
      const totals = demoTotals(codes, year);
      const s = shareAbove(
        [...totals].map(([villageCode, totalFen]) => ({ villageCode, totalFen })),
        T,
      );
      expect(s).toEqual({ villages: 153, above: 141, basisPoints: 9216 });
      expect(isAbove(totals.get('421081107212')!, T)).toBe(year === 2025);
    }
  });
});

describe('income entries', () => {
  it('refuses a future year, an unknown source, negative, fractional or huge amounts', () => {
    expect(checkIncomeEntry({ year: 2027, amounts: {} }, 2026)).toMatchObject({
      ok: false,
      code: 'economy_year_future',
    });
    expect(checkIncomeEntry({ year: 2026, amounts: { lottery: 1 } }, 2026)).toMatchObject({
      ok: false,
      code: 'economy_source_unknown',
    });
    for (const bad of [-1, 0.5, MAX_FEN + 1, Number.NaN, '100'])
      expect(checkIncomeEntry({ year: 2026, amounts: { industry: bad } }, 2026)).toMatchObject({
        ok: false,
        code: 'economy_amount_invalid',
      });
    expect(checkIncomeEntry({ year: 2026, amounts: { industry: 0, resources: MAX_FEN } }, 2026)).toEqual({
      ok: true,
      value: {
        year: 2026,
        amounts: [
          ['industry', 0],
          ['resources', MAX_FEN],
        ],
      },
    });
  });
  it('reads yuan exactly into fen and back', () => {
    expect(yuanToFen('52000.5')).toBe(5_200_050);
    expect(yuanToFen('1,234.56')).toBe(123_456);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('100000')).toBe(T);
    for (const bad of ['-5', '1.234', 'abc', '', '1e5']) expect(yuanToFen(bad)).toBeNull();
    expect(fenToYuan(5_200_050)).toBe('52000.50');
    expect(fenToYuan(7)).toBe('0.07');
  });
});

describe('contracts', () => {
  it('refuses a term ending on or before its start and dues outside the term or repeated', () => {
    const base = { startsOn: '2026-01-01', endsOn: '2026-12-31', dues: [] };
    expect(checkContract({ ...base, endsOn: '2025-12-31' })).toMatchObject({ ok: false, code: 'economy_term_invalid' });
    expect(checkContract({ ...base, endsOn: '2026-01-01' })).toMatchObject({ ok: false, code: 'economy_term_invalid' });
    expect(checkContract({ ...base, dues: [{ dueOn: '2027-01-01', amountFen: 1 }] })).toMatchObject({
      ok: false,
      code: 'economy_due_outside_term',
    });
    const twice = [
      { dueOn: '2026-06-01', amountFen: 1 },
      { dueOn: '2026-06-01', amountFen: 2 },
    ];
    expect(checkContract({ ...base, dues: twice })).toMatchObject({ ok: false, code: 'economy_due_outside_term' });
    expect(checkContract({ ...base, dues: [{ dueOn: '2026-06-01', amountFen: 0 }] })).toMatchObject({
      ok: false,
      code: 'economy_amount_invalid',
    });
    expect(checkContract({ ...base, dues: [{ dueOn: '2026-06-01', amountFen: 100 }] })).toEqual({
      ok: true,
      value: true,
    });
  });
  it('flags a due overdue the day after its date while not paid in full', () => {
    const d = { dueOn: '2026-07-15', amountFen: 2_400_000, paidFen: 1_000_000 };
    expect(isOverdue(d, '2026-07-15')).toBe(false);
    expect(isOverdue(d, '2026-07-16')).toBe(true);
    expect(isOverdue({ ...d, paidFen: d.amountFen }, '2026-12-01')).toBe(false);
    expect(overdueFen([d, { ...d, dueOn: '2027-07-15', paidFen: 0 }], '2026-12-01')).toBe(1_400_000);
  });
});

describe('scheduleDues', () => {
  it('makes one due at the start of each period of the term, paid in advance', () => {
    expect(scheduleDues('2025-01-01', '2027-12-31', 12_000_00, 'yearly')).toEqual([
      { dueOn: '2025-01-01', amountFen: 12_000_00 },
      { dueOn: '2026-01-01', amountFen: 12_000_00 },
      { dueOn: '2027-01-01', amountFen: 12_000_00 },
    ]);
    expect(scheduleDues('2025-01-31', '2025-06-29', 12_000_00, 'monthly').map((d) => d.dueOn)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
    ]);
    expect(scheduleDues('2025-01-01', '2025-12-31', 10_000_00, 'quarterly').map((d) => d.amountFen)).toEqual([
      2_500_00, 2_500_00, 2_500_00, 2_500_00,
    ]);
  });

  it('shares a last period cut short by days, pays the whole term once, and makes nothing of nothing', () => {
    const dues = scheduleDues('2025-01-01', '2026-07-01', 3_650_00, 'yearly');
    expect(dues).toEqual([
      { dueOn: '2025-01-01', amountFen: 3_650_00 },
      { dueOn: '2026-01-01', amountFen: Math.round((3_650_00 * 182) / 365) },
    ]);
    expect(scheduleDues('2025-01-01', '2026-12-31', 3_650_00, 'once')).toEqual([
      { dueOn: '2025-01-01', amountFen: 7_300_00 },
    ]);
    expect(scheduleDues('2025-01-01', '2025-01-01', 100, 'yearly')).toEqual([]);
    expect(scheduleDues('2025-01-01', '2026-01-01', 0, 'yearly')).toEqual([]);
  });
});
