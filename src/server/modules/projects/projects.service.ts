/**
 * Livelihood projects' use cases (民生实事): an officer creates a project (budget = Σ funding
 * sources, milestones on or after the start, supervisors from the village's representatives) in one
 * transaction; the board and the public progress page list projects with their rolled-up progress
 * and computed status; milestones move; the project page shows funds, milestones, photos and the
 * representatives' ratings.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { dayRange } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { maskName } from '../care';
import {
  cstDay,
  fundsProblem,
  isRealDay,
  milestoneBeforeStart,
  progressInRange,
  projectStatus,
  rollUp,
  summariseRatings,
  yuan,
} from './projects.domain';
import { canManageAt, projectScopes } from './projects.policy';
import * as repo from './projects.repo';
import type * as S from './projects.schema';
import * as sup from './supervision.repo';

const NOT_FOUND = () => new AppError('not_found', { what: 'project' });
const PLACE_LEVELS = [3, 4, 5];

/** Checks a new project's figures and dates; throws the first problem, writes nothing. */
function checkProject(body: S.NewProjectBody) {
  for (const day of [body.startsOn, body.dueOn, ...body.milestones.map((m) => m.dueOn)])
    if (!isRealDay(day)) throw new AppError('validation_failed', { summary: `date ${day}` });
  if (body.dueOn < body.startsOn)
    throw new AppError('projects_dates_invalid', { startsOn: body.startsOn, dueOn: body.dueOn });
  const early = milestoneBeforeStart(body.startsOn, body.milestones);
  if (early)
    throw new AppError('projects_milestone_before_start', {
      title: early.title,
      dueOn: early.dueOn,
      startsOn: body.startsOn,
    });
  for (const m of body.milestones)
    if (m.progress !== undefined && !progressInRange(m.progress))
      throw new AppError('projects_progress_out_of_range', { progress: m.progress });
  const funds = fundsProblem(
    body.budgetFen,
    body.funds.map((f) => f.amountFen),
  );
  if (funds)
    throw new AppError('projects_funds_mismatch', {
      sumFen: funds.sumFen,
      budgetFen: body.budgetFen,
      sumYuan: yuan(funds.sumFen),
      budgetYuan: yuan(body.budgetFen),
    });
}

/** The village whose representatives may supervise a project at `placeCode` (a village's own; none above). */
const villageOf = (placeCode: string) => (placeCode.length === 12 ? placeCode : null);

/** Checks that every chosen resident is a representative (村民代表) of the project's village. */
export async function checkSupervisors(q: Queryable, placeCode: string, residentIds: readonly string[]) {
  const unique = [...new Set(residentIds)];
  const village = villageOf(placeCode);
  const found = village && unique.length ? await sup.representativesAmong(q, village, unique) : [];
  if (found.length !== unique.length)
    throw new AppError('projects_not_a_representative', { count: unique.length - found.length });
  return unique;
}

/** Creates a project with its funds, milestones and supervisors in one transaction (audited). */
export async function createProject(deps: Deps, actor: UserActor, body: S.NewProjectBody, isDemo = false) {
  if (!canManageAt(actor, body.placeCode)) throw new AppError('not_found', { what: `place ${body.placeCode}` });
  return deps.db.transaction(async (tx) => ({ id: await createProjectIn(tx, actor, body, deps.clock.now(), isDemo) }));
}

