/**
 * The register of people in special difficulty: register (with separate consent), change, report
 * a change of circumstances, list (officers: their places; a grid worker: their assigned persons),
 * read one record, export. Every read is audited with the ids shown, never names or categories.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { cstDate } from '../../platform/calendar/working-time';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { type CareSettings, countyOf, DEFAULT_SETTINGS, unknownCategory } from './care.domain';
import { canManageAt, canReadRecord, isAssignedWorker, registerScopes, workerScopes } from './care.policy';
import * as repo from './care.repo';
import type * as S from './care.schema';
import { nextDueAt, visitStatus } from './schedule.domain';

export const NOT_FOUND = () => new AppError('not_found', { what: 'care record' });

export async function settingsFor(q: Queryable, code: string): Promise<CareSettings> {
  return (await repo.loadSettings(q, countyOf(code))) ?? DEFAULT_SETTINGS;
}

export function line(p: repo.PersonRow, now: Date): S.PersonLine {
  return {
    id: p.id,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    address: p.address,
    gridCode: p.gridCode,
    gridName: p.gridName,
    categories: p.categories,
    tier: p.tier,
    workerId: p.workerId,
    workerName: p.workerName,
    dueAt: p.dueAt,
    status: p.dueAt ? visitStatus(p.tier, new Date(p.dueAt), now) : null,
  };
}

async function checkCategories(q: Queryable, gridCode: string, categories: string[]) {
  const bad = unknownCategory(await settingsFor(q, gridCode), categories);
  if (bad) throw new AppError('care_unknown_category', { category: bad });
}

async function checkWorker(q: Queryable, workerId: string, gridCode: string) {
  if (!(await repo.isGridWorkerOf(q, workerId, gridCode))) throw new AppError('care_worker_outside_grid', { workerId });
}

export async function registerPerson(deps: Deps, actor: UserActor, body: S.RegisterBody) {
  return deps.db.transaction(async (tx) => {
    const today = cstDate(deps.clock.now());
    const on = new Date(`${body.consent.on}T00:00:00Z`);
    if (Number.isNaN(on.getTime()) || on.toISOString().slice(0, 10) !== body.consent.on || body.consent.on > today)
      throw new AppError('validation_failed', {
        summary: `consent.on ${body.consent.on}: a real date, not after ${today}`,
      });
    const resident = await repo.residentPlace(tx, body.residentId);
    if (!resident || !canManageAt(actor, resident.gridCode)) throw new AppError('not_found', { what: 'resident' });
    await checkCategories(tx, resident.gridCode, body.categories);
    await checkWorker(tx, body.workerId, resident.gridCode);
    const now = deps.clock.now();
    const settings = await settingsFor(tx, resident.gridCode);
    const id = await repo.insertPerson(tx, {
      residentId: body.residentId,
      gridCode: resident.gridCode,
      categories: body.categories,
      tier: body.tier,
      workerId: body.workerId,
      consentBy: body.consent.by,
      consentOn: body.consent.on,
      consentNote: body.consent.note?.trim() || null,
      note: body.note?.trim() || null,
      registeredBy: actor.userId,
      at: now,
    });
    if (!id) throw new AppError('care_already_registered');
    await repo.rollDue(
      tx,
      { personId: id, gridCode: resident.gridCode, workerId: body.workerId, tier: body.tier },
      null,
      { reason: 'registered', openedAt: now, dueAt: nextDueAt(body.tier, 'registered', now, settings.schedule) },
    );
    await audit(tx, actor, {
      action: 'care.person_register',
      entityType: 'care_person',
      entityId: id,
      scopeCode: resident.gridCode,
      after: { tier: body.tier, workerId: body.workerId, consentBy: body.consent.by },
    });
    return { id };
  });
}

export async function updatePerson(deps: Deps, actor: UserActor, id: string, body: S.UpdateBody) {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, id, true);
    if (!p || !canReadRecord(actor, p)) throw NOT_FOUND();
    if (!canManageAt(actor, p.gridCode)) throw new AppError('forbidden');
    const next = {
      categories: body.categories ?? p.categories,
      tier: body.tier ?? p.tier,
      workerId: body.workerId ?? p.workerId,
      note: body.note === undefined ? p.note : body.note.trim() || null,
    };
    if (body.categories) await checkCategories(tx, p.gridCode, body.categories);
    if (body.workerId && body.workerId !== p.workerId) await checkWorker(tx, body.workerId, p.gridCode);
    await repo.updatePerson(tx, id, next);
    const now = deps.clock.now();
    if (next.tier !== p.tier) {
      const settings = await settingsFor(tx, p.gridCode);
      await repo.rollDue(
        tx,
        { personId: id, gridCode: p.gridCode, workerId: next.workerId, tier: next.tier },
        { outcome: 'superseded', at: now },
        { reason: 'tier_changed', openedAt: now, dueAt: nextDueAt(next.tier, 'tier_changed', now, settings.schedule) },
      );
    }
    await audit(tx, actor, {
      action: 'care.person_update',
      entityType: 'care_person',
      entityId: id,
      scopeCode: p.gridCode,
      before: { tier: p.tier, workerId: p.workerId },
      after: { tier: next.tier, workerId: next.workerId },
    });
    return { id };
  });
}

/**
 * A change of circumstances (病重、独居、失去照料…) reported by the assigned worker or an officer:
 * the person becomes high tier and must be visited within the county's first-visit hours (24 h).
 */
