/**
 * Who must attend and what majority decides, for every kind of meeting, as the law writes it. Every
 * figure is computed from attendance and tallies (integers only, fractions.domain.ts); each result
 * carries the rule, its article, the figure required, the figure present, whether it is met and an
 * explanation in Chinese and English. Pure: no I/O.
 */
import type { CouncilMeetingType, Label, MeetingType, MotionKind, OwnRule } from './deliberation.labels';
import {
  type Fraction,
  HALF_OR_MORE,
  MORE_THAN_FOUR_FIFTHS,
  MORE_THAN_HALF,
  THREE_QUARTERS_OR_MORE,
  TWO_THIRDS_OR_MORE,
  meets,
  OWN_FRACTION_VALUES,
  required,
} from './fractions.domain';

/** Who is on the roster and who is present (at the opening, or when a motion is put). */
export interface Turnout {
  /** people on the roster (党员大会: members with voting rights, 应到会有表决权的党员) */
  members: number;
  /** of them present, in person or by proxy */
  present: number;
  /** households on the roster and households with someone present (村民会议, 村民小组会议, 居民会议) */
  households?: number;
  householdsPresent?: number;
  /** floor area in dm² (0.01 m²) of the roster and of those present (业主大会) */
  areaDm2?: number;
  areaPresentDm2?: number;
}

/** yes + no + abstain (people), and for 业主大会 the same by floor area in dm². */
export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  yesAreaDm2?: number;
  noAreaDm2?: number;
  abstainAreaDm2?: number;
}

export type Unit = 'people' | 'households' | 'area_dm2';

/** One check of one rule on one basis. */
export interface RuleCheck {
  rule: string;
  article: string;
  unit: Unit;
  required: number;
  present: number;
  met: boolean;
  explanation: Label;
}

/** A rule of one or more checks joined by `any` (或) or `all` (且); the headline figures are one check's. */
export interface RuleResult extends RuleCheck {
  join: 'one' | 'any' | 'all';
  parts: RuleCheck[];
}

const LAW = {
  v22: '《村民委员会组织法》第二十二条',
  v26: '《村民委员会组织法》第二十六条',
  v28: '《村民委员会组织法》第二十八条',
  r9: '《城市居民委员会组织法》第九条',
  p11: '《中国共产党支部工作条例（试行）》第十一条',
  pe: '《中国共产党基层组织选举工作条例》（选举时有选举权的到会人数超过应到会人数的五分之四）',
  c278: '《民法典》第二百七十八条',
  joint: '两委联席会议议事规则（民主集中制：少数服从多数；平台默认）',
} as const;

/**
 * The councils' meetings: no statute fixes their quorum. 业主委员会: the ministry's 《业主大会和业主委员会指导规则》
 * (住房和城乡建设部，2009): 过半数委员出席，决定经全体委员半数以上同意 (a province's 物业管理条例 may ask more:
 * county staff edit it). The others follow their own rules (议事规则 / 章程 adopted by the village or community);
 * the platform's default is more than half of the members present, more than half of those present agreeing.
 * The figures in force (meeting_type_rules) are frozen onto each meeting at notice (OwnRule).
 */
export const COUNCIL_ARTICLES: Record<CouncilMeetingType, string> = {
  owners_committee: '《业主大会和业主委员会指导规则》（业主委员会会议：过半数委员出席，全体委员半数以上同意）',
  autonomy_committee: '小区自治委员会议事规则（本小区自定；平台默认：过半数成员到会，到会人员过半数同意）',
  villagers_council: '村民议事会议事规则（本村自定；平台默认：过半数成员到会，到会人员过半数同意）',
  red_white_council: '红白理事会章程（本村自定；平台默认：过半数成员到会，到会人员过半数同意）',
};
export const DEFAULT_OWN_RULES: Record<CouncilMeetingType, OwnRule> = {
  owners_committee: { quorum: 'more_than_half', decision: 'half_or_more', base: 'members' },
  autonomy_committee: { quorum: 'more_than_half', decision: 'more_than_half', base: 'present' },
  villagers_council: { quorum: 'more_than_half', decision: 'more_than_half', base: 'present' },
  red_white_council: { quorum: 'more_than_half', decision: 'more_than_half', base: 'present' },
};

