/** The province module's audit actions (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'province.publish': { zh: '发布汇总（供省级订阅）', en: 'Rollups published for the province' },
  'province.subscribe': { zh: '订阅县级汇总', en: 'County rollups subscribed to' },
  'province.unsubscribe': { zh: '取消订阅县级汇总', en: 'County rollups unsubscribed from' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  publication: { zh: '汇总发布', en: 'rollup publication' },
  subscription: { zh: '汇总订阅', en: 'rollup subscription' },
};
