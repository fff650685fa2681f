/**
 * The three lists' use cases. `createProblem(tx, actor, input)` is the seam other modules (care's
 * visits today; deliberation's meetings, beehive's circle gaps) call inside their own
 * transaction; the rest are the console's and the resident's steps, each one transaction.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { dayRange } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { canReadCase, findCase, findCaseByNumber } from '../cases';
import { afterAnswer, afterEffect, cstDay, deadlineProblem, effectRefusal, taskLate } from './worklists.domain';
import { CONFIRMATION_LABELS, type ProblemSource, type ResultKind, STATE_LABELS } from './worklists.labels';
import { canOverseeAt, canWorkAt, TASK_OWNER_ROLES, worklistScopes } from './worklists.policy';
import * as repo from './worklists.repo';
import type * as S from './worklists.schema';

export interface ProblemInput {
  source: ProblemSource;
  /** What it came from in its module (a visit id, a case number, a meeting id…). */
  sourceRef: string | null;
  villageCode: string;
  unitRef?: string | null;
  title: string;
  description: string;
  /** Whom it concerns, already masked by the caller (e.g. 王*): never a full name. */
  subject?: string | null;
  /** The resident account that raised it: they confirm its effect. */
  raisedBy?: string | null;
  tasks?: S.NewTask[];
  isDemo?: boolean;
}

const NOT_FOUND = () => new AppError('not_found', { what: 'problem' });

/** Lists a problem (and its first tasks) inside the caller's transaction; audited. */
export async function createProblem(tx: Queryable, actor: Actor, input: ProblemInput, now: Date): Promise<string> {
  if ((await repo.divisionLevel(tx, input.villageCode)) !== 5)
    throw new AppError('worklists_not_a_village', { code: input.villageCode });
  const id = await repo.insertProblem(tx, {
    villageCode: input.villageCode,
    unitRef: input.unitRef ?? null,
    source: input.source,
    sourceRef: input.sourceRef,
    title: input.title,
    description: input.description,
    subject: input.subject ?? null,
    raisedBy: input.raisedBy ?? null,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    createdAt: now,
    isDemo: input.isDemo,
  });
  await audit(tx, actor, {
    action: 'worklists.problem_create',
    entityType: 'worklist_problem',
    entityId: id,
    scopeCode: input.villageCode,
    after: { source: input.source, sourceRef: input.sourceRef },
  });
  for (const t of input.tasks ?? []) await addTaskIn(tx, actor, id, input.villageCode, t, now);
  return id;
}

