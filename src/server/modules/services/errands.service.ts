/**
 * Red proxy errands (红色代办): a resident (or staff for them, with the reason logged) asks for an
 * item of the county's list; organising staff assign it to a party member or embedded cadre of its
 * village; the handler accepts, reports progress and the outcome by the working-day deadline; the
 * resident rates it and may send thanks. The resident's notes and documents, and progress notes,
 * are stored encrypted; anyone but the resident reading them leaves an audit row.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { normalizePhone } from '../../platform/crypto/masking';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import type { TodayCount } from '../../today/today.schema';
import { dayRange, narrowScopes } from '../../platform/drill';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { type ErrandRole, actionsFor, checkStep, errandDueAt, isLate, withinArea } from './errands.domain';
import * as repo from './errands.repo';
import type {
  ErrandDetail,
  ErrandItemInput,
  ErrandBoardQuery,
  ErrandQuery,
  ErrandRequest,
  ErrandSummary,
  RateBody,
} from './errands.schema';
import { findUser, handlerVillages, handlersIn } from './people.repo';
import { type ErrandAction, TODAY_LABELS } from './services.labels';
import { keepsItemsAt, organisesAt, staffScopes } from './services.policy';

interface Details {
  notes: string;
  documents: string[];
}

function rolesOf(actor: UserActor, e: repo.ErrandRow): ErrandRole[] {
  const roles: ErrandRole[] = [];
  if (e.requesterId === actor.userId || e.filedBy === actor.userId) roles.push('requester');
  if (e.handlerId === actor.userId) roles.push('handler');
  if (organisesAt(actor, e.divisionCode)) roles.push('staff');
  return roles;
}

function summary(actor: UserActor, e: repo.ErrandRow, now: Date): ErrandSummary {
  const finished = e.finishedAt ?? (['done', 'failed', 'cancelled'].includes(e.state) ? e.dueAt : null);
  return {
    id: e.id,
    number: e.number,
    itemId: e.itemId,
    itemName: e.itemName,
    divisionCode: e.divisionCode,
    divisionName: e.divisionName,
    requesterName: e.requesterName,
    onBehalf: e.filedBy !== null,
    state: e.state,
    handlerId: e.handlerId,
    handlerName: e.handlerName,
    dueAt: e.dueAt,
    overdue: isLate(e.dueAt, finished ?? now),
    finishedAt: e.finishedAt,
    outcome: e.outcome,
    rating: e.rating,
    thanks: e.thanks,
    createdAt: e.createdAt,
    actions: actionsFor(e, rolesOf(actor, e)),
  };
}

async function readable(q: Queryable, actor: UserActor, id: string, forUpdate = false) {
  const e = await repo.findErrand(q, id, forUpdate);
  if (!e || rolesOf(actor, e).length === 0) throw new AppError('not_found', { what: 'errand' });
  return e;
}

export async function listItems(deps: Deps, all = false) {
  return repo.listItems(deps.db, deps.config.countyCode, !all);
}

export async function requestErrand(deps: Deps, actor: UserActor, input: ErrandRequest): Promise<ErrandSummary> {
  const now = deps.clock.now();
  const division = await findDivision(deps.db, input.divisionCode);
  if (!division || !input.divisionCode.startsWith(deps.config.countyCode))
    throw new AppError('services_bad_place', { code: input.divisionCode });
  return deps.db.transaction(async (tx) => {
    const item = await repo.findItem(tx, input.itemId);
    if (!item || !item.active) throw new AppError('services_errand_item_unknown', { item: input.itemId });
    let requesterId = actor.userId;
    let reason: string | null = null;
    if (input.residentPhone !== undefined) {
      if (!organisesAt(actor, input.divisionCode)) throw new AppError('forbidden');
      reason = input.reason?.trim() || null;
      if (!reason) throw new AppError('services_reason_required');
      const phone = normalizePhone(input.residentPhone);
      if (!phone) throw new AppError('invalid_phone', { phone: input.residentPhone });
      const resident = await repo.residentByPhoneIndex(tx, deps.crypto.blindIndex('phone', phone));
      if (!resident) throw new AppError('not_found', { what: 'resident account with this phone' });
      requesterId = resident.id;
    }
    const details: Details = { notes: input.notes?.trim() ?? '', documents: input.documents ?? [] };
    const id = await repo.insertErrand(tx, {
      itemId: item.id,
      divisionCode: input.divisionCode,
      requesterId,
      filedBy: reason ? actor.userId : null,
      onBehalfReason: reason,
      detailsCipher: deps.crypto.encrypt(JSON.stringify(details)),
      dueAt: errandDueAt(now, item.timeLimitDays),
      now,
    });
    await repo.insertEvent(tx, { errandId: id, at: now, actorId: actor.userId, kind: 'requested', noteCipher: null });
    await audit(tx, actor, {
      action: 'services.errand_request',
      entityType: 'errand',
      entityId: id,
      scopeCode: input.divisionCode,
      after: { item: item.code, requesterId, onBehalfReason: reason, documents: details.documents.length },
    });
    return summary(actor, (await repo.findErrand(tx, id))!, now);
  });
}

/** One step of an errand: load and lock, check the state and the actor's part, apply, record. */
async function step(
  deps: Deps,
  actor: UserActor,
  id: string,
  action: ErrandAction,
  apply: (tx: Queryable, e: repo.ErrandRow, now: Date) => Promise<{ patch: repo.ErrandPatch; note?: string | null }>,
): Promise<ErrandSummary> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await readable(tx, actor, id, true);
    unwrap(checkStep(e, action));
    if (!actionsFor(e, rolesOf(actor, e)).includes(action)) throw new AppError('forbidden');
    const { patch, note } = await apply(tx, e, now);
    await repo.updateErrand(tx, id, patch);
    await repo.insertEvent(tx, {
      errandId: id,
      at: now,
      actorId: actor.userId,
      kind: action,
      noteCipher: note ? deps.crypto.encrypt(note) : null,
    });
    await audit(tx, actor, {
      action: `services.errand_${action}`,
      entityType: 'errand',
      entityId: id,
      scopeCode: e.divisionCode,
      before: { state: e.state, handlerId: e.handlerId },
      after: { ...patch, note: note ? '(encrypted)' : undefined },
    });
    return summary(actor, (await repo.findErrand(tx, id))!, now);
  });
}

