/** The accounts module's labels, defined once (plain data: the web bundles it). */

/** The accounts actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'accounts.create': { zh: '创建账号', en: 'Account created' },
  'accounts.disable': { zh: '停用账号', en: 'Account disabled' },
  'accounts.enable': { zh: '启用账号', en: 'Account enabled' },
  'accounts.reset_password': { zh: '重置密码', en: 'Password reset' },
  'accounts.link_person': { zh: '关联人员档案', en: 'Person record linked' },
};
