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

const CASE_ROLES: readonly Role[] = [
  'grid_worker',
  'village_officer',
  'town_officer',
  'county_officer',
  'department_handler',
];

export type Capability =
  | 'console.use' // may open the staff console at all
  | 'divisions.browse'
  | 'staff.read' // the staff directory within scope
  | 'accounts.manage' // system admin: create, disable accounts, reset passwords
  | 'sms_outbox.read' // system admin: the development SMS gateway's outbox
  | 'config.read' // system admin: effective settings
  | 'roles.manage' // security admin: grant and revoke roles
  | 'password_resets.read' // security admin: the password resets done by the system administrator
  | 'audit.read' // audit admin only
  | 'people.read' // residents, households and party members within scope
  | 'people.edit' // change them and import registers
  | 'people.reveal' // reveal full ID numbers and phones (audited)
  | 'cases.report' // report a problem (everyone signed in)
  | 'cases.work' // the console's case queues (triage, tasks, verification, supervision)
  | 'cases.reveal_reporter' // who reported a case, anonymous ones included (pii_viewer; audited)
  | 'indicators.read' // case indicators of the actor's area or department
  | 'points.review' // review, publish and award points; objections (grid, village and town staff)
  | 'points.shop' // shop items and the pickup desk
  | 'points.read' // points ledgers and rules
  | 'points.settings' // points settings (town officers, system administrator)
  | 'categories.manage'; // case categories: tiers, departments, time limits (county officers)

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
  if (
    actor.userKind === 'resident' ||
    actor.grants.some((g) => !['system_admin', 'security_admin', 'audit_admin'].includes(g.role))
  )
    caps.add('cases.report');
  if (CASE_ROLES.some((r) => hasRole(actor, r))) caps.add('cases.work');
  if (
    ['village_officer', 'town_officer', 'county_officer', 'department_handler'].some((r) => hasRole(actor, r as Role))
  )
    caps.add('indicators.read');
  if (['grid_worker', 'village_officer', 'town_officer'].some((r) => hasRole(actor, r as Role)))
    caps.add('points.review').add('points.shop').add('points.read');
  if (hasRole(actor, 'county_officer')) caps.add('points.read').add('categories.manage');
  if (hasRole(actor, 'town_officer') || hasRole(actor, 'system_admin')) caps.add('points.settings');
  return [...caps].sort();
}

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
