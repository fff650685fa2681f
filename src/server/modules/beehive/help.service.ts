/**
 * New-employment workers (registry with consent, woodpecker enrolment) and the 五帮 requests: routed
 * by kind to the alliance's line department (人社, 工会, 司法, 市场监管) with a working-day deadline,
 * answered by that department, followed up and rated by the worker; the published support measures
 * a request may cite.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { addWorkingDays } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { decodeCursor, DEFAULT_PAGE_LIMIT, type Page, type PageRequest, pageOf } from '../../platform/page';
import { insertAssignment } from '../access';
import { findDivision } from '../divisions';
import { routeRequest, routesInForce } from './alliance.service';
import { REQUEST_STATE_LABELS, type RequestState } from './beehive.labels';
import { canHandleRequest, handledDepartments, readsAllRequests, stationScopes } from './beehive.policy';
import type * as S from './beehive.schema';
import * as repo from './help.repo';
import { findStation } from './stations.repo';

/** The version of the information notice a worker consents to (shown in the resident app). */
export const CONSENT_VERSION = '2026-12';

// ---- workers ----

const workerView = (w: repo.WorkerRow): S.Worker => ({
  id: w.id,
  name: w.name,
  phoneMasked: w.phoneMasked,
  workKind: w.workKind,
  platform: w.platform,
  stationId: w.stationId,
  stationName: w.stationName,
  partyMember: w.partyMember,
  consentAt: w.consentAt,
  woodpeckerScope: w.woodpeckerScope,
});

export async function myWorker(deps: Deps, actor: UserActor) {
  const w = await repo.workerOfUser(deps.db, actor.userId);
  return { worker: w ? workerView(w) : null };
}

export async function registerWorker(deps: Deps, actor: UserActor, body: S.WorkerBody) {
  if (!body.consent) throw new AppError('beehive_consent_required');
  if (body.stationId && !(await findStation(deps.db, body.stationId)))
    throw new AppError('not_found', { what: 'station' });
  await deps.db.transaction(async (tx) => {
    const id = await repo.insertWorker(
      tx,
      {
        userId: actor.userId,
        name: body.name.trim(),
        workKind: body.workKind,
        platform: body.platform.trim(),
        stationId: body.stationId ?? null,
        partyMember: body.partyMember,
        consentVersion: CONSENT_VERSION,
      },
      deps.clock.now(),
    );
    if (!id) throw new AppError('beehive_already_registered');
    await audit(tx, actor, {
      action: 'beehive.worker_register',
      entityType: 'worker',
      entityId: id,
      after: { workKind: body.workKind, platform: body.platform, consentVersion: CONSENT_VERSION },
    });
  });
  return myWorker(deps, actor);
}

async function requireWorker(deps: Deps, actor: UserActor): Promise<repo.WorkerRow> {
  const w = await repo.workerOfUser(deps.db, actor.userId);
  if (!w) throw new AppError('beehive_not_registered');
  return w;
}

/**
 * A rider joins the woodpecker teams (啄木鸟) of a village or grid: the platform's woodpecker role at
 * that place, so their route reports go through the case loop and earn points like any woodpecker's.
 */
export async function enrolWoodpecker(deps: Deps, actor: UserActor, placeCode: string) {
  const w = await requireWorker(deps, actor);
  const place = placeCode.startsWith(deps.config.countyCode) ? await findDivision(deps.db, placeCode) : null;
  if (!place || place.level < 5) throw new AppError('beehive_woodpecker_place', { code: placeCode });
  await deps.db.transaction(async (tx) => {
    const already = actor.grants.some((g) => g.role === 'woodpecker' && g.scopeCode === placeCode);
    if (!already)
      await insertAssignment(tx, {
        userId: actor.userId,
        role: 'woodpecker',
        scopeCode: placeCode,
        departmentCode: null,
        grantedBy: null,
      });
    await repo.setWoodpeckerScope(tx, w.id, placeCode);
    await audit(tx, actor, {
      action: 'beehive.worker_woodpecker',
      entityType: 'worker',
      entityId: w.id,
      scopeCode: placeCode,
    });
  });
  return myWorker(deps, actor);
}

export async function listWorkers(deps: Deps, actor: UserActor, q: PageRequest): Promise<Page<S.Worker>> {
  const scopes = stationScopes(actor);
  if (scopes.length === 0) throw new AppError('forbidden');
  const countyWide = scopes.some((s) => deps.config.countyCode.startsWith(s));
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  const page = pageOf(await repo.listWorkers(deps.db, scopes, countyWide, after, limit), limit, (r) => [r.name, r.id]);
  return { ...page, items: page.items.map(workerView) };
}

// ---- measures ----

export async function measures(deps: Deps, actor: UserActor | null) {
  const all = actor !== null && readsAllRequests(actor, deps.config.countyCode);
  return { items: await repo.listMeasures(deps.db, !all) };
}

export async function saveMeasure(deps: Deps, actor: UserActor, body: S.MeasureBody) {
  if (!readsAllRequests(actor, deps.config.countyCode)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const m = await repo.upsertMeasure(
      tx,
      {
        number: body.number,
        title: body.title.trim(),
        body: body.body ?? '',
        bodyKey: body.bodyKey,
        published: body.published,
      },
      deps.clock.now(),
    );
    await audit(tx, actor, { action: 'beehive.measure_save', entityType: 'measure', entityId: m.id, after: m });
    return m;
  });
}

// ---- requests ----

