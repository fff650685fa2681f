/**
 * Meetings: notice (roster frozen from the registers, notice period checked; a council's meeting
 * convened from the council), opening, closing with minutes, the live quorum, the meeting types'
 * defaults (county only). Sign-in is signins.service.
 */
import { randomInt } from 'node:crypto';
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import {
  type CouncilMeetingType,
  isCouncilMeeting,
  MEETING_STATE_LABELS,
  MEETING_TYPE_LABELS,
  type MeetingState,
  type MeetingType,
  type OwnRule,
} from './deliberation.labels';
import { canEditRules, canReadAt, managesAt, readableScopes, villageOf } from './deliberation.policy';
import type { MeetingView, NewMeetingInput, PageRequest } from './deliberation.schema';
import { meetingView } from './meeting.view';
import * as repo from './meetings.repo';
import { quorum } from './quorum.domain';

const DAY = 86_400_000;
const COMPOUND_BODIES: Partial<Record<MeetingType, string>> = { group: 'villager_group', owners: 'compound' };

export async function listTypeRules(deps: Deps, actor: Actor) {
  if (readableScopes(actor).length === 0) throw new AppError('forbidden');
  return { items: await repo.allTypeRules(deps.db) };
}

export async function updateTypeRules(
  deps: Deps,
  actor: Actor,
  type: MeetingType,
  body: { noticeDays: number; proxiesAllowed: boolean; maxProxies: number; ownRule?: OwnRule },
) {
  if (actor.kind !== 'user' || !canEditRules(actor)) throw new AppError('forbidden');
  if (body.ownRule && !isCouncilMeeting(type))
    throw new AppError('validation_failed', {
      summary: `ownRule: the ${type} meeting's quorum and majority are the law's, not editable`,
    });
  return deps.db.transaction(async (tx) => {
    const before = await repo.typeRules(tx, type, true);
    const after = await repo.updateTypeRules(
      tx,
      {
        meetingType: type,
        noticeDays: body.noticeDays,
        proxiesAllowed: body.proxiesAllowed,
        maxProxies: body.proxiesAllowed ? body.maxProxies : 0,
        ownRule: body.ownRule ?? before.ownRule,
      },
      actor.userId,
      deps.clock.now(),
    );
    await audit(tx, actor, {
      action: 'deliberation.rule_update',
      entityType: 'meeting_type',
      entityId: type,
      before,
      after,
    });
    return after;
  });
}

/** A readable meeting (out of scope answers 404 like a missing one). */
async function readable(q: Queryable, actor: Actor, id: string) {
  const m = await repo.meetingById(q, id);
  if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
  return m;
}

async function managed(q: Queryable, actor: Actor, id: string) {
  const m = await repo.meetingById(q, id, true);
  if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
  if (!managesAt(actor, m.divisionCode)) throw new AppError('forbidden');
  return m;
}

const ACTIONS: Record<string, { zh: string; en: string }> = {
  open: { zh: '开始签到', en: 'opened' },
  close: { zh: '结束', en: 'closed' },
  cancel: { zh: '取消', en: 'cancelled' },
  sign_in: { zh: '签到', en: 'signed in to' },
  vote: { zh: '表决', en: 'voted in' },
};

export function requireState(m: repo.MeetingRow, states: MeetingState[], action: keyof typeof ACTIONS) {
  if (!states.includes(m.state))
    throw new AppError('deliberation_meeting_state', {
      state: MEETING_STATE_LABELS[m.state].en,
      stateZh: MEETING_STATE_LABELS[m.state].zh,
      action: ACTIONS[action].en,
      actionZh: ACTIONS[action].zh,
    });
}

/** Notices a meeting: the roster is taken from the registers as they stand (adults on the meeting day). */
export async function createMeeting(
  deps: Deps,
  actor: Actor,
  input: NewMeetingInput,
  opts: { isDemo?: boolean } = {},
): Promise<MeetingView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const type = input.meetingType;
  if (isCouncilMeeting(type))
    throw new AppError('validation_failed', {
      summary: `meetingType: a ${type} meeting is convened from its council (POST /api/councils/{id}/meetings)`,
    });
  const divisionCode = villageOf(input.bodyCode);
  if (!managesAt(actor, divisionCode)) throw new AppError('forbidden');
  const compoundKind = COMPOUND_BODIES[type];
  if (Boolean(compoundKind) !== input.bodyCode.includes('C'))
    throw new AppError('validation_failed', {
      summary: compoundKind ? `bodyCode: a ${type} meeting is held by a compound code` : 'bodyCode: a village code',
    });
  const division = await findDivision(deps.db, divisionCode);
  if (division?.level !== 5) throw new AppError('unknown_division', { code: divisionCode });
  if (compoundKind && (await repo.compoundKind(deps.db, input.bodyCode)) !== compoundKind)
    throw new AppError('unknown_division', { code: input.bodyCode });
  return notice(deps, actor, { type, divisionCode, bodyCode: input.bodyCode, councilId: null }, input, opts);
}

/**
 * A council (两会) convenes a meeting: the meeting type of its kind, its members in the term covering
 * the meeting day the roster, the type's rule in force frozen onto the meeting.
 */
export async function conveneCouncilMeeting(
  deps: Deps,
  actor: Actor,
  councilId: string,
  input: Omit<NewMeetingInput, 'meetingType' | 'bodyCode'>,
): Promise<MeetingView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const c = await repo.councilBody(deps.db, councilId);
  if (!c || !canReadAt(actor, c.divisionCode)) throw new AppError('not_found');
  if (!managesAt(actor, c.divisionCode)) throw new AppError('forbidden');
  const type = c.kind as CouncilMeetingType;
  return notice(deps, actor, { type, divisionCode: c.divisionCode, bodyCode: c.divisionCode, councilId: c.id }, input);
}

