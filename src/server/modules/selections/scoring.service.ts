/**
 * Panel scoring (评审打分): each panel member scores each eligible nominee on every criterion
 * (within its range), or declares a conflict of interest with them — after which their scores of
 * that nominee are refused and left out of the ranking. Sheets can be replaced until scoring ends.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import type { Queryable } from '../../platform/db/db';
import { AppError, unwrap } from '../../platform/errors';
import type { Static } from 'typebox';
import * as nominees from './nominees.repo';
import { checkScoreSheet, requirePhase } from './selections.domain';
import { criteriaOf, isPanelMember } from './selections.repo';
import type { ScoreBody } from './selections.schema';
import { readableSelection } from './selections.service';

async function panelNominee(tx: Queryable, actor: UserActor, id: string, nomineeId: string) {
  const { s } = await readableSelection(tx, actor, id);
  if (!(await isPanelMember(tx, id, actor.userId))) throw new AppError('selection_not_panel');
  const n = await nominees.getNominee(tx, nomineeId);
  if (!n || n.selectionId !== id || n.status !== 'eligible')
    throw new AppError('not_found', { what: `nominee ${nomineeId}` });
  return { s, n };
}

export async function declareConflict(deps: Deps, actor: UserActor, id: string, nomineeId: string, reason: string) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { s } = await panelNominee(tx, actor, id, nomineeId);
    unwrap(requirePhase(s, ['eligibility', 'scoring'], { en: 'declare a conflict', zh: '申报回避' }));
    await nominees.insertConflict(tx, nomineeId, actor.userId, reason, now);
    await audit(tx, actor, {
      action: 'selections.conflict',
      entityType: 'selection_nominee',
      entityId: nomineeId,
      scopeCode: s.divisionCode,
      after: { reason },
    });
  });
  return panelSheets(deps, actor, id);
}

export async function scoreNominee(
  deps: Deps,
  actor: UserActor,
  id: string,
  nomineeId: string,
  body: Static<typeof ScoreBody>,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { s } = await panelNominee(tx, actor, id, nomineeId);
    unwrap(requirePhase(s, ['scoring'], { en: 'score', zh: '打分' }));
    const conflict = await nominees.conflictOf(tx, nomineeId, actor.userId);
    if (conflict !== null) throw new AppError('selection_conflict_declared', { reason: conflict });
    unwrap(checkScoreSheet(await criteriaOf(tx, id), body.scores));
    const before = await nominees.replaceScores(
      tx,
      { selectionId: id, nomineeId, userId: actor.userId, now },
      body.scores,
    );
    await audit(tx, actor, {
      action: 'selections.score',
      entityType: 'selection_nominee',
      entityId: nomineeId,
      scopeCode: s.divisionCode,
      before: before.length ? before : null,
      after: [...body.scores].sort((a, b) => a.criterion - b.criterion),
    });
  });
  return panelSheets(deps, actor, id);
}

/** The panel member's own sheets: each eligible nominee with their scores or declared conflict. */
export async function panelSheets(deps: Deps, actor: UserActor, id: string) {
  const { s } = await readableSelection(deps.db, actor, id);
  if (!(await isPanelMember(deps.db, id, actor.userId))) throw new AppError('selection_not_panel');
  const [list, scores] = await Promise.all([
    nominees.nomineesOf(deps.db, s.id),
    nominees.scoresOf(deps.db, s.id, actor.userId),
  ]);
  const items = [];
  for (const n of list.filter((x) => x.status === 'eligible'))
    items.push({
      nomineeId: n.id,
      name: n.name,
      conflict: await nominees.conflictOf(deps.db, n.id, actor.userId),
      scores: scores.filter((x) => x.nomineeId === n.id).map((x) => ({ criterion: x.criterion, score: x.score })),
    });
  return { items };
}
