/**
 * Who may do what to a case. Small matters: the grid worker (grid tier) or village officers
 * (village tier) triage, handle and verify. Hard matters: the town (or county) dispatcher triages
 * and dispatches to a department; the department's handlers handle; the dispatcher verifies.
 * Supervision and suspension approval belong to town and county officers. The reporter rates
 * and may reopen. Everything is limited to the actor's subtree.
 */
import type { Actor, Role } from '../../platform/actor';
import { holdsAt, scopesWith } from '../access';
import type { CaseRow } from './cases.repo';

const DISPATCHERS: readonly Role[] = ['town_officer', 'county_officer'];
const SUPERVISORS: readonly Role[] = ['town_officer', 'county_officer'];

type CaseLike = Pick<
  CaseRow,
  'tier' | 'divisionCode' | 'gridCode' | 'handlerUserId' | 'handlerDepartment' | 'reporterId' | 'state' | 'isPublic'
>;

const place = (c: CaseLike) => c.gridCode ?? c.divisionCode;

export function isDispatcher(actor: Actor, c: CaseLike): boolean {
  return holdsAt(actor, DISPATCHERS, place(c));
}

/** Supervision (督办) and suspension approval (缓办): town and county officers over the case's place. */
export function isSupervisor(actor: Actor, c: CaseLike): boolean {
  return holdsAt(actor, SUPERVISORS, place(c));
}

/** Where an actor triages, by the tiers of cases (canTriage as scopes: the triage queue's SQL). */
export interface TriageScopes {
  /** every tier: the dispatchers */ anyTier: string[];
  /** grid-tier cases: grid workers and village officers */ gridTier: string[];
  /** village-tier cases: village officers */ villageTier: string[];
}

export function triageScopes(actor: Actor): TriageScopes {
  return {
    anyTier: scopesWith(actor, DISPATCHERS),
    gridTier: scopesWith(actor, ['grid_worker', 'village_officer']),
    villageTier: scopesWith(actor, ['village_officer']),
  };
}

/** The people who triage (file, reject, dispatch) this case. */
export function canTriage(actor: Actor, c: CaseLike): boolean {
  if (isDispatcher(actor, c)) return true;
  if (c.tier === 'grid') return holdsAt(actor, ['grid_worker', 'village_officer'], place(c));
  if (c.tier === 'village') return holdsAt(actor, ['village_officer'], place(c));
  return false;
}

/** Who may see the staff a case could be given to: those who dispatch it. */
export function canListHandlingCandidates(actor: Actor, c: CaseLike): boolean {
  return canTriage(actor, c);
}

export function isHandler(actor: Actor, c: CaseLike): boolean {
  if (actor.kind !== 'user') return false;
  if (c.handlerUserId) return c.handlerUserId === actor.userId;
  if (c.handlerDepartment) {
    return actor.grants.some(
      (g) =>
        g.role === 'department_handler' && g.departmentCode === c.handlerDepartment && place(c).startsWith(g.scopeCode),
    );
  }
  return false;
}

export function canVerify(actor: Actor, c: CaseLike): boolean {
  if (isHandler(actor, c) && c.tier === 'department') return false; // a department does not verify its own work
  return isDispatcher(actor, c) || holdsAt(actor, ['grid_worker', 'village_officer'], place(c));
}

export function isReporter(actor: Actor, c: CaseLike): boolean {
  return actor.kind === 'user' && c.reporterId === actor.userId;
}

/** Roles that see every case of their subtree (triage, verification, supervision, oversight). */
export const CASE_STAFF_ROLES: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

/**
 * Which cases an actor may read: THE visibility rule. The detail check, every queue, the photos,
 * the handling candidates and the notifications list apply it — as a pure test here
 * (inReadScope) and as SQL built from the same value (case-scope.repo readScopeSql).
 */
export interface CaseReadScope {
  /** the reporter (their own reports) and the handler person */ userId: string | null;
  /** subtrees where the actor holds a case staff role */ staffScopes: string[];
  /** departments the actor handles for, each within its grant's subtree */ departments: {
    departmentCode: string;
    scopeCode: string;
  }[];
}

export function caseReadScope(actor: Actor): CaseReadScope {
  if (actor.kind !== 'user') return { userId: null, staffScopes: [], departments: [] };
  return {
    userId: actor.userId,
    staffScopes: scopesWith(actor, CASE_STAFF_ROLES),
    departments: actor.grants
      .filter((g) => g.role === 'department_handler' && g.departmentCode)
      .map((g) => ({ departmentCode: g.departmentCode!, scopeCode: g.scopeCode })),
  };
}

/** `divisionCode` is the case's grid when it has one (intake writes the grid there), else its village or county. */
export function inReadScope(s: CaseReadScope, c: CaseLike): boolean {
  const at = c.divisionCode;
  if (s.userId !== null && (c.reporterId === s.userId || c.handlerUserId === s.userId)) return true;
  if (s.staffScopes.some((scope) => at.startsWith(scope))) return true;
  return (
    c.handlerUserId === null &&
    c.handlerDepartment !== null &&
    s.departments.some((d) => d.departmentCode === c.handlerDepartment && at.startsWith(d.scopeCode))
  );
}

/** Staff who may see the case in the console (triage, handling, supervision, verification, oversight), and its reporter. */
export function canReadCase(actor: Actor, c: CaseLike): boolean {
  return inReadScope(caseReadScope(actor), c);
}

/**
 * Who may learn who filed an anonymous report (and any reporter's phone): a personal-data viewer
 * (pii_viewer, capability cases.reveal_reporter) at the case's place, who can also read the case.
 * Every reveal is audited (reveal.service).
 */
export function canRevealReporter(actor: Actor, c: CaseLike): boolean {
  return holdsAt(actor, ['pii_viewer'], c.divisionCode) && canReadCase(actor, c);
}
