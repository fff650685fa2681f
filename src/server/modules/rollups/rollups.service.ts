/**
 * Use cases: the indicator table from the rollup (what the cockpit reads), keeping the rollup current
 * (the outbox subscription), rebuilding it from the raw cases and verifying it against them.
 */
import type { Actor } from '../../platform/actor';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { subscribe, type Subscription } from '../../platform/outbox/outbox';
import {
  DEFAULT_SORT,
  defaultScope,
  type Dimension,
  type IndicatorTable,
  indicatorView,
  type IndicatorView,
  rankedTable,
  type SortKey,
} from '../indicators';
import {
  countsOf,
  type DayRange,
  type FigureDifference,
  figureDifferences,
  parseDayRange,
  periodOf,
} from './rollups.domain';
import {
  applyCases,
  differences,
  divisionName,
  lockRollups,
  receivesRollups,
  pendingChanges,
  rebuildAll,
  rebuildDays,
  staleCases,
  sumByGroup,
} from './rollups.repo';
import { ROLLUPS_CASES_CHANGED } from './topics';

export interface CasesTableQuery {
  by: Dimension;
  scope?: string;
  from: string;
  to: string;
  sort?: SortKey;
}

/** The scope asked for (or the actor's own) if the actor may see its indicators; 404 otherwise (the indicators' policy). */
function authorise(actor: Actor, scope: string | undefined): IndicatorView {
  const wanted = scope ?? defaultScope(actor);
  const view = wanted ? indicatorView(actor, wanted) : null;
  if (!view) throw new AppError('not_found', { what: `rollups of ${wanted ?? 'any place'}` });
  return view;
}

/** The case indicators per town, village, grid, category or department for whole days, summed from the rollup. */
export async function casesTable(deps: Deps, actor: Actor, q: CasesTableQuery): Promise<IndicatorTable> {
  const days = unwrap(parseDayRange(q.from, q.to, 'querystring.')) as { from: string; to: string };
  const view = authorise(actor, q.scope);
  const sort = q.sort ?? DEFAULT_SORT;
  const groups = await sumByGroup(deps.db, q.by, { ...days, scope: view.scope, departments: view.departments });
  const { rows, total } = rankedTable(
    groups.map(({ sums, ...g }) => ({ ...g, counts: countsOf(sums) })),
    sort,
  );
  const p = periodOf(days);
  return {
    dimension: q.by,
    scope: view.scope,
    scopeName: await divisionName(deps.db, view.scope),
    departments: view.departments,
    from: p.from,
    to: p.to,
    sort,
    rows,
    total,
  };
}

/** The subscription: each message's cases brought up to date in the delivery's transaction. */
export const casesChangedHandler = (_deps: Deps): Subscription =>
  subscribe(ROLLUPS_CASES_CHANGED, (tx, m) => applyCases(tx, m.payload.caseIds));

export interface RebuildOutcome {
  range: DayRange;
  /** Cases recomputed (all of them for a full rebuild; those that had changed for a range). */
  cases: number;
  /** Rollup rows written. */
  rows: number;
}

/**
 * Recomputes the rollup from the raw cases in one transaction (appliers wait meanwhile). With no
 * range: everything. With a range: first every case whose recorded facts are out of date is brought
 * up to date (so the rollup stays the sum of its cases' facts on every day), then the days in the
 * range are rewritten from the cases' facts (repairing rows changed by hand).
 */
export async function rebuildRollups(db: Database, range: DayRange): Promise<RebuildOutcome> {
  return db.ownerTransaction(async (tx) => {
    // a province's rollups are its counties' rows, not sums of its own (empty) cases
    if (await receivesRollups(tx)) throw new AppError('rollups_subscribed');
    await lockRollups(tx);
    if (range.from === null && range.to === null) return { range, ...(await rebuildAll(tx)) };
    const stale = await staleCases(tx);
    await applyCases(tx, stale);
    return { range, cases: stale.length, ...(await rebuildDays(tx, range)) };
  });
}

export interface VerifyOutcome {
  range: DayRange;
  differences: FigureDifference[];
  /** Changes not delivered to the rollup yet: differences may be only these. */
  pending: number;
}

/** Compares the rollup with a GROUP BY over the raw cases, day by day and key by key, for every figure. */
export async function verifyRollups(db: Database, range: DayRange): Promise<VerifyOutcome> {
  const [keys, pending] = await Promise.all([differences(db.owner, range), pendingChanges(db.owner)]);
  return { range, differences: figureDifferences(keys), pending };
}

/** A day range from the command line (`--from`, `--to`), or a validation_failed naming the flag. */
export const dayRangeOf = (from: string | undefined, to: string | undefined): DayRange =>
  unwrap(parseDayRange(from, to, '--'));