const BASES: Record<string, Label & { unit: Unit }> = {
  adults: { zh: '年满十八周岁的村民', en: 'villagers aged 18 or over', unit: 'people' },
  households: { zh: '户的代表', en: 'households represented', unit: 'households' },
  representatives: { zh: '村民代表会议组成人员', en: "members of the representatives' meeting", unit: 'people' },
  groupAdults: { zh: '本组年满十八周岁的村民', en: "the group's villagers aged 18 or over", unit: 'people' },
  residents: { zh: '年满十八周岁的居民', en: 'residents aged 18 or over', unit: 'people' },
  voting: { zh: '有表决权的党员', en: 'party members with voting rights', unit: 'people' },
  electors: { zh: '有选举权的党员', en: 'party members with the right to vote', unit: 'people' },
  owners: { zh: '业主人数', en: 'owners', unit: 'people' },
  area: { zh: '专有部分面积（0.01㎡）', en: 'floor area (0.01 m²)', unit: 'area_dm2' },
  committee: { zh: '两委成员', en: 'members of the two committees', unit: 'people' },
  councillors: { zh: '本届组成人员', en: "the council's members of the term", unit: 'people' },
  attending: { zh: '到会人员', en: 'those present', unit: 'people' },
  attendingArea: { zh: '参与表决的专有部分面积（0.01㎡）', en: 'floor area taking part (0.01 m²)', unit: 'area_dm2' },
};

function check(
  rule: string,
  article: string,
  basis: keyof typeof BASES,
  f: Fraction,
  x: number,
  base: number,
): RuleCheck {
  const b = BASES[basis];
  const met = meets(f, x, base);
  const need = required(f, base);
  return {
    rule,
    article,
    unit: b.unit,
    required: need,
    present: x,
    met,
    explanation: {
      zh: `${article}：须${b.zh}${f.words.zh}（共 ${base}，至少 ${need}），实有 ${x}，${met ? '已达到' : '未达到'}`,
      en: `${article}: ${f.words.en} of ${b.en} (of ${base}, at least ${need}); ${x}: ${met ? 'met' : 'not met'}`,
    },
  };
}

/** One check, or several joined: `any` is met when one is (headline: the first met), `all` when all are (headline: the first unmet). */
function join(kind: 'any' | 'all', parts: RuleCheck[]): RuleResult {
  if (parts.length === 1) return { ...parts[0], join: 'one', parts };
  const met = kind === 'any' ? parts.some((p) => p.met) : parts.every((p) => p.met);
  const head = (kind === 'any' ? parts.find((p) => p.met) : parts.find((p) => !p.met)) ?? parts[0];
  const sep = kind === 'any' ? { zh: '；或', en: '; or ' } : { zh: '；且', en: '; and ' };
  return {
    ...head,
    met,
    join: kind,
    parts,
    explanation: {
      zh: parts.map((p) => p.explanation.zh).join(sep.zh) + (met ? '。符合规定。' : '。不符合规定。'),
      en: parts.map((p) => p.explanation.en).join(sep.en) + (met ? '. The rule is met.' : '. The rule is not met.'),
    },
  };
}

const hh = (t: Turnout) => ({ x: t.householdsPresent ?? 0, base: t.households ?? 0 });
const area = (t: Turnout) => ({ x: t.areaPresentDm2 ?? 0, base: t.areaDm2 ?? 0 });

/**
 * Whether the meeting may decide: its quorum (到会人数), by type. Elections of 党员大会 need more than 4/5.
 * A council's meeting uses its own rule (`own`, frozen on the meeting; the type's default without it).
 */
export function quorum(
  type: MeetingType,
  t: Turnout,
  kind: MotionKind = 'ordinary',
  own: OwnRule | null = null,
): RuleResult {
  switch (type) {
    // 村民会议：本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加
    case 'villagers':
      return join('any', [
        check('villagers.quorum.adults', LAW.v22, 'adults', MORE_THAN_HALF, t.present, t.members),
        check('villagers.quorum.households', LAW.v22, 'households', TWO_THIRDS_OR_MORE, hh(t).x, hh(t).base),
      ]);
    // 村民代表会议：有三分之二以上的组成人员参加方可召开
    case 'representatives':
      return join('any', [
        check('representatives.quorum', LAW.v26, 'representatives', TWO_THIRDS_OR_MORE, t.present, t.members),
      ]);
    // 村民小组会议：本村民小组十八周岁以上的村民三分之二以上，或者本村民小组三分之二以上的户的代表参加
    case 'group':
      return join('any', [
        check('group.quorum.adults', LAW.v28, 'groupAdults', TWO_THIRDS_OR_MORE, t.present, t.members),
        check('group.quorum.households', LAW.v28, 'households', TWO_THIRDS_OR_MORE, hh(t).x, hh(t).base),
      ]);
    // 居民会议：十八周岁以上居民的过半数，或者每户派代表（过半数户）参加（由居民小组选举代表的，另行登记）
    case 'residents':
      return join('any', [
        check('residents.quorum.adults', LAW.r9, 'residents', MORE_THAN_HALF, t.present, t.members),
        check('residents.quorum.households', LAW.r9, 'households', MORE_THAN_HALF, hh(t).x, hh(t).base),
      ]);
    // 党员大会：表决须半数以上有表决权的党员到会；选举时有选举权的到会人数须超过应到会人数的五分之四
    case 'party':
      return kind === 'election'
        ? join('any', [check('party.quorum.election', LAW.pe, 'electors', MORE_THAN_FOUR_FIFTHS, t.present, t.members)])
        : join('any', [check('party.quorum', LAW.p11, 'voting', HALF_OR_MORE, t.present, t.members)]);
    // 业主大会：专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决
    case 'owners':
      return join('all', [
        check('owners.quorum.area', LAW.c278, 'area', TWO_THIRDS_OR_MORE, area(t).x, area(t).base),
        check('owners.quorum.owners', LAW.c278, 'owners', TWO_THIRDS_OR_MORE, t.present, t.members),
      ]);
    // 两委联席会议：过半数成员到会（平台默认）
    case 'committees':
      return join('any', [check('committees.quorum', LAW.joint, 'committee', MORE_THAN_HALF, t.present, t.members)]);
    case 'owners_committee':
    case 'autonomy_committee':
    case 'villagers_council':
    case 'red_white_council': {
      const r = own ?? DEFAULT_OWN_RULES[type];
      const f = OWN_FRACTION_VALUES[r.quorum];
      return join('any', [check(`${type}.quorum`, COUNCIL_ARTICLES[type], 'councillors', f, t.present, t.members)]);
    }
  }
}