/** Adds a task to a problem inside the caller's transaction (owner checked against the village). */
export async function addTaskIn(
  tx: Queryable,
  actor: Actor,
  problemId: string,
  villageCode: string,
  t: S.NewTask,
  now: Date,
): Promise<string> {
  const bad = deadlineProblem(t.deadline, now);
  if (bad === 'invalid') throw new AppError('validation_failed', { summary: `deadline ${t.deadline}` });
  if (bad === 'past') throw new AppError('worklists_deadline_past', { deadline: t.deadline, today: cstDay(now) });
  if (!(await repo.staffCovers(tx, t.ownerId, TASK_OWNER_ROLES, villageCode)))
    throw new AppError('worklists_owner_out_of_area', { ownerId: t.ownerId });
  const id = await repo.insertTask(tx, {
    problemId,
    ...t,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    at: now,
  });
  await audit(tx, actor, {
    action: 'worklists.task_create',
    entityType: 'worklist_task',
    entityId: id,
    scopeCode: villageCode,
    after: { problemId, ownerId: t.ownerId, deadline: t.deadline },
  });
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case a problem comes from (转为三张清单问题): it exists, the actor may read it (else the same
 * 404 as a missing case), and it lies in the problem's village. Returns its number, the reference kept.
 */
async function caseRef(tx: Queryable, actor: UserActor, ref: string | undefined, villageCode: string) {
  const r = ref?.trim();
  if (!r) throw new AppError('worklists_case_ref_missing');
  const c = UUID.test(r) ? await findCase(tx, r) : await findCaseByNumber(tx, r);
  if (!c || !canReadCase(actor, c)) throw new AppError('worklists_case_not_found', { ref: r });
  if (!(c.gridCode ?? c.divisionCode).startsWith(villageCode))
    throw new AppError('worklists_case_other_place', { number: c.number, village: villageCode });
  return c.number;
}

/** A problem listed by staff of the village: from a meeting, a proposal, a case (checked) or by hand. */
export async function createManualProblem(deps: Deps, actor: UserActor, body: S.NewProblemBody) {
  if (!canWorkAt(actor, body.villageCode)) throw NOT_FOUND();
  return deps.db.transaction(async (tx) => {
    const sourceRef =
      body.source === 'case' ? await caseRef(tx, actor, body.sourceRef, body.villageCode) : (body.sourceRef ?? null);
    if (sourceRef !== null && (await repo.problemListed(tx, body.source, sourceRef, body.title)))
      throw new AppError('worklists_problem_listed', { title: body.title });
    return { id: await createProblem(tx, actor, { ...body, sourceRef }, deps.clock.now()) };
  });
}

const view = (p: repo.ProblemRow): S.Problem => {
  const { raisedBy, ...rest } = p;
  return { ...rest, raisedByResident: raisedBy !== null };
};

/** Problems at the actor's places (staff), or the ones the actor raised (a resident). */
export async function listProblems(deps: Deps, actor: UserActor, q: S.ProblemQuery): Promise<Page<S.Problem>> {
  const mine = actor.userKind === 'resident';
  let scopes = mine ? [''] : worklistScopes(actor);
  if (!mine && q.scope) {
    if (!canWorkAt(actor, q.scope)) throw new AppError('not_found', { what: `problems of ${q.scope}` });
    scopes = [q.scope];
  }
  if (scopes.length === 0) throw new AppError('not_found', { what: 'problems' });
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const listed = dayRange(q.from, q.to);
  const rows = await repo.listProblems(
    deps.db,
    {
      scopes,
      state: q.state,
      source: q.source,
      unitRef: q.unitRef,
      raisedBy: mine ? actor.userId : undefined,
      listedFrom: listed.from,
      listedBefore: listed.before,
    },
    limit,
    afterKey(q.cursor, repo.PROBLEM_KEY),
  );
  return mapPage(pageOf(rows, limit, repo.problemKey), view);
}

/** A problem the actor may read: staff of its village, or the resident who raised it. */
async function readable(q: Queryable, actor: UserActor, id: string): Promise<repo.ProblemRow> {
  const p = await repo.findProblem(q, id);
  if (!p || !(canWorkAt(actor, p.villageCode) || p.raisedBy === actor.userId)) throw NOT_FOUND();
  return p;
}

export async function problemDetail(deps: Deps, actor: UserActor, id: string): Promise<S.ProblemDetail> {
  const p = await readable(deps.db, actor, id);
  const [tasks, effect] = await Promise.all([repo.tasksOf(deps.db, id), repo.findEffect(deps.db, id)]);
  const now = deps.clock.now();
  const staff = canWorkAt(actor, p.villageCode);
  const actions: S.ProblemDetail['actions'] = [];
  if (staff && p.state === 'open') actions.push('add_task');
  if (
    staff &&
    p.state === 'open' &&
    !effectRefusal(
      p.state,
      tasks.map((t) => ({ done: t.doneAt !== null })),
    )
  )
    actions.push('record_effect');
  if (p.raisedBy === actor.userId && effect?.confirmation === 'pending') actions.push('confirm');
  return {
    problem: view(p),
    tasks: tasks.map(({ problemId: _, ...t }) => ({ ...t, late: taskLate(t.deadline, t.doneAt, now) })),
    effect: effect && {
      summary: effect.summary,
      resultKind: effect.resultKind,
      recordedAt: effect.recordedAt,
      confirmation: effect.confirmation,
      confirmedAt: effect.confirmedAt,
      comment: effect.comment,
    },
    actions,
  };
}

function closedError(state: repo.ProblemRow['state'], action: { zh: string; en: string }) {
  return new AppError('worklists_problem_closed', {
    state: STATE_LABELS[state].en,
    stateZh: STATE_LABELS[state].zh,
    action: action.en,
    actionZh: action.zh,
  });
}

export async function addTask(deps: Deps, actor: UserActor, problemId: string, body: S.NewTask) {
  return deps.db.transaction(async (tx) => {
    const p = await readable(tx, actor, problemId);
    if (!canWorkAt(actor, p.villageCode)) throw NOT_FOUND();
    const state = await repo.lockProblem(tx, problemId);
    if (state !== 'open') throw closedError(state ?? p.state, { zh: '分解任务', en: 'add a task' });
    return { id: await addTaskIn(tx, actor, problemId, p.villageCode, body, deps.clock.now()) };
  });
}

export async function finishTask(deps: Deps, actor: UserActor, taskId: string, outcome: string) {
  return deps.db.transaction(async (tx) => {
    const t = await repo.findTask(tx, taskId);
    const p = t && (await repo.findProblem(tx, t.problemId));
    if (!t || !p || !(t.ownerId === actor.userId || canWorkAt(actor, p.villageCode)))
      throw new AppError('not_found', { what: 'task' });
    if (t.ownerId !== actor.userId && !canOverseeAt(actor, p.villageCode))
      throw new AppError('worklists_not_your_task');
    if (!(await repo.completeTask(tx, taskId, outcome, deps.clock.now()))) throw new AppError('worklists_task_done');
    await audit(tx, actor, {
      action: 'worklists.task_done',
      entityType: 'worklist_task',
      entityId: taskId,
      scopeCode: p.villageCode,
    });
    return { id: taskId };
  });
}

export async function recordEffect(
  deps: Deps,
  actor: UserActor,
  problemId: string,
  body: { summary: string; resultKind: ResultKind },
) {
  return deps.db.transaction(async (tx) => {
    const p = await readable(tx, actor, problemId);
    if (!canWorkAt(actor, p.villageCode)) throw NOT_FOUND();
    const state = (await repo.lockProblem(tx, problemId)) ?? p.state;
    const tasks = await repo.tasksOf(tx, problemId);
    const refusal = effectRefusal(
      state,
      tasks.map((t) => ({ done: t.doneAt !== null })),
    );
    if (refusal?.code === 'worklists_problem_closed')
      throw closedError(state, { zh: '登记效果', en: 'record an effect' });
    if (refusal) throw new AppError(refusal.code, refusal);
    const now = deps.clock.now();
    const next = afterEffect(p.raisedBy !== null);
    await repo.upsertEffect(tx, { problemId, ...body, by: actor.userId, at: now, confirmation: next.confirmation });
    await repo.setProblemState(tx, problemId, next.state, now);
    await audit(tx, actor, {
      action: 'worklists.effect_record',
      entityType: 'worklist_problem',
      entityId: problemId,
      scopeCode: p.villageCode,
      after: { resultKind: body.resultKind, confirmation: next.confirmation },
    });
    return { id: problemId };
  });
}

/** The resident who raised the problem confirms its effect (closed) or disputes it (back to work). */
export async function answerEffect(
  deps: Deps,
  actor: UserActor,
  problemId: string,
  body: { confirmed: boolean; comment?: string },
) {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findProblem(tx, problemId);
    if (!p || p.raisedBy !== actor.userId) throw NOT_FOUND();
    await repo.lockProblem(tx, problemId);
    const effect = await repo.findEffect(tx, problemId);
    if (effect?.confirmation !== 'pending')
      throw new AppError('worklists_nothing_to_confirm', {
        confirmation: effect ? CONFIRMATION_LABELS[effect.confirmation].en : null,
      });
    const now = deps.clock.now();
    const next = afterAnswer(body.confirmed);
    await repo.answerEffect(tx, problemId, next.confirmation, body.comment?.trim() || null, now);
    await repo.setProblemState(tx, problemId, next.state, now);
    await audit(tx, actor, {
      action: body.confirmed ? 'worklists.effect_confirm' : 'worklists.effect_dispute',
      entityType: 'worklist_problem',
      entityId: problemId,
      scopeCode: p.villageCode,
    });
    return { id: problemId };
  });
}

