/**
 * Writes to a person's record: 两委 posts with terms, training, tiered management (提级管理) and its
 * review, a reserve cadre's development goals, the 双提升 targets; and the due reviews list. Each is
 * checked first (dates real, terms and periods in order) and written with its audit row in one
 * transaction: a refused write leaves nothing.
 */
import type { Static, TSchema } from 'typebox';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { addDays, BODY_POSTS, periodProblem, REVIEW_WINDOW_DAYS } from './leaders.domain';
import { canKeepAt } from './leaders.policy';
import type * as S from './leaders.schema';
import { tierLine } from './leaders.views';
import * as repo from './people.repo';
import { checkDates, dayKey, keptPerson, scopesFor } from './people.service';
import * as tiers from './tiers.repo';

type Body<T extends TSchema> = Static<T>;
type RecordAction = 'leaders.post_add' | 'leaders.training_add' | 'leaders.goal_add' | 'leaders.upgrade_set';

async function write(
  deps: Deps,
  actor: UserActor,
  personId: string,
  action: RecordAction,
  run: (tx: Queryable) => Promise<string>,
  after: Record<string, unknown> = {},
) {
  return deps.db.transaction(async (tx) => {
    const p = await keptPerson(tx, actor, personId, true);
    const id = await run(tx);
    await audit(tx, actor, {
      action: action satisfies 'leaders.post_add' | 'leaders.training_add' | 'leaders.goal_add' | 'leaders.upgrade_set',
      entityType: 'leader_person',
      entityId: personId,
      scopeCode: p.villageCode,
      after: { id, ...after },
    });
    return { id };
  });
}

export function addPost(deps: Deps, actor: UserActor, personId: string, b: Body<typeof S.PostBody>) {
  checkDates({ termStart: b.termStart, termEnd: b.termEnd });
  if (b.termEnd < b.termStart) throw new AppError('leaders_term_invalid', { start: b.termStart, end: b.termEnd });
  if (!BODY_POSTS[b.body].includes(b.post))
    throw new AppError('validation_failed', { summary: `post: ${b.post} is not a post of ${b.body}` });
  return write(deps, actor, personId, 'leaders.post_add', (tx) => repo.insertPost(tx, personId, b), {
    body: b.body,
    post: b.post,
  });
}

export function addTraining(deps: Deps, actor: UserActor, personId: string, b: Body<typeof S.TrainingBody>) {
  checkDates({ trainedOn: b.trainedOn });
  return write(deps, actor, personId, 'leaders.training_add', (tx) => repo.insertTraining(tx, personId, b));
}

export async function addTier(deps: Deps, actor: UserActor, personId: string, b: S.TierBody) {
  checkDates({ periodStart: b.periodStart, periodEnd: b.periodEnd, reviewOn: b.reviewOn });
  if (periodProblem(b))
    throw new AppError('leaders_period_invalid', { start: b.periodStart, end: b.periodEnd, review: b.reviewOn });
  return deps.db.transaction(async (tx) => {
    const p = await keptPerson(tx, actor, personId, true);
    if (!p.teams.includes('secretary')) throw new AppError('leaders_not_secretary');
    const id = await tiers.insertTier(tx, personId, p.villageCode, b);
    await audit(tx, actor, {
      action: 'leaders.tier_add',
      entityType: 'leader_tier',
      entityId: id,
      scopeCode: p.villageCode,
      after: { personId, direction: b.direction, tier: b.tier, reviewOn: b.reviewOn },
    });
    return { id };
  });
}

export async function reviewTier(deps: Deps, actor: UserActor, tierId: string, b: Body<typeof S.ReviewBody>) {
  return deps.db.transaction(async (tx) => {
    const t = await tiers.findTier(tx, tierId, true);
    if (!t || !canKeepAt(actor, t.villageCode)) throw new AppError('not_found', { what: 'tiered management' });
    if (t.outcome !== null) throw new AppError('leaders_already_reviewed');
    await tiers.reviewTier(tx, tierId, {
      outcome: b.outcome,
      note: b.note?.trim() || null,
      by: actor.userId,
      at: deps.clock.now(),
    });
    await audit(tx, actor, {
      action: 'leaders.tier_review',
      entityType: 'leader_tier',
      entityId: tierId,
      scopeCode: t.villageCode,
      after: { personId: t.personId, outcome: b.outcome },
    });
    return { id: tierId };
  });
}

/** Unreviewed tiered managements whose review is due within 30 days or past, soonest first; audited. */
export async function dueReviews(deps: Deps, actor: UserActor, q: Body<typeof S.DueQuery>): Promise<Page<S.TierLine>> {
  const scopes = scopesFor(actor, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const today = cstDate(deps.clock.now());
  const rows = await tiers.dueTiers(deps.db, scopes, addDays(today, REVIEW_WINDOW_DAYS), limit, dayKey(q.cursor));
  const page = pageOf(rows, limit, tiers.tierKey);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'leaders.tier_list',
      entityType: 'leader_tier',
      scopeCode: q.scope ?? null,
      after: { ids: page.items.map((t) => t.id) },
    }),
  );
  return { ...page, items: page.items.map((t) => tierLine(t, today)) };
}

export function addGoal(deps: Deps, actor: UserActor, personId: string, b: Body<typeof S.GoalBody>) {
  checkDates({ dueOn: b.dueOn });
  return write(deps, actor, personId, 'leaders.goal_add', (tx) => repo.insertGoal(tx, personId, b));
}

export async function setGoalProgress(deps: Deps, actor: UserActor, goalId: string, progress: number) {
  return deps.db.transaction(async (tx) => {
    const personId = await repo.goalPerson(tx, goalId);
    if (!personId) throw new AppError('not_found', { what: 'goal' });
    const p = await repo.findPerson(tx, personId, true);
    if (!p || !canKeepAt(actor, p.villageCode)) throw new AppError('not_found', { what: 'goal' });
    await repo.setGoalProgress(tx, goalId, progress);
    await audit(tx, actor, {
      action: 'leaders.goal_progress',
      entityType: 'leader_person',
      entityId: personId,
      scopeCode: p.villageCode,
      after: { id: goalId, progress },
    });
    return { id: goalId };
  });
}

export function setUpgrade(deps: Deps, actor: UserActor, personId: string, b: Body<typeof S.UpgradeBody>) {
  return write(
    deps,
    actor,
    personId,
    'leaders.upgrade_set',
    async (tx) => {
      await repo.upsertUpgrade(tx, personId, b);
      return `${personId}:${b.kind}`;
    },
    { kind: b.kind, progress: b.progress },
  );
}
