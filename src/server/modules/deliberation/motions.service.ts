/**
 * Motions and votes: a motion is put in an open meeting; its tally is refused without a quorum at
 * that moment or when it exceeds those present. A show of hands is decided when entered; a paper
 * ballot tally is entered by one person and confirmed by another, who counts again (both figures
 * must agree). The turnout the tally was counted against is kept with it.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { MOTION_STATE_LABELS, type MotionKind, type VoteMethod } from './deliberation.labels';
import { canReadAt, managesAt } from './deliberation.policy';
import type { MeetingView, TallyInput } from './deliberation.schema';
import { motionView } from './meeting.view';
import { requireState } from './meetings.service';
import * as meetings from './meetings.repo';
import * as motions from './motions.repo';
import { type Tally, decision, quorum, tallyProblem } from './quorum.domain';

type MotionView = MeetingView['motions'][number];

async function meetingFor(q: Queryable, actor: Actor, meetingId: string): Promise<meetings.MeetingRow> {
  const m = await meetings.meetingById(q, meetingId, true);
  if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
  if (!managesAt(actor, m.divisionCode)) throw new AppError('forbidden');
  requireState(m, ['open'], 'vote');
  return m;
}

async function motionFor(q: Queryable, actor: Actor, id: string) {
  const motion = await motions.motionById(q, id, true);
  if (!motion) throw new AppError('not_found');
  const meeting = await meetingFor(q, actor, motion.meetingId);
  return { motion, meeting };
}

export async function putMotion(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  body: { title: string; kind?: MotionKind; method: VoteMethod },
): Promise<MotionView> {
  return deps.db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, actor, meetingId);
    const motion = await motions.insertMotion(tx, {
      meetingId,
      title: body.title,
      kind: body.kind ?? 'ordinary',
      method: body.method,
    });
    await audit(tx, actor, {
      action: 'deliberation.motion_create',
      entityType: 'motion',
      entityId: motion.id,
      scopeCode: meeting.divisionCode,
      after: body,
    });
    return motionView(actor, meeting, motion);
  });
}

function cleanTally(type: meetings.MeetingRow['meetingType'], t: TallyInput): Tally {
  if (type !== 'owners') return { yes: t.yes, no: t.no, abstain: t.abstain };
  if (t.yesAreaDm2 === undefined || t.noAreaDm2 === undefined || t.abstainAreaDm2 === undefined)
    throw new AppError('deliberation_tally_area_required');
  return t;
}

/** The first entry of a tally: checked against the quorum and attendance of this moment. */
export async function enterTally(deps: Deps, actor: Actor, motionId: string, input: TallyInput): Promise<MotionView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return deps.db.transaction(async (tx) => {
    const { motion, meeting } = await motionFor(tx, actor, motionId);
    if (motion.state !== 'open')
      throw new AppError('deliberation_motion_state', {
        state: MOTION_STATE_LABELS[motion.state].en,
        stateZh: MOTION_STATE_LABELS[motion.state].zh,
        action: 'given a tally',
        actionZh: '录入表决结果',
      });
    const tally = cleanTally(meeting.meetingType, input);
    const turnout = await meetings.turnout(tx, meeting.id);
    const q = quorum(meeting.meetingType, turnout, motion.kind, meeting.ownRule);
    if (!q.met)
      throw new AppError('deliberation_quorum_not_met', {
        rule: q.rule,
        explanation: q.explanation.zh,
        explanationEn: q.explanation.en,
      });
    const over = tallyProblem(meeting.meetingType, turnout, tally);
    if (over)
      throw new AppError('deliberation_tally_exceeds_present', {
        ...over,
        fieldZh: over.field === 'people' ? '人数' : '面积',
      });
    const decided = motion.method === 'hands';
    const passed = decided ? decision(meeting.meetingType, motion.kind, turnout, tally, meeting.ownRule).met : null;
    const now = deps.clock.now();
    await motions.recordTally(tx, motionId, {
      tally,
      turnout,
      state: decided ? 'decided' : 'entered',
      passed,
      by: actor.userId,
      at: now,
    });
    await audit(tx, actor, {
      action: 'deliberation.tally_enter',
      entityType: 'motion',
      entityId: motionId,
      scopeCode: meeting.divisionCode,
      after: { tally, turnout, passed },
    });
    return motionView(actor, meeting, {
      ...motion,
      tally,
      turnout,
      state: decided ? 'decided' : 'entered',
      passed,
      enteredBy: actor.userId,
      enteredAt: now,
    });
  });
}

/** The second person's count of a paper ballot: must be someone else, and must agree with the entry. */
export async function confirmTally(deps: Deps, actor: Actor, motionId: string, input: TallyInput): Promise<MotionView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return deps.db.transaction(async (tx) => {
    const { motion, meeting } = await motionFor(tx, actor, motionId);
    if (motion.state !== 'entered' || !motion.tally || !motion.turnout)
      throw new AppError('deliberation_motion_state', {
        state: MOTION_STATE_LABELS[motion.state].en,
        stateZh: MOTION_STATE_LABELS[motion.state].zh,
        action: 'confirmed',
        actionZh: '复核',
      });
    if (motion.enteredBy === actor.userId) throw new AppError('deliberation_same_person_confirm');
    const tally = cleanTally(meeting.meetingType, input);
    for (const field of ['yes', 'no', 'abstain', 'yesAreaDm2', 'noAreaDm2', 'abstainAreaDm2'] as const)
      if ((motion.tally[field] ?? null) !== (tally[field] ?? null))
        throw new AppError('deliberation_tally_mismatch', {
          field,
          entered: motion.tally[field] ?? '—',
          confirmed: tally[field] ?? '—',
        });
    const passed = decision(meeting.meetingType, motion.kind, motion.turnout, motion.tally, meeting.ownRule).met;
    const now = deps.clock.now();
    await motions.confirmTally(tx, motionId, passed, actor.userId, now);
    await audit(tx, actor, {
      action: 'deliberation.tally_confirm',
      entityType: 'motion',
      entityId: motionId,
      scopeCode: meeting.divisionCode,
      after: { passed },
    });
    return motionView(actor, meeting, {
      ...motion,
      state: 'decided',
      passed,
      confirmedBy: actor.userId,
      confirmedAt: now,
    });
  });
}
