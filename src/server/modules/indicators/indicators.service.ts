/**
 * Use cases: the ranked indicator table, the cases behind one figure, the ledger export.
 * Each: resolve the scope → authorise (policy; out of scope answers 404) → one query → domain.
 */
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  type Counts,
  type Dimension,
  type Indicators,
  indicators,
  type Measure,
  parsePeriod,
  type Period,
  rank,
  type SortKey,
  sumCounts,
} from './indicators.domain';
import { defaultScope, indicatorView, type IndicatorView } from './indicators.policy';
import { countByGroup, divisionName, listMeasure, type Slice } from './indicators.repo';

export interface TableQuery {
  dimension: Dimension;
  scope?: string;
  from: string;
  to: string;
  sort?: SortKey;
}

export interface IndicatorRow extends Indicators {
  rank: number | null;
  /** The group's code; null for cases with none (no grid, no department yet). */
  key: string | null;
  name: string | null;
  nameEn: string | null;
  counts: Counts;
}

export interface IndicatorTable {
  dimension: Dimension;
  scope: string;
  scopeName: string | null;
  /** Set when the actor sees only their departments' cases. */
  departments: string[] | null;
  from: Date;
  to: Date;
  sort: SortKey;
  rows: IndicatorRow[];
  total: Indicators & { counts: Counts };
}

export const DEFAULT_SORT: SortKey = 'closureRate';

function period(from: string, to: string): Period {
  const r = parsePeriod(from, to);
  if (r.ok) return r.period;
  const field = `querystring.${r.field}`;
  throw new AppError('validation_failed', {
    summary: `${field} ${r.problem}`,
    fields: [{ field, problem: r.problem }],
  });
}

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
  const rows = groups.map((g) => {
    const { key, name, nameEn, ...counts } = g;
    return { key, name, nameEn, counts, ...indicators(counts) };
  });
  const ranked = rank(
    rows,
    (r) => r[sort],
    sort,
    (r) => r.key ?? '\uffff',
    (r) => r.key !== null,
  );
  const totalCounts = sumCounts(rows.map((r) => r.counts));
  return {
    dimension: q.dimension,
    scope: view.scope,
    scopeName: await divisionName(deps.db, view.scope),
    departments: view.departments,
    from: p.from,
    to: p.to,
    sort,
    rows: ranked.map(({ rank: r, item }) => ({ rank: r, ...item })),
    total: { ...indicators(totalCounts), counts: totalCounts },
  };
}

export interface DrillQuery {
  dimension: Dimension;
  /** The group's code; 'none' for the unassigned group. */
  key: string;
  scope?: string;
  from: string;
  to: string;
  measure: Measure;
  limit?: number;
}

/** The cases behind one figure of one row (drill-down). */
export async function indicatorCases(deps: Deps, actor: Actor, q: DrillQuery) {
  const p = period(q.from, q.to);
  const view = authorise(actor, q.scope);
  return listMeasure(deps.db, q.dimension, q.key === 'none' ? null : q.key, q.measure, slice(view, p), q.limit ?? 200);
}
