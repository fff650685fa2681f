/** Who is acting: the platform-wide roles and the actor every service receives. */
export const ROLES = [
  'resident', // 居民
  'woodpecker', // 啄木鸟志愿者
  'grid_worker', // 网格员
  'village_officer', // 村（社区）干部
  'town_officer', // 镇（街道）干部
  'department_handler', // 职能部门办理人
  'county_officer', // 县（市）干部
  'system_admin', // 系统管理员: configuration, accounts
  'security_admin', // 安全管理员: roles, policies
  'audit_admin', // 审计管理员: reads the audit trail only
  'pii_viewer', // 个人信息查看: may reveal full ID numbers and phones within the scope (audited)
  // #16 头雁 records: 组织部门干部 (county or town organisation department): the only readers of the
  // leadership records (modules/leaders), which are sensitive personnel data
  'org_officer',
] as const;

export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  scopeCode: string;
  departmentCode: string | null;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  userKind: 'staff' | 'resident';
  displayName: string;
  homeDivisionCode: string | null;
  grants: Grant[];
  ip: string | null;
}

export interface AnonymousActor {
  kind: 'anonymous';
  ip: string | null;
}

export type Actor = UserActor | AnonymousActor;
