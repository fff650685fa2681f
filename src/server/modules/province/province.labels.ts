/** The province module's audit actions (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'province.publish': { zh: '发布汇总（供省级订阅）', en: 'Rollups published for the province' },
  'province.subscribe': { zh: '订阅县级汇总', en: 'County rollups subscribed to' },
  'province.unsubscribe': { zh: '取消订阅县级汇总', en: 'County rollups unsubscribed from' },
};
