/**
 * Approval and publicity (审核与公示): an adjusted amount first waits for a second person's approval
 * (awaiting_approval → pending); pending → reviewed (grid or village officer) → published for the
 * publicity period, during which residents of the village and staff in scope may object → credited
 * by `creditDuePoints`, or rejected with a reason. Nobody steps an award of themselves or their
 * household, its creator never approves, reviews or publishes it, an objector never resolves it. Crediting posts the ledger transaction: issuer → person for an award,
 * person → issuer for a deduction (never more than the balance; the shortfall is recorded).
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, mapPage, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import * as awards from './awards.repo';
import { ensureAccount, lockPerson, post } from './ledger.repo';
import { assertDuty, dutiesOf } from './duties';
import { type AwardState, type AwardStep, expiryOf, isDue, maskName, stepAward } from './points.domain';
import type { TodayCount } from '../../today/today.schema';
import { TODAY_LABELS } from './points.labels';
import {
  awardActions,
  canReadAt,
  type Duties,
  managedScopes,
  managesAt,
  mayObject,
  readableScopes,
} from './points.policy';
import type { Award, AwardQueue, Objection, PageRequest, PublicityRow, StaffStep } from './points.schema';
import { settingsAt } from './rules.repo';

export type { StaffStep };

export function presentAward(actor: Actor, duties: Duties, a: awards.AwardRow): Award {
  return { ...a, actions: awardActions(actor, duties, a) };
}

/** A staff step on an award (review, publish, reject, resolve an objection). */
export async function stepAwardAsStaff(deps: Deps, actor: Actor, awardId: string, input: StaffStep) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const a = await awards.findAward(tx, awardId, true);
    if (!a || !canReadAt(actor, a.issuerCode)) throw new AppError('not_found', { what: `award ${awardId}` });
    if (!managesAt(actor, a.issuerCode)) throw new AppError('forbidden');
    const duties = await dutiesOf(tx, actor);
    const objectorIds = input.type === 'resolve' ? await awards.objectorsOf(tx, a.id) : undefined;
    assertDuty(actor, duties, { ...a, objectorIds }, input.type);
    const step: AwardStep =
      input.type === 'publish'
        ? { type: 'publish', publicityDays: (await settingsAt(tx, a.issuerCode)).publicityDays }
        : input;
    const patch = unwrap(stepAward(a, step, now));
    const by = (t: StaffStep['type']) => (input.type === t ? actor.userId : undefined);
    await awards.updateAward(tx, a.id, {
      ...patch,
      reviewedBy: by('review'),
      approvedBy: by('approve'),
      publishedBy: by('publish'),
    });
    if (input.type === 'resolve')
      await awards.resolveObjections(tx, a.id, actor.userId, input.upheld, input.reason, now);
    // publicity of 0 days, or an objection dismissed after the period: credit at once
    if (isDue({ state: patch.state, publicityUntil: patch.publicityUntil ?? a.publicityUntil }, now))
      await creditAward(tx, a.id, now);
    const after = (await awards.findAward(tx, a.id))!;
    await audit(tx, actor, {
      action: `points.award_${input.type}`,
      entityType: 'points_award',
      entityId: a.id,
      scopeCode: a.issuerCode,
      before: { state: a.state },
      after: { state: after.state, reason: 'reason' in input ? input.reason : undefined },
    });
    return presentAward(actor, duties, after);
  });
}

/**
 * A resident of the award's village, or staff whose scope covers it, objects to an award in
 * publicity (异议). The award is held until staff resolve it.
 */
export async function objectToAward(deps: Deps, actor: Actor, awardId: string, reason: string) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const a = await awards.findAward(tx, awardId, true);
    if (!a || !['published', 'objected'].includes(a.state))
      throw new AppError('not_found', { what: `award ${awardId}` });
    if (a.userId === actor.userId) throw new AppError('forbidden');
    if (!mayObject(actor, await dutiesOf(tx, actor), a)) throw new AppError('points_objection_not_allowed');
    const patch = unwrap(stepAward(a, { type: 'object' }, now));
    const id = await awards.insertObjection(tx, a.id, actor.userId, reason, now);
    if (!id)
      throw new AppError('conflict', {
        reasonZh: '您已对这条积分提出过异议',
        reasonEn: 'you have already objected to this award',
      });
    await awards.updateAward(tx, a.id, patch);
    await audit(tx, actor, {
      action: 'points.objection',
      entityType: 'points_award',
      entityId: a.id,
      scopeCode: a.issuerCode,
      after: { objectionId: id, reason },
    });
    return { id, awardId: a.id, state: patch.state };
  });
}

