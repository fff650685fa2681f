/** The access module's labels, defined once (plain data: the web bundles it). */

/** The role actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'roles.grant': { zh: '授予角色', en: 'Role granted' },
  'roles.revoke': { zh: '撤销角色', en: 'Role revoked' },
  'roles.grantee_search': {
    zh: '查找授权对象（姓名或手机号）',
    en: 'Searched for a person to grant a role to (name or phone)',
  },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  role_assignment: { zh: '角色授权', en: 'role grant' },
};
