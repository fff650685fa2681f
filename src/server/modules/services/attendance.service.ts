/**
 * Sign-up, waiting list, check-in/out and hours (报名、候补、签到签退、时长确认). Every step locks the
 * activity row first, so the enrolled count never passes the capacity (also a CHECK in the
 * database) and a cancellation promotes exactly one person from the waiting list. Hours are
 * confirmed once (a conditional UPDATE), and a resident's confirmed service earns points through
 * the points module (the `volunteer_service` rule, its caps, review and publicity).
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type PageRequest, mapPage, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { awardForService } from '../points';
import {
  type AttendanceStep,
  checkDistance,
  checkWindow,
  codeFrom,
  hoursToCredit,
  signupStateFor,
} from './activities.domain';
import * as repo from './activities.repo';
import type { CheckBody, ConfirmBody, MySignup, Signup } from './activities.schema';
import { loadActivity, presentMine } from './activities.service';
import { AUDIENCE_LABELS, SIGNUP_STATE_LABELS } from './services.labels';
import { organisesAt } from './services.policy';

const villageOf = (code: string) => code.slice(0, 12);

/** Wrong check-in codes a sign-up may send before it is locked (the organiser can still record attendance). */
export const MAX_CODE_FAILURES = 5;

async function mayJoin(tx: Queryable, actor: UserActor, a: repo.ActivityRow): Promise<boolean> {
  if (a.audience === 'everyone') return true;
  const s = await repo.standingOf(tx, actor.userId);
  const village = villageOf(a.divisionCode);
  const within = (codes: string[]) => codes.some((c) => c.startsWith(village) || village.startsWith(c));
  if (a.audience === 'residents_here') return within(s.villages);
  if (a.audience === 'party_members') return s.partyVillages.length > 0;
  return s.cadreVillages.length > 0;
}

function presentSignup(s: repo.SignupRow): Signup {
  const by = (who: string | null, at: Date | null) => (at ? (who === s.userId ? 'self' : 'organiser') : null);
  return {
    id: s.id,
    userId: s.userId,
    userName: s.userName,
    phoneMasked: s.phoneMasked,
    state: s.state,
    createdAt: s.createdAt,
    checkedInAt: s.checkedInAt,
    checkedInBy: by(s.checkinBy, s.checkedInAt),
    checkedOutAt: s.checkedOutAt,
    checkedOutBy: by(s.checkoutBy, s.checkedOutAt),
    hours: s.hours,
    confirmedAt: s.confirmedAt,
    pointsAwardId: s.pointsAward,
  };
}

async function mine(tx: Queryable, activityId: string, userId: string): Promise<MySignup> {
  const s = (await repo.findSignup(tx, activityId, userId))!;
  return presentMine(s, s.state === 'waiting' ? await repo.waitingPosition(tx, activityId, s.position) : null);
}

/** Signs the actor up: enrolled while places are left, else on the waiting list. */
export async function signUp(deps: Deps, actor: UserActor, activityId: string): Promise<MySignup> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const a = await loadActivity(tx, deps, activityId, true); // the lock every sign-up of this activity waits for
    if (a.state === 'cancelled' || now >= a.endsAt)
      throw new AppError('services_signup_closed', {
        title: a.title,
        why: a.state === 'cancelled' ? '取消' : '结束',
        whyEn: a.state === 'cancelled' ? 'cancelled' : 'over',
      });
    const existing = await repo.findSignup(tx, activityId, actor.userId, true);
    if (existing && existing.state !== 'cancelled')
      throw new AppError('services_already_signed_up', {
        title: a.title,
        state: existing.state,
        stateZh: SIGNUP_STATE_LABELS[existing.state].zh,
      });
    if (!(await mayJoin(tx, actor, a)))
      throw new AppError('services_audience_refused', {
        title: a.title,
        audience: AUDIENCE_LABELS[a.audience].en,
        audienceZh: AUDIENCE_LABELS[a.audience].zh,
      });
    const state = signupStateFor(a.enrolled, a.capacity);
    const id = await repo.upsertSignup(tx, activityId, actor.userId, state, now);
    if (state === 'enrolled') await repo.addEnrolled(tx, activityId, 1);
    await audit(tx, actor, {
      action: 'services.signup',
      entityType: 'service_signup',
      entityId: id,
      scopeCode: a.divisionCode,
      after: { activityId, state },
    });
    return mine(tx, activityId, actor.userId);
  });
}

