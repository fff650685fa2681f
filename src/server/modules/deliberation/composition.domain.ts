/**
 * The composition of a 村民代表会议 (村民委员会组织法 §25) and the thresholds that oblige a meeting
 * (§21, §26). Warnings, not refusals: the register may be incomplete, the town is told. Pure.
 */
import type { Label } from './deliberation.labels';
import {
  FOUR_FIFTHS_OR_MORE,
  ONE_FIFTH_OR_MORE,
  ONE_TENTH_OR_MORE,
  ONE_THIRD_OR_MORE,
  meets,
  required,
} from './fractions.domain';

const V25 = '《村民委员会组织法》第二十五条';
const V21 = '《村民委员会组织法》第二十一条';
const V26 = '《村民委员会组织法》第二十六条';

export interface Composition {
  /** all members: the village committee's members and the representatives */
  members: number;
  representatives: number;
  women: number;
  /** households of the village */
  households: number;
}

export interface Warning {
  rule: string;
  article: string;
  explanation: Label;
}

/** What is wrong with the composition of the representatives' meeting, if anything. */
export function compositionWarnings(c: Composition): Warning[] {
  const out: Warning[] = [];
  if (!meets(FOUR_FIFTHS_OR_MORE, c.representatives, c.members))
    out.push({
      rule: 'representatives.share',
      article: V25,
      explanation: {
        zh: `村民代表应占组成人员五分之四以上：共 ${c.members} 人，须至少 ${required(FOUR_FIFTHS_OR_MORE, c.members)} 名村民代表，现有 ${c.representatives} 名`,
        en: `Representatives must be at least four fifths of the members: ${c.representatives} of ${c.members} (at least ${required(FOUR_FIFTHS_OR_MORE, c.members)})`,
      },
    });
  if (!meets(ONE_THIRD_OR_MORE, c.women, c.members))
    out.push({
      rule: 'representatives.women',
      article: V25,
      explanation: {
        zh: `妇女应占组成人员三分之一以上：共 ${c.members} 人，须至少 ${required(ONE_THIRD_OR_MORE, c.members)} 名，现有 ${c.women} 名`,
        en: `Women must be at least one third of the members: ${c.women} of ${c.members} (at least ${required(ONE_THIRD_OR_MORE, c.members)})`,
      },
    });
  // 每五户至十五户推选村民代表一人: 5·reps ≤ households ≤ 15·reps
  if (c.representatives === 0 || c.households < 5 * c.representatives || c.households > 15 * c.representatives)
    out.push({
      rule: 'representatives.households',
      article: V25,
      explanation: {
        zh: `每五户至十五户推选村民代表一人：${c.households} 户应有 ${Math.ceil(c.households / 15)}–${Math.floor(c.households / 5)} 名村民代表，现有 ${c.representatives} 名`,
        en: `One representative per 5 to 15 households: ${c.households} households call for ${Math.ceil(c.households / 15)}–${Math.floor(c.households / 5)} representatives; there are ${c.representatives}`,
      },
    });
  return out;
}

export interface Obligation {
  meeting: 'villagers' | 'representatives';
  rule: string;
  article: string;
  required: number;
  present: number;
  met: boolean;
}

/** Supporters of a proposal that oblige a meeting: §21 (1/10 of adults, or 1/3 of representatives), §26 (1/5 of representatives). */
export function obligations(s: {
  adultSupporters: number;
  adults: number;
  representativeSupporters: number;
  representatives: number;
}): Obligation[] {
  return [
    {
      meeting: 'villagers',
      rule: 'villagers.convene.adults',
      article: V21,
      required: required(ONE_TENTH_OR_MORE, s.adults),
      present: s.adultSupporters,
      met: meets(ONE_TENTH_OR_MORE, s.adultSupporters, s.adults),
    },
    {
      meeting: 'villagers',
      rule: 'villagers.convene.representatives',
      article: V21,
      required: required(ONE_THIRD_OR_MORE, s.representatives),
      present: s.representativeSupporters,
      met: meets(ONE_THIRD_OR_MORE, s.representativeSupporters, s.representatives),
    },
    {
      meeting: 'representatives',
      rule: 'representatives.convene',
      article: V26,
      required: required(ONE_FIFTH_OR_MORE, s.representatives),
      present: s.representativeSupporters,
      met: meets(ONE_FIFTH_OR_MORE, s.representativeSupporters, s.representatives),
    },
  ];
}
