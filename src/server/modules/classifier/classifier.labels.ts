/** The classifier module's labels, defined once (plain data: the web bundles it). */

/** The classifier actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'classifier.retrain': { zh: '重新训练分类模型', en: 'Classifier retrained' },
};
