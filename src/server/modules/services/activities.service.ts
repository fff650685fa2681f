/**
 * Service activities (服务活动): publish, cancel, list (the resident calendar and the console) and
 * read one. Sign-ups, attendance and hours are in attendance.service.ts.
 */
import { randomInt } from 'node:crypto';
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { dayRange, narrowScopes } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, mapPage, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { checkinPath } from './activities.domain';
import * as repo from './activities.repo';
import type { Activity, ActivityInput, ActivityQuery, ConsoleActivityQuery, MySignup } from './activities.schema';
import { organisesAt, staffScopes } from './services.policy';
import { unitExists } from './units.repo';
import { partyOrgExists } from './people.repo';

export function presentMine(s: repo.SignupRow, waitingPosition: number | null): MySignup {
  return {
    id: s.id,
    state: s.state,
    waitingPosition: s.state === 'waiting' ? waitingPosition : null,
    checkedInAt: s.checkedInAt,
    checkedOutAt: s.checkedOutAt,
    hours: s.hours,
    confirmedAt: s.confirmedAt,
  };
}

export function presentActivity(actor: Actor, a: repo.ActivityRow, mine: MySignup | null = null): Activity {
  const organiser = organisesAt(actor, a.divisionCode);
  const { checkinCode, createdBy: _c, createdAt: _t, ...rest } = a;
  return {
    ...rest,
    mine,
    organiser,
    checkinCode: organiser ? checkinCode : null,
    checkinPath: organiser ? checkinPath(a.id, checkinCode) : null,
  };
}

/** The activity as the actor may see it: anyone signed in sees published activities of the county. */
export async function loadActivity(q: Queryable, deps: Deps, id: string, forUpdate = false) {
  const a = await repo.findActivity(q, id, forUpdate);
  if (!a || !a.divisionCode.startsWith(deps.config.countyCode)) throw new AppError('not_found', { what: 'activity' });
  return a;
}

export async function createActivity(deps: Deps, actor: UserActor, input: ActivityInput): Promise<Activity> {
  const division = await findDivision(deps.db, input.divisionCode);
  if (!division || !input.divisionCode.startsWith(deps.config.countyCode) || !organisesAt(actor, input.divisionCode))
    throw new AppError('services_bad_place', { code: input.divisionCode });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt)) throw new AppError('validation_failed', { summary: 'endsAt must be after startsAt' });
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000)
    throw new AppError('validation_failed', { summary: 'an activity lasts at most 24 hours' });
  const unitId = input.organiserKind === 'unit' ? (input.unitId ?? null) : null;
  const partyOrgCode = input.organiserKind === 'branch' ? (input.partyOrgCode ?? null) : null;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (input.organiserKind === 'unit' && !(unitId && (await unitExists(tx, unitId))))
      throw new AppError('validation_failed', { summary: 'unitId: a partner unit is required' });
    if (input.organiserKind === 'branch' && !(partyOrgCode && (await partyOrgExists(tx, partyOrgCode))))
      throw new AppError('validation_failed', { summary: 'partyOrgCode: a party organisation is required' });
    const id = await repo.insertActivity(tx, {
      title: input.title.trim(),
      kind: input.kind,
      description: input.description?.trim() ?? '',
      divisionCode: input.divisionCode,
      organiserKind: input.organiserKind,
      unitId,
      partyOrgCode,
      place: input.place.trim(),
      lng: input.lng,
      lat: input.lat,
      radiusM: input.radiusM ?? 300,
      startsAt,
      endsAt,
      capacity: input.capacity,
      audience: input.audience,
      checkinCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      createdBy: actor.userId,
      now,
    });
    await audit(tx, actor, {
      action: 'services.activity_create',
      entityType: 'service_activity',
      entityId: id,
      scopeCode: input.divisionCode,
      after: { ...input, startsAt, endsAt },
    });
    return presentActivity(actor, (await repo.findActivity(tx, id))!);
  });
}

export async function cancelActivity(deps: Deps, actor: UserActor, id: string): Promise<Activity> {
  return deps.db.transaction(async (tx) => {
    const a = await loadActivity(tx, deps, id, true);
    if (!organisesAt(actor, a.divisionCode)) throw new AppError('forbidden');
    if (a.state === 'cancelled') return presentActivity(actor, a);
    await repo.cancelActivity(tx, id);
    await audit(tx, actor, {
      action: 'services.activity_cancel',
      entityType: 'service_activity',
      entityId: id,
      scopeCode: a.divisionCode,
      before: { state: a.state },
      after: { state: 'cancelled' },
    });
    return presentActivity(actor, (await repo.findActivity(tx, id))!);
  });
}

async function listIn(
  deps: Deps,
  actor: Actor,
  filter: repo.ActivityFilter,
  query: { cursor?: string; limit?: number },
): Promise<Page<Activity>> {
  const after = afterKey(query.cursor, ['date', 'uuid']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listActivities(deps.db, filter, limit + 1, after);
  return mapPage(pageOf(rows, limit, repo.activityKey), (a) => presentActivity(actor, a));
}

/** The resident calendar: the county's activities in a period, by start time. */
export const calendar = (deps: Deps, actor: UserActor, query: ActivityQuery) =>
  listIn(
    deps,
    actor,
    {
      scopes: [deps.config.countyCode],
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      unitId: query.unitId,
    },
    query,
  );

/** The console's list: activities at the actor's places. */
export async function consoleActivities(deps: Deps, actor: UserActor, query: ConsoleActivityQuery) {
  const own = staffScopes(actor);
  if (!own.length) throw new AppError('forbidden');
  const starts = dayRange(query.from, query.to);
  const filter = { scopes: narrowScopes(own, query.scope), unitId: query.unitId };
  return listIn(deps, actor, { ...filter, startsFrom: starts.from, startsBefore: starts.before }, query);
}

export async function getActivity(deps: Deps, actor: UserActor, id: string): Promise<Activity> {
  const a = await loadActivity(deps.db, deps, id);
  const s = await repo.findSignup(deps.db, id, actor.userId);
  const mine = s
    ? presentMine(s, s.state === 'waiting' ? await repo.waitingPosition(deps.db, id, s.position) : null)
    : null;
  return presentActivity(actor, a, mine);
}
