/**
 * Who may see indicators of what. Town and county officers: any place in their subtree. Village
 * officers: their village (and its grids). Department handlers: only the cases of their own
 * department, within their grant's region. Everyone else sees nothing (the service answers 404,
 * as for any place out of scope).
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

const OFFICERS: readonly Role[] = ['village_officer', 'town_officer', 'county_officer'];

/** What the actor may count under `scope`: every case there, or only some departments' cases. */
export interface IndicatorView {
  scope: string;
  departments: string[] | null;
}

export function indicatorView(actor: Actor, scope: string): IndicatorView | null {
  if (actor.kind !== 'user') return null;
  if (holdsAt(actor, OFFICERS, scope)) return { scope, departments: null };
  const departments = actor.grants
    .filter((g) => g.role === 'department_handler' && g.departmentCode && scope.startsWith(g.scopeCode))
    .map((g) => g.departmentCode!);
  return departments.length ? { scope, departments: [...new Set(departments)] } : null;
}

/** The scope used when the request names none: the actor's widest place with indicator rights. */
export function defaultScope(actor: Actor): string | null {
  const scopes = [...scopesWith(actor, OFFICERS), ...scopesWith(actor, ['department_handler'])];
  return scopes.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? null;
}

/** For the UI: may this actor open the indicators page at all? */
export function canSeeIndicators(actor: Actor): boolean {
  return defaultScope(actor) !== null;
}

export function indicatorCapabilities(actor: Actor): Capability[] {
  return canSeeIndicators(actor) ? ['indicators.read'] : [];
}
