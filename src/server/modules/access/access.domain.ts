/**
 * Roles scoped to places. A person holds a role at a node of the division tree; every read and
 * action under that role is limited to the node's subtree. Division codes are hierarchical
 * (2/4/6/9/12 digits, grids extend them), so "in subtree" is a code prefix test.
 */
import { type Actor, type Grant, ROLES, type Role } from '../../platform/actor';

export { ROLES, type Actor, type AnonymousActor, type Grant, type Role, type UserActor } from '../../platform/actor';

/** The three separated administrators of 等保 level 3 (三员分立). */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/**
 * Staff a case may be given to in person, at its village (access.repo mayHandleAt, handlingCandidates);
 * department handlers take cases through their department, within their grant's subtree.
 */
export const PERSONAL_HANDLER_ROLES: readonly Role[] = ['grid_worker', 'village_officer'];

/** Division levels: 1 province, 2 city, 3 county, 4 town, 5 village/community, 6 grid. */
export const ROLE_LEVELS: Record<Role, readonly number[]> = {
  resident: [5, 6],
  woodpecker: [5, 6],
  grid_worker: [5, 6],
  village_officer: [5],
  town_officer: [4],
  department_handler: [3, 4],
  // 1, 2: a province installation's officers and administrators (province or city; #17 item 6)
  county_officer: [1, 2, 3],
  system_admin: [1, 2, 3],
  security_admin: [1, 2, 3],
  audit_admin: [1, 2, 3],
  pii_viewer: [3, 4, 5, 6],
  org_officer: [3, 4], // #16: the county's 组织部 or a town's 组织委员
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  resident: { zh: '居民', en: 'Resident' },
  woodpecker: { zh: '啄木鸟志愿者', en: 'Woodpecker volunteer' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  village_officer: { zh: '村（社区）干部', en: 'Village/community officer' },
  town_officer: { zh: '镇（街道）干部', en: 'Town officer' },
  department_handler: { zh: '部门办理人', en: 'Department handler' },
  county_officer: { zh: '市级干部', en: 'County officer' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  pii_viewer: { zh: '个人信息查看', en: 'Personal data viewer' },
  org_officer: { zh: '组织部门干部', en: 'Organisation department officer' }, // #16
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/**
 * 三员分立: an administrator account is dedicated. It holds its one administrator role (at one or
 * more places) and nothing else, so the three administrators stay three people and none of them
 * also holds a business role (pii_viewer, an officer's role, …). Returns the role already held
 * that `role` may not join, or null. (Mirrored by a trigger on role_assignments, migration 0009.)
 */
export function dedicatedAdminConflict(held: readonly Role[], role: Role): Role | null {
  return held.find((h) => h !== role && (isAdminRole(h) || isAdminRole(role))) ?? null;
}

export function inSubtree(scopeCode: string, code: string): boolean {
  return code.startsWith(scopeCode);
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => g.role === role);
}

export function isAdministrator(grants: readonly Grant[]): boolean {
  return grants.some((g) => ADMIN_ROLES.includes(g.role));
}

/** The scope codes under which the actor holds any of `roles`. */
export function scopesWith(actor: Actor, roles: readonly Role[]): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.scopeCode);
}

/** True when the actor holds one of `roles` at a node whose subtree contains `code`. */
export function holdsAt(actor: Actor, roles: readonly Role[], code: string): boolean {
  return scopesWith(actor, roles).some((s) => inSubtree(s, code));
}

/** Is a role allowed at a division of this level? */
export function roleFitsLevel(role: Role, level: number): boolean {
  return ROLE_LEVELS[role].includes(level);
}
