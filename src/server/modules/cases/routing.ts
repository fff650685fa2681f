/**
 * Routing, pure: location → grid (point in polygon; the nearest grid's village when no polygon
 * contains the point), then the category's rules → tier and handler. Every decision is written
 * into a rule trace the console shows ("why did this case go here").
 */
import type { Tier } from './taxonomy';
import type { GridLookup } from '../organisation';

export interface TraceStep {
  rule: string;
  zh: string;
  en: string;
}

export type { GridLookup };

export interface Location {
  gridCode: string | null;
  divisionCode: string; // the village or community (12 digits), or the county when nothing is known
  trace: TraceStep;
}

export function locate(point: [number, number], grids: GridLookup | null, countyCode: string): Location {
  const inside = grids?.find(point) ?? null;
  if (inside) {
    return {
      gridCode: inside,
      divisionCode: inside.slice(0, 12),
      trace: { rule: 'grid_polygon', zh: `坐标位于网格 ${inside} 内`, en: `The point lies in grid ${inside}` },
    };
  }
  const near = grids?.nearest(point) ?? null;
  if (near) {
    const village = near.slice(0, 12);
    return {
      gridCode: null,
      divisionCode: village,
      trace: {
        rule: 'nearest_village',
        zh: `坐标不在任何网格内，按最近网格归入村（社区）${village}`,
        en: `No grid contains the point; assigned to village ${village} of the nearest grid`,
      },
    };
  }
  return {
    gridCode: null,
    divisionCode: countyCode,
    trace: {
      rule: 'no_grids',
      zh: '本县尚无网格范围，案件归县级受理',
      en: 'No grid areas exist yet; the case goes to the county',
    },
  };
}

/**
 * A case keeps the place it was given when it was received: when the grids were redrawn since and
 * the point now lies elsewhere, routing again uses the case's own grid or village.
 */
export function keepPlace(located: Location, c: { gridCode: string | null; divisionCode: string }): Location {
  const division = c.gridCode ? c.gridCode.slice(0, 12) : c.divisionCode;
  if (located.gridCode === c.gridCode && located.divisionCode === division) return located;
  const place = c.gridCode ?? division;
  return {
    gridCode: c.gridCode,
    divisionCode: division,
    trace: {
      rule: 'case_place',
      zh: `案件仍归属受理时确定的 ${place}`,
      en: `The case stays in ${place}, where it was placed when received`,
    },
  };
}

export interface RoutingCategory {
  code: string;
  name: string;
  defaultTier: Tier;
  departmentKey: string | null;
}

export type Target =
  | { kind: 'grid'; code: string }
  | { kind: 'village'; code: string }
  | { kind: 'department'; departmentCode: string; dispatcherScope: string };

export interface RouteDecision {
  tier: Tier;
  target: Target;
  trace: TraceStep[];
}

/**
 * 群众身边事群众管、群众难办事部门管: small matters stay with the grid (or village), hard ones go
 * to the responsible department through the town's dispatcher.
 */
export function route(category: RoutingCategory, where: Location, countyCode: string): RouteDecision {
  const trace: TraceStep[] = [where.trace];
  let tier = category.defaultTier;
  trace.push({
    rule: 'category_tier',
    zh: `类别「${category.name}」默认由${tierZh(tier)}处置`,
    en: `Category "${category.code}" is handled by the ${tier} tier by default`,
  });
  if (tier === 'grid' && !where.gridCode) {
    tier = 'village';
    trace.push({
      rule: 'no_grid_fallback',
      zh: '无所属网格，改由村（社区）处置',
      en: 'No grid: the village or community handles it',
    });
  }
  if ((tier === 'grid' || tier === 'village') && where.divisionCode.length < 12) {
    tier = 'department';
    trace.push({
      rule: 'no_village_fallback',
      zh: '无法确定村（社区），转部门处置',
      en: 'No village or community known: a department handles it',
    });
  }
  if (tier === 'grid') return { tier, target: { kind: 'grid', code: where.gridCode! }, trace };
  if (tier === 'village') return { tier, target: { kind: 'village', code: where.divisionCode }, trace };
  const key = category.departmentKey ?? 'cgj';
  const departmentCode = `${countyCode}-${key}`;
  const dispatcherScope = where.divisionCode.length >= 9 ? where.divisionCode.slice(0, 9) : countyCode;
  trace.push({
    rule: 'department',
    zh: `由责任部门 ${departmentCode} 办理，经${dispatcherScope.length === 9 ? '镇（街道）' : '市级'}调度派遣`,
    en: `Responsible department ${departmentCode}, dispatched by the ${dispatcherScope.length === 9 ? 'town' : 'county'} dispatcher`,
  });
  return { tier, target: { kind: 'department', departmentCode, dispatcherScope }, trace };
}

/**
 * 改类重派: the dispatcher files the case under another category. The same point is routed again for
 * the new category; the trace reads location → the change of category → the new category's rules.
 */
export function reroute(
  category: RoutingCategory,
  where: Location,
  countyCode: string,
  change: { from: { code: string; name: string }; by: string },
): RouteDecision {
  const decision = route(category, where, countyCode);
  const step: TraceStep = {
    rule: 'category_changed',
    zh: `${change.by}立案时将类别由「${change.from.name}」改为「${category.name}」，按新类别重新分派`,
    en: `${change.by} filed the case as "${category.code}" instead of "${change.from.code}"; routed again for the new category`,
  };
  return { ...decision, trace: [decision.trace[0], step, ...decision.trace.slice(1)] };
}

function tierZh(t: Tier): string {
  return t === 'grid' ? '网格' : t === 'village' ? '村（社区）' : '职能部门';
}
