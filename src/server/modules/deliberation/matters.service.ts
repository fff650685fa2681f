/**
 * 四议两公开: a matter proposed by the branch passes each step only on its record (matter.machine.ts).
 * Both disclosures are published on the 村务公开 board in the same transaction as their step. The
 * whole history is one page; residents of the village read its public parts.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { MATTER_EVENT_LABELS, type MatterEvent } from './deliberation.labels';
import { canReadAt, managesAt, readableScopes } from './deliberation.policy';
import type { PageRequest } from './deliberation.schema';
import * as board from './disclosures.repo';
import { MATTER_ALLOWED, type VoteRecord, isVoteStep, transition } from './matter.machine';
import type { MatterView, NewMatterInput, StepInput } from './matters.schema';
import * as repo from './matters.repo';
import { motionView } from './meeting.view';
import * as meetings from './meetings.repo';
import * as motions from './motions.repo';
import { quorum } from './quorum.domain';

/** The matter with its whole history on one page. */
async function matterView(q: Queryable, actor: Actor, m: repo.MatterRow): Promise<MatterView> {
  const steps = await repo.stepsOf(q, m.id);
  const disclosures = await board.disclosuresOfMatter(q, m.id);
  const out: MatterView['steps'] = [];
  for (const s of steps) {
    const motion = s.motionId ? await motions.motionById(q, s.motionId) : null;
    const meeting = motion ? await meetings.meetingById(q, motion.meetingId) : null;
    out.push({ ...s, motion: motion && meeting ? motionView(actor, { ...meeting, state: 'closed' }, motion) : null });
  }
  return {
    ...m,
    steps: out,
    disclosures,
    actions: managesAt(actor, m.divisionCode) ? [...MATTER_ALLOWED[m.state]] : [],
  };
}

export async function proposeMatter(
  deps: Deps,
  actor: Actor,
  input: NewMatterInput,
  opts: { isDemo?: boolean } = {},
): Promise<MatterView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, input.divisionCode)) throw new AppError('forbidden');
  const division = await findDivision(deps.db, input.divisionCode);
  if (division?.level !== 5) throw new AppError('unknown_division', { code: input.divisionCode });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const m = await repo.insertMatter(tx, { ...input, by: actor.userId, at: now, isDemo: opts.isDemo });
    await repo.insertStep(tx, {
      matterId: m.id,
      event: 'propose',
      outcome: 'proposed',
      fromState: null,
      toState: 'proposed',
      motionId: null,
      disclosureId: null,
      note: input.summary,
      by: actor.userId,
      recordedAt: now,
    });
    await audit(tx, actor, {
      action: 'deliberation.matter_create',
      entityType: 'matter',
      entityId: m.id,
      scopeCode: m.divisionCode,
      after: input,
    });
    return matterView(tx, actor, m);
  });
}

/** The record of a vote step: the motion, its meeting's type and place, quorum when counted, decided, passed. */
async function voteRecord(q: Queryable, motionId: string | undefined, event: MatterEvent): Promise<VoteRecord | null> {
  if (!motionId) return null;
  const motion = await motions.motionById(q, motionId);
  const meeting = motion ? await meetings.meetingById(q, motion.meetingId) : null;
  if (!motion || !meeting)
    throw new AppError('deliberation_step_record_missing', { event, eventZh: MATTER_EVENT_LABELS[event].zh });
  if (await repo.motionUsed(q, motionId)) throw new AppError('deliberation_motion_used');
  return {
    meetingType: meeting.meetingType,
    divisionCode: meeting.divisionCode,
    quorumMet: motion.turnout ? quorum(meeting.meetingType, motion.turnout, motion.kind, meeting.ownRule).met : false,
    decided: motion.state === 'decided',
    passed: motion.passed === true,
  };
}

