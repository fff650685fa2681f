/**
 * Reading the ledger (my points, history, reports per village and per person), settings, and
 * expiry (积分过期): soonest-expiring credits are consumed first; see points.domain `expiringNow`.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { pendingPoints } from './awards.repo';
import {
  balanceOf,
  ensureAccount,
  expiryCandidates,
  heldByPlace,
  type HistoryRow,
  history,
  historyIn,
  historyKey,
  lockPerson,
  placeKindTotals,
  placesWithEntries,
  post,
} from './ledger.repo';
import { personWithPlaces, registeredPlaces } from './people.repo';
import { expiringNow } from './points.domain';
import { canManageSettingsAt, canReadAt, readableScopes } from './points.policy';
import type { MyPoints, PageRequest, PersonReport, PlaceReport, SettingsView } from './points.schema';
import { type PointsSettings, saveSettings, settingsAt } from './rules.repo';

export async function myPoints(deps: Deps, actor: Actor): Promise<MyPoints> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const balance = await balanceOf(deps.db, actor.userId);
  const pending = await pendingPoints(deps.db, actor.userId);
  const places = await registeredPlaces(deps.db, actor.userId);
  const s = await settingsAt(deps.db, places[0] ?? deps.config.countyCode);
  // a "my place" the resident chose that staff have not confirmed yet does not open its shop
  const placeToConfirm =
    actor.homeDivisionCode && !places.includes(actor.homeDivisionCode) ? actor.homeDivisionCode : null;
  return {
    balance,
    pending: pending.earn,
    pendingDeductions: pending.deduct,
    exchange: { points: s.exchangePoints, yuan: s.exchangeYuan },
    shopPlaces: places,
    placeToConfirm,
  };
}

/** A page of the entries of a person's ledger, newest first. */
async function entriesPage(
  page: PageRequest,
  read: (limit: number, beforeId: number | null) => Promise<HistoryRow[]>,
): Promise<Page<HistoryRow>> {
  const before = afterKey(page.cursor, ['integer']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await read(limit + 1, before ? Number(before[0]) : null), limit, historyKey);
}

export async function myHistory(deps: Deps, actor: Actor, page: PageRequest = {}): Promise<Page<HistoryRow>> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const userId = actor.userId;
  return entriesPage(page, (limit, beforeId) => history(deps.db, userId, limit, beforeId));
}

/** Worker: expires what is left of credits past their expiry date, person → expiry account. */
export async function expirePoints(deps: Deps, limit = 500): Promise<{ accounts: number; points: number }> {
  const now = deps.clock.now();
  let accounts = 0;
  let points = 0;
  for (const c of await expiryCandidates(deps.db, now, limit)) {
    const amount = await deps.db.transaction(async (tx) => {
      const { account, balance } = await lockPerson(tx, c.userId, now); // recompute under the lock
      const [fresh] = (await expiryCandidates(tx, now, 1_000_000)).filter((x) => x.accountId === account.id);
      if (!fresh) return 0;
      const due = expiringNow(fresh.expiring, fresh.credits, balance);
      if (due <= 0) return 0;
      const expiry = await ensureAccount(tx, 'expiry', null, now);
      const transactionId = await post(tx, {
        kind: 'expiry',
        memo: `积分过期 ${due} 分`,
        createdBy: null,
        now,
        entries: [
          { accountId: account.id, amount: -due },
          { accountId: expiry.id, amount: due },
        ],
      });
      await audit(
        tx,
        { kind: 'anonymous', ip: null },
        {
          action: 'points.expire',
          entityType: 'user',
          entityId: c.userId,
          label: 'points.expiry',
          after: { points: due, transactionId },
        },
      );
      return due;
    });
    if (amount > 0) {
      accounts++;
      points += amount;
    }
  }
  return { accounts, points };
}

