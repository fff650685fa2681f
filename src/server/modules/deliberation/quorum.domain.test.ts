import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositionWarnings, obligations } from './composition.domain';
import { MORE_THAN_HALF, TWO_THIRDS_OR_MORE, meets, required } from './fractions.domain';
import { decision, quorum, tallyProblem } from './quorum.domain';

const tally = (yes: number, no = 0, abstain = 0) => ({ yes, no, abstain });

describe('fractions in integers', () => {
  it('以上 includes the number itself, 过半数 is strictly more', () => {
    expect(meets(TWO_THIRDS_OR_MORE, 20, 30)).toBe(true);
    expect(meets(TWO_THIRDS_OR_MORE, 19, 30)).toBe(false);
    expect(meets(MORE_THAN_HALF, 15, 30)).toBe(false);
    expect(meets(MORE_THAN_HALF, 16, 30)).toBe(true);
    expect(required(TWO_THIRDS_OR_MORE, 31)).toBe(21); // 20.67 → 21
    expect(required(MORE_THAN_HALF, 31)).toBe(16);
    expect(meets(MORE_THAN_HALF, 0, 0)).toBe(false); // nobody to decide is never a quorum
    expect(() => meets(MORE_THAN_HALF, 1.5, 3)).toThrow(RangeError);
  });
  it('required is the smallest count that meets, for any base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (base) => {
        for (const f of [TWO_THIRDS_OR_MORE, MORE_THAN_HALF]) {
          const r = required(f, base);
          expect(meets(f, r, base)).toBe(true);
          expect(meets(f, r - 1, base)).toBe(false);
        }
      }),
    );
  });
});

describe('村民会议 §22: more than half of adults OR at least 2/3 of households; more than half of those present', () => {
  const t = (present: number, householdsPresent: number) => ({
    members: 300,
    present,
    households: 90,
    householdsPresent,
  });
  it('quorum at exactly half of adults, one either side', () => {
    expect(quorum('villagers', t(150, 0)).met).toBe(false);
    expect(quorum('villagers', t(149, 0)).met).toBe(false);
    const q = quorum('villagers', t(151, 0));
    expect(q).toMatchObject({ met: true, rule: 'villagers.quorum.adults', required: 151, present: 151, join: 'any' });
    expect(q.explanation.zh).toContain('第二十二条');
    expect(q.explanation.en).toContain('more than half');
  });
  it('or by households at exactly 2/3, one either side', () => {
    expect(quorum('villagers', t(10, 59)).met).toBe(false);
    expect(quorum('villagers', t(10, 60))).toMatchObject({
      met: true,
      rule: 'villagers.quorum.households',
      required: 60,
    });
    expect(quorum('villagers', t(10, 61)).met).toBe(true);
  });
  it('decision: more than half of those present', () => {
    const at = { members: 300, present: 200 };
    expect(decision('villagers', 'ordinary', at, tally(100, 100)).met).toBe(false);
    expect(decision('villagers', 'ordinary', at, tally(99)).met).toBe(false);
    expect(decision('villagers', 'ordinary', at, tally(101))).toMatchObject({ met: true, required: 101 });
  });
});

describe('村民代表会议 §25–26: at least 2/3 of members; more than half of those present', () => {
  it('quorum at exactly 2/3, one either side', () => {
    expect(quorum('representatives', { members: 30, present: 19 }).met).toBe(false);
    expect(quorum('representatives', { members: 30, present: 20 })).toMatchObject({ met: true, required: 20 });
    expect(quorum('representatives', { members: 30, present: 21 }).met).toBe(true);
  });
  it('decision at exactly half, one either side', () => {
    const at = { members: 30, present: 24 };
    expect(decision('representatives', 'ordinary', at, tally(11)).met).toBe(false);
    expect(decision('representatives', 'ordinary', at, tally(12)).met).toBe(false);
    expect(decision('representatives', 'ordinary', at, tally(13)).met).toBe(true);
  });
  it('warns on composition: 4/5 representatives, 1/3 women, one per 5–15 households', () => {
    expect(compositionWarnings({ members: 25, representatives: 20, women: 9, households: 200 })).toEqual([]);
    const w = compositionWarnings({ members: 25, representatives: 19, women: 8, households: 400 });
    expect(w.map((x) => x.rule)).toEqual([
      'representatives.share',
      'representatives.women',
      'representatives.households',
    ]);
    expect(
      compositionWarnings({ members: 25, representatives: 20, women: 9, households: 99 }).map((x) => x.rule),
    ).toEqual(['representatives.households']);
    expect(compositionWarnings({ members: 25, representatives: 20, women: 9, households: 300 })).toEqual([]);
    expect(compositionWarnings({ members: 25, representatives: 20, women: 9, households: 301 })).toHaveLength(1);
  });
  it('obliges meetings: 1/10 of adults or 1/3 of representatives (§21), 1/5 of representatives (§26)', () => {
    const o = obligations({ adultSupporters: 30, adults: 300, representativeSupporters: 5, representatives: 25 });
    expect(o.map((x) => [x.rule, x.met, x.required])).toEqual([
      ['villagers.convene.adults', true, 30],
      ['villagers.convene.representatives', false, 9],
      ['representatives.convene', true, 5],
    ]);
    const below = obligations({ adultSupporters: 29, adults: 300, representativeSupporters: 4, representatives: 25 });
    expect(below.map((x) => x.met)).toEqual([false, false, false]);
  });
});

