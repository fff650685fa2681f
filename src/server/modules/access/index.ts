/** Roles scoped to places (access): other modules import only from here. */
export {
  PERSONAL_HANDLER_ROLES,
  ROLE_LABELS,
  hasRole,
  holdsAt,
  isAdministrator,
  scopesWith,
  type Grant,
  type Role,
} from './access.domain';
export { API_ONLY_CAPABILITIES, CAPABILITIES, type Capability } from './capabilities';
export { RoleHolder } from './access.schema';
export { accountProtection, can, canManageAccounts, canReadAudit, capabilities } from './access.policy';
export {
  activeGrants,
  CANDIDATE_CAP,
  departmentExists,
  gridWorkersOver,
  handlingCandidates,
  insertAssignment,
  listDepartments,
  mayHandleAt,
} from './access.repo';