/** Posts the ledger transaction of one due award. Caller holds the award row lock. */
async function creditAward(tx: Queryable, awardId: string, now: Date): Promise<boolean> {
  const a = await awards.findAward(tx, awardId, true);
  if (!a || !isDue(a, now)) return false;
  const { account: person, balance } = await lockPerson(tx, a.userId, now);
  const issuer = await ensureAccount(tx, 'issuer', a.issuerCode, now);
  const amount = a.kind === 'earn' ? a.amount : Math.min(a.amount, balance);
  let transactionId: number | undefined;
  if (amount > 0) {
    const expiresAt = a.kind === 'earn' ? expiryOf(now, (await settingsAt(tx, a.issuerCode)).expiryMonths) : null;
    const sign = a.kind === 'earn' ? 1 : -1;
    transactionId = await post(tx, {
      kind: a.kind === 'earn' ? 'award' : 'deduction',
      memo: a.reason,
      awardId: a.id,
      createdBy: null,
      now,
      entries: [
        { accountId: person.id, amount: sign * amount, expiresAt },
        { accountId: issuer.id, amount: -sign * amount },
      ],
    });
  }
  await awards.updateAward(tx, a.id, { state: 'credited', decidedAt: now, appliedAmount: amount, transactionId });
  await audit(
    tx,
    { kind: 'anonymous', ip: null },
    {
      action: 'points.award_credited',
      entityType: 'points_award',
      entityId: a.id,
      scopeCode: a.issuerCode,
      label: 'points.credit',
      after: { userId: a.userId, kind: a.kind, amount, requested: a.amount, transactionId },
    },
  );
  return true;
}

/** Worker: credits every award whose publicity period has ended, one transaction each. */
export async function creditDuePoints(deps: Deps, limit = 500): Promise<{ credited: number }> {
  const now = deps.clock.now();
  const due = await awards.dueAwards(deps.db, now, limit);
  let credited = 0;
  for (const id of due) {
    if (await deps.db.transaction((tx) => creditAward(tx, id, now))) credited++;
  }
  return { credited };
}

const QUEUE_STATES: Record<AwardQueue, AwardState[]> = {
  approval: ['awaiting_approval', 'pending', 'reviewed'],
  publicity: ['published', 'objected'],
  done: ['credited', 'rejected'],
  all: ['awaiting_approval', 'pending', 'reviewed', 'published', 'objected', 'credited', 'rejected'],
};

/** The console home's count (今日待办): the approval queue's awards, for those who review them. */
export async function pointsToday(deps: Deps, actor: UserActor): Promise<TodayCount[]> {
  if (!managedScopes(actor).length) return [];
  const count = await awards.countAwards(deps.db, readableScopes(actor), QUEUE_STATES.approval);
  return [{ key: 'points.review', count, ...TODAY_LABELS.review, link: '/points-awards', tone: 'work', order: 100 }];
}

/** A page of awards, newest first, of one queue (of one person when `userId` is given). */
export async function listAwardQueue(
  deps: Deps,
  actor: Actor,
  q: { queue: AwardQueue; userId?: string } & PageRequest,
): Promise<Page<Award>> {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(q.cursor, ['date', 'uuid']);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const duties = await dutiesOf(deps.db, actor);
  const rows = await awards.listAwards(deps.db, scopes, QUEUE_STATES[q.queue], limit + 1, { userId: q.userId, after });
  return mapPage(pageOf(rows, limit, awards.awardKey), (a) => presentAward(actor, duties, a));
}

/** The public list (公示) of a village or town: names masked (张*明), nothing else about the person. */
export async function publicityList(
  deps: Deps,
  actor: Actor,
  divisionCode: string | undefined,
  page: PageRequest = {},
): Promise<Page<PublicityRow>> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const duties = await dutiesOf(deps.db, actor);
  const places = divisionCode ? [divisionCode] : duties.places.map((p) => p.slice(0, Math.min(p.length, 12)));
  if (!places.length) return { items: [], next: null, more: false };
  const rows = await awards.listAwards(deps.db, places, ['published', 'objected'], limit + 1, { after });
  return mapPage(pageOf(rows, limit, awards.awardKey), (a) => ({
    id: a.id,
    name: maskName(a.userName),
    issuerCode: a.issuerCode,
    kind: a.kind,
    amount: a.amount,
    reason: a.reason,
    state: a.state,
    publishedAt: a.publishedAt,
    publicityUntil: a.publicityUntil,
    actions: mayObject(actor, duties, a) ? (['object'] as const) : [],
  }));
}

export async function listObjectionQueue(
  deps: Deps,
  actor: Actor,
  open: boolean,
  page: PageRequest = {},
): Promise<Page<Objection>> {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await awards.listObjections(deps.db, scopes, open, limit + 1, after);
  return mapPage(pageOf(rows, limit, awards.objectionKey), (o) => ({
    ...o,
    actions: o.resolvedAt === null && managesAt(actor, o.issuerCode) ? (['resolve'] as const) : [],
  }));
}

/** Resolving an objection is the `resolve` step of its award. */
export async function resolveObjection(deps: Deps, actor: Actor, objectionId: string, upheld: boolean, reason: string) {
  const o = await awards.findObjection(deps.db, objectionId);
  if (!o || !canReadAt(actor, o.issuerCode)) throw new AppError('not_found', { what: `objection ${objectionId}` });
  return stepAwardAsStaff(deps, actor, o.awardId, { type: 'resolve', upheld, reason });
}
