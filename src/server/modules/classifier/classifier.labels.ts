/** The classifier module's labels, defined once (plain data: the web bundles it). */

/** The classifier actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'classifier.retrain': { zh: '重新训练分类模型', en: 'Classifier retrained' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  classifier_model: { zh: '归类模型', en: 'classifier model' },
};
