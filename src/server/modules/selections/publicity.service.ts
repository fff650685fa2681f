/**
 * 公示 and objections (异议): during the publicity period anyone who may read the selection objects
 * to a nominee or to the ranking; the staff running it answer each one. An upheld objection
 * disqualifies the nominee and publishes a new revision of the ranking (same formula, same inputs,
 * without them). Results come only when the period is over and every objection is answered.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import type { Static } from 'typebox';
import { getNominee, setNomineeStatus } from './nominees.repo';
import * as repo from './ranking.repo';
import { publishRanking } from './ranking.service';
import { requirePhase } from './selections.domain';
import { managesAt } from './selections.policy';
import { getSelection } from './selections.repo';
import type { AnswerBody, ObjectionBody } from './selections.schema';
import { readableSelection } from './selections.service';

const view = (actor: UserActor, o: repo.ObjectionRow) => ({ ...o, mine: o.userId === actor.userId });

export async function fileObjection(deps: Deps, actor: UserActor, id: string, body: Static<typeof ObjectionBody>) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id);
    unwrap(requirePhase(s, ['publicity'], { en: 'object', zh: '提出异议' }));
    if (s.publicityEndsAt && now >= s.publicityEndsAt && s.publicityDays > 0)
      throw new AppError('selection_publicity_over', { at: s.publicityEndsAt.toISOString() });
    if (body.nomineeId) {
      const n = await getNominee(tx, body.nomineeId);
      if (!n || n.selectionId !== id) throw new AppError('not_found', { what: `nominee ${body.nomineeId}` });
    }
    const objectionId = await repo.insertObjection(tx, {
      selectionId: id,
      nomineeId: body.nomineeId ?? null,
      userId: actor.userId,
      reason: body.reason,
      now,
    });
    await audit(tx, actor, {
      action: 'selections.object',
      entityType: 'selection_objection',
      entityId: objectionId,
      scopeCode: s.divisionCode,
      after: { nomineeId: body.nomineeId ?? null, reason: body.reason },
    });
    return view(actor, (await repo.getObjection(tx, objectionId))!);
  });
}

export async function answerObjection(
  deps: Deps,
  actor: UserActor,
  id: string,
  objectionId: string,
  body: Static<typeof AnswerBody>,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id, true);
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    unwrap(requirePhase(s, ['publicity'], { en: 'answer an objection', zh: '答复异议' }));
    const o = await repo.getObjection(tx, objectionId, true);
    if (!o || o.selectionId !== id) throw new AppError('not_found', { what: `objection ${objectionId}` });
    if (o.answeredAt) throw new AppError('selection_objection_answered');
    if (body.outcome === 'upheld' && !o.nomineeId)
      throw new AppError('validation_failed', { summary: 'only an objection to a nominee can be upheld' });
    await repo.answerObjection(tx, objectionId, { ...body, by: actor.userId, now });
    let revision: number | null = null;
    if (body.outcome === 'upheld' && o.nomineeId) {
      await setNomineeStatus(tx, o.nomineeId, 'disqualified', { note: body.answer, by: actor.userId, at: now });
      await publishRanking(tx, (await getSelection(tx, id))!, now);
      revision = s.rankingRevision + 1;
    }
    await audit(tx, actor, {
      action: 'selections.answer',
      entityType: 'selection_objection',
      entityId: objectionId,
      scopeCode: s.divisionCode,
      after: { ...body, revision },
    });
    return view(actor, (await repo.getObjection(tx, objectionId))!);
  });
}

/** Staff running the selection see every objection; others see their own. */
export async function listObjections(deps: Deps, actor: UserActor, id: string) {
  const { s } = await readableSelection(deps.db, actor, id);
  const all = managesAt(actor, s.divisionCode);
  return { items: (await repo.objectionsOf(deps.db, id, all ? undefined : actor.userId)).map((o) => view(actor, o)) };
}