async function notice(
  deps: Deps,
  actor: UserActor,
  body: { type: MeetingType; divisionCode: string; bodyCode: string; councilId: string | null },
  input: Omit<NewMeetingInput, 'meetingType' | 'bodyCode'>,
  opts: { isDemo?: boolean } = {},
): Promise<MeetingView> {
  const { type, divisionCode } = body;
  const now = deps.clock.now();
  const noticedAt = input.noticedAt ? new Date(input.noticedAt) : now;
  const startsAt = new Date(input.startsAt);
  if (noticedAt.getTime() > now.getTime() || now.getTime() - noticedAt.getTime() > 60 * DAY)
    throw new AppError('validation_failed', { summary: 'noticedAt: not in the future, at most 60 days back' });
  return deps.db.transaction(async (tx) => {
    const rules = await repo.typeRules(tx, type);
    const given = Math.floor((startsAt.getTime() - noticedAt.getTime()) / DAY);
    if (startsAt.getTime() - noticedAt.getTime() < rules.noticeDays * DAY)
      throw new AppError('deliberation_notice_too_short', {
        days: rules.noticeDays,
        given: Math.max(0, given),
        type,
        typeZh: MEETING_TYPE_LABELS[type].zh,
      });
    let meeting: repo.MeetingRow | null = null;
    for (let i = 0; !meeting && i < 8; i++)
      meeting = await repo.insertMeeting(tx, {
        divisionCode,
        bodyCode: body.bodyCode,
        meetingType: type,
        title: input.title,
        agenda: input.agenda,
        location: input.location ?? '',
        noticedAt,
        startsAt,
        signinCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        createdBy: actor.userId,
        isDemo: opts.isDemo,
        councilId: body.councilId,
        ownRule: rules.ownRule,
      });
    if (!meeting) throw new Error('no free sign-in code');
    if (type === 'owners') {
      const missing = await repo.householdsWithoutArea(tx, body.bodyCode);
      if (missing > 0) throw new AppError('deliberation_area_missing', { missing });
    }
    const source = body.councilId ?? body.bodyCode;
    const size = await repo.insertRoster(tx, meeting.id, type, source, startsAt.toISOString().slice(0, 10));
    if (size === 0)
      throw new AppError('deliberation_roster_empty', {
        type,
        typeZh: MEETING_TYPE_LABELS[type].zh,
        body: source,
      });
    await audit(tx, actor, {
      action: 'deliberation.meeting_create',
      entityType: 'meeting',
      entityId: meeting.id,
      scopeCode: divisionCode,
      after: { type, title: input.title, startsAt, noticedAt, roster: size, councilId: body.councilId ?? undefined },
    });
    return meetingView(tx, actor, meeting);
  });
}

export async function getMeeting(deps: Deps, actor: Actor, id: string): Promise<MeetingView> {
  return meetingView(deps.db, actor, await readable(deps.db, actor, id));
}

export async function liveQuorum(deps: Deps, actor: Actor, id: string) {
  const m = await readable(deps.db, actor, id);
  const turnout = await repo.turnout(deps.db, id);
  return { state: m.state, turnout, quorum: quorum(m.meetingType, turnout, 'ordinary', m.ownRule) };
}

export async function listMeetings(deps: Deps, actor: Actor, page: PageRequest): Promise<Page<repo.MeetingRow>> {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.meetingsIn(deps.db, scopes, limit + 1, after), limit, repo.meetingKey);
}

export async function rosterOf(deps: Deps, actor: Actor, id: string, page: PageRequest) {
  await readable(deps.db, actor, id);
  const after = afterKey(page.cursor, ['string', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.roster(deps.db, id, limit + 1, after), limit, repo.rosterKey);
}

const STEPS: Record<'open' | 'close' | 'cancel', { from: MeetingState[]; to: MeetingState }> = {
  open: { from: ['noticed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  cancel: { from: ['noticed'], to: 'cancelled' },
};

export async function changeMeeting(
  deps: Deps,
  actor: Actor,
  id: string,
  step: 'open' | 'close' | 'cancel',
  minutes?: string,
): Promise<MeetingView> {
  const s = STEPS[step];
  return deps.db.transaction(async (tx) => {
    const m = await managed(tx, actor, id);
    requireState(m, s.from, step);
    await repo.setMeetingState(tx, id, s.to, deps.clock.now(), minutes);
    const ref = { entityType: 'meeting', entityId: id, scopeCode: m.divisionCode };
    if (step === 'open') await audit(tx, actor, { action: 'deliberation.meeting_open', ...ref });
    else if (step === 'close') await audit(tx, actor, { action: 'deliberation.meeting_close', ...ref });
    else await audit(tx, actor, { action: 'deliberation.meeting_cancel', ...ref });
    return meetingView(tx, actor, { ...m, state: s.to, minutes: minutes ?? m.minutes });
  });
}

/** The meetings whose roster holds me. */
export async function myMeetings(deps: Deps, actor: Actor, page: PageRequest) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const mine = await repo.residentsOfUser(deps.db, actor.userId);
  if (!mine.length) return { items: [], next: null, more: false };
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.meetingsOf(
    deps.db,
    mine.map((r) => r.id),
    limit + 1,
    after,
  );
  return pageOf(rows, limit, repo.meetingKey);
}
