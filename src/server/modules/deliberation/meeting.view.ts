/** How a meeting and its motions leave the server: figures computed from attendance and tallies, never stored twice. */
import type { Actor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import { compositionWarnings } from './composition.domain';
import { managesAt } from './deliberation.policy';
import type { MeetingView } from './deliberation.schema';
import * as repo from './meetings.repo';
import { type MotionRow, motionsOf } from './motions.repo';
import { type RuleResult, decision, quorum } from './quorum.domain';

type MotionView = MeetingView['motions'][number];

export function motionView(actor: Actor, meeting: repo.MeetingRow, m: MotionRow): MotionView {
  const manages = managesAt(actor, meeting.divisionCode) && meeting.state === 'open';
  const check: RuleResult | null =
    m.state === 'decided' && m.tally && m.turnout
      ? decision(meeting.meetingType, m.kind, m.turnout, m.tally, meeting.ownRule)
      : null;
  const actions: MotionView['actions'] = [];
  if (manages && m.state === 'open') actions.push('enter');
  if (manages && m.state === 'entered' && actor.kind === 'user' && actor.userId !== m.enteredBy)
    actions.push('confirm');
  return {
    id: m.id,
    seq: m.seq,
    title: m.title,
    kind: m.kind,
    method: m.method,
    state: m.state,
    tally: m.tally,
    turnout: m.turnout,
    quorum: m.turnout ? quorum(meeting.meetingType, m.turnout, m.kind, meeting.ownRule) : null,
    result: check ? { passed: check.met, rule: check.rule, explanation: check.explanation, check } : null,
    enteredBy: m.enteredBy,
    confirmedBy: m.confirmedBy,
    enteredAt: m.enteredAt,
    confirmedAt: m.confirmedAt,
    actions,
  };
}

export async function meetingView(q: Queryable, actor: Actor, m: repo.MeetingRow): Promise<MeetingView> {
  // one after the other: q may be a transaction's single connection
  const turnout = await repo.turnout(q, m.id);
  const rules = await repo.typeRules(q, m.meetingType);
  const motions = await motionsOf(q, m.id);
  const check = quorum(m.meetingType, turnout, 'ordinary', m.ownRule);
  const warnings =
    m.meetingType === 'representatives' ? compositionWarnings(await repo.composition(q, m.id, m.divisionCode)) : [];
  const manages = managesAt(actor, m.divisionCode);
  const actions: MeetingView['actions'] = !manages
    ? []
    : m.state === 'noticed'
      ? ['open', 'cancel']
      : m.state === 'open'
        ? ['sign_in', 'motion', 'close']
        : [];
  return {
    id: m.id,
    divisionCode: m.divisionCode,
    bodyCode: m.bodyCode,
    councilId: m.councilId,
    meetingType: m.meetingType,
    title: m.title,
    location: m.location,
    noticedAt: m.noticedAt,
    startsAt: m.startsAt,
    state: m.state,
    agenda: m.agenda,
    minutes: m.minutes,
    signinCode: m.signinCode,
    proxiesAllowed: rules.proxiesAllowed,
    turnout,
    quorum: {
      rule: check.rule,
      required: check.required,
      present: check.present,
      met: check.met,
      explanation: check.explanation,
      check,
    },
    warnings,
    motions: motions.map((x) => motionView(actor, m, x)),
    actions,
  };
}
