/**
 * Use cases: the ranked indicator table, the cases behind one figure, the ledger export.
 * Each: resolve the scope → authorise (policy; out of scope answers 404) → one query → domain.
 */
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { DEFAULT_SORT, dailyTrend, lastDays, parsePeriod, type Period, rankedTable } from './indicators.domain';
import { defaultScope, indicatorView, type IndicatorView } from './indicators.policy';
import { caseLineKey, countByDay, countByGroup, divisionName, listMeasure, type Slice } from './indicators.repo';
import type { CaseLine, DrillQuery, IndicatorTable, TableQuery, Trend, TrendQuery } from './indicators.schema';

export type { IndicatorTable };

const period = (from: string, to: string): Period => unwrap(parsePeriod(from, to, 'querystring.'));

/** The scope asked for (or the actor's own) if the actor may see it; 404 otherwise. */
function authorise(actor: Actor, scope: string | undefined): IndicatorView {
  const wanted = scope ?? defaultScope(actor);
  const view = wanted ? indicatorView(actor, wanted) : null;
  if (!view) throw new AppError('not_found', { what: `indicators of ${wanted ?? 'any place'}` });
  return view;
}

function slice(view: IndicatorView, p: Period): Slice {
  return { scope: view.scope, departments: view.departments, from: p.from, to: p.to };
}

export async function indicatorTable(deps: Deps, actor: Actor, q: TableQuery): Promise<IndicatorTable> {
  const p = period(q.from, q.to);
  const view = authorise(actor, q.scope);
  const sort = q.sort ?? DEFAULT_SORT;
  const groups = await countByGroup(deps.db, q.dimension, slice(view, p));
  const { rows, total } = rankedTable(
    groups.map(({ key, name, nameEn, ...counts }) => ({ key, name, nameEn, counts })),
    sort,
  );
  return {
    dimension: q.dimension,
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

/** The cases behind one figure of one row (drill-down). */
export async function indicatorCases(deps: Deps, actor: Actor, q: DrillQuery): Promise<Page<CaseLine>> {
  const p = period(q.from, q.to);
  const view = authorise(actor, q.scope);
  const after = afterKey(q.cursor, ['date', 'string']);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const key = q.key === 'none' ? null : q.key;
  const rows = await listMeasure(deps.db, q.dimension, key, q.measure, slice(view, p), limit + 1, after);
  return pageOf(rows, limit, caseLineKey);
}

/** The headline figures of the last `days` days (default 30) with a figure per day: the console home's sparklines. */
export async function indicatorTrend(deps: Deps, actor: Actor, q: TrendQuery): Promise<Trend> {
  const view = authorise(actor, q.scope);
  const p = lastDays(deps.clock.now(), q.days ?? 30);
  const rows = await countByDay(deps.db, slice(view, p));
  return {
    scope: view.scope,
    scopeName: await divisionName(deps.db, view.scope),
    departments: view.departments,
    from: p.from,
    to: p.to,
    ...dailyTrend(p, rows),
  };
}
