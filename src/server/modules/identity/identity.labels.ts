/** The identity module's labels, defined once (plain data: the web bundles it). */

/** The sign-in, session and resident-account actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'auth.sign_in': { zh: '登录', en: 'Sign-in' },
  'auth.sign_in_sms': { zh: '短信登录', en: 'SMS sign-in' },
  'auth.password_ok': { zh: '密码验证通过', en: 'Password accepted' },
  'auth.password_changed': { zh: '修改密码', en: 'Password changed' },
  'auth.totp': { zh: '动态口令验证', en: 'TOTP check' },
  'auth.totp_ok': { zh: '动态口令验证通过', en: 'TOTP accepted' },
  'auth.totp_enrolled': { zh: '绑定动态口令', en: 'TOTP enrolled' },
  'auth.sign_out': { zh: '退出登录', en: 'Sign-out' },
  'auth.idle_timeout': { zh: '空闲超时', en: 'Idle timeout' },
  'auth.sessions_revoked': { zh: '强制下线', en: 'Sessions revoked' },
  'auth.sms_code_sent': { zh: '发送验证码', en: 'SMS code sent' },
  'users.register_resident': { zh: '居民注册', en: 'Resident registered' },
  'users.set_place': { zh: '设置所在村/社区', en: 'Place set' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  user: { zh: '账号', en: 'account' },
};
