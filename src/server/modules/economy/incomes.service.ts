/**
 * Collective income (村级集体收入) per village, year and source: the register by village, entries and
 * corrections (audited with before and after, in one transaction), the threshold setting, and the
 * share of villages at or above it — `collectiveIncomeSummary` is the seam the cockpit (#17) reads.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { checkIncomeEntry, isAbove, summarise } from './economy.domain';
import { DEFAULT_THRESHOLD_FEN } from './economy.labels';
import { economyScopes, keepsEconomyAt, setsThresholdOf } from './economy.policy';
import * as repo from './economy.repo';
import { cooperatives } from './registers.repo';
import type { IncomeBody, Summary, VillageIncomePage } from './economy.schema';

export const currentYear = (deps: Deps) => Number(cstDate(deps.clock.now()).slice(0, 4));

/** The scopes a list covers: the one asked for (inside the actor's) or all of the actor's. */
export function scopesFor(actor: Actor, scope?: string): string[] {
  const mine = economyScopes(actor);
  if (!mine.length) throw new AppError('forbidden');
  if (scope === undefined) return mine;
  if (!mine.some((s) => scope.startsWith(s))) throw new AppError('forbidden');
  return [scope];
}

/** The one place a summary is about: the one asked for, or the actor's widest. */
export const summaryScope = (actor: Actor, scope?: string) =>
  scopesFor(actor, scope).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];

export const thresholdFor = async (q: Queryable, scope: string) =>
  (await repo.thresholdOf(q, scope.slice(0, 6))) ?? DEFAULT_THRESHOLD_FEN;

/** A village the actor may write: a 村委会 (else economy_not_village) inside their area (else economy_out_of_scope). */
export async function writableVillage(q: Queryable, actor: Actor, code: string) {
  const d = await repo.division(q, code);
  if (d?.level !== 5 || d.kind !== 'village_committee') throw new AppError('economy_not_village', { code });
  if (!keepsEconomyAt(actor, code)) throw new AppError('economy_out_of_scope', { code });
  return d;
}

export async function listIncomes(
  deps: Deps,
  actor: Actor,
  query: { scope?: string; year: number; cursor?: string; limit?: number },
): Promise<VillageIncomePage> {
  const scopes = scopesFor(actor, query.scope);
  const after = afterKey(query.cursor, ['string']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const thresholdFen = await thresholdFor(deps.db, scopes[0]);
  const rows = await repo.villageIncomes(deps.db, scopes, query.year, limit + 1, after);
  const page = pageOf(rows, limit, (r) => [r.code]);
  return {
    ...page,
    items: page.items.map((r) => ({ ...r, above: isAbove(r.totalFen, thresholdFen) })),
    thresholdFen,
    year: query.year,
  };
}

/** Enters or corrects a village's income for a year (the sources given; the others stay). */
export async function setIncome(deps: Deps, actor: UserActor, village: string, year: number, body: IncomeBody) {
  const entry = unwrap(checkIncomeEntry({ year, amounts: body.amounts }, currentYear(deps)));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await writableVillage(tx, actor, village);
    const before = await repo.incomesOf(tx, village, year, true);
    for (const [source, amountFen] of entry.amounts)
      await repo.upsertIncome(tx, { village, year, source, amountFen, note: body.note ?? '', by: actor.userId }, now);
    const after = await repo.incomesOf(tx, village, year);
    await audit(tx, actor, {
      action: 'economy.income_set',
      entityType: 'collective_income',
      entityId: `${village}/${year}`,
      scopeCode: village,
      before,
      after,
    });
    const thresholdFen = await thresholdFor(tx, village);
    const [row] = await repo.villageIncomes(tx, [village], year, 1, null, village);
    return { ...row, above: isAbove(row.totalFen, thresholdFen) };
  });
}

/**
 * The share of villages (村委会) at or above the county's threshold for a year, in the scope (a county
 * or a town) and per town under it. No actor: the caller has decided the reader may see the scope.
 */
export async function collectiveIncomeSummary(
  deps: Pick<Deps, 'db'>,
  scopeCode: string,
  year: number,
): Promise<Summary> {
  const [totals, thresholdFen, names] = await Promise.all([
    repo.totalsIn(deps.db, scopeCode, year),
    thresholdFor(deps.db, scopeCode),
    repo.divisionNames(deps.db, [scopeCode]),
  ]);
  const s = summarise(totals, thresholdFen, year);
  const townNames = await repo.divisionNames(
    deps.db,
    s.towns.map((t) => t.code),
  );
  return {
    scope: scopeCode,
    scopeName: names.get(scopeCode) ?? scopeCode,
    year,
    thresholdFen,
    villages: s.villages,
    above: s.above,
    basisPoints: s.basisPoints,
    totalFen: s.totalFen,
    towns: s.towns.map((t) => ({ ...t, name: townNames.get(t.code) ?? t.code })),
  };
}

export async function summary(deps: Deps, actor: Actor, query: { scope?: string; year: number }) {
  return collectiveIncomeSummary(deps, summaryScope(actor, query.scope), query.year);
}

export async function settings(deps: Deps, actor: Actor) {
  const countyCode = summaryScope(actor).slice(0, 6);
  return { countyCode, thresholdFen: await thresholdFor(deps.db, countyCode) };
}

/** County officers change their county's threshold (audited, before and after). */
export async function setThreshold(deps: Deps, actor: UserActor, thresholdFen: number) {
  const countyCode = summaryScope(actor).slice(0, 6);
  if (!setsThresholdOf(actor, countyCode)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const before = await thresholdFor(tx, countyCode);
    await repo.setThreshold(tx, countyCode, thresholdFen, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'economy.threshold_set',
      entityType: 'economy_settings',
      entityId: countyCode,
      scopeCode: countyCode,
      before: { thresholdFen: before },
      after: { thresholdFen },
    });
    return { countyCode, thresholdFen };
  });
}

/** A resident's village: its income by source for the year, whether it reached the threshold, its cooperatives. */
export async function myVillage(deps: Deps, actor: UserActor, year?: number) {
  const [code] = await repo.placesOfUser(deps.db, actor.userId);
  if (!code) return { village: null };
  const y = year ?? currentYear(deps) - 1;
  const [row] = await repo.villageIncomes(deps.db, [code], y, 1, null, code);
  if (!row) return { village: null };
  const thresholdFen = await thresholdFor(deps.db, code);
  const coops = await cooperatives(deps.db, [code], 20, null);
  return {
    village: {
      code: row.code,
      name: row.name,
      year: y,
      amounts: row.amounts,
      totalFen: row.totalFen,
      thresholdFen,
      above: isAbove(row.totalFen, thresholdFen),
      cooperatives: coops.map((c) => ({ kind: c.kind, name: c.name, members: c.members })),
    },
  };
}
