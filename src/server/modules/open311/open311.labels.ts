/** The Open311 module's labels, defined once (plain data: the web bundles it). */

/** The Open311 actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'open311.add_client': { zh: '添加 Open311 客户端', en: 'Open311 client added' },
  'open311.update': { zh: 'Open311 客户端补充说明', en: 'Open311 client note' },
};
