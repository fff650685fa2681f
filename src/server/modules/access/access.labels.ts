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