describe('村民小组会议 §28: at least 2/3 of adults or of households; more than half of those present', () => {
  const t = (present: number, householdsPresent: number) => ({
    members: 60,
    present,
    households: 21,
    householdsPresent,
  });
  it('by adults at exactly 2/3, one either side', () => {
    expect(quorum('group', t(39, 0)).met).toBe(false);
    expect(quorum('group', t(40, 0))).toMatchObject({ met: true, rule: 'group.quorum.adults' });
    expect(quorum('group', t(41, 0)).met).toBe(true);
  });
  it('by households at exactly 2/3, one either side', () => {
    expect(quorum('group', t(5, 13)).met).toBe(false);
    expect(quorum('group', t(5, 14))).toMatchObject({ met: true, rule: 'group.quorum.households', required: 14 });
    expect(quorum('group', t(5, 15)).met).toBe(true);
  });
  it('decision at exactly half', () => {
    expect(decision('group', 'ordinary', { members: 60, present: 40 }, tally(20)).met).toBe(false);
    expect(decision('group', 'ordinary', { members: 60, present: 40 }, tally(21)).met).toBe(true);
    expect(decision('group', 'ordinary', { members: 60, present: 40 }, tally(19)).met).toBe(false);
  });
});

describe('居民会议 §9: more than half of adults or of households; more than half of those present', () => {
  const t = (present: number, householdsPresent: number) => ({
    members: 100,
    present,
    households: 40,
    householdsPresent,
  });
  it('at exactly half, one either side, on both bases', () => {
    expect(quorum('residents', t(50, 20)).met).toBe(false);
    expect(quorum('residents', t(49, 19)).met).toBe(false);
    expect(quorum('residents', t(51, 0))).toMatchObject({ met: true, rule: 'residents.quorum.adults' });
    expect(quorum('residents', t(10, 21))).toMatchObject({ met: true, rule: 'residents.quorum.households' });
    expect(quorum('residents', t(50, 20)).explanation.zh).toContain('城市居民委员会组织法');
  });
  it('decision at exactly half', () => {
    expect(decision('residents', 'ordinary', { members: 100, present: 60 }, tally(30)).met).toBe(false);
    expect(decision('residents', 'ordinary', { members: 100, present: 60 }, tally(31)).met).toBe(true);
  });
});

describe('党员大会: at least half of voting members present; passes with more than half of those entitled', () => {
  it('quorum: 半数以上 includes exactly half', () => {
    expect(quorum('party', { members: 40, present: 19 }).met).toBe(false);
    expect(quorum('party', { members: 40, present: 20 })).toMatchObject({ met: true, required: 20 });
    expect(quorum('party', { members: 40, present: 21 }).met).toBe(true);
  });
  it('decision counts against those entitled to attend, not those present', () => {
    const at = { members: 40, present: 22 };
    expect(decision('party', 'ordinary', at, tally(20)).met).toBe(false); // 20 of 22 present, but not > 40/2
    expect(decision('party', 'ordinary', at, tally(21))).toMatchObject({ met: true, required: 21 });
    expect(decision('party', 'ordinary', at, tally(19)).met).toBe(false);
  });
  it('elections need more than 4/5 present', () => {
    expect(quorum('party', { members: 40, present: 32 }, 'election').met).toBe(false); // exactly 4/5
    expect(quorum('party', { members: 40, present: 31 }, 'election').met).toBe(false);
    expect(quorum('party', { members: 40, present: 33 }, 'election')).toMatchObject({ met: true, required: 33 });
  });
});

