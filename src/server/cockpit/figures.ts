/**
 * The shape every module's cockpit contribution repeats (`<module>.cockpit.ts`), written once: the
 * three periods of a view as instants, a figure from the three periods' values (drill and ledger left
 * out for a kiosk), a rate with null over zero, a ranking by child place, and a panel that reads
 * 尚无数据 when its module has no records in the place. No SQL and no module here: a module's repo
 * counts, its cockpit file shapes the counts with these.
 */
import type {
  CockpitFigure,
  CockpitPanelPart,
  CockpitPeriod,
  CockpitRanking,
  CockpitSeries,
  CockpitUnit,
  CockpitView,
} from './cockpit.schema';

export interface Label {
  zh: string;
  en: string;
}

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A period as instants: [from, to), from the first day's CST midnight to the day after the last's. */
export interface Range {
  from: Date;
  to: Date;
}

export function rangeOf(p: CockpitPeriod): Range {
  return {
    from: new Date(Date.parse(`${p.from}T00:00:00Z`) - CST_OFFSET_MS),
    to: new Date(Date.parse(`${p.to}T00:00:00Z`) - CST_OFFSET_MS + DAY_MS),
  };
}

/** A value for each of the view's three periods. */
export interface Over<T> {
  period: T;
  previous: T;
  lastYear: T;
}

/** Reads the same thing for the period, the previous period and the same days last year (in parallel). */
export async function overPeriods<T>(
  view: CockpitView,
  read: (r: Range, p: CockpitPeriod) => Promise<T>,
): Promise<Over<T>> {
  const [period, previous, lastYear] = await Promise.all(
    [view.period, view.previous, view.lastYear].map((p) => read(rangeOf(p), p)),
  );
  return { period, previous, lastYear };
}

/** The same value in the three periods (a state, not a flow: e.g. stations registered). */
export const samePeriods = <T>(value: T): Over<T> => ({ period: value, previous: value, lastYear: value });

/** part / whole as a percent with one decimal; null when the whole is zero (a rate over nothing). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A mean rounded to one decimal; null over nothing. */
export function mean(total: number, n: number): number | null {
  return n === 0 ? null : Math.round((total / n) * 10) / 10;
}

export interface FigureDef {
  key: string;
  label: Label;
  unit: CockpitUnit;
  formula: Label;
  /** console path of the records (relative to /admin), for a signed-in viewer only */
  drill?: string;
  /** API path of the 台账 xlsx, for a signed-in viewer only */
  ledger?: string;
}

/**
 * A figure from its three periods' values; `pick` reads one number of a period's counts. A kiosk
 * gets no drill and no ledger.
 */
export function figure<T>(
  view: CockpitView,
  def: FigureDef,
  over: Over<T>,
  pick: (t: T) => number | null,
): CockpitFigure {
  const out: CockpitFigure = {
    key: def.key,
    label: def.label,
    unit: def.unit,
    value: pick(over.period),
    previous: pick(over.previous),
    lastYear: pick(over.lastYear),
    formula: def.formula,
  };
  if (!view.kiosk) {
    if (def.drill) out.drill = def.drill;
    if (def.ledger) out.ledger = def.ledger;
  }
  return out;
}

/** A figure with no history (a state known only now): previous and last year are null. */
export function figureNow(view: CockpitView, def: FigureDef, value: number | null): CockpitFigure {
  return figure(view, def, { period: value, previous: null, lastYear: null }, (v) => v);
}

/** The console path of a list, with the place and the period as its query (what a drill opens). */
export function drillPath(path: string, view: CockpitView, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ scope: view.scope, from: view.period.from, to: view.period.to, ...extra });
  return `${path}?${q}`;
}

const CHILD = {
  6: { length: 9, by: 'town' },
  9: { length: 12, by: 'village' },
  12: { length: 15, by: 'grid' },
} as const;

/** The length of a child place's code under a scope (county → town → village → grid); null below a grid. */
export function childLength(scope: string): number | null {
  return CHILD[scope.length as keyof typeof CHILD]?.length ?? null;
}

/** `${scope}%`, for `code LIKE $n` (a division code only: digits). */
export function scopePattern(scope: string): string {
  if (!/^[0-9]{2,15}$/.test(scope)) throw new Error(`not a division code: ${scope}`);
  return `${scope}%`;
}

export interface RankingDef {
  key: string;
  label: Label;
  unit: CockpitUnit;
}

export interface PlaceValue {
  code: string;
  name: string;
  value: number | null;
}

/** Rows best first: highest value, nulls last, then by code. */
function best<T extends { code: string; value: number | null }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) || (a.code < b.code ? -1 : 1),
  );
}

/** A ranking of other things than places (categories, kinds), best first; null with no row. */
export function ranking(def: RankingDef, by: CockpitRanking['by'], rows: readonly PlaceValue[]): CockpitRanking | null {
  return rows.length === 0 ? null : { ...def, by, rows: best(rows).map((r) => ({ ...r })) };
}

/**
 * A ranking of the scope's child places, highest first (nulls last, then by code); each row drills
 * to `drill` scoped to the child (not for a kiosk). Null when the scope has no child level or no row.
 */
export function childRanking(
  view: CockpitView,
  def: RankingDef,
  rows: readonly PlaceValue[],
  drill?: string,
): CockpitRanking | null {
  const by = CHILD[view.scope.length as keyof typeof CHILD]?.by;
  if (!by || rows.length === 0) return null;
  return {
    ...def,
    by,
    rows: best(rows).map((r) => ({
      code: r.code,
      name: r.name,
      value: r.value,
      ...(drill && !view.kiosk ? { drill: drillPath(drill, { ...view, scope: r.code }) } : {}),
    })),
  };
}

/** Adds up rows per child place (`code` cut to the child's length), keeping the child's name given. */
export function byChild<T extends { code: string }>(
  scope: string,
  rows: readonly T[],
  add: (acc: T | undefined, row: T, child: string) => T,
): T[] {
  const len = childLength(scope);
  if (!len) return [];
  const acc = new Map<string, T>();
  for (const r of rows) {
    if (r.code.length < len) continue;
    const child = r.code.slice(0, len);
    acc.set(child, add(acc.get(child), r, child));
  }
  return [...acc.values()];
}

export interface PanelDef {
  key: string;
  title: Label;
  order: number;
}

/**
 * A panel: `no_data` (shown as 尚无数据, with no figure at all) when the module has no records in the
 * place (`data` null or false), else ready with the figures made from `data`, the rankings (nulls
 * dropped) and series.
 */
export function panel<T>(
  def: PanelDef,
  data: T | null | false,
  figures: (data: T) => CockpitFigure[],
  rankings: readonly (CockpitRanking | null)[] = [],
  series: CockpitSeries[] = [],
): CockpitPanelPart {
  if (data === null || data === false) return { ...def, status: 'no_data', figures: [], rankings: [], series: [] };
  return {
    ...def,
    status: 'ready',
    figures: figures(data),
    rankings: rankings.filter((r): r is CockpitRanking => r !== null),
    series,
  };
}
