/**
 * 评选 as a pure state machine: the phases in order, what moving to the next one requires, when
 * the vote is open, and the checks of a new selection and of a score sheet. No I/O; expected
 * failures are values.
 */
import { fail, ok, type Result } from '../../platform/errors';
import type { Criterion } from './ranking.domain';
import {
  ELIGIBILITY_RULES,
  type EligibilityRule,
  PHASE_LABELS,
  PHASES,
  type Phase,
  type Subject,
} from './selections.labels';

export interface SelectionState {
  phase: Phase;
  nominationEndsAt: Date;
  votingStartsAt: Date;
  votingEndsAt: Date;
  votingClosedAt: Date | null;
  publicityEndsAt: Date | null;
}

/** What the service counted before asking to advance (only what the current phase's guard reads). */
export interface AdvanceFacts {
  now: Date;
  /** Nominees in status 'nominated' (not yet checked) and 'eligible'. */
  unchecked: number;
  eligible: number;
  /** Panel member × eligible nominee pairs with neither a full score sheet nor a declared conflict. */
  missingScores: number;
  openObjections: number;
  /** A reason given for ending a phase before its scheduled end. */
  reason?: string;
}

export const nextPhase = (p: Phase): Phase | null => PHASES[PHASES.indexOf(p) + 1] ?? null;

const phaseDetails = (phase: Phase) => ({ phase: PHASE_LABELS[phase].en, phaseZh: PHASE_LABELS[phase].zh });

/** Whether the selection may move from its phase to the next one now; the phase it moves to. */
export function advance(s: SelectionState, f: AdvanceFacts): Result<Phase> {
  const to = nextPhase(s.phase);
  if (!to)
    return fail('selection_phase_wrong', { ...phaseDetails(s.phase), action: 'advance', actionZh: '进入下一阶段' });
  const early = (until: Date) =>
    f.now < until && !f.reason?.trim()
      ? fail('selection_phase_early', { ...phaseDetails(s.phase), until: until.toISOString() })
      : null;
  switch (s.phase) {
    case 'nomination':
      return early(s.nominationEndsAt) ?? ok(to);
    case 'eligibility':
      if (f.unchecked > 0) return fail('selection_unchecked_nominees', { count: f.unchecked });
      if (f.eligible === 0) return fail('selection_no_eligible');
      return ok(to);
    case 'scoring':
      // opening the vote before its announced start needs a reason too (the start moves to now)
      if (f.missingScores > 0) return fail('selection_scoring_incomplete', { missing: f.missingScores });
      return early(s.votingStartsAt) ?? ok(to);
    case 'voting':
      return early(s.votingEndsAt) ?? ok(to);
    case 'publicity':
      if (s.publicityEndsAt && f.now < s.publicityEndsAt)
        return fail('selection_publicity_running', { until: s.publicityEndsAt.toISOString() });
      if (f.openObjections > 0) return fail('selection_objections_open', { count: f.openObjections });
      return ok(to);
    default:
      return fail('selection_phase_wrong', { ...phaseDetails(s.phase), action: 'advance', actionZh: '进入下一阶段' });
  }
}

/** A phase-bound action is allowed only in its phase (the 409 names the phase and the action). */
export function requirePhase(
  s: { phase: Phase },
  phases: readonly Phase[],
  action: { en: string; zh: string },
): Result<true> {
  return phases.includes(s.phase)
    ? ok(true)
    : fail('selection_phase_wrong', { ...phaseDetails(s.phase), action: action.en, actionZh: action.zh });
}

/** Is a vote accepted now: the voting phase, after it opens, before it closes (scheduled or closed early). */
export function voteWindow(s: SelectionState, now: Date): Result<true> {
  const closedAt = s.votingClosedAt ?? (now >= s.votingEndsAt ? s.votingEndsAt : null);
  if (closedAt || PHASES.indexOf(s.phase) > PHASES.indexOf('voting'))
    return fail('selection_vote_closed', { at: (closedAt ?? s.votingEndsAt).toISOString() });
  if (s.phase !== 'voting')
    return fail('selection_phase_wrong', { ...phaseDetails(s.phase), action: 'vote', actionZh: '投票' });
  if (now < s.votingStartsAt) return fail('selection_vote_not_open', { at: s.votingStartsAt.toISOString() });
  return ok(true);
}

/** Results (vote counts, ranking) are shown only once voting has closed. */
export const resultsVisible = (s: { phase: Phase }) => PHASES.indexOf(s.phase) >= PHASES.indexOf('publicity');

export interface NewSelectionCheck {
  now: Date;
  nominationEndsAt: Date;
  votingStartsAt: Date;
  votingEndsAt: Date;
  criteria: readonly Criterion[];
}

export function checkNewSelection(c: NewSelectionCheck): Result<true> {
  const total = c.criteria.reduce((s, x) => s + x.weight, 0);
  if (total !== 100) return fail('selection_weights_invalid', { total });
  if (!(c.nominationEndsAt > c.now && c.nominationEndsAt <= c.votingStartsAt && c.votingStartsAt < c.votingEndsAt))
    return fail('selection_dates_invalid');
  return ok(true);
}

/** A panel member's score sheet for one nominee: every criterion exactly once, each within its range. */
export function checkScoreSheet(
  criteria: readonly (Criterion & { name: string })[],
  sheet: readonly { criterion: number; score: number }[],
): Result<true> {
  const given = sheet.map((s) => s.criterion);
  const wrong = [
    ...criteria.filter((c) => given.filter((g) => g === c.position).length !== 1).map((c) => c.name),
    ...given.filter((g) => !criteria.some((c) => c.position === g)).map(String),
  ];
  if (wrong.length > 0) return fail('selection_scores_incomplete', { criteria: [...new Set(wrong)].join('、') });
  for (const s of sheet) {
    const c = criteria.find((x) => x.position === s.criterion)!;
    if (!Number.isInteger(s.score) || s.score < c.minScore || s.score > c.maxScore)
      return fail('selection_score_out_of_range', {
        criterion: c.name,
        min: c.minScore,
        max: c.maxScore,
        score: s.score,
      });
  }
  return ok(true);
}

/** What the registers say of a proposed nominee (null place: not found in the register). */
export interface NomineeFacts {
  subject: Subject;
  placeCode: string | null;
  partyMember: boolean;
}

/** Whether the nominee may stand in this selection; the 422 names the rule. */
export function checkEligibility(
  s: { subject: Subject; divisionCode: string; partyMemberRequired: boolean },
  n: NomineeFacts,
): Result<true> {
  const refuse = (rule: EligibilityRule) =>
    fail('selection_nominee_ineligible', {
      rule,
      ruleZh: ELIGIBILITY_RULES[rule].zh,
      ruleEn: ELIGIBILITY_RULES[rule].en,
    });
  if (n.subject !== s.subject) return refuse('wrong_subject');
  if (n.placeCode === null) return refuse('not_in_register');
  if (!n.placeCode.startsWith(s.divisionCode)) return refuse('outside_area');
  if (s.partyMemberRequired && n.subject === 'person' && !n.partyMember) return refuse('not_party_member');
  return ok(true);
}