/** Cancels the actor's sign-up before the start; an enrolled place goes to the first on the waiting list. */
export async function cancelSignup(deps: Deps, actor: UserActor, activityId: string): Promise<MySignup> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const a = await loadActivity(tx, deps, activityId, true);
    const s = await repo.findSignup(tx, activityId, actor.userId, true);
    if (!s || s.state === 'cancelled') throw new AppError('not_found', { what: 'sign-up' });
    if (now >= a.startsAt) throw new AppError('services_cancel_too_late');
    await repo.setSignupState(tx, s.id, 'cancelled', now);
    let promoted: string | null = null;
    if (s.state === 'enrolled') {
      const next = await repo.firstWaiting(tx, activityId);
      if (next) {
        await repo.setSignupState(tx, next.id, 'enrolled', now);
        promoted = next.userId;
      } else await repo.addEnrolled(tx, activityId, -1);
    }
    await audit(tx, actor, {
      action: 'services.signup_cancel',
      entityType: 'service_signup',
      entityId: s.id,
      scopeCode: a.divisionCode,
      before: { state: s.state },
      after: { state: 'cancelled', promoted },
    });
    return mine(tx, activityId, actor.userId);
  });
}

function assertFresh(s: repo.SignupRow, step: AttendanceStep) {
  const at = step === 'checkin' ? s.checkedInAt : s.checkedOutAt;
  if (at)
    throw new AppError('services_already_checked', {
      step: step === 'checkin' ? 'check-in' : 'check-out',
      stepZh: step === 'checkin' ? '签到' : '签退',
      at: at.toISOString(),
    });
  if (step === 'checkout' && !s.checkedInAt) throw new AppError('services_not_checked_in');
}

/** Check-in or check-out at the place: the code shown there, within the time window and the radius. */
export async function checkAtPlace(
  deps: Deps,
  actor: UserActor,
  activityId: string,
  step: AttendanceStep,
  body: CheckBody,
): Promise<MySignup> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const a = await loadActivity(tx, deps, activityId, true);
    const s = await repo.findSignup(tx, activityId, actor.userId, true);
    if (!s || s.state !== 'enrolled') throw new AppError('services_not_enrolled', { who: '您', whoEn: 'You' });
    if (s.codeFailures >= MAX_CODE_FAILURES) throw new AppError('services_checkin_locked');
    if (codeFrom(body.code, a.id) !== a.checkinCode) {
      // counted and committed, then refused: a 6-digit code cannot be tried through
      await repo.addCodeFailure(tx, s.id);
      await audit(tx, actor, {
        action: 'services.checkin_code_wrong',
        entityType: 'service_signup',
        entityId: s.id,
        scopeCode: a.divisionCode,
        outcome: 'failure',
        after: { activityId, failures: s.codeFailures + 1 },
      });
      return 'wrong_code' as const;
    }
    unwrap(checkWindow(a, step, now));
    const distance = unwrap(checkDistance(a, body, step));
    assertFresh(s, step);
    await repo.recordAttendance(tx, s.id, step, { at: now, lng: body.lng, lat: body.lat, by: actor.userId });
    await audit(tx, actor, {
      action: step === 'checkin' ? 'services.checkin' : 'services.checkout',
      entityType: 'service_signup',
      entityId: s.id,
      scopeCode: a.divisionCode,
      after: { activityId, at: now, lng: body.lng, lat: body.lat, distance: Math.round(distance) },
    });
    return mine(tx, activityId, actor.userId);
  });
  if (outcome === 'wrong_code') throw new AppError('services_checkin_code_wrong');
  return outcome;
}

