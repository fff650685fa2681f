/**
 * Woodpecker enrolment (啄木鸟志愿者报名): a resident applies to join their own village's team; a
 * village officer approves — which grants the platform's `woodpecker` role at the village, the one
 * thing being a woodpecker means here (cases and points read that role) — or declines with a reason.
 * Each use case is one transaction with its audit row; a refusal writes nothing.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { narrowScopes } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { cutText } from '../../platform/text';
import { insertAssignment } from '../access';
import { findDivision } from '../divisions';
import { APPLICATION_STATE_LABELS } from './woodpeckers.labels';
import { canDecideAt, rosterScopes } from './woodpeckers.policy';
import * as repo from './woodpeckers.repo';
import type * as S from './woodpeckers.schema';

const optionalText = (s: string | undefined) => {
  const t = s?.trim();
  return t ? cutText(t, 500) : null;
};

const applicationView = (a: repo.ApplicationRow): S.Application => ({
  id: a.id,
  applicantName: a.applicantName,
  phoneMasked: a.phoneMasked,
  villageCode: a.villageCode,
  villageName: a.villageName,
  statement: a.statement,
  state: a.state,
  appliedAt: a.appliedAt,
  decidedAt: a.decidedAt,
  deciderName: a.deciderName,
  reason: a.reason,
});

export async function myEnrolment(deps: Deps, actor: UserActor): Promise<S.MyEnrolment> {
  const [villages, memberships, applications] = await Promise.all([
    repo.villagesOf(deps.db, actor.userId),
    repo.membershipsOf(deps.db, actor.userId),
    repo.applicationsOf(deps.db, actor.userId),
  ]);
  return {
    villages,
    memberships: memberships.map(({ villageCode, villageName, since }) => ({ villageCode, villageName, since })),
    applications: applications.map(applicationView),
  };
}

export async function apply(deps: Deps, actor: UserActor, body: S.ApplyBody): Promise<S.MyEnrolment> {
  if (actor.userKind !== 'resident') throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const villages = await repo.villagesOf(tx, actor.userId);
    if (villages.length === 0) throw new AppError('woodpeckers_no_village');
    if (!villages.some((v) => v.code === body.villageCode)) {
      const named = await findDivision(tx, body.villageCode);
      throw new AppError('woodpeckers_not_your_village', { village: named?.name ?? body.villageCode });
    }
    const member = (await repo.membershipsOf(tx, actor.userId)).find((m) => m.villageCode === body.villageCode);
    if (member) throw new AppError('woodpeckers_already_member', { village: member.villageName });
    const statement = optionalText(body.statement);
    const id = await repo.insertApplication(
      tx,
      { userId: actor.userId, villageCode: body.villageCode, statement },
      deps.clock.now(),
    );
    if (!id) throw new AppError('woodpeckers_pending');
    await audit(tx, actor, {
      action: 'woodpeckers.apply',
      entityType: 'woodpecker_application',
      entityId: id,
      scopeCode: body.villageCode,
      after: { statement },
    });
  });
  return myEnrolment(deps, actor);
}

/** The actor's reading scopes, narrowed to `scope` when given (a scope outside them reads nothing). */
function scopesFor(actor: UserActor, scope: string | undefined): string[] {
  const own = rosterScopes(actor);
  if (own.length === 0) throw new AppError('forbidden');
  return narrowScopes(own, scope);
}

export async function listApplications(
  deps: Deps,
  actor: UserActor,
  q: S.ApplicationQuery,
): Promise<Page<S.Application>> {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const after = afterKey(q.cursor, ['date', 'uuid']);
  const rows = await repo.listApplications(
    deps.db,
    { scopes: scopesFor(actor, q.scope), state: q.state },
    after,
    limit,
  );
  return mapPage(
    pageOf(rows, limit, (r) => [r.appliedAt, r.id]),
    applicationView,
  );
}

export async function decide(deps: Deps, actor: UserActor, id: string, body: S.DecisionBody): Promise<S.Application> {
  const reason = optionalText(body.reason);
  if (body.decision === 'decline' && !reason) throw new AppError('woodpeckers_reason_required');
  const decided = await deps.db.transaction(async (tx) => {
    const a = await repo.findApplicationForUpdate(tx, id);
    // Out of the officer's village: 404, as for an application that does not exist.
    if (!a || !rosterScopes(actor).some((s) => a.villageCode.startsWith(s)))
      throw new AppError('not_found', { what: 'application' });
    if (!canDecideAt(actor, a.villageCode)) throw new AppError('forbidden');
    if (a.state !== 'pending')
      throw new AppError('woodpeckers_decided', { state: APPLICATION_STATE_LABELS[a.state].zh });
    let grantId: string | null = null;
    if (body.decision === 'approve') {
      const held = (await repo.membershipsOf(tx, a.userId)).find((m) => m.villageCode === a.villageCode);
      grantId =
        held?.grantId ??
        (await insertAssignment(tx, {
          userId: a.userId,
          role: 'woodpecker',
          scopeCode: a.villageCode,
          departmentCode: null,
          grantedBy: actor.userId,
        }));
    }
    const state = body.decision === 'approve' ? 'approved' : 'declined';
    await repo.recordDecision(tx, { id, state, by: actor.userId, reason, grantId }, deps.clock.now());
    await audit(tx, actor, {
      action: body.decision === 'approve' ? 'woodpeckers.approve' : 'woodpeckers.decline',
      entityType: 'woodpecker_application',
      entityId: id,
      scopeCode: a.villageCode,
      before: { state: a.state },
      after: { state, reason, grantId },
    });
    return (await repo.findApplicationForUpdate(tx, id))!;
  });
  return applicationView(decided);
}

const rosterLine = ({ grantId: _g, ...r }: repo.RosterRow): S.RosterLine => r;

export async function roster(deps: Deps, actor: UserActor, q: S.RosterQuery): Promise<Page<S.RosterLine>> {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const after = afterKey(q.cursor, ['date', 'uuid']);
  const rows = await repo.listRoster(deps.db, scopesFor(actor, q.scope), after, limit);
  return mapPage(
    pageOf(rows, limit, (r) => [r.since, r.grantId]),
    rosterLine,
  );
}

/** The whole roster in the actor's scope, for the xlsx 台账 (audited). */
export async function exportRoster(deps: Deps, actor: UserActor, scope?: string): Promise<S.RosterLine[]> {
  const scopes = scopesFor(actor, scope);
  const rows: repo.RosterRow[] = [];
  for (let after: [string, string] | null = null; ; ) {
    const page = await repo.listRoster(deps.db, scopes, after, 1000);
    rows.push(...page.slice(0, 1000));
    if (page.length <= 1000) break;
    after = [new Date(page[999].since).toISOString(), page[999].grantId];
  }
  await deps.db.transaction((tx) =>
    audit(tx, actor, { action: 'woodpeckers.export', entityType: 'woodpecker_roster', scopeCode: scope ?? null }),
  );
  return rows.map(rosterLine);
}
