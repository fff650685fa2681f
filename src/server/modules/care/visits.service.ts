/**
 * 九必问 visits: a grid worker's due and overdue visits, a visit record (the nine answers; needs
 * found become problems on the three lists through worklists' `createProblem`), the monthly visit
 * rate per grid, and the county's settings.
 */
import type { Static } from 'typebox';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { dayRange } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { createProblem, residentUserOf } from '../worklists';
import { answersProblem, type CareSettings, countyOf, maskName, settingsProblem, villageOf } from './care.domain';
import { canEditSettings, canReadRatesAt, isAssignedWorker, registerScopes, workerScopes } from './care.policy';
import * as repo from './care.repo';
import type * as S from './care.schema';
import { TODAY_LABELS } from './care.labels';
import type { TodayCount } from '../../today/today.schema';
import { DUE_WINDOW_MS, monthRange, nextDueAt, visitRate, visitStatus } from './schedule.domain';
import { NOT_FOUND, settingsFor } from './register.service';

/** The console home's counts (今日待办) for a grid worker with people assigned: visits due, and overdue. */
export async function careToday(deps: Deps, actor: UserActor): Promise<TodayCount[]> {
  const scopes = workerScopes(actor);
  if (!scopes.length) return [];
  const now = deps.clock.now();
  const window = (overdueOnly: boolean) => ({
    now,
    highKey: DUE_WINDOW_MS.key,
    general: DUE_WINDOW_MS.general,
    overdueOnly,
  });
  const due = await repo.countDue(deps.db, actor.userId, scopes, window(false));
  const overdue = await repo.countDue(deps.db, actor.userId, scopes, window(true));
  return [
    { key: 'care.due', count: due, ...TODAY_LABELS.due, link: '/care-due', tone: 'warning', order: 110 },
    {
      key: 'care.overdue',
      count: overdue,
      ...TODAY_LABELS.overdue,
      link: '/care-due?status=overdue',
      tone: 'danger',
      order: 111,
    },
  ];
}

/** The worker's open visits by deadline: due and overdue (default), only overdue, or all. */
export async function dueVisits(deps: Deps, actor: UserActor, q: S.DueQuery): Promise<Page<Static<typeof S.DueLine>>> {
  const scopes = workerScopes(actor);
  if (!scopes.length) throw new AppError('not_found', { what: 'due visits' });
  const now = deps.clock.now();
  const status = q.status ?? 'due';
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const window =
    status === 'all'
      ? null
      : { now, highKey: DUE_WINDOW_MS.key, general: DUE_WINDOW_MS.general, overdueOnly: status === 'overdue' };
  const rows = await repo.dueList(deps.db, actor.userId, scopes, window, limit, afterKey(q.cursor, repo.DUE_KEY));
  const page = pageOf(rows, limit, repo.dueKey);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'care.due_list',
      entityType: 'care_person',
      after: { ids: page.items.map((d) => d.personId) },
    }),
  );
  return { ...page, items: page.items.map((d) => ({ ...d, status: visitStatus(d.tier, new Date(d.dueAt), now) })) };
}

/**
 * Records a visit by the assigned grid worker: a person outside the worker's grid is a 403
 * (care_visit_outside_grid), a person of the grid assigned to someone else too
 * (care_visit_not_assigned); the nine answers are checked against the county's questions. The open
 * obligation is met, the next one opened, and each need found is listed on the three lists.
 */