export async function createProjectIn(
  tx: Queryable,
  actor: Actor,
  body: S.NewProjectBody,
  now: Date,
  isDemo = false,
): Promise<string> {
  checkProject(body);
  const level = await repo.divisionLevel(tx, body.placeCode);
  if (level === null || !PLACE_LEVELS.includes(level))
    throw new AppError('projects_not_a_place', { code: body.placeCode });
  const supervisors = await checkSupervisors(tx, body.placeCode, body.supervisors ?? []);
  const by = actor.kind === 'user' ? actor.userId : null;
  const id = await repo.insertProject(tx, {
    placeCode: body.placeCode,
    title: body.title.trim(),
    description: body.description?.trim() ?? '',
    budgetFen: body.budgetFen,
    startsOn: body.startsOn,
    dueOn: body.dueOn,
    createdBy: by,
    at: now,
    isDemo,
  });
  await repo.insertFunds(tx, id, body.funds);
  await repo.insertMilestones(
    tx,
    id,
    body.milestones.map((m) => ({
      title: m.title.trim(),
      dueOn: m.dueOn,
      weight: m.weight ?? 1,
      progress: m.progress ?? 0,
    })),
    now,
  );
  if (supervisors.length) await sup.setSupervisors(tx, id, supervisors, by, now);
  await settleDone(tx, id, now);
  await audit(tx, actor, {
    action: 'projects.create',
    entityType: 'project',
    entityId: id,
    scopeCode: body.placeCode,
    after: { budgetFen: body.budgetFen, milestones: body.milestones.length, supervisors: supervisors.length },
  });
  return id;
}

/** A project's progress: the weighted mean of its milestones (the accountability tree's first level). */
const progressOf = (ms: readonly repo.MilestoneRow[]) =>
  rollUp({ weight: 1, children: ms.map((m) => ({ weight: m.weight, progress: m.progress })) });

async function settleDone(tx: Queryable, id: string, now: Date) {
  await repo.setProjectDone(tx, id, progressOf(await repo.milestonesOf(tx, [id])) === 100, now);
}

/** Board lines with progress and status, milestones loaded for the whole page at once. */
async function lines(q: Queryable, rows: repo.ProjectRow[], today: string): Promise<S.ProjectLine[]> {
  const ms = await repo.milestonesOf(
    q,
    rows.map((r) => r.id),
  );
  const by = new Map<string, repo.MilestoneRow[]>();
  for (const m of ms) by.set(m.projectId, [...(by.get(m.projectId) ?? []), m]);
  return rows.map(({ description: _, ...r }) => {
    const own = by.get(r.id) ?? [];
    const progress = progressOf(own);
    return { ...r, progress, status: projectStatus({ ...r, progress }, own, today) };
  });
}

async function page(
  deps: Deps,
  f: repo.ProjectFilter,
  q: { cursor?: string; limit?: number },
): Promise<Page<S.ProjectLine>> {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listProjects(deps.db, f, limit, afterKey(q.cursor, repo.PROJECT_KEY));
  const p = pageOf(rows, limit, repo.projectKey);
  return { ...p, items: await lines(deps.db, p.items, cstDay(deps.clock.now())) };
}

/** The console's board: projects under the officer's places (or one of them). */
export async function board(deps: Deps, actor: UserActor, q: S.BoardQuery): Promise<Page<S.ProjectLine>> {
  let scopes = projectScopes(actor);
  if (q.scope) {
    if (!canManageAt(actor, q.scope)) throw new AppError('not_found', { what: `projects of ${q.scope}` });
    scopes = [q.scope];
  }
  if (!scopes.length) throw new AppError('not_found', { what: 'projects' });
  const period = dayRange(q.from, q.to);
  if ((q.from === undefined) !== (q.to === undefined))
    throw new AppError('validation_failed', {
      summary: `${q.from ? 'to' : 'from'} is required with the other`,
      fields: [{ field: q.from ? 'to' : 'from', problem: 'is required with the other' }],
    });
  const underWay = period.from && q.to ? { from: period.from, lastDay: q.to } : undefined;
  return page(deps, { under: scopes, underWay }, q);
}

/**
 * 身边的民生实事: the projects of a place and of the town and county above it — the given place, or
 * the signed-in resident's place (the one they chose, else their registered household's village).
 * Public: progress and status only, nobody's name.
 */