const requestView = (r: repo.RequestRow, now: Date): S.HelpRequest => ({
  id: r.id,
  kind: r.kind,
  bodyKey: r.bodyKey,
  departmentCode: r.departmentCode,
  departmentName: r.departmentName,
  workerName: r.workerName,
  stationId: r.stationId,
  description: r.description,
  measureIds: r.measureIds,
  state: r.state,
  dueAt: r.dueAt,
  overdue: r.state === 'submitted' && r.dueAt.getTime() < now.getTime(),
  answer: r.answer,
  answeredAt: r.answeredAt,
  followUp: r.followUp,
  rating: r.rating,
  createdAt: r.createdAt,
});

export async function createRequest(deps: Deps, actor: UserActor, body: S.RequestBody): Promise<S.HelpRequest> {
  const w = await requireWorker(deps, actor);
  const measureIds = body.measureIds ?? [];
  const published = await repo.publishedMeasureIds(deps.db, measureIds);
  const missing = measureIds.find((id) => !published.has(id));
  if (missing) throw new AppError('beehive_measure_unknown', { id: missing });
  const stationId = body.stationId ?? w.stationId;
  if (body.stationId && !(await findStation(deps.db, body.stationId)))
    throw new AppError('not_found', { what: 'station' });
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const route = await routeRequest(deps, tx, body.kind, w.platform);
    const dept = route.department;
    const rid = await repo.insertRequest(
      tx,
      {
        workerId: w.id,
        kind: body.kind,
        bodyKey: route.body,
        departmentCode: dept,
        stationId,
        description: body.description.trim(),
        measureIds,
        dueAt: addWorkingDays(now, route.workingDays),
      },
      now,
    );
    await audit(tx, actor, {
      action: 'beehive.request_create',
      entityType: 'help_request',
      entityId: rid,
      after: { kind: body.kind, departmentCode: dept },
    });
    return rid;
  });
  return requestView((await repo.findRequest(deps.db, id))!, now);
}

/** The request if the actor may read it: its worker, its department's handlers, county officers. */
async function readable(deps: Deps, actor: UserActor, id: string): Promise<repo.RequestRow> {
  const r = await repo.findRequest(deps.db, id);
  const ok =
    r &&
    (r.workerUserId === actor.userId ||
      canHandleRequest(actor, r.departmentCode) ||
      readsAllRequests(actor, deps.config.countyCode));
  if (!r || !ok) throw new AppError('not_found', { what: 'help request' });
  return r;
}

export async function requestDetail(deps: Deps, actor: UserActor, id: string) {
  return requestView(await readable(deps, actor, id), deps.clock.now());
}

function step(r: repo.RequestRow, from: RequestState, action: { zh: string; en: string }) {
  if (r.state !== from)
    throw new AppError('beehive_request_state', {
      state: r.state,
      stateZh: REQUEST_STATE_LABELS[r.state].zh,
      action: action.en,
      actionZh: action.zh,
    });
}

export async function answerRequest(deps: Deps, actor: UserActor, id: string, answer: string) {
  const r = await readable(deps, actor, id);
  if (!canHandleRequest(actor, r.departmentCode)) throw new AppError('forbidden');
  step(r, 'submitted', { zh: '答复', en: 'answered' });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateRequest(tx, id, {
      state: 'answered',
      answer: answer.trim(),
      answeredAt: now,
      answeredBy: actor.userId,
    });
    await audit(tx, actor, { action: 'beehive.request_answer', entityType: 'help_request', entityId: id });
  });
  return requestDetail(deps, actor, id);
}

/** The worker rates the answer: with a follow-up the request goes back to the department (new deadline), else it closes. */
export async function rateRequest(
  deps: Deps,
  actor: UserActor,
  id: string,
  body: { rating: number; followUp?: string },
) {
  const r = await readable(deps, actor, id);
  if (r.workerUserId !== actor.userId) throw new AppError('forbidden');
  step(r, 'answered', { zh: '评价', en: 'rated' });
  const followUp = body.followUp?.trim() || undefined;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const dueAt = followUp ? addWorkingDays(now, (await routesInForce(tx))[r.kind].workingDays) : undefined;
    await repo.updateRequest(tx, id, {
      state: followUp ? 'submitted' : 'closed',
      rating: body.rating,
      followUp,
      dueAt,
    });
    await audit(tx, actor, {
      action: 'beehive.request_rate',
      entityType: 'help_request',
      entityId: id,
      after: { rating: body.rating, followUp: !!followUp },
    });
  });
  return requestDetail(deps, actor, id);
}

export async function listRequests(
  deps: Deps,
  actor: UserActor,
  q: S.RequestsQuery,
  mine: boolean,
): Promise<Page<S.HelpRequest>> {
  let filter: { departments: string[] | null; workerId: string | null };
  if (mine) filter = { departments: null, workerId: (await requireWorker(deps, actor)).id };
  else if (readsAllRequests(actor, deps.config.countyCode)) filter = { departments: null, workerId: null };
  else if (handledDepartments(actor).length > 0) filter = { departments: handledDepartments(actor), workerId: null };
  else throw new AppError('forbidden');
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const after = q.cursor ? (decodeCursor(q.cursor, ['date', 'string']) as [string, string]) : null;
  const rows = await repo.listRequests(deps.db, { ...filter, state: q.state ?? null }, after, limit);
  const page = pageOf(rows, limit, (r) => [r.createdAt, r.id]);
  const now = deps.clock.now();
  return { ...page, items: page.items.map((r) => requestView(r, now)) };
}