export const assignErrand = (deps: Deps, actor: UserActor, id: string, handlerId: string) =>
  step(deps, actor, id, 'assign', async (tx, e, now) => {
    const handler = await findUser(tx, handlerId);
    if (!handler || handler.disabled) throw new AppError('not_found', { what: 'handler' });
    const village = e.divisionCode.slice(0, 12);
    if (handler.id === e.requesterId || !withinArea(e.divisionCode, await handlerVillages(tx, handler.id)))
      throw new AppError('services_handler_outside_area', { name: handler.displayName, village });
    return {
      patch: { state: 'assigned', handlerId, assignedBy: actor.userId, assignedAt: now, acceptedAt: null },
      note: handler.displayName,
    };
  });

export const acceptErrand = (deps: Deps, actor: UserActor, id: string) =>
  step(deps, actor, id, 'accept', async (_tx, _e, now) => ({ patch: { state: 'accepted', acceptedAt: now } }));

export const declineErrand = (deps: Deps, actor: UserActor, id: string, note: string) =>
  step(deps, actor, id, 'decline', async () => ({
    patch: { state: 'requested', handlerId: null, assignedBy: null, assignedAt: null },
    note,
  }));

export const progressErrand = (deps: Deps, actor: UserActor, id: string, note: string) =>
  step(deps, actor, id, 'progress', async () => ({ patch: {}, note }));

export const finishErrand = (deps: Deps, actor: UserActor, id: string, success: boolean, outcome: string) =>
  step(deps, actor, id, 'finish', async (_tx, _e, now) => ({
    patch: { state: success ? 'done' : 'failed', finishedAt: now, outcome: outcome.trim() },
  }));

export const cancelErrand = (deps: Deps, actor: UserActor, id: string, note?: string) =>
  step(deps, actor, id, 'cancel', async () => ({ patch: { state: 'cancelled' }, note: note?.trim() || null }));

