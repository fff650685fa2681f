import { describe, expect, it } from 'vitest';
import { frac, fractionText, parseFraction, toDecimal } from './fraction';
import { rank } from './ranking.domain';
import { advance, checkEligibility, checkNewSelection, checkScoreSheet, voteWindow } from './selections.domain';

const criteria = [
  { position: 1, name: '群众口碑', weight: 60, minScore: 0, maxScore: 10 },
  { position: 2, name: '工作实绩', weight: 40, minScore: 1, maxScore: 5 },
];
const nominees = [
  { id: 'a', nominatedAt: '2026-11-01T00:00:00.000Z' },
  { id: 'b', nominatedAt: '2026-11-02T00:00:00.000Z' },
  { id: 'c', nominatedAt: '2026-11-03T00:00:00.000Z' },
];
const sheet = (nomineeId: string, userId: string, s1: number, s2: number) => [
  { nomineeId, userId, criterion: 1, score: s1 },
  { nomineeId, userId, criterion: 2, score: s2 },
];
const base = {
  quota: 2,
  panelWeight: 60,
  trimmedMean: false,
  criteria,
  nominees,
  scores: [],
  conflicts: [],
  votes: new Map<string, number>(),
};

describe('fractions', () => {
  it('reduce, print, parse and round exactly', () => {
    expect(fractionText(frac(6, 4))).toBe('3/2');
    expect(parseFraction('200/3')).toEqual(frac(200, 3));
    expect(toDecimal(frac(200, 3))).toBe('66.67');
    expect(toDecimal(frac(1, 8), 2)).toBe('0.13');
    expect(toDecimal(frac(0))).toBe('0.00');
  });
});

describe('the ranking formula', () => {
  it('weights criteria over their ranges, mixes panel and vote by the weights, exactly', () => {
    const r = rank({
      ...base,
      scores: [...sheet('a', 'p1', 10, 5), ...sheet('b', 'p1', 5, 3), ...sheet('c', 'p1', 0, 1)],
      votes: new Map([
        ['a', 1],
        ['b', 3],
        ['c', 0],
      ]),
    });
    // a: panel 100, vote 100/3 → 60 + 40/3 = 220/3; b: panel 30 + 20 = 50, vote 100 → 30 + 40 = 70; c: 0
    expect(r.map((x) => [x.nomineeId, fractionText(x.combined), x.selected])).toEqual([
      ['a', '220/3', true],
      ['b', '70/1', true],
      ['c', '0/1', false],
    ]);
    expect(fractionText(r[1].panelScore)).toBe('50/1');
  });

  it('leaves out a conflicted member and an incomplete sheet; trims the highest and lowest with ≥ 3 totals', () => {
    const scores = [
      ...sheet('a', 'p1', 10, 5),
      ...sheet('a', 'p2', 0, 1),
      ...sheet('a', 'p3', 5, 3),
      ...sheet('a', 'p4', 5, 3),
    ];
    const plain = rank({ ...base, scores, conflicts: [{ nomineeId: 'a', userId: 'p4' }] });
    expect(fractionText(plain.find((x) => x.nomineeId === 'a')!.panelScore)).toBe('50/1'); // (100 + 0 + 50) / 3
    const trimmed = rank({ ...base, trimmedMean: true, scores });
    expect(fractionText(trimmed.find((x) => x.nomineeId === 'a')!.panelScore)).toBe('50/1'); // drop 100 and 0
    const partial = rank({ ...base, scores: [{ nomineeId: 'a', userId: 'p1', criterion: 1, score: 10 }] });
    expect(fractionText(partial.find((x) => x.nomineeId === 'a')!.panelScore)).toBe('0/1');
  });

  it('breaks ties by panel, then votes, then the earlier nomination', () => {
    const tied = rank({ ...base, panelWeight: 100, scores: [...sheet('b', 'p1', 5, 3), ...sheet('c', 'p1', 5, 3)] });
    expect(tied.map((x) => x.nomineeId)).toEqual(['b', 'c', 'a']);
    const byVotes = rank({
      ...base,
      panelWeight: 0,
      votes: new Map([
        ['c', 2],
        ['b', 2],
        ['a', 1],
      ]),
    });
    expect(byVotes.map((x) => x.nomineeId)).toEqual(['b', 'c', 'a']);
    const byPanel = rank({
      ...base,
      panelWeight: 50,
      scores: [...sheet('c', 'p1', 10, 5)],
      votes: new Map([
        ['b', 2],
        ['c', 1],
      ]),
    }); // b: 0 + 50 = 50; c: 50 + 25 = 75
    expect(byPanel.map((x) => x.nomineeId)).toEqual(['c', 'b', 'a']);
  });
});

const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const state = {
  phase: 'nomination' as const,
  nominationEndsAt: at(10),
  votingStartsAt: at(12),
  votingEndsAt: at(14),
  votingClosedAt: null,
  publicityEndsAt: null,
};
const facts = { now: at(11), unchecked: 0, eligible: 2, missingScores: 0, openObjections: 0 };

