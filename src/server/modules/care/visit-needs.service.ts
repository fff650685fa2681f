/**
 * A need found on a 九必问 visit, turned into action after the visit from its record page: a case
 * filed on the resident's behalf (the cases module's intake, source 'visit', located at the
 * person's registered household), or a problem on the three lists (worklists' `createProblem`,
 * source 'visit', the resident's account asked to confirm its effect). Who may: the assigned grid
 * worker and the officers of the place (as for reading the record); anyone else gets a 404.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { submitReport } from '../cases';
import { createProblem, residentUserOf } from '../worklists';
import { maskName } from './care.domain';
import { canReadRecord } from './care.policy';
import type * as S from './care.schema';
import * as repo from './visit-needs.repo';

const villageOf = (gridCode: string) => gridCode.slice(0, 12);

async function readableVisit(deps: Deps, actor: UserActor, visitId: string) {
  const v = await repo.findVisit(deps.db, visitId);
  if (!v || !canReadRecord(actor, v)) throw new AppError('not_found', { what: 'visit' });
  return v;
}

/** Files a case for the visited resident (source 'visit'): the case module's checks, routing and audit. */
export async function needToCase(deps: Deps, actor: UserActor, visitId: string, body: S.NeedCaseBody) {
  const v = await readableVisit(deps, actor, visitId);
  const r = await submitReport(
    deps,
    actor,
    {
      title: body.title,
      description: body.description,
      categoryCode: body.categoryCode,
      locationSource: 'household',
      householdCode: v.householdCode,
      onBehalfOf: { name: v.name },
    },
    { source: 'visit' },
  );
  await deps.db.transaction(async (tx) => {
    await repo.linkCase(tx, visitId, r.case.id);
    await audit(tx, actor, {
      action: 'care.visit_case',
      entityType: 'care_person',
      entityId: v.personId,
      scopeCode: v.gridCode,
      after: { visitId, caseId: r.case.id, number: r.case.number },
    });
  });
  return { id: r.case.id, number: r.case.number };
}

/** Lists a problem on the three lists from the visit (with its first tasks), for the resident to confirm. */
export async function needToProblem(deps: Deps, actor: UserActor, visitId: string, body: S.Need) {
  const v = await readableVisit(deps, actor, visitId);
  return deps.db.transaction(async (tx) => ({
    id: await createProblem(
      tx,
      actor,
      {
        source: 'visit',
        sourceRef: visitId,
        villageCode: villageOf(v.gridCode),
        title: body.title,
        description: body.description,
        subject: maskName(v.name),
        raisedBy: await residentUserOf(tx, v.residentId),
        tasks: body.tasks,
      },
      deps.clock.now(),
    ),
  }));
}

/** What a visit's needs became (cases by number, problems by title), for the visit record page. */
export async function visitOutcomes(deps: Deps, actor: UserActor, visitId: string) {
  await readableVisit(deps, actor, visitId);
  return (await repo.outcomesOf(deps.db, [visitId])).map(({ visitId: _, ...o }) => o);
}