export async function near(deps: Deps, actor: Actor, q: S.NearQuery): Promise<Page<S.ProjectLine>> {
  let place = q.place ?? (actor.kind === 'user' ? actor.homeDivisionCode : null);
  if (!place && actor.kind === 'user' && actor.userKind === 'resident')
    place = await sup.registeredVillageOf(deps.db, actor.userId);
  if (!place && actor.kind === 'user') return { items: [], next: null, more: false };
  if (!place || place.length < 6) throw new AppError('validation_failed', { summary: 'place: a village or town code' });
  const at = [place.slice(0, 6), place.slice(0, 9), place.slice(0, 12)].filter((c, i) => c.length === [6, 9, 12][i]);
  return page(deps, { at: [...new Set(at)] }, q);
}

/** A project's page: anyone reads it; officers of its place see the supervisors' names; a chosen representative may rate. */
export async function detail(deps: Deps, actor: Actor, id: string): Promise<S.ProjectDetail> {
  const p = await repo.findProject(deps.db, id);
  if (!p) throw NOT_FOUND();
  const [[line], ms, funds, photos, supervisors] = await Promise.all([
    lines(deps.db, [p], cstDay(deps.clock.now())),
    repo.milestonesOf(deps.db, [id]),
    repo.fundsOf(deps.db, id),
    repo.photosOf(deps.db, id),
    sup.supervisorsOf(deps.db, id),
  ]);
  const officer = canManageAt(actor, p.placeCode);
  const mine =
    actor.kind === 'user' && actor.userKind === 'resident'
      ? await sup.supervisorAmong(deps.db, id, await sup.residentsOfUser(deps.db, actor.userId))
      : null;
  const today = cstDay(deps.clock.now());
  const rated = supervisors.flatMap((s) => (s.rating ? [s.rating] : []));
  const own = supervisors.find((s) => s.residentId === mine)?.rating ?? null;
  return {
    project: { ...line, description: p.description },
    funds,
    milestones: ms.map(({ projectId: _, ...m }) => ({ ...m, late: m.progress < 100 && today > m.dueOn })),
    photos: photos.map((ph) => ({ id: ph.id, url: `/api/public/projects/${id}/photos/${ph.id}` })),
    supervisors: supervisors.map((s) => ({
      residentId: officer ? s.residentId : null,
      name: officer ? s.name : maskName(s.name),
      rated: s.rating !== null,
    })),
    ratings: summariseRatings(rated),
    comments: rated
      .filter((r) => r.comment)
      .map((r) => ({ progress: r.progress, quality: r.quality, comment: r.comment!, ratedAt: r.ratedAt })),
    myRating: own && { progress: own.progress, quality: own.quality, comment: own.comment },
    actions: [...(officer ? (['manage'] as const) : []), ...(mine ? (['rate'] as const) : [])],
  };
}

/** Moves a milestone's progress (0–100); the project is done when everything rolls up to 100 %. */
export async function setProgress(
  deps: Deps,
  actor: UserActor,
  projectId: string,
  milestoneId: string,
  progress: number,
) {
  if (!progressInRange(progress)) throw new AppError('projects_progress_out_of_range', { progress });
  return deps.db.transaction(async (tx) => {
    const p = await repo.findProject(tx, projectId);
    const m = p && (await repo.findMilestone(tx, milestoneId));
    if (!p || !m || m.projectId !== projectId || !canManageAt(actor, p.placeCode)) throw NOT_FOUND();
    await repo.lockProject(tx, projectId);
    const now = deps.clock.now();
    await repo.setMilestoneProgress(tx, milestoneId, progress, now);
    await settleDone(tx, projectId, now);
    await audit(tx, actor, {
      action: 'projects.milestone_progress',
      entityType: 'project',
      entityId: projectId,
      scopeCode: p.placeCode,
      before: { milestoneId, progress: m.progress },
      after: { milestoneId, progress },
    });
    return { id: milestoneId };
  });
}

/** The representatives of the villages under a place, for the console's picker (officers only). */
export async function representatives(deps: Deps, actor: UserActor, placeCode: string) {
  if (!canManageAt(actor, placeCode)) throw new AppError('not_found', { what: `place ${placeCode}` });
  return sup.representativesOf(deps.db, placeCode);
}
