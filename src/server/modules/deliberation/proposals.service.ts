/**
 * 共谋: residents (from their register record's village), or staff for the branch or the committees,
 * make proposals; each resident record of the village supports once; anyone of the place comments;
 * staff answer. The supports are turned into the meetings they oblige (§21, §26).
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { obligations } from './composition.domain';
import { canReadAt, managesAt, readableScopes, villageOf } from './deliberation.policy';
import type { PageRequest } from './deliberation.schema';
import { placesOfUser } from './disclosures.repo';
import { residentsOfUser } from './meetings.repo';
import * as repo from './proposals.repo';
import type { NewProposalInput, ProposalView } from './proposals.schema';

/** The actor's resident record in the village, if any (a verified resident of the place). */
async function recordIn(q: Queryable, actor: Actor, village: string): Promise<string | null> {
  if (actor.kind !== 'user') return null;
  return (await residentsOfUser(q, actor.userId)).find((r) => villageOf(r.householdCode) === village)?.id ?? null;
}

async function readable(q: Queryable, actor: Actor, id: string, lock = false): Promise<repo.ProposalRow> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const p = await repo.proposalById(q, id, lock);
  if (!p) throw new AppError('not_found');
  if (!canReadAt(actor, p.divisionCode) && !(await placesOfUser(q, actor.userId)).includes(p.divisionCode))
    throw new AppError('not_found');
  return p;
}

async function view(q: Queryable, actor: Actor, p: repo.ProposalRow): Promise<ProposalView> {
  const comments = await repo.commentsOf(q, p.id);
  const figures = await repo.supportFigures(q, p.id, p.divisionCode);
  const mine = await recordIn(q, actor, p.divisionCode);
  const actions: ProposalView['actions'] = [];
  if (p.state === 'open' && mine) actions.push('support');
  if (p.state === 'open' && (mine || managesAt(actor, p.divisionCode))) actions.push('comment');
  if (p.state === 'open' && managesAt(actor, p.divisionCode)) actions.push('answer');
  return { ...p, comments, obligations: obligations(figures), actions };
}

export async function propose(deps: Deps, actor: Actor, input: NewProposalInput): Promise<ProposalView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  let village: string;
  let source: repo.ProposalSource;
  if (input.divisionCode && managesAt(actor, input.divisionCode)) {
    village = input.divisionCode;
    source = input.source ?? 'branch';
  } else {
    const mine = await residentsOfUser(deps.db, actor.userId);
    const record = input.divisionCode ? mine.find((r) => villageOf(r.householdCode) === input.divisionCode) : mine[0];
    if (!record) throw new AppError('deliberation_not_registered');
    village = villageOf(record.householdCode);
    source = 'resident';
  }
  if ((await findDivision(deps.db, village))?.level !== 5) throw new AppError('unknown_division', { code: village });
  return deps.db.transaction(async (tx) => {
    const p = await repo.insertProposal(tx, {
      divisionCode: village,
      source,
      title: input.title,
      body: input.body,
      authorId: actor.userId,
      at: deps.clock.now(),
    });
    await audit(tx, actor, {
      action: 'deliberation.proposal_create',
      entityType: 'proposal',
      entityId: p.id,
      scopeCode: village,
      after: { title: p.title, source },
    });
    return view(tx, actor, p);
  });
}

export async function getProposal(deps: Deps, actor: Actor, id: string): Promise<ProposalView> {
  return view(deps.db, actor, await readable(deps.db, actor, id));
}

/** Proposals of my places: staff their scopes, residents their villages. */
export async function listProposals(deps: Deps, actor: Actor, page: PageRequest) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const scopes = [...new Set([...readableScopes(actor), ...(await placesOfUser(deps.db, actor.userId))])];
  if (!scopes.length) return { items: [], next: null, more: false };
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.proposalsIn(deps.db, scopes, limit + 1, after), limit, repo.proposalKey);
}

/** One support per resident record of the place; a repeat changes nothing. */
export async function supportProposal(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id, true);
    if (actor.kind !== 'user') throw new AppError('unauthenticated');
    const mine = await recordIn(tx, actor, p.divisionCode);
    if (!mine) throw new AppError('deliberation_not_registered');
    if (p.state !== 'open') throw new AppError('deliberation_proposal_closed');
    const added = await repo.support(tx, id, mine, actor.userId, deps.clock.now());
    if (added)
      await audit(tx, actor, {
        action: 'deliberation.proposal_support',
        entityType: 'proposal',
        entityId: id,
        scopeCode: p.divisionCode,
      });
    return { supports: p.supports + (added ? 1 : 0), alreadySupported: !added };
  });
}

export async function commentOn(deps: Deps, actor: Actor, id: string, body: string): Promise<ProposalView> {
  return deps.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id, true);
    if (actor.kind !== 'user') throw new AppError('unauthenticated');
    if (!managesAt(actor, p.divisionCode) && !(await recordIn(tx, actor, p.divisionCode)))
      throw new AppError('deliberation_not_registered');
    if (p.state !== 'open') throw new AppError('deliberation_proposal_closed');
    await repo.insertComment(tx, {
      proposalId: id,
      userId: actor.userId,
      author: actor.displayName,
      body,
      at: deps.clock.now(),
    });
    await audit(tx, actor, {
      action: 'deliberation.proposal_comment',
      entityType: 'proposal',
      entityId: id,
      scopeCode: p.divisionCode,
    });
    return view(tx, actor, p);
  });
}

export async function answerProposal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { state: 'answered' | 'adopted' | 'declined'; answer: string },
): Promise<ProposalView> {
  return deps.db.transaction(async (tx) => {
    const p = await readable(tx, actor, id, true);
    if (actor.kind !== 'user' || !managesAt(actor, p.divisionCode)) throw new AppError('forbidden');
    if (p.state !== 'open') throw new AppError('deliberation_proposal_closed');
    const now = deps.clock.now();
    await repo.answer(tx, id, { ...input, by: actor.userId, at: now });
    await audit(tx, actor, {
      action: 'deliberation.proposal_answer',
      entityType: 'proposal',
      entityId: id,
      scopeCode: p.divisionCode,
      after: input,
    });
    return view(tx, actor, { ...p, state: input.state, answer: input.answer, answeredAt: now });
  });
}
