/**
 * The public vote (群众投票). One vote per verified resident of the area: the register's person is
 * the key of selection_votes, so two accounts of one person, or two concurrent requests, still
 * make one vote. Voting again while the vote is open CHANGES the vote (200, `changed: true`); after
 * close it is a 409. Nobody sees whom the votes went to before close. Paper votes are entered by
 * one staff member and count once another confirms them. Vote-buying signs are shown to the
 * supervisor, never used to reject votes. The audit trail of online votes is selection_vote_events
 * (append-only: who, which nominee, when, address, device), written in the vote's own statement;
 * paper votes and their confirmations are also in the audit log.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import type { Static } from 'typebox';
import { toDecimal, parseFraction } from './fraction';
import * as nominees from './nominees.repo';
import { rankingOf } from './ranking.repo';
import { requirePhase, resultsVisible, voteWindow } from './selections.domain';
import { managesAt } from './selections.policy';
import { getSelection } from './selections.repo';
import type { PaperVoteBody, VoteBody } from './selections.schema';
import { isVoterOf, readableSelection } from './selections.service';
import * as votes from './votes.repo';
import { submitVote } from './votes.writer';

/** Vote-buying signs: this many votes from one address or device … */
export const SIGN_THRESHOLD = 20;
/** … within this many minutes. */
export const SIGN_WINDOW_MINUTES = 10;

export const FORMULA =
  'combined = (panelWeight × panel + (100 − panelWeight) × vote) / 100; panel = mean over non-conflicted members of Σ weight × (score − min)/(max − min) (trimmed: without the highest and lowest when ≥ 3); vote = 100 × votes / most votes; ties: panel, then votes, then earlier nomination';

/**
 * Casts (or changes) the actor's online vote through the group writer. A refused vote is looked at
 * again on its own to name the rule it broke (a 403, 404 or 409); none is half-written.
 */
export async function castVote(deps: Deps, actor: UserActor, id: string, body: Static<typeof VoteBody>) {
  const now = deps.clock.now();
  const verdict = await submitVote(deps, {
    selectionId: id,
    userId: actor.userId,
    nomineeId: body.nomineeId,
    ip: actor.ip,
    device: body.device ?? null,
    at: now,
  });
  if (verdict === 'cast' || verdict === 'change' || verdict === 'superseded')
    return { nomineeId: body.nomineeId, changed: verdict !== 'cast', castAt: now };
  if (verdict === 'paper') throw new AppError('selection_voted_on_paper');
  const s = await getSelection(deps.db, id);
  if (!s) throw new AppError('not_found', { what: `selection ${id}` });
  if (verdict === 'not_a_voter') throw new AppError('selection_not_a_voter', { action: 'vote', actionZh: '投票' });
  if (verdict === 'window') {
    unwrap(voteWindow(s, now));
    throw new AppError('selection_vote_closed', { at: (s.votingClosedAt ?? s.votingEndsAt).toISOString() });
  }
  throw new AppError('not_found', { what: `nominee ${body.nomineeId}` });
}

export async function myVote(deps: Deps, actor: UserActor, id: string) {
  const { s, person } = await readableSelection(deps.db, actor, id);
  if (!isVoterOf(s, person)) return { verified: false, vote: null };
  return { verified: true, vote: await votes.voteOf(deps.db, id, person.residentId) };
}

