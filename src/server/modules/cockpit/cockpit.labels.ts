/** Labels of the cockpit's big-screen links, shared by the server and the console. Plain data importing nothing. */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'cockpit.screen_create': { zh: '创建大屏链接', en: 'Created a big-screen link' },
  'cockpit.screen_revoke': { zh: '停用大屏链接', en: 'Revoked a big-screen link' },
  'cockpit.report': { zh: '下载月度报告', en: 'Downloaded a monthly report' },
  'cockpit.report_stored': { zh: '生成月度报告', en: 'Stored a monthly report' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  cockpit_screen: { zh: '大屏链接', en: 'big-screen link' },
};