/** Counts per village or per unit under a scope, with the "七个一" results. */
export async function worklistSummary(deps: Deps, actor: UserActor, q: S.SummaryQuery): Promise<S.Summary> {
  const scope = q.scope ?? worklistScopes(actor).sort((a, b) => a.length - b.length)[0];
  if (!scope || !canWorkAt(actor, scope))
    throw new AppError('not_found', { what: `worklists of ${q.scope ?? 'any place'}` });
  const today = cstDay(deps.clock.now());
  const [rows, results] = await Promise.all([
    repo.summary(deps.db, scope, q.by, today),
    repo.resultCounts(deps.db, scope, q.by),
  ]);
  const byKey = new Map<string | null, Record<string, number>>();
  for (const r of results) byKey.set(r.key, { ...byKey.get(r.key), [r.kind]: r.n });
  const full = rows.map((r) => ({ ...r, results: byKey.get(r.key) ?? {} }));
  const total = {
    problems: 0,
    open: 0,
    closed: 0,
    tasks: 0,
    tasksLate: 0,
    confirmed: 0,
    results: {} as Record<string, number>,
  };
  for (const r of full) {
    for (const k of ['problems', 'open', 'closed', 'tasks', 'tasksLate', 'confirmed'] as const) total[k] += r[k];
    for (const [kind, n] of Object.entries(r.results)) total.results[kind] = (total.results[kind] ?? 0) + n;
  }
  return { scope, by: q.by, rows: full, total };
}
