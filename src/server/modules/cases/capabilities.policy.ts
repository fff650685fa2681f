/**
 * The cases capabilities sent to the web (menus and buttons), each derived from the predicate the
 * services check (cases.policy), asked for every grant of the actor about a case at the grant's own
 * place: a role gets a capability exactly when some case it can reach would pass the check.
 */
import type { Actor, Grant, UserActor } from '../../platform/actor';
import { type Capability, hasRole, PERSONAL_HANDLER_ROLES } from '../access';
import { canTriage, canVerify, caseReadScope, isHandler, isSupervisor } from './cases.policy';
import type { Tier } from './taxonomy';

const TIERS: readonly Tier[] = ['grid', 'village', 'department'];

type CaseAt = Parameters<typeof canTriage>[1];

/** A case at the grant's place (and in the grant's department), open. */
function caseAt(g: Grant, tier: Tier): CaseAt {
  return {
    tier,
    divisionCode: g.scopeCode,
    gridCode: null,
    handlerUserId: null,
    handlerDepartment: g.departmentCode,
    reporterId: null,
    state: 'handling',
    isPublic: false,
  };
}

/** Case categories (tiers, departments, time limits) are the county's (categories.service). */
export function canManageCategories(actor: Actor): boolean {
  return hasRole(actor, 'county_officer');
}

/** May this grant's holder be given cases to handle: in person (loop dispatch checks access.repo mayHandleAt) or through their department? */
function mayHandle(one: UserActor, g: Grant): boolean {
  if (PERSONAL_HANDLER_ROLES.includes(g.role)) return true;
  return g.departmentCode !== null && isHandler(one, caseAt(g, 'department'));
}

export function caseCapabilities(actor: Actor): Capability[] {
  if (actor.kind !== 'user') return [];
  const caps = new Set<Capability>();
  for (const g of actor.grants) {
    const one: UserActor = { ...actor, grants: [g] };
    if (TIERS.some((t) => canTriage(one, caseAt(g, t)))) caps.add('cases.triage');
    if (TIERS.some((t) => canVerify(one, caseAt(g, t)))) caps.add('cases.verify');
    if (TIERS.some((t) => isSupervisor(one, caseAt(g, t)))) caps.add('cases.supervise'); // the supervise command's check on an open case
    if (mayHandle(one, g)) caps.add('cases.handle');
    const read = caseReadScope(one);
    if (read.staffScopes.length > 0 || read.departments.length > 0) caps.add('cases.read');
  }
  if (canManageCategories(actor)) caps.add('categories.manage');
  return [...caps].sort();
}