describe('the phases', () => {
  it('moves forward one phase at a time, each guard naming what is missing', () => {
    expect(advance(state, facts)).toEqual({ ok: true, value: 'eligibility' });
    expect(advance(state, { ...facts, now: at(9) })).toMatchObject({ ok: false, code: 'selection_phase_early' });
    expect(advance(state, { ...facts, now: at(9), reason: '提名已齐' })).toMatchObject({ ok: true });
    const e = { ...state, phase: 'eligibility' as const };
    expect(advance(e, { ...facts, unchecked: 1 })).toMatchObject({ code: 'selection_unchecked_nominees' });
    expect(advance(e, { ...facts, eligible: 0 })).toMatchObject({ code: 'selection_no_eligible' });
    const s = { ...state, phase: 'scoring' as const };
    expect(advance(s, { ...facts, now: at(13), missingScores: 3 })).toMatchObject({
      code: 'selection_scoring_incomplete',
      details: { missing: 3 },
    });
    expect(advance(s, facts)).toMatchObject({ code: 'selection_phase_early' }); // the vote opens at 12:00
    expect(advance(s, { ...facts, now: at(13) })).toEqual({ ok: true, value: 'voting' });
    const v = { ...state, phase: 'voting' as const };
    expect(advance(v, { ...facts, now: at(13) })).toMatchObject({ code: 'selection_phase_early' });
    expect(advance(v, { ...facts, now: at(14) })).toEqual({ ok: true, value: 'publicity' });
    const p = { ...state, phase: 'publicity' as const, publicityEndsAt: at(20) };
    expect(advance(p, { ...facts, now: at(19) })).toMatchObject({ code: 'selection_publicity_running' });
    expect(advance(p, { ...facts, now: at(20), openObjections: 1 })).toMatchObject({
      code: 'selection_objections_open',
    });
    expect(advance(p, { ...facts, now: at(20) })).toEqual({ ok: true, value: 'results' });
    expect(advance({ ...state, phase: 'results' }, facts)).toMatchObject({ code: 'selection_phase_wrong' });
  });

  it('accepts votes only in the voting phase, between opening and close', () => {
    const v = { ...state, phase: 'voting' as const };
    expect(voteWindow(v, at(11))).toMatchObject({ code: 'selection_vote_not_open' });
    expect(voteWindow(v, at(13))).toEqual({ ok: true, value: true });
    expect(voteWindow(v, at(14))).toMatchObject({ code: 'selection_vote_closed' });
    expect(voteWindow({ ...v, votingClosedAt: at(13) }, at(13))).toMatchObject({ code: 'selection_vote_closed' });
    expect(voteWindow({ ...v, phase: 'publicity' }, at(13))).toMatchObject({ code: 'selection_vote_closed' });
    expect(voteWindow({ ...v, phase: 'scoring' }, at(13))).toMatchObject({ code: 'selection_phase_wrong' });
  });
});

describe('checks', () => {
  it('refuses weights not adding up to 100 and dates out of order', () => {
    const dates = { now: at(1), nominationEndsAt: at(10), votingStartsAt: at(12), votingEndsAt: at(14) };
    expect(checkNewSelection({ ...dates, criteria })).toEqual({ ok: true, value: true });
    expect(checkNewSelection({ ...dates, criteria: [criteria[0]] })).toMatchObject({
      code: 'selection_weights_invalid',
      details: { total: 60 },
    });
    expect(checkNewSelection({ ...dates, votingEndsAt: at(12), criteria })).toMatchObject({
      code: 'selection_dates_invalid',
    });
    expect(checkNewSelection({ ...dates, now: at(11), criteria })).toMatchObject({ code: 'selection_dates_invalid' });
  });

  it('wants one score per criterion, each a whole number within its range', () => {
    expect(
      checkScoreSheet(criteria, [
        { criterion: 1, score: 10 },
        { criterion: 2, score: 1 },
      ]),
    ).toMatchObject({ ok: true });
    for (const [c1, c2] of [
      [11, 3],
      [-1, 3],
      [5, 0],
      [5, 6],
    ])
      expect(
        checkScoreSheet(criteria, [
          { criterion: 1, score: c1 },
          { criterion: 2, score: c2 },
        ]),
      ).toMatchObject({
        code: 'selection_score_out_of_range',
      });
    expect(checkScoreSheet(criteria, [{ criterion: 1, score: 1 }])).toMatchObject({
      code: 'selection_scores_incomplete',
    });
    expect(
      checkScoreSheet(criteria, [
        { criterion: 1, score: 1 },
        { criterion: 1, score: 2 },
        { criterion: 2, score: 2 },
      ]),
    ).toMatchObject({
      code: 'selection_scores_incomplete',
    });
    expect(
      checkScoreSheet(criteria, [
        { criterion: 1, score: 1 },
        { criterion: 2, score: 2 },
        { criterion: 3, score: 2 },
      ]),
    ).toMatchObject({
      code: 'selection_scores_incomplete',
    });
  });

  it('names the eligibility rule a nominee fails', () => {
    const sel = { subject: 'person' as const, divisionCode: '421081107', partyMemberRequired: true };
    const rule = (n: Parameters<typeof checkEligibility>[1]) => {
      const r = checkEligibility(sel, n);
      return r.ok ? 'ok' : r.details?.rule;
    };
    expect(rule({ subject: 'person', placeCode: '421081107212001', partyMember: true })).toBe('ok');
    expect(rule({ subject: 'person', placeCode: '421081107212001', partyMember: false })).toBe('not_party_member');
    expect(rule({ subject: 'person', placeCode: '421081001001001', partyMember: true })).toBe('outside_area');
    expect(rule({ subject: 'person', placeCode: null, partyMember: true })).toBe('not_in_register');
    expect(rule({ subject: 'party_org', placeCode: '421081107212', partyMember: false })).toBe('wrong_subject');
  });
});
