/**
 * Supervision by resident representatives (issue #13 item 7): officers choose, for a project, some
 * of its village's 村民代表; each chosen representative rates the project's progress and quality
 * (1–5, with a comment) in the resident app — a new rating replaces their last. Nobody else may
 * rate: a resident not chosen gets projects_not_a_supervisor, staff too.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { ratingInRange } from './projects.domain';
import { canManageAt } from './projects.policy';
import * as repo from './projects.repo';
import type * as S from './projects.schema';
import { checkSupervisors } from './projects.service';
import * as sup from './supervision.repo';

const NOT_FOUND = () => new AppError('not_found', { what: 'project' });

export async function chooseSupervisors(deps: Deps, actor: UserActor, projectId: string, residentIds: string[]) {
  return deps.db.transaction(async (tx) => {
    const p = await repo.findProject(tx, projectId);
    if (!p || !canManageAt(actor, p.placeCode)) throw NOT_FOUND();
    await repo.lockProject(tx, projectId);
    const chosen = await checkSupervisors(tx, p.placeCode, residentIds);
    await sup.setSupervisors(tx, projectId, chosen, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'projects.supervisors_set',
      entityType: 'project',
      entityId: projectId,
      scopeCode: p.placeCode,
      after: { supervisors: chosen.length },
    });
    return { id: projectId };
  });
}

export async function rate(deps: Deps, actor: UserActor, projectId: string, body: S.RatingBody) {
  for (const field of ['progress', 'quality'] as const)
    if (!ratingInRange(body[field])) throw new AppError('projects_rating_out_of_range', { field, value: body[field] });
  return deps.db.transaction(async (tx) => {
    const p = await repo.findProject(tx, projectId);
    if (!p) throw NOT_FOUND();
    const residentId =
      actor.userKind === 'resident'
        ? await sup.supervisorAmong(tx, projectId, await sup.residentsOfUser(tx, actor.userId))
        : null;
    if (!residentId) throw new AppError('projects_not_a_supervisor');
    await sup.upsertRating(tx, {
      projectId,
      residentId,
      userId: actor.userId,
      progress: body.progress,
      quality: body.quality,
      comment: body.comment?.trim() || null,
      at: deps.clock.now(),
    });
    await audit(tx, actor, {
      action: 'projects.rate',
      entityType: 'project',
      entityId: projectId,
      scopeCode: p.placeCode,
      after: { progress: body.progress, quality: body.quality },
    });
    return { id: projectId };
  });
}