/** Staff enter a paper ballot for a registered voter (found by name and ID number); it counts once confirmed. */
export async function enterPaperVote(deps: Deps, actor: UserActor, id: string, body: Static<typeof PaperVoteBody>) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id);
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    unwrap(voteWindow(s, now));
    const index = deps.crypto.blindIndex('id', body.voterIdNumber.toUpperCase());
    const voter = await nominees.personByIndex(tx, body.voterName.trim(), 'id', index);
    if (!isVoterOf(s, voter)) throw new AppError('selection_not_a_voter', { action: 'vote', actionZh: '投票' });
    const n = await nominees.getNominee(tx, body.nomineeId);
    if (!n || n.selectionId !== id || n.status !== 'eligible')
      throw new AppError('not_found', { what: `nominee ${body.nomineeId}` });
    const village = voter.householdCode.slice(0, 12);
    const entered = await votes.enterPaper(tx, {
      selectionId: id,
      residentId: voter.residentId,
      nomineeId: n.id,
      villageCode: village,
      enteredBy: actor.userId,
      now,
    });
    if (!entered) throw new AppError('selection_vote_exists');
    await audit(tx, actor, {
      action: 'selections.paper_vote',
      entityType: 'selection',
      entityId: id,
      scopeCode: village,
      after: { voterResidentId: voter.residentId, nomineeId: n.id },
    });
    return paperView(actor, (await votes.paperVotes(tx, id, voter.residentId))[0]);
  });
}

const paperView = (actor: UserActor, v: votes.PaperVote) => ({
  ...v,
  confirmed: v.confirmedBy !== null,
  actions: v.confirmedBy === null && v.enteredBy !== actor.userId ? ['confirm' as const] : [],
});

export async function confirmPaperVote(deps: Deps, actor: UserActor, id: string, residentId: string) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id, true);
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    unwrap(requirePhase(s, ['voting'], { en: 'confirm a paper vote', zh: '确认纸质选票' }));
    const [v] = await votes.paperVotes(tx, id, residentId);
    if (!v) throw new AppError('not_found', { what: `paper vote ${residentId}` });
    if (v.confirmedBy) throw new AppError('selection_paper_confirmed');
    if (v.enteredBy === actor.userId) throw new AppError('selection_paper_confirm_self');
    await votes.confirmPaper(tx, id, residentId, actor.userId, now);
    await audit(tx, actor, {
      action: 'selections.paper_confirm',
      entityType: 'selection',
      entityId: id,
      scopeCode: v.villageCode,
      after: { voterResidentId: residentId, nomineeId: v.nomineeId },
    });
    return paperView(actor, (await votes.paperVotes(tx, id, residentId))[0]);
  });
}

export async function listPaperVotes(deps: Deps, actor: UserActor, id: string) {
  const { s } = await readableSelection(deps.db, actor, id);
  if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
  return { items: (await votes.paperVotes(deps.db, id)).map((v) => paperView(actor, v)) };
}

/** The published ranking and the votes by village; a 409 before voting has closed. */
export async function results(deps: Deps, actor: UserActor, id: string) {
  const { s } = await readableSelection(deps.db, actor, id);
  if (!resultsVisible(s)) throw new AppError('selection_results_hidden');
  const [ranking, list, byVillage] = await Promise.all([
    rankingOf(deps.db, id, s.rankingRevision),
    nominees.nomineesOf(deps.db, id),
    votes.tallyByVillage(deps.db, id),
  ]);
  const byId = new Map(list.map((n) => [n.id, n]));
  return {
    revision: s.rankingRevision,
    formula: FORMULA,
    ranking: ranking.map((r) => ({
      ...r,
      name: byId.get(r.nomineeId)?.name ?? '',
      placeName: byId.get(r.nomineeId)?.placeName ?? '',
      panelScoreDisplay: toDecimal(parseFraction(r.panelScore)),
      combinedDisplay: toDecimal(parseFraction(r.combined)),
    })),
    byVillage,
  };
}

/** Vote-buying signs for the supervisor (staff running the selection): flagged, not rejected. */
export async function voteSigns(deps: Deps, actor: UserActor, id: string) {
  const { s } = await readableSelection(deps.db, actor, id);
  if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
  return {
    threshold: SIGN_THRESHOLD,
    windowMinutes: SIGN_WINDOW_MINUTES,
    items: await votes.voteSigns(deps.db, id, SIGN_THRESHOLD, SIGN_WINDOW_MINUTES),
  };
}