/** The text of a disclosure published by a step. */
async function disclosureText(q: Queryable, m: repo.MatterRow, event: MatterEvent, note: string) {
  if (event === 'publish_result') return { category: 'result' as const, title: `实施结果公开：${m.title}`, body: note };
  const resolved = (await repo.stepsOf(q, m.id)).filter((s) => s.event === 'resolve' && s.motionId).at(-1);
  const motion = resolved?.motionId ? await motions.motionById(q, resolved.motionId) : null;
  const t = motion?.tally;
  const figures = t
    ? `表决结果：赞成 ${t.yes}，反对 ${t.no}，弃权 ${t.abstain}（到会 ${motion?.turnout?.present}）。`
    : '';
  return {
    category: 'resolution' as const,
    title: `决议公开：${m.title}`,
    body: [`${resolved?.meetingTitle ?? ''}决议：${m.summary}`, figures, note].filter(Boolean).join('\n'),
  };
}

export async function recordStep(deps: Deps, actor: Actor, id: string, input: StepInput): Promise<MatterView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const note = (input.note ?? '').trim();
  return deps.db.transaction(async (tx) => {
    const m = await repo.matterById(tx, id, true);
    if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
    if (!managesAt(actor, m.divisionCode)) throw new AppError('forbidden');
    const record = isVoteStep(input.event) ? await voteRecord(tx, input.motionId, input.event) : null;
    const { next, outcome } = unwrap(transition(m, input.event, record));
    if ((input.event === 'implement' || input.event === 'publish_result') && !note)
      throw new AppError('validation_failed', {
        summary: `note: ${MATTER_EVENT_LABELS[input.event].en} needs its record`,
      });
    const now = deps.clock.now();
    let disclosureId: string | null = null;
    if (input.event === 'publish_resolution' || input.event === 'publish_result') {
      const text = await disclosureText(tx, m, input.event, note);
      const d = await board.insertDisclosure(tx, {
        divisionCode: m.divisionCode,
        ...text,
        matterId: m.id,
        publishedAt: now,
        by: actor.userId,
      });
      disclosureId = d.id;
      await audit(tx, actor, {
        action: 'deliberation.disclosure_publish',
        entityType: 'disclosure',
        entityId: d.id,
        scopeCode: m.divisionCode,
        after: { category: d.category, title: d.title },
      });
    }
    await repo.insertStep(tx, {
      matterId: m.id,
      event: input.event,
      outcome,
      fromState: m.state,
      toState: next,
      motionId: record ? (input.motionId ?? null) : null,
      disclosureId,
      note,
      by: actor.userId,
      recordedAt: now,
    });
    await repo.setMatterState(tx, m.id, next, now);
    await audit(tx, actor, {
      action: 'deliberation.matter_step',
      entityType: 'matter',
      entityId: m.id,
      scopeCode: m.divisionCode,
      before: { state: m.state },
      after: { event: input.event, outcome, state: next, motionId: input.motionId ?? null },
    });
    return matterView(tx, actor, { ...m, state: next, updatedAt: now });
  });
}

export async function getMatter(deps: Deps, actor: Actor, id: string): Promise<MatterView> {
  const m = await repo.matterById(deps.db, id);
  if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
  return matterView(deps.db, actor, m);
}

export async function listMatters(deps: Deps, actor: Actor, page: PageRequest): Promise<Page<repo.MatterRow>> {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.mattersIn(deps.db, scopes, limit + 1, after), limit, repo.matterKey);
}

/**
 * The public parts of a matter for a resident of its village: steps with their outcome and tally
 * (no minutes, no names), and its disclosures. Anyone else: 404.
 */
export async function publicMatter(deps: Deps, actor: Actor, id: string): Promise<MatterView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const m = await repo.matterById(deps.db, id);
  const places = await board.placesOfUser(deps.db, actor.userId);
  if (!m || !(places.includes(m.divisionCode) || canReadAt(actor, m.divisionCode))) throw new AppError('not_found');
  const view = await matterView(deps.db, { kind: 'anonymous', ip: null }, m);
  return {
    ...view,
    actions: [],
    steps: view.steps.map((s) => ({
      ...s,
      motion: s.motion ? { ...s.motion, enteredBy: null, confirmedBy: null, actions: [] } : null,
    })),
  };
}