describe('业主大会 民法典 §278: double majorities by area and headcount', () => {
  const t = (present: number, areaPresentDm2: number) => ({ members: 90, present, areaDm2: 900_000, areaPresentDm2 });
  it('participation needs 2/3 of area AND 2/3 of owners, each at the boundary', () => {
    expect(quorum('owners', t(60, 600_000))).toMatchObject({ met: true, join: 'all' });
    expect(quorum('owners', t(59, 600_000))).toMatchObject({ met: false, rule: 'owners.quorum.owners', required: 60 });
    expect(quorum('owners', t(60, 599_999))).toMatchObject({
      met: false,
      rule: 'owners.quorum.area',
      required: 600_000,
    });
    expect(quorum('owners', t(90, 599_999)).met).toBe(false); // all owners but not enough area
  });
  it('ordinary matters: more than half of participating area AND owners', () => {
    const at = t(60, 600_000);
    const v = (yes: number, yesAreaDm2: number) => decision('owners', 'ordinary', at, { ...tally(yes), yesAreaDm2 });
    expect(v(31, 300_001).met).toBe(true);
    expect(v(30, 300_001).met).toBe(false);
    expect(v(31, 300_000).met).toBe(false);
    expect(v(29, 299_999).met).toBe(false);
  });
  it('major matters: at least 3/4 of both', () => {
    const at = t(60, 600_000);
    const v = (yes: number, yesAreaDm2: number) => decision('owners', 'major', at, { ...tally(yes), yesAreaDm2 });
    expect(v(45, 450_000)).toMatchObject({ met: true, rule: 'owners.decision.major.area' });
    expect(v(44, 450_000).met).toBe(false);
    expect(v(45, 449_999).met).toBe(false);
    expect(v(46, 450_001).met).toBe(true);
  });
});

describe('两委联席会议 (platform default)', () => {
  it('more than half present, more than half of those present', () => {
    expect(quorum('committees', { members: 8, present: 4 }).met).toBe(false);
    expect(quorum('committees', { members: 8, present: 5 }).met).toBe(true);
    expect(decision('committees', 'ordinary', { members: 8, present: 6 }, tally(3)).met).toBe(false);
    expect(decision('committees', 'ordinary', { members: 8, present: 6 }, tally(4)).met).toBe(true);
  });
});

describe('tallies', () => {
  it('may not exceed those present, in people or in area', () => {
    expect(tallyProblem('villagers', { members: 10, present: 6 }, tally(3, 2, 1))).toBeNull();
    expect(tallyProblem('villagers', { members: 10, present: 6 }, tally(3, 2, 2))).toEqual({
      field: 'people',
      sum: 7,
      limit: 6,
    });
    expect(
      tallyProblem(
        'owners',
        { members: 10, present: 6, areaDm2: 100, areaPresentDm2: 60 },
        { ...tally(3), yesAreaDm2: 61 },
      ),
    ).toEqual({ field: 'area_dm2', sum: 61, limit: 60 });
  });
  it('any type: a decision is met exactly when yes exceeds half the base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (present, yes) => {
        fc.pre(yes <= present);
        const r = decision('villagers', 'ordinary', { members: present, present }, tally(yes));
        expect(r.met).toBe(2 * yes > present);
      }),
    );
  });
});

describe("the councils' meetings: their regulation's or their own rules", () => {
  it('业主委员会 (指导规则): more than half of the members present; decided by at least half of ALL members', () => {
    const t = (present: number) => ({ members: 7, present });
    expect(quorum('owners_committee', t(3)).met).toBe(false); // 3 of 7: not more than half
    expect(quorum('owners_committee', t(4))).toMatchObject({ met: true, required: 4, rule: 'owners_committee.quorum' });
    // 4 of 7 present, 3 yes: a majority of those present, but not half of all 7 members
    expect(decision('owners_committee', 'ordinary', t(4), tally(3, 1)).met).toBe(false);
    expect(decision('owners_committee', 'ordinary', t(4), tally(4)).met).toBe(true);
    expect(decision('owners_committee', 'ordinary', { members: 6, present: 4 }, tally(3, 1)).met).toBe(true); // 3 of 6: 半数以上
  });
  it('村民议事会 / 红白理事会 / 自治委员会 default: more than half present, more than half of those present; exactly half fails', () => {
    for (const type of ['villagers_council', 'red_white_council', 'autonomy_committee'] as const) {
      expect(quorum(type, { members: 6, present: 3 }).met).toBe(false);
      expect(quorum(type, { members: 6, present: 4 }).met).toBe(true);
      expect(decision(type, 'ordinary', { members: 6, present: 4 }, tally(2, 2)).met).toBe(false);
      expect(decision(type, 'ordinary', { members: 6, present: 4 }, tally(3, 1)).met).toBe(true);
    }
  });
  it('an own rule frozen on the meeting replaces the default: 2/3 at exactly 2/3 and one below', () => {
    const own = { quorum: 'two_thirds_or_more', decision: 'two_thirds_or_more', base: 'present' } as const;
    expect(quorum('villagers_council', { members: 9, present: 6 }, 'ordinary', own).met).toBe(true);
    expect(quorum('villagers_council', { members: 9, present: 5 }, 'ordinary', own).met).toBe(false);
    expect(decision('villagers_council', 'ordinary', { members: 9, present: 6 }, tally(4, 2), own).met).toBe(true);
    expect(decision('villagers_council', 'ordinary', { members: 9, present: 6 }, tally(3, 3), own).met).toBe(false);
  });
});
