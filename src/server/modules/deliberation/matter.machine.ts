/**
 * 四议两公开 as a state machine: 村党组织提议 → 两委会商议 → 党员大会审议 → 村民（代表）会议决议 →
 * 决议公开 → 组织实施 → 实施结果公开. A deliberation step passes only on its record: a decided motion
 * of a meeting of the right kind that had its quorum when the motion was put. A failed vote returns
 * the matter to the branch (商议、审议未通过：退回重新提议) or ends it (决议未通过：事项终止).
 * Imports nothing but labels and the error type's Result, so the chart is read and tested alone.
 */
import { type Result, fail, ok } from '../../platform/errors';
import {
  MATTER_EVENT_LABELS,
  MATTER_STATE_LABELS,
  MEETING_TYPE_LABELS,
  type MatterEvent,
  type MatterState,
  type MeetingType,
} from './deliberation.labels';

export type DecisionBody = 'villagers' | 'representatives';

/** The evidence of a deliberation step: the motion voted on and its meeting. */
export interface VoteRecord {
  meetingType: MeetingType;
  divisionCode: string;
  quorumMet: boolean;
  decided: boolean;
  passed: boolean;
}

export interface MatterFacts {
  state: MatterState;
  divisionCode: string;
  decisionBody: DecisionBody;
}

export type StepOutcome = 'passed' | 'returned' | 'rejected' | 'done';

/** The events each state accepts, in the buttons' order. */
export const MATTER_ALLOWED: Record<MatterState, readonly MatterEvent[]> = {
  proposed: ['consult', 'withdraw'],
  consulted: ['review', 'withdraw'],
  reviewed: ['resolve', 'withdraw'],
  resolved: ['publish_resolution'],
  resolution_published: ['implement'],
  implemented: ['publish_result'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

const VOTES: Partial<
  Record<MatterEvent, { on: (m: MatterFacts) => MeetingType; next: MatterState; failed: MatterState }>
> = {
  consult: { on: () => 'committees', next: 'consulted', failed: 'proposed' },
  review: { on: () => 'party', next: 'reviewed', failed: 'proposed' },
  resolve: { on: (m) => m.decisionBody, next: 'resolved', failed: 'rejected' },
};

const PLAIN: Partial<Record<MatterEvent, MatterState>> = {
  publish_resolution: 'resolution_published',
  implement: 'implemented',
  publish_result: 'completed',
  withdraw: 'withdrawn',
};

export function isVoteStep(event: MatterEvent): boolean {
  return event in VOTES;
}

/** The meeting type a vote step needs for this matter (两委联席会议, 党员大会, 村民会议 or 村民代表会议). */
export function meetingFor(m: MatterFacts, event: MatterEvent): MeetingType | null {
  return VOTES[event]?.on(m) ?? null;
}

/** The next state of the matter, or the rule the step breaks. */
export function transition(
  m: MatterFacts,
  event: MatterEvent,
  record: VoteRecord | null,
): Result<{ next: MatterState; outcome: StepOutcome }> {
  const eventZh = MATTER_EVENT_LABELS[event].zh;
  if (!MATTER_ALLOWED[m.state].includes(event))
    return fail('deliberation_step_out_of_order', {
      event,
      eventZh,
      state: m.state,
      stateZh: MATTER_STATE_LABELS[m.state].zh,
    });
  const vote = VOTES[event];
  if (!vote) return ok({ next: PLAIN[event] as MatterState, outcome: 'done' });
  if (!record) return fail('deliberation_step_record_missing', { event, eventZh });
  const expected = vote.on(m);
  if (record.meetingType !== expected || record.divisionCode !== m.divisionCode)
    return fail('deliberation_step_wrong_meeting', {
      event,
      eventZh,
      expected,
      expectedZh: MEETING_TYPE_LABELS[expected].zh,
      got: record.meetingType,
      gotZh: MEETING_TYPE_LABELS[record.meetingType].zh,
    });
  if (!record.quorumMet) return fail('deliberation_quorum_not_met', { rule: expected });
  if (!record.decided) return fail('deliberation_vote_not_decided', { event });
  return record.passed
    ? ok({ next: vote.next, outcome: 'passed' })
    : ok({ next: vote.failed, outcome: vote.failed === 'rejected' ? 'rejected' : 'returned' });
}
