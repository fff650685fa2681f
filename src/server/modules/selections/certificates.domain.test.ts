import { describe, expect, it } from 'vitest';
import {
  certificateNumber,
  certificateText,
  certificateYear,
  chineseDate,
  requireFinal,
  winnersToCertify,
} from './certificates.domain';

describe('certificates (pure)', () => {
  it('number by the year of issue in China time, four digits at least', () => {
    expect(certificateNumber(2026, 7)).toBe('SEL-2026-0007');
    expect(certificateNumber(2026, 12345)).toBe('SEL-2026-12345');
    const newYearsEve = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Beijing
    expect([certificateYear(newYearsEve), chineseDate(newYearsEve)]).toEqual([2027, '2027年1月1日']);
  });

  it('are issued only once the results are out', () => {
    expect(requireFinal({ phase: 'results' }).ok).toBe(true);
    const r = requireFinal({ phase: 'publicity' });
    expect(r.ok ? null : [r.code, r.details]).toEqual([
      'selection_results_not_final',
      { phase: 'publicity', phaseZh: '公示' },
    ]);
  });

  it('go to the selected winners still without one, in rank order', () => {
    const ranking = [
      { position: 2, nomineeId: 'b', selected: true },
      { position: 1, nomineeId: 'a', selected: true },
      { position: 3, nomineeId: 'c', selected: false },
    ];
    expect(winnersToCertify(ranking, new Set())).toEqual([
      { nomineeId: 'a', rank: 1 },
      { nomineeId: 'b', rank: 2 },
    ]);
    expect(winnersToCertify(ranking, new Set(['a']))).toEqual([{ nomineeId: 'b', rank: 2 }]);
  });

  it('state the holder, the honour and where to check it', () => {
    const t = certificateText(
      {
        number: 'SEL-2026-0001',
        countyName: '石首市',
        selectionTitle: '2026年度红旗党支部',
        kind: 'red_flag_branch',
        subject: 'party_org',
        holderName: '百子庵村党支部',
        rank: 1,
        issuingBody: '高基庙镇',
        issuedAt: new Date('2026-11-30T02:00:00Z'),
      },
      'https://x/verify',
    );
    expect(t).toMatchObject({
      holder: '百子庵村党支部：',
      honour: '被评为「红旗党支部」（第1名）。特发此证，以资鼓励。',
      date: '2026年11月30日',
      verification: '真伪查验：https://x/verify',
    });
  });
});