export async function recordVisit(deps: Deps, actor: UserActor, personId: string, body: S.VisitBody) {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, personId, true);
    if (!p) throw NOT_FOUND();
    if (!workerScopes(actor).some((s) => p.gridCode.startsWith(s))) {
      if (registerScopes(actor).length === 0 && !workerScopes(actor).length) throw NOT_FOUND();
      throw new AppError('care_visit_outside_grid');
    }
    if (!isAssignedWorker(actor, p)) throw new AppError('care_visit_not_assigned');
    const settings = await settingsFor(tx, p.gridCode);
    const bad = answersProblem(settings.questions, body.answers);
    if (bad)
      throw new AppError('care_answers_incomplete', {
        missing: bad.missing.join('、') || '—',
        extra: bad.extra.join('、') || '—',
      });
    const now = deps.clock.now();
    const visitedAt = body.visitedAt ? new Date(body.visitedAt) : now;
    if (Number.isNaN(visitedAt.getTime()) || visitedAt.getTime() < now.getTime() - 366 * 86_400_000)
      throw new AppError('validation_failed', {
        summary: `visitedAt ${body.visitedAt}: a real time within the last year`,
      });
    if (visitedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new AppError('care_visit_in_future', { visitedAt: body.visitedAt });
    const visitId = await repo.insertVisit(tx, {
      personId,
      gridCode: p.gridCode,
      workerId: actor.userId,
      visitedAt,
      answers: body.answers,
      summary: body.summary?.trim() || null,
      at: now,
    });
    const nextDue = nextDueAt(p.tier, 'visited', visitedAt, settings.schedule);
    await repo.rollDue(
      tx,
      { personId, gridCode: p.gridCode, workerId: p.workerId, tier: p.tier },
      { outcome: 'met', at: visitedAt, visitId },
      { reason: 'visited', openedAt: visitedAt, dueAt: nextDue },
    );
    await audit(tx, actor, {
      action: 'care.visit_record',
      entityType: 'care_person',
      entityId: personId,
      scopeCode: p.gridCode,
      after: { visitId, needs: body.needs?.length ?? 0 },
    });
    const problemIds: string[] = [];
    const raisedBy = body.needs?.length ? await residentUserOf(tx, p.residentId) : null;
    for (const need of body.needs ?? [])
      problemIds.push(
        await createProblem(
          tx,
          actor,
          {
            source: 'visit',
            sourceRef: visitId,
            villageCode: villageOf(p.gridCode),
            title: need.title,
            description: need.description,
            subject: maskName(p.name),
            raisedBy,
            tasks: need.tasks,
          },
          now,
        ),
      );
    return { visitId, nextDueAt: nextDue, problemIds };
  });
}

/** The monthly visit rate per grid under a scope (counts only): officers and grid workers of the place. */
/** The month, or the days from..to (both given, both included: a cockpit drill); one of them, else a 400 naming it. */
function rateRange(q: S.RateQuery): { from: Date; to: Date } {
  const bad = (field: string, problem: string) =>
    new AppError('validation_failed', { summary: `${field} ${problem}`, fields: [{ field, problem }] });
  if (q.month !== undefined) {
    if (q.from !== undefined || q.to !== undefined) throw bad('month', 'is given with from/to: give one of them');
    const range = monthRange(q.month);
    if (!range) throw bad('month', `is not a month: ${q.month}`);
    return range;
  }
  if (q.from === undefined) throw bad('month', 'is required (or from and to)');
  if (q.to === undefined) throw bad('to', 'is required with from');
  const { from, before } = dayRange(q.from, q.to);
  if (!from || !before) throw bad('from', 'is required'); // both were given: dayRange returned both
  return { from, to: before };
}

export async function visitRates(deps: Deps, actor: UserActor, q: S.RateQuery): Promise<S.RateTable> {
  const range = rateRange(q);
  const scope = q.scope ?? [...registerScopes(actor), ...workerScopes(actor)].sort((a, b) => a.length - b.length)[0];
  if (!scope || !canReadRatesAt(actor, scope))
    throw new AppError('not_found', { what: `visit rates of ${q.scope ?? 'any place'}` });
  const rows = await repo.monthlyRates(deps.db, scope, range.from, range.to);
  const due = rows.reduce((n, r) => n + r.due, 0);
  const met = rows.reduce((n, r) => n + r.met, 0);
  return {
    scope,
    month: q.month ?? `${q.from}/${q.to}`,
    rows: rows.map((r) => ({ ...r, rate: visitRate(r.due, r.met) })),
    total: { due, met, rate: visitRate(due, met) },
  };
}

/** The county's settings: for staff with any care role in that county. */
export async function getSettings(deps: Deps, actor: UserActor, county?: string): Promise<CareSettings> {
  const scopes = [...registerScopes(actor), ...workerScopes(actor)];
  const code = county ?? (scopes[0] && countyOf(scopes[0]));
  if (!code || !scopes.some((s) => countyOf(s) === code)) throw new AppError('not_found', { what: 'care settings' });
  return settingsFor(deps.db, code);
}

export async function putSettings(deps: Deps, actor: UserActor, county: string, s: CareSettings) {
  if (!canEditSettings(actor, county)) throw new AppError('not_found', { what: `care settings of ${county}` });
  const problem = settingsProblem(s);
  if (problem) throw new AppError('care_settings_invalid', { field: problem });
  return deps.db.transaction(async (tx) => {
    await repo.saveSettings(tx, county, s, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'care.settings_update',
      entityType: 'care_settings',
      entityId: county,
      scopeCode: county,
      after: s,
    });
    return s;
  });
}