/** Whether a motion passed, from the tally and the turnout when it was put. */
export function decision(
  type: MeetingType,
  kind: MotionKind,
  t: Turnout,
  tally: Tally,
  own: OwnRule | null = null,
): RuleResult {
  switch (type) {
    case 'villagers':
      return join('any', [check('villagers.decision', LAW.v22, 'attending', MORE_THAN_HALF, tally.yes, t.present)]);
    case 'representatives':
      return join('any', [
        check('representatives.decision', LAW.v26, 'attending', MORE_THAN_HALF, tally.yes, t.present),
      ]);
    case 'group':
      return join('any', [check('group.decision', LAW.v28, 'attending', MORE_THAN_HALF, tally.yes, t.present)]);
    case 'residents':
      return join('any', [check('residents.decision', LAW.r9, 'attending', MORE_THAN_HALF, tally.yes, t.present)]);
    // 党员大会：赞成人数超过应到会有表决权的党员的半数为通过；选举：超过实到会有选举权人数的半数当选
    case 'party':
      return kind === 'election'
        ? join('any', [check('party.decision.election', LAW.pe, 'attending', MORE_THAN_HALF, tally.yes, t.present)])
        : join('any', [check('party.decision', LAW.p11, 'voting', MORE_THAN_HALF, tally.yes, t.members)]);
    // 业主大会：一般事项经参与表决专有部分面积过半数且参与表决人数过半数的业主同意；
    // 重大事项（筹集使用维修资金、改建重建、改变共有部分用途等）须四分之三以上
    case 'owners': {
      const f = kind === 'major' ? THREE_QUARTERS_OR_MORE : MORE_THAN_HALF;
      const rule = kind === 'major' ? 'owners.decision.major' : 'owners.decision';
      return join('all', [
        check(`${rule}.area`, LAW.c278, 'attendingArea', f, tally.yesAreaDm2 ?? 0, t.areaPresentDm2 ?? 0),
        check(`${rule}.owners`, LAW.c278, 'attending', f, tally.yes, t.present),
      ]);
    }
    case 'committees':
      return join('any', [check('committees.decision', LAW.joint, 'attending', MORE_THAN_HALF, tally.yes, t.present)]);
    case 'owners_committee':
    case 'autonomy_committee':
    case 'villagers_council':
    case 'red_white_council': {
      const r = own ?? DEFAULT_OWN_RULES[type];
      const f = OWN_FRACTION_VALUES[r.decision];
      return r.base === 'members'
        ? join('any', [check(`${type}.decision`, COUNCIL_ARTICLES[type], 'councillors', f, tally.yes, t.members)])
        : join('any', [check(`${type}.decision`, COUNCIL_ARTICLES[type], 'attending', f, tally.yes, t.present)]);
    }
  }
}

/** What a tally may not exceed: those present (people; and for 业主大会 the area present). */
export function tallyProblem(
  type: MeetingType,
  t: Turnout,
  tally: Tally,
): { field: string; sum: number; limit: number } | null {
  const people = tally.yes + tally.no + tally.abstain;
  if (people > t.present) return { field: 'people', sum: people, limit: t.present };
  if (type === 'owners') {
    const a = (tally.yesAreaDm2 ?? 0) + (tally.noAreaDm2 ?? 0) + (tally.abstainAreaDm2 ?? 0);
    if (a > (t.areaPresentDm2 ?? 0)) return { field: 'area_dm2', sum: a, limit: t.areaPresentDm2 ?? 0 };
  }
  return null;
}
