/**
 * Who may do what, as pure functions. The server checks them in services; `capabilities(actor)`
 * is sent to the web apps so menus and buttons follow the server.
 */
import {
  type Actor,
  type Grant,
  type Role,
  hasRole,
  holdsAt,
  inSubtree,
  isAdminRole,
  isAdministrator,
  scopesWith,
} from './access.domain';
import type { Capability } from './capabilities';

/** Officers who may look at staff and places within their own subtree. */
export const OFFICER_ROLES: readonly Role[] = [
  'grid_worker',
  'village_officer',
  'town_officer',
  'county_officer',
  'department_handler',
];

/** Officers who keep the registers of places and people (see organisation.policy). */
const PEOPLE_ROLES: readonly Role[] = ['grid_worker', 'village_officer', 'town_officer', 'county_officer'];

export type { Capability } from './capabilities';

/**
 * The capabilities this module decides (accounts, roles, audit, people, the console itself); the
 * cases, points and indicators modules compute theirs from their own policies, and
 * src/server/capabilities.ts joins them for `/api/me`.
 */
export function capabilities(actor: Actor): Capability[] {
  if (actor.kind !== 'user') return [];
  const caps = new Set<Capability>();
  const staff = actor.userKind === 'staff';
  if (staff) caps.add('console.use').add('divisions.browse');
  if (OFFICER_ROLES.some((r) => hasRole(actor, r))) caps.add('staff.read');
  if (hasRole(actor, 'system_admin'))
    caps.add('accounts.manage').add('sms_outbox.read').add('config.read').add('staff.read');
  if (hasRole(actor, 'security_admin')) caps.add('roles.manage').add('password_resets.read').add('staff.read');
  if (hasRole(actor, 'audit_admin')) caps.add('audit.read');
  if (PEOPLE_ROLES.some((r) => hasRole(actor, r))) caps.add('people.read').add('people.edit');
  if (hasRole(actor, 'pii_viewer')) caps.add('people.reveal').add('cases.reveal_reporter');
  // The three administrators run the system, not the business: no reporting from their accounts.
  if (actor.userKind === 'resident' || actor.grants.some((g) => !isAdminRole(g.role))) caps.add('cases.report');
  return [...caps].sort();
}

/** For this module's services: one of the capabilities above (the other modules check their own policies). */
export function can(actor: Actor, capability: Capability): boolean {
  return capabilities(actor).includes(capability);
}

/** May the actor see staff and role holders at `code`? Admins of accounts/roles see the whole county. */
export function canReadStaffAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, [...OFFICER_ROLES, 'system_admin', 'security_admin'], code);
}

/**
 * The security administrator grants and revokes roles within the subtree where they hold the
 * role; never to themselves, and never an administrator role: those are provisioned with the
 * server command `cocreate account`, so no administrator makes another (三员分立).
 */
export function canGrantRole(actor: Actor, targetUserId: string, role: Role, scopeCode: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.userId === targetUserId || isAdminRole(role)) return false;
  return holdsAt(actor, ['security_admin'], scopeCode);
}

/** May the actor look for people to grant roles to at `code`? Where they may grant, and nowhere else. */
export function canSearchGranteesAt(actor: Actor, code: string): boolean {
  return holdsAt(actor, ['security_admin'], code);
}

export function canManageAccounts(actor: Actor): boolean {
  return hasRole(actor, 'system_admin');
}

/**
 * Why the system administrator may not manage (disable, enable, reset the password of, sign out)
 * this account, or null when they may: not their own, not an administrator's, and every place
 * the account holds a role strictly inside the administrator's own scope (an account of equal or
 * broader scope, e.g. a county officer for a county system administrator, is out of reach).
 */
export function accountProtection(actor: Actor, target: { id: string; grants: readonly Grant[] }): string | null {
  if (!canManageAccounts(actor) || actor.kind !== 'user') return 'not a system administrator';
  if (actor.userId === target.id) return 'own account';
  if (isAdministrator(target.grants)) return 'administrator account';
  const scopes = scopesWith(actor, ['system_admin']);
  const wide = target.grants.find((g) => !scopes.some((s) => g.scopeCode !== s && inSubtree(s, g.scopeCode)));
  return wide ? `${wide.role} @ ${wide.scopeCode}` : null;
}

export function canReadAudit(actor: Actor): boolean {
  return hasRole(actor, 'audit_admin');
}
