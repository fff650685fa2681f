/**
 * Separation of duties at run time: who the acting person is related to (their household's
 * accounts) and where they are registered, loaded once per request, and the check that turns a
 * conflict (points.policy `dutyConflict`) into its AppError.
 */
import type { Actor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { householdAccounts, registeredPlaces } from './people.repo';
import { DUTY_ACTION_LABELS, type DutyAction, type Duties, dutyConflict } from './points.policy';

const ROLE_LABELS = { creator: { zh: '申报人', en: 'creator' }, objector: { zh: '异议人', en: 'objector' } } as const;

export async function dutiesOf(q: Queryable, actor: Actor): Promise<Duties> {
  if (actor.kind !== 'user') return { related: new Set(), places: [] };
  const related = await householdAccounts(q, actor.userId);
  return { related, places: await registeredPlaces(q, actor.userId) };
}

/** Throws when the actor may not take this step on this award or redemption (self, household, creator, objector). */
export function assertDuty(
  actor: Actor,
  d: Duties,
  a: { userId: string; createdBy: string | null; objectorIds?: readonly string[] },
  action: DutyAction,
): void {
  const conflict = dutyConflict(actor, d, a, action);
  if (!conflict) return;
  const label = DUTY_ACTION_LABELS[action];
  if (conflict.code === 'points_self_dealing')
    throw new AppError('points_self_dealing', { action: label.en, actionZh: label.zh });
  const role = ROLE_LABELS[conflict.as];
  throw new AppError('points_second_person_required', {
    action: label.en,
    actionZh: label.zh,
    role: role.en,
    roleZh: role.zh,
  });
}
