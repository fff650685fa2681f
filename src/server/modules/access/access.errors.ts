/** Error codes of the access module (roles, scopes and departments): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const ACCESS_ERRORS = defineErrors({
  admin_role_not_grantable: {
    status: 403,
    zh: '管理员角色（系统、安全、审计管理员）只能由服务器命令 cocreate account 授予或撤销',
    en: 'Administrator roles (system, security, audit) are granted and revoked only with the server command cocreate account',
  },
  admin_account_dedicated: {
    status: 409,
    zh: '管理员账号只能持有其一个管理员角色（三员分立）：{role} 不能与 {other} 同在一个账号',
    en: 'An administrator account holds its one administrator role only (separation of duties): {role} cannot go with {other}',
  },
  unknown_role: { status: 400, zh: '未知角色：{role}', en: 'Unknown role: {role}' },
  role_scope_invalid: {
    status: 400,
    zh: '角色 {role} 不能设在 {scope} 这一级',
    en: 'Role {role} cannot be held at {scope}',
  },
  unknown_department: { status: 400, zh: '未知的部门：{code}', en: 'Unknown department: {code}' },
  grantee_query_empty: {
    status: 400,
    zh: '请输入要查找的姓名或手机号',
    en: 'Type a name or a phone number to search for',
  },
  grantee_phone_incomplete: {
    status: 400,
    zh: '按手机号查找需输入完整的 11 位手机号：{q}',
    en: 'Searching by phone needs the whole 11-digit mobile number: {q}',
  },
});

type AccessErrors = typeof ACCESS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends AccessErrors {}
}
