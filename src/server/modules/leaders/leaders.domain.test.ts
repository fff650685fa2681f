import { describe, expect, it } from 'vitest';
import {
  badDate,
  checkSheet,
  exactText,
  meanProgress,
  overlappingPosts,
  periodProblem,
  type PostTerm,
  rankEntrants,
} from './leaders.domain';

const post = (id: string, personId: string, o: Partial<PostTerm> = {}): PostTerm => ({
  id,
  personId,
  body: 'party',
  post: 'member',
  termStart: '2021-01-01',
  termEnd: '2025-12-31',
  ...o,
});

describe('terms and periods', () => {
  it('refuses dates that do not exist', () => {
    expect(badDate({ a: '2026-02-28', b: '2026-02-30' })).toEqual({ field: 'b', value: '2026-02-30' });
    expect(badDate({ a: '2024-02-29', b: undefined })).toBeNull();
    // PostgreSQL has no year 0: refused before it reaches the database
    expect(badDate({ a: '0000-01-01' })).toEqual({ field: 'a', value: '0000-01-01' });
  });
  it('a period ends after it starts and its review is not before the start', () => {
    expect(periodProblem({ periodStart: '2026-01-01', periodEnd: '2026-12-31', reviewOn: '2026-01-01' })).toBe(false);
    expect(periodProblem({ periodStart: '2026-01-01', periodEnd: '2025-12-31', reviewOn: '2026-06-01' })).toBe(true);
    expect(periodProblem({ periodStart: '2026-01-01', periodEnd: '2026-12-31', reviewOn: '2025-12-31' })).toBe(true);
  });
});

describe('overlapping posts', () => {
  it('flags two secretaries at once, a person with two posts of one body, not members or a clean handover', () => {
    const posts = [
      post('a', 'p1', { post: 'secretary', termEnd: '2024-06-30' }),
      post('b', 'p2', { post: 'secretary', termStart: '2024-06-30', termEnd: '2026-12-31' }), // one shared day
      post('c', 'p3', { post: 'secretary', termStart: '2027-01-01', termEnd: '2031-12-31' }), // after b: clean
      post('d', 'p4'),
      post('e', 'p5'), // two members at once: normal
      post('f', 'p4', { body: 'committee', post: 'member' }), // 交叉任职 across bodies: normal
      post('g', 'p5', { post: 'deputy_secretary', termStart: '2025-01-01', termEnd: '2026-01-01' }), // p5 twice in party
      post('h', 'p6', { body: 'committee', post: 'director' }),
      post('i', 'p7', { body: 'committee', post: 'director', termStart: '2026-01-01', termEnd: '2028-01-01' }),
    ];
    expect([...overlappingPosts(posts)].sort()).toEqual(['a', 'b', 'e', 'g']);
  });
});

describe('contest ranking', () => {
  const criteria = [
    { position: 1, name: '发展', minScore: 0, maxScore: 10 },
    { position: 2, name: '治理', minScore: 0, maxScore: 10 },
  ];
  const entrants = [
    { id: 'e1', name: '甲村' },
    { id: 'e2', name: '乙村' },
    { id: 'e3', name: '丙村' },
    { id: 'e4', name: '丁村' },
  ];
  const sheet = (entrantId: string, judgeId: string, a: number, b: number) => [
    { entrantId, judgeId, position: 1, score: a },
    { entrantId, judgeId, position: 2, score: b },
  ];

  it('means of judges’ totals, exact; equal means share a place (1, 2, 2, 4); unscored last', () => {
    const scores = [
      ...sheet('e1', 'j1', 10, 10),
      ...sheet('e1', 'j2', 9, 10), // e1 = 19.5
      ...sheet('e2', 'j1', 9, 9),
      ...sheet('e2', 'j2', 8, 7), // e2 = 16.5
      ...sheet('e3', 'j1', 10, 6),
      ...sheet('e3', 'j2', 8, 9), // e3 = 16.5: tied with e2
      ...sheet('e3', 'j3', 1, 1).slice(0, 1), // j3 scored one criterion only: left out
    ];
    const r = rankEntrants(criteria, entrants, scores);
    expect(r.map((x) => [x.name, x.position, x.judges, exactText(x.score)])).toEqual([
      ['甲村', 1, 2, '19.50'],
      ['丙村', 2, 2, '16.50'],
      ['乙村', 2, 2, '16.50'],
      ['丁村', 4, 0, '0.00'],
    ]);
  });

  it('ranks thirds exactly: 20/3 is below 6.67 and above 6.66, no float drift', () => {
    const scores = [
      ...sheet('e1', 'j1', 3, 3),
      ...sheet('e1', 'j2', 3, 4),
      ...sheet('e1', 'j3', 3, 4), // 20/3
      ...sheet('e2', 'j1', 3, 4),
      ...sheet('e2', 'j2', 3, 3),
      ...sheet('e2', 'j3', 4, 3), // 20/3 as well, in another order
    ];
    const r = rankEntrants(criteria, entrants.slice(0, 2), scores);
    expect(r.map((x) => x.position)).toEqual([1, 1]);
    expect(exactText(r[0].score)).toBe('6.67');
  });

  it('checks a sheet: each criterion once, integers within range', () => {
    expect(
      checkSheet(criteria, [
        { position: 1, score: 10 },
        { position: 2, score: 0 },
      ]),
    ).toBeNull();
    expect(
      checkSheet(criteria, [
        { position: 1, score: 11 },
        { position: 2, score: 0 },
      ]),
    ).toMatchObject({
      kind: 'out_of_range',
      criterion: '发展',
      max: 10,
    });
    expect(
      checkSheet(criteria, [
        { position: 1, score: -1 },
        { position: 2, score: 0 },
      ])?.kind,
    ).toBe('out_of_range');
    expect(
      checkSheet(criteria, [
        { position: 1, score: 5.5 },
        { position: 2, score: 0 },
      ])?.kind,
    ).toBe('out_of_range');
    expect(
      checkSheet(criteria, [
        { position: 1, score: 1 },
        { position: 1, score: 2 },
      ]),
    ).toEqual({
      kind: 'incomplete',
      missing: ['治理'],
      extra: ['1'],
    });
  });

  it('means progress exactly to one decimal', () => {
    expect(meanProgress(200, 3)).toBe('66.7');
    expect(meanProgress(0, 0)).toBe('0.0');
  });
});
