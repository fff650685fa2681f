/** Role grants (security administrator) and the scoped staff directory. */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, pageOf } from '../../platform/page';
import { findDivision } from '../divisions';
import { dedicatedAdminConflict, isAdminRole, isRole, roleFitsLevel } from './access.domain';
import { can, canGrantRole, canReadStaffAt } from './access.policy';
import * as repo from './access.repo';
import type { StaffQuery } from './access.schema';

/** Staff and role holders at or below `scopeCode`, a page at a time. Out of the actor's scope looks like "not found". */
export async function listStaff(deps: Deps, actor: Actor, query: StaffQuery) {
  const { scope: scopeCode, cursor } = query;
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  if (!can(actor, 'staff.read')) throw new AppError('forbidden');
  if (!canReadStaffAt(actor, scopeCode)) throw new AppError('not_found', { what: `division ${scopeCode}` });
  const division = await findDivision(deps.db, scopeCode);
  if (!division) throw new AppError('not_found', { what: `division ${scopeCode}` });
  const after = cursor ? (decodeCursor(cursor, repo.STAFF_KEY) as string[]) : null;
  const filter = { role: query.role, text: query.q?.trim() || undefined };
  const rows = await repo.assignmentsInScope(deps.db, scopeCode, filter, after, limit + 1);
  return pageOf(rows, limit, repo.staffKey);
}

export interface GrantInput {
  userId: string;
  role: string;
  scopeCode: string;
  departmentCode?: string | null;
}

export async function grantRole(deps: Deps, actor: Actor, input: GrantInput) {
  if (!can(actor, 'roles.manage') || actor.kind !== 'user') throw new AppError('forbidden');
  if (!isRole(input.role)) throw new AppError('unknown_role', { role: input.role });
  const role = input.role;
  if (isAdminRole(role)) throw new AppError('admin_role_not_grantable');
  if (!canGrantRole(actor, input.userId, role, input.scopeCode)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const user = await repo.lockGrantee(tx, input.userId);
    if (!user) throw new AppError('not_found', { what: `user ${input.userId}` });
    const other = dedicatedAdminConflict(
      (await repo.activeGrants(tx, user.id)).map((g) => g.role),
      role,
    );
    if (other) throw new AppError('admin_account_dedicated', { role, other });
    const division = await findDivision(tx, input.scopeCode);
    if (!division) throw new AppError('unknown_division', { code: input.scopeCode });
    if (!roleFitsLevel(role, division.level))
      throw new AppError('role_scope_invalid', { role, scope: `${division.name} (${division.code})` });
    const departmentCode = role === 'department_handler' ? (input.departmentCode ?? null) : null;
    if (role === 'department_handler') {
      if (!departmentCode || !(await repo.departmentExists(tx, departmentCode)))
        throw new AppError('unknown_department', { code: departmentCode ?? '' });
    }
    if (user.kind === 'resident' && !['resident', 'woodpecker'].includes(role)) {
      throw new AppError('role_scope_invalid', { role, scope: 'resident account' });
    }
    const id = await repo.insertAssignment(tx, {
      userId: user.id,
      role,
      scopeCode: division.code,
      departmentCode,
      grantedBy: actor.userId,
    });
    await audit(tx, actor, {
      action: 'roles.grant',
      entityType: 'role_assignment',
      entityId: id,
      scopeCode: division.code,
      after: { userId: user.id, username: user.username, role, scopeCode: division.code, departmentCode },
    });
    return (await repo.findAssignment(tx, id))!;
  });
}

export async function revokeRole(deps: Deps, actor: Actor, assignmentId: string): Promise<void> {
  if (!can(actor, 'roles.manage') || actor.kind !== 'user') throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const a = await repo.findAssignment(tx, assignmentId);
    if (!a || a.revokedAt) throw new AppError('not_found', { what: `role assignment ${assignmentId}` });
    if (isAdminRole(a.role)) throw new AppError('admin_role_not_grantable');
    if (!canGrantRole(actor, a.userId, a.role, a.scopeCode)) throw new AppError('forbidden');
    await repo.revokeAssignment(tx, assignmentId, actor.userId, deps.clock.now());
    await audit(tx, actor, {
      action: 'roles.revoke',
      entityType: 'role_assignment',
      entityId: assignmentId,
      scopeCode: a.scopeCode,
      before: { userId: a.userId, role: a.role, scopeCode: a.scopeCode, departmentCode: a.departmentCode },
      after: null,
    });
  });
}

export async function userAssignments(deps: Deps, actor: Actor, userId: string) {
  if (!can(actor, 'roles.manage') && !can(actor, 'accounts.manage')) throw new AppError('forbidden');
  return repo.assignmentsOfUser(deps.db, userId);
}
