/**
 * Red proxy errands (红色代办) as pure rules: which step each state accepts, who may take it, the
 * deadline on the working-day calendar, lateness. No I/O; expected failures are values.
 */
import { addWorkingDays } from '../../platform/calendar/working-time';
import { type Result, fail, ok } from '../../platform/errors';
import { ERRAND_ACTION_LABELS, ERRAND_STATE_LABELS, type ErrandAction, type ErrandState } from './services.labels';

/** The steps each state accepts (the UI shows only these). */
export const ERRAND_ALLOWED: Record<ErrandState, readonly ErrandAction[]> = {
  requested: ['assign', 'cancel'],
  assigned: ['accept', 'decline', 'assign', 'cancel'],
  accepted: ['progress', 'finish', 'assign'],
  done: ['rate'],
  failed: [],
  cancelled: [],
};

export type ErrandRole = 'requester' | 'handler' | 'staff';

/** Who takes each step: the resident (or the staff who asked for them), the handler, the organising staff. */
export const STEP_ROLES: Record<ErrandAction, readonly ErrandRole[]> = {
  assign: ['staff'],
  accept: ['handler'],
  decline: ['handler'],
  progress: ['handler'],
  finish: ['handler'],
  cancel: ['requester', 'staff'],
  rate: ['requester'],
};

export interface ErrandFacts {
  state: ErrandState;
  rating: number | null;
}

export function checkStep(e: ErrandFacts, action: ErrandAction): Result<true> {
  if (action === 'rate' && e.rating !== null) return fail('services_already_rated');
  if (!ERRAND_ALLOWED[e.state].includes(action))
    return fail('services_errand_step_not_allowed', {
      from: e.state,
      fromZh: ERRAND_STATE_LABELS[e.state].zh,
      action,
      actionZh: ERRAND_ACTION_LABELS[action].zh,
    });
  return ok(true);
}

/** The steps the roles the reader holds may take now. */
export function actionsFor(e: ErrandFacts, roles: readonly ErrandRole[]): ErrandAction[] {
  return ERRAND_ALLOWED[e.state].filter(
    (a) => STEP_ROLES[a].some((r) => roles.includes(r)) && (a !== 'rate' || e.rating === null),
  );
}

/** Due at the end of the Nth working day after the request (the day it arrives does not count; 调休 respected). */
export const errandDueAt = (requestedAt: Date, timeLimitDays: number) => addWorkingDays(requestedAt, timeLimitDays);

export const isLate = (dueAt: Date, finishedAt: Date) => finishedAt.getTime() > dueAt.getTime();

/** A handler may take an errand only in a village where they are a party member or an embedded cadre. */
export const withinArea = (errandCode: string, handlerVillages: readonly string[]) =>
  handlerVillages.includes(errandCode.slice(0, 12));