/** Ledger report per village (issuer), a page of places by code: issued, deducted, redeemed at its shops, held. */
export async function villageReport(
  deps: Deps,
  actor: Actor,
  scope: string | undefined,
  page: PageRequest = {},
): Promise<Page<PlaceReport>> {
  const scopes = scope ? [scope] : readableScopes(actor);
  if (!scopes.length || (scope && !canReadAt(actor, scope))) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['string']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const places = pageOf(
    await placesWithEntries(deps.db, scopes, limit + 1, after ? String(after[0]) : null),
    limit,
    (p) => [p.divisionCode],
  );
  const codes = places.items.map((p) => p.divisionCode);
  const byPlace = new Map<string, PlaceReport>(
    places.items.map((p) => [p.divisionCode, { ...p, issued: 0, deducted: 0, reserved: 0, redeemed: 0 }]),
  );
  for (const r of await placeKindTotals(deps.db, codes)) {
    const p = byPlace.get(r.divisionCode);
    if (!p) continue;
    const total = Number(r.total);
    if (r.kind === 'award') p.issued += -total;
    else if (r.kind === 'deduction') p.deducted += total;
    else if (r.kind === 'fulfil' && r.accountKind === 'shop') p.redeemed += total; // points that left the hold for the shop
  }
  for (const h of await heldByPlace(deps.db, codes)) {
    const p = byPlace.get(h.divisionCode);
    if (p) p.reserved = Number(h.total);
  }
  return { ...places, items: [...byPlace.values()] };
}

/**
 * One person's ledger for staff, limited to the reader's scope: the entries of transactions with
 * an issuer, shop or hold in the scope and the pending awards issued there. The whole balance (and
 * entries with no place, like expiry) only when the person's registered place is in the scope:
 * one award in a village does not open a person's ledger across towns.
 */
export async function personReport(
  deps: Deps,
  actor: Actor,
  userId: string,
  page: PageRequest = {},
): Promise<PersonReport> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const person = await personWithPlaces(deps.db, userId);
  if (!person || !person.places.some((p) => canReadAt(actor, p)))
    throw new AppError('not_found', { what: `person ${userId}` });
  const scopes = readableScopes(actor);
  const registeredHere = (await registeredPlaces(deps.db, userId)).some((p) => canReadAt(actor, p));
  const pending = await pendingPoints(deps.db, userId, scopes);
  return {
    userId,
    displayName: person.displayName,
    balance: registeredHere ? await balanceOf(deps.db, userId) : null,
    pending: pending.earn,
    pendingDeductions: pending.deduct,
    wholeLedger: registeredHere,
    entries: await entriesPage(page, (limit, beforeId) =>
      historyIn(deps.db, userId, scopes, registeredHere, limit, beforeId),
    ),
  };
}

export async function getSettings(deps: Deps, actor: Actor, scope: string): Promise<SettingsView> {
  if (!canReadAt(actor, scope) && !canManageSettingsAt(actor, scope)) throw new AppError('forbidden');
  // `actions`: what the console may offer here (edit: the settings keepers of this place)
  return {
    ...(await settingsAt(deps.db, scope)),
    actions: canManageSettingsAt(actor, scope) ? (['edit'] as const) : [],
  };
}

export type SettingsInput = Omit<PointsSettings, 'scopeCode' | 'overrideFactor' | 'overrideMonthlyCap'> &
  Partial<Pick<PointsSettings, 'overrideFactor' | 'overrideMonthlyCap'>>;

/** Saves the settings of a place; the override caps, when not sent, keep the values in force there. */
export async function putSettings(deps: Deps, actor: Actor, scope: string, s: SettingsInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!canManageSettingsAt(actor, scope)) throw new AppError('forbidden');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await settingsAt(tx, scope);
    await saveSettings(
      tx,
      { overrideFactor: before.overrideFactor, overrideMonthlyCap: before.overrideMonthlyCap, ...s, scopeCode: scope },
      actor.userId,
      now,
    );
    const after = await settingsAt(tx, scope);
    await audit(tx, actor, {
      action: 'points.settings',
      entityType: 'points_settings',
      entityId: scope,
      scopeCode: scope,
      before,
      after: s,
    });
    return after;
  });
}
