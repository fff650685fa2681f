/**
 * The registers of the collective economy: the three cooperatives of 村社合一, collective assets, and
 * contracts (leases) with their payment schedule, payments received and overdue flags (a due date
 * passed unpaid, by simple date compare in CST). Every write is scoped, checked and audited in one transaction.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type PageRequest, mapPage, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { checkContract, isFen, isOverdue, MAX_FEN, overdueFen } from './economy.domain';
import type { AssetBody, ContractBody, CooperativeBody } from './economy.schema';
import { scopesFor, writableVillage } from './incomes.service';
import * as repo from './registers.repo';

type ScopedPage = PageRequest & { scope?: string };
const today = (deps: Deps) => cstDate(deps.clock.now());

export async function listCooperatives(deps: Deps, actor: Actor, q: ScopedPage) {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.cooperatives(
    deps.db,
    scopesFor(actor, q.scope),
    limit + 1,
    afterKey(q.cursor, ['string', 'uuid']),
  );
  return pageOf(rows, limit, repo.cooperativeKey);
}

export async function listAssets(deps: Deps, actor: Actor, q: ScopedPage) {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.assets(deps.db, scopesFor(actor, q.scope), limit + 1, afterKey(q.cursor, ['string', 'uuid']));
  return pageOf(rows, limit, repo.assetKey);
}

/** A contract as shown: each due with its overdue flag, the contract's flag and what is overdue. */
export function contractView(c: repo.ContractRow, day: string) {
  const dues = c.dues.map((d) => ({
    ...d,
    amountFen: Number(d.amountFen),
    paidFen: Number(d.paidFen),
    overdue: isOverdue({ ...d, amountFen: Number(d.amountFen), paidFen: Number(d.paidFen) }, day),
  }));
  return { ...c, dues, overdue: dues.some((d) => d.overdue), overdueFen: overdueFen(dues, day) };
}

export async function listContracts(deps: Deps, actor: Actor, q: ScopedPage) {
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.contracts(
    deps.db,
    scopesFor(actor, q.scope),
    limit + 1,
    afterKey(q.cursor, ['string', 'uuid']),
  );
  const day = today(deps);
  return mapPage(pageOf(rows, limit, repo.contractKey), (c) => contractView(c, day));
}

const duplicate = (what: { zh: string; en: string }, name: string) =>
  new AppError('economy_duplicate', { what: what.zh, name, whatEn: what.en });

export async function createCooperative(deps: Deps, actor: UserActor, body: CooperativeBody) {
  return deps.db.transaction(async (tx) => {
    await writableVillage(tx, actor, body.villageCode);
    const c = {
      villageCode: body.villageCode,
      kind: body.kind,
      name: body.name.trim(),
      members: body.members,
      registrationNo: body.registrationNo?.trim() ?? '',
      registeredOn: body.registeredOn ?? null,
    };
    const id = await repo.insertCooperative(tx, c);
    if (!id) throw duplicate({ zh: '合作社', en: 'cooperative' }, c.name);
    await audit(tx, actor, {
      action: 'economy.cooperative_create',
      entityType: 'cooperative',
      entityId: id,
      scopeCode: c.villageCode,
      after: c,
    });
    return (await repo.cooperatives(tx, [c.villageCode], 1000, null)).find((x) => x.id === id)!;
  });
}

export async function createAsset(deps: Deps, actor: UserActor, body: AssetBody) {
  if (!isFen(body.bookValueFen)) throw new AppError('economy_amount_invalid', { field: 'bookValueFen', max: MAX_FEN });
  return deps.db.transaction(async (tx) => {
    await writableVillage(tx, actor, body.villageCode);
    const a = {
      villageCode: body.villageCode,
      kind: body.kind,
      name: body.name.trim(),
      quantity: body.quantity?.trim() ?? '',
      bookValueFen: body.bookValueFen,
    };
    const id = await repo.insertAsset(tx, a);
    if (!id) throw duplicate({ zh: '资产', en: 'asset' }, a.name);
    await audit(tx, actor, {
      action: 'economy.asset_create',
      entityType: 'asset',
      entityId: id,
      scopeCode: a.villageCode,
      after: a,
    });
    return (await repo.assets(tx, [a.villageCode], 1000, null)).find((x) => x.id === id)!;
  });
}

/** A contract or lease with its schedule: the term ends after it starts, every due inside it. */
export async function createContract(deps: Deps, actor: UserActor, body: ContractBody) {
  unwrap(checkContract(body));
  return deps.db.transaction(async (tx) => {
    await writableVillage(tx, actor, body.villageCode);
    const assetId = body.assetId ?? null;
    if (assetId && (await repo.assetVillage(tx, assetId)) !== body.villageCode) throw new AppError('not_found');
    const c = { ...body, assetId, subject: body.subject.trim(), counterparty: body.counterparty.trim() };
    const id = await repo.insertContract(tx, c, actor.userId);
    for (const d of body.dues) await repo.insertDue(tx, id, d);
    await audit(tx, actor, {
      action: 'economy.contract_create',
      entityType: 'contract',
      entityId: id,
      scopeCode: c.villageCode,
      after: c,
    });
    return contractView((await repo.contract(tx, id))!, today(deps));
  });
}

/** A payment received against one due (never more than is outstanding), audited with before and after. */
export async function recordPayment(
  deps: Deps,
  actor: UserActor,
  contractId: string,
  dueId: string,
  body: { amountFen: number; paidOn: string },
) {
  if (!isFen(body.amountFen) || body.amountFen === 0)
    throw new AppError('economy_amount_invalid', { field: 'amountFen', max: MAX_FEN });
  return deps.db.transaction(async (tx) => {
    const c = await repo.contract(tx, contractId);
    if (!c || !scopesFor(actor).some((s) => c.villageCode.startsWith(s))) throw new AppError('not_found');
    await writableVillage(tx, actor, c.villageCode);
    const due = await repo.dueForUpdate(tx, contractId, dueId);
    if (!due) throw new AppError('not_found');
    if (due.paidFen + body.amountFen > due.amountFen)
      throw new AppError('economy_payment_invalid', { ...due, payFen: body.amountFen });
    await repo.payDue(tx, dueId, due.paidFen + body.amountFen, body.paidOn);
    await audit(tx, actor, {
      action: 'economy.payment_record',
      entityType: 'contract',
      entityId: contractId,
      scopeCode: c.villageCode,
      before: due,
      after: { dueId, paidFen: due.paidFen + body.amountFen, paidOn: body.paidOn },
    });
    return contractView((await repo.contract(tx, contractId))!, today(deps));
  });
}
