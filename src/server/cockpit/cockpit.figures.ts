/**
 * Helpers for the modules' cockpit contributors (`<module>.cockpit.ts`): a figure over the three
 * periods, a panel without data, console paths with query strings, rankings in order, the child
 * level of a place. Pure: no I/O.
 */
import type {
  CockpitFigure,
  CockpitPanelPart,
  CockpitPeriod,
  CockpitRanking,
  CockpitUnit,
  CockpitView,
} from './cockpit.schema';

export type Label = { zh: string; en: string };
/** A value for each of the view's periods. */
export type Triple = [value: number | null, previous: number | null, lastYear: number | null];

/** The three periods of a view, in the order of a Triple. */
export const periodsOf = (v: CockpitView): [CockpitPeriod, CockpitPeriod, CockpitPeriod] => [
  v.period,
  v.previous,
  v.lastYear,
];

/** A path with its query (undefined and null fields left out), e.g. `/cases/all?grid=421081&overdue=1`. */
export function pathWith(path: string, query: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export interface FigureSpec {
  key: string;
  label: Label;
  unit: CockpitUnit;
  formula: Label;
  /** console path of the records behind it (left out for a kiosk) */
  drill?: string;
  /** API path of its 台账 (left out for a kiosk) */
  ledger?: string;
}

export function figure(view: CockpitView, spec: FigureSpec, [value, previous, lastYear]: Triple): CockpitFigure {
  const { drill, ledger, ...rest } = spec;
  return {
    ...rest,
    value,
    previous,
    lastYear,
    ...(view.kiosk || drill === undefined ? {} : { drill }),
    ...(view.kiosk || ledger === undefined ? {} : { ledger }),
  };
}

/** A module's panel when it has no records in the place: 尚无数据, never zeros. */
export function noData(key: string, title: Label, order: number): CockpitPanelPart {
  return { key, title, order, status: 'no_data', figures: [], rankings: [], series: [] };
}

type Row = CockpitRanking['rows'][number];

/** Rows best first: the highest value first, nulls last, ties by code. */
export function ranked(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === b.value ? cmp(a.code, b.code) : a.value === null ? 1 : -1;
    return b.value - a.value || cmp(a.code, b.code);
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The level of a division code (by its length), as the cockpit names it. */
const LEVELS: Record<number, string> = { 2: 'province', 4: 'city', 6: 'county', 9: 'town', 12: 'village', 15: 'grid' };
export const placeLevel = (code: string): string => LEVELS[code.length] ?? 'other';

/** The level of a place's children that the cockpit ranks: towns of a county, villages of a town, grids of a village. */
export function childLevel(code: string): 'town' | 'village' | 'grid' | null {
  if (code.length === 6) return 'town';
  if (code.length === 9) return 'village';
  if (code.length === 12) return 'grid';
  return null;
}

/** Each day from `from` to `to`, both included (YYYY-MM-DD). */
export function daysOf(p: CockpitPeriod): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${p.from}T00:00:00Z`); t <= Date.parse(`${p.to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** n / d as a percentage with one decimal (half away from zero); null when d is 0. */
export function percentOf(n: number, d: number): number | null {
  if (d <= 0) return null;
  const v = (100 * n) / d;
  return Math.sign(v) * (Math.round(Number((Math.abs(v) * 10).toPrecision(12))) / 10);
}

/** On a province installation (#17 item 6): the cities of a province, the counties of a city; else null. */
export function childAboveCounty(code: string): 'city' | 'county' | null {
  return code.length === 2 ? 'city' : code.length === 4 ? 'county' : null;
}
