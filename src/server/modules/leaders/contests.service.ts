/**
 * 擂台赛 contests and the 宣讲团's talks: create a contest (criteria with integer ranges, entrants),
 * a judge's sheet for an entrant (every criterion once, each within its range, a judge scores an
 * entrant once — the primary key is the backstop), the ranking computed exactly (leaders.domain
 * rankEntrants); record and list talks. Org-department officers of the place only.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import * as repo from './contests.repo';
import { checkSheet, exactText, rankEntrants } from './leaders.domain';
import { canKeepAt } from './leaders.policy';
import type * as S from './leaders.schema';
import { division, findPerson } from './people.repo';
import { checkDates, dayKey, scopesFor } from './people.service';

const NO_CONTEST = () => new AppError('not_found', { what: 'contest' });

async function checkPlace(deps: Deps, actor: UserActor, code: string) {
  if (!canKeepAt(actor, code) || !(await division(deps.db, code)))
    throw new AppError('not_found', { what: `place ${code}` });
}

export async function createContest(deps: Deps, actor: UserActor, b: S.ContestBody) {
  checkDates({ heldOn: b.heldOn });
  const flat = b.criteria.find((c) => c.maxScore <= c.minScore);
  if (flat) throw new AppError('leaders_criteria_invalid', { criterion: flat.name });
  await checkPlace(deps, actor, b.scopeCode);
  for (const e of b.entrants) {
    if (e.villageCode && (!e.villageCode.startsWith(b.scopeCode) || !(await division(deps.db, e.villageCode))))
      throw new AppError('not_found', { what: `village ${e.villageCode}` });
    const p = e.personId ? await findPerson(deps.db, e.personId) : null;
    if (e.personId && (!p || !p.villageCode.startsWith(b.scopeCode)))
      throw new AppError('not_found', { what: `leadership record ${e.personId}` });
  }
  return deps.db.transaction(async (tx) => {
    const id = await repo.insertContest(tx, b, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'leaders.contest_create',
      entityType: 'leader_contest',
      entityId: id,
      scopeCode: b.scopeCode,
      after: { criteria: b.criteria.length, entrants: b.entrants.length },
    });
    return { id };
  });
}

export async function listContests(deps: Deps, actor: UserActor, q: S.ListQuery) {
  const scopes = scopesFor(actor, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listContests(deps.db, scopes, limit, dayKey(q.cursor));
  return pageOf(rows, limit, repo.contestKey);
}

export async function getContest(deps: Deps, actor: UserActor, id: string): Promise<S.ContestDetail> {
  const c = await repo.findContest(deps.db, id);
  if (!c || !canKeepAt(actor, c.scopeCode)) throw NO_CONTEST();
  const [criteria, entrants, scores] = await Promise.all([
    repo.criteriaOf(deps.db, id),
    repo.entrantsOf(deps.db, id),
    repo.scoresOf(deps.db, id),
  ]);
  return {
    contest: c,
    criteria,
    entrants,
    scoredByMe: [...new Set(scores.filter((s) => s.judgeId === actor.userId).map((s) => s.entrantId))],
    ranking: rankEntrants(criteria, entrants, scores).map((r) => ({ ...r, score: exactText(r.score) })),
  };
}

export async function scoreEntrant(deps: Deps, actor: UserActor, contestId: string, b: S.ScoreBody) {
  return deps.db.transaction(async (tx) => {
    const c = await repo.findContest(tx, contestId);
    if (!c || !canKeepAt(actor, c.scopeCode)) throw NO_CONTEST();
    const entrants = await repo.entrantsOf(tx, contestId);
    if (!entrants.some((e) => e.id === b.entrantId)) throw new AppError('not_found', { what: 'entrant' });
    const criteria = await repo.criteriaOf(tx, contestId);
    const problem = checkSheet(criteria, b.scores);
    if (problem?.kind === 'incomplete')
      throw new AppError('leaders_scores_incomplete', {
        missing: problem.missing.join('、') || '-',
        extra: problem.extra.join('、') || '-',
      });
    if (problem) throw new AppError('leaders_score_out_of_range', problem);
    if (await repo.hasScored(tx, b.entrantId, actor.userId)) throw new AppError('leaders_already_scored');
    const written = await repo.insertSheet(tx, {
      contestId,
      entrantId: b.entrantId,
      judgeId: actor.userId,
      lines: b.scores,
      at: deps.clock.now(),
    });
    // a concurrent sheet of the same judge won the race: refuse this one whole (the transaction rolls back)
    if (written !== b.scores.length) throw new AppError('leaders_already_scored');
    await audit(tx, actor, {
      action: 'leaders.contest_score',
      entityType: 'leader_contest',
      entityId: contestId,
      scopeCode: c.scopeCode,
      after: { entrantId: b.entrantId, scores: b.scores },
    });
    return { id: contestId };
  });
}

export async function addTalk(deps: Deps, actor: UserActor, b: S.TalkBody) {
  checkDates({ heldOn: b.heldOn });
  await checkPlace(deps, actor, b.scopeCode);
  return deps.db.transaction(async (tx) => {
    const id = await repo.insertTalk(tx, b, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'leaders.talk_add',
      entityType: 'leader_talk',
      entityId: id,
      scopeCode: b.scopeCode,
      after: { heldOn: b.heldOn, audience: b.audience },
    });
    return { id };
  });
}

export async function listTalks(deps: Deps, actor: UserActor, q: S.ListQuery): Promise<Page<repo.TalkRow>> {
  const scopes = scopesFor(actor, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listTalks(deps.db, scopes, limit, dayKey(q.cursor));
  return pageOf(rows, limit, repo.talkKey);
}
