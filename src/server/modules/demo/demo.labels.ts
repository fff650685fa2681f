/** The demo module's labels, defined once (plain data: the web bundles it). */

/** The demo actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'demo.seed_accounts': { zh: '生成演示账号', en: 'Demo accounts seeded' },
};