export const rateErrand = (deps: Deps, actor: UserActor, id: string, body: RateBody) =>
  step(deps, actor, id, 'rate', async (_tx, _e, now) => ({
    patch: {
      rating: body.rating,
      ratingComment: body.comment?.trim() || null,
      ratedAt: now,
      thanks: body.thanks ?? null,
      thankedAt: body.thanks ? now : null,
    },
  }));

/** One errand with its notes, documents and timeline; read by anyone but the resident, it is audited. */
export async function errandDetail(deps: Deps, actor: UserActor, id: string): Promise<ErrandDetail> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const e = await readable(tx, actor, id);
    const details = JSON.parse(deps.crypto.decrypt(e.detailsCipher)) as Details;
    if (e.requesterId !== actor.userId)
      await audit(tx, actor, {
        action: 'services.errand_view',
        entityType: 'errand',
        entityId: id,
        scopeCode: e.divisionCode,
        after: { roles: rolesOf(actor, e) },
      });
    const item = await repo.findItem(tx, e.itemId);
    const events = await repo.eventsOf(tx, id);
    return {
      ...summary(actor, e, now),
      onBehalfReason: e.onBehalfReason,
      notes: details.notes,
      documents: details.documents,
      documentsNeeded: item?.documents ?? [],
      ratingComment: e.ratingComment,
      events: events.map((v) => ({
        at: v.at,
        actorName: v.actorName,
        kind: v.kind,
        note: v.noteCipher ? deps.crypto.decrypt(v.noteCipher) : null,
      })),
    };
  });
}

async function listBy(deps: Deps, actor: UserActor, f: repo.ErrandFilter, query: ErrandQuery | ErrandBoardQuery) {
  const after = afterKey(query.cursor, ['date', 'uuid']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listErrands(deps.db, { ...f, state: query.state }, limit + 1, after);
  const now = deps.clock.now();
  return mapPage(pageOf(rows, limit, repo.errandKey), (e) => summary(actor, e, now));
}

export const myErrands = (deps: Deps, actor: UserActor, q: ErrandQuery) =>
  listBy(deps, actor, { requesterId: actor.userId }, q);

export const errandsToHandle = (deps: Deps, actor: UserActor, q: ErrandQuery) =>
  listBy(deps, actor, { handlerId: actor.userId }, q);

/** The console home's count (今日待办): requested errands at the staff member's places, not yet given to anyone. */
export async function errandsToday(deps: Deps, actor: UserActor): Promise<TodayCount[]> {
  const scopes = staffScopes(actor);
  if (!scopes.length) return [];
  const count = await repo.countErrands(deps.db, { scopes, state: 'requested' });
  return [
    {
      key: 'services.errands',
      count,
      ...TODAY_LABELS.errands,
      link: '/services-errands?state=requested',
      tone: 'work',
      order: 120,
    },
  ];
}

export async function errandBoard(deps: Deps, actor: UserActor, q: ErrandBoardQuery) {
  const own = staffScopes(actor);
  if (!own.length) throw new AppError('forbidden');
  const period = dayRange(q.from, q.to);
  return listBy(deps, actor, { scopes: narrowScopes(own, q.scope), ...period }, q);
}

/** Who may be given the errand: party members and embedded cadres of its village. */
export async function candidatesFor(deps: Deps, actor: UserActor, id: string) {
  const e = await readable(deps.db, actor, id);
  if (!organisesAt(actor, e.divisionCode)) throw new AppError('not_found', { what: 'errand' });
  return (await handlersIn(deps.db, e.divisionCode.slice(0, 12))).filter((c) => c.userId !== e.requesterId);
}

/** The county's item list is kept by county officers; an item is saved by its code (new or changed). */
export async function saveItem(deps: Deps, actor: UserActor, input: ErrandItemInput) {
  const county = deps.config.countyCode;
  if (!keepsItemsAt(actor, county)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const item = {
      ...input,
      name: input.name.trim(),
      kind: input.kind.trim(),
      documents: input.documents.map((d) => d.trim()),
    };
    const id = await repo.upsertItem(tx, county, item);
    await audit(tx, actor, {
      action: 'services.errand_item',
      entityType: 'errand_item',
      entityId: id,
      scopeCode: county,
      after: item,
    });
    return (await repo.findItem(tx, id))!;
  });
}