async function organisedSignup(tx: Queryable, deps: Deps, actor: UserActor, signupId: string) {
  const first = await repo.findSignupById(tx, signupId);
  if (!first) throw new AppError('not_found', { what: 'sign-up' });
  const a = await loadActivity(tx, deps, first.activityId, true); // lock order: the activity, then the sign-up
  if (!organisesAt(actor, a.divisionCode)) throw new AppError('not_found', { what: 'sign-up' });
  return { a, s: (await repo.findSignupById(tx, signupId, true))! };
}

/** The organiser records a check-in or check-out for someone enrolled (no code, no location; same window). */
export async function recordByOrganiser(
  deps: Deps,
  actor: UserActor,
  signupId: string,
  step: AttendanceStep,
): Promise<Signup> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { a, s } = await organisedSignup(tx, deps, actor, signupId);
    if (s.state !== 'enrolled') throw new AppError('services_not_enrolled', { who: s.userName, whoEn: s.userName });
    unwrap(checkWindow(a, step, now));
    assertFresh(s, step);
    await repo.recordAttendance(tx, s.id, step, { at: now, lng: null, lat: null, by: actor.userId });
    await audit(tx, actor, {
      action: step === 'checkin' ? 'services.checkin' : 'services.checkout',
      entityType: 'service_signup',
      entityId: s.id,
      scopeCode: a.divisionCode,
      after: { activityId: a.id, at: now, userId: s.userId, byOrganiser: true },
    });
    return presentSignup((await repo.findSignupById(tx, s.id))!);
  });
}

/**
 * The organiser confirms the hours served (once): those given, or those between check-in and
 * check-out. A resident's confirmed service earns points (pending review, like every award).
 */
export async function confirmHours(deps: Deps, actor: UserActor, signupId: string, body: ConfirmBody) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { a, s } = await organisedSignup(tx, deps, actor, signupId);
    if (s.userId === actor.userId) throw new AppError('services_self_confirm');
    if (s.confirmedAt) throw new AppError('services_hours_already_confirmed', { at: s.confirmedAt.toISOString() });
    if (s.state !== 'enrolled') throw new AppError('services_not_enrolled', { who: s.userName, whoEn: s.userName });
    if (now < a.startsAt) throw new AppError('services_not_started');
    const hours = unwrap(hoursToCredit(a, body.hours, s));
    if (!(await repo.confirmHours(tx, s.id, { hours, at: now, by: actor.userId })))
      throw new AppError('services_hours_already_confirmed', { at: now.toISOString() });
    let points: number | null = null;
    if (s.userKind === 'resident') {
      const award = await awardForService(tx, deps, {
        userId: s.userId,
        placeCode: a.divisionCode,
        sourceRef: `activity:${s.id}`,
        reason: `${a.title}（${hours} 小时）`,
        earnedAt: a.startsAt,
        createdBy: actor.userId,
      });
      if (award) {
        await repo.setPointsAward(tx, s.id, award.id);
        points = award.amount;
      }
    }
    await audit(tx, actor, {
      action: 'services.hours_confirm',
      entityType: 'service_signup',
      entityId: s.id,
      scopeCode: a.divisionCode,
      after: { activityId: a.id, userId: s.userId, hours, points },
    });
    return { signup: presentSignup((await repo.findSignupById(tx, s.id))!), points };
  });
}

export async function signupsOfActivity(deps: Deps, actor: UserActor, activityId: string): Promise<Signup[]> {
  const a = await loadActivity(deps.db, deps, activityId);
  if (!organisesAt(actor, a.divisionCode)) throw new AppError('not_found', { what: 'activity' });
  return (await repo.signupsOf(deps.db, activityId)).map(presentSignup);
}

export async function myActivities(deps: Deps, actor: UserActor, page: PageRequest) {
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.signupsOfUser(deps.db, actor.userId, limit + 1, after);
  return mapPage(pageOf(rows, limit, repo.mySignupKey), (s) => ({
    activityId: s.activityId,
    title: s.title,
    place: s.place,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    signup: presentMine(s, null),
  }));
}

export const myHours = (deps: Deps, actor: UserActor) => repo.hoursOfUser(deps.db, actor.userId);