export async function reportChange(deps: Deps, actor: UserActor, id: string, note: string) {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, id, true);
    if (!p || !canReadRecord(actor, p)) throw NOT_FOUND();
    const now = deps.clock.now();
    const settings = await settingsFor(tx, p.gridCode);
    if (p.tier !== 'high') await repo.updatePerson(tx, id, { ...p, tier: 'high' });
    const dueAt = nextDueAt('high', 'change_reported', now, settings.schedule);
    await repo.rollDue(
      tx,
      { personId: id, gridCode: p.gridCode, workerId: p.workerId, tier: 'high' },
      { outcome: 'superseded', at: now },
      { reason: 'change_reported', openedAt: now, dueAt },
    );
    await audit(tx, actor, {
      action: 'care.change_report',
      entityType: 'care_person',
      entityId: id,
      scopeCode: p.gridCode,
      before: { tier: p.tier },
      after: { tier: 'high', dueAt, noteLength: note.length },
    });
    return { id };
  });
}

/** Officers: every person under their places; a grid worker: their assigned persons; else 404. */
function filterFor(actor: UserActor, scope: string | undefined): repo.PersonFilter {
  const officer = registerScopes(actor);
  let filter: repo.PersonFilter;
  if (officer.length) filter = { scopes: officer };
  else if (workerScopes(actor).length) filter = { scopes: workerScopes(actor), workerId: actor.userId };
  else throw new AppError('not_found', { what: 'care register' });
  if (scope === undefined) return filter;
  if (!filter.scopes.some((s) => scope.startsWith(s)))
    throw new AppError('not_found', { what: `care register of ${scope}` });
  return { ...filter, scopes: [scope] };
}

/** The register page by page (see filterFor); audited with the ids shown. */
export async function listPersons(deps: Deps, actor: UserActor, q: S.PersonQuery): Promise<Page<S.PersonLine>> {
  const filter = filterFor(actor, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listPersons(
    deps.db,
    { ...filter, tier: q.tier, name: q.name },
    limit,
    afterKey(q.cursor, repo.PERSON_KEY),
  );
  const page = pageOf(rows, limit, repo.personKey);
  const now = deps.clock.now();
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'care.person_list',
      entityType: 'care_person',
      scopeCode: q.scope ?? null,
      after: { ids: page.items.map((p) => p.id), searched: q.name !== undefined },
    }),
  );
  return { ...page, items: page.items.map((p) => line(p, now)) };
}

/** One person's record with the latest visits; audited. */
export async function getPerson(deps: Deps, actor: UserActor, id: string): Promise<S.PersonRecord> {
  const p = await repo.findPerson(deps.db, id);
  if (!p || !canReadRecord(actor, p)) {
    if (p)
      await deps.db.transaction((tx) =>
        audit(tx, actor, { action: 'care.person_view', entityType: 'care_person', entityId: id, outcome: 'denied' }),
      );
    throw NOT_FOUND();
  }
  const visits = await repo.recentVisits(deps.db, id);
  await deps.db.transaction((tx) =>
    audit(tx, actor, { action: 'care.person_view', entityType: 'care_person', entityId: id, scopeCode: p.gridCode }),
  );
  const actions: S.PersonRecord['actions'] = ['report_change'];
  if (isAssignedWorker(actor, p)) actions.unshift('visit');
  if (canManageAt(actor, p.gridCode)) actions.push('edit');
  return {
    person: line(p, deps.clock.now()),
    consent: { by: p.consentBy, on: p.consentOn, note: p.consentNote },
    note: p.note,
    registeredAt: p.registeredAt,
    visits,
    actions,
  };
}

/** Every person of the register the actor may list, for the xlsx ledger (台账); audited with the ids. */
export async function exportPersons(deps: Deps, actor: UserActor, scope?: string): Promise<S.PersonLine[]> {
  const filter = filterFor(actor, scope);
  const rows: repo.PersonRow[] = [];
  for (let after: readonly unknown[] | null = null; ; ) {
    const page = await repo.listPersons(deps.db, filter, 1000, after as never);
    rows.push(...page.slice(0, 1000));
    if (page.length <= 1000) break;
    after = repo.personKey(page[999]);
  }
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'care.person_export',
      entityType: 'care_person',
      scopeCode: scope ?? null,
      after: { ids: rows.map((r) => r.id) },
    }),
  );
  const now = deps.clock.now();
  return rows.map((p) => line(p, now));
}
