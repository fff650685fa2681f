/** Labels of woodpecker enrolment, shared by the server and both web apps. Plain data importing nothing. */
export const APPLICATION_STATES = ['pending', 'approved', 'declined'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'awaiting review' },
  approved: { zh: '已通过', en: 'approved' },
  declined: { zh: '未通过', en: 'declined' },
};

export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'woodpeckers.apply': { zh: '报名啄木鸟志愿者', en: 'Applied to join the woodpecker team' },
  'woodpeckers.approve': { zh: '通过啄木鸟志愿者报名', en: 'Approved a woodpecker application' },
  'woodpeckers.decline': { zh: '未通过啄木鸟志愿者报名', en: 'Declined a woodpecker application' },
  'woodpeckers.export': { zh: '导出啄木鸟志愿者台账', en: 'Exported the woodpecker roster' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  woodpecker_application: { zh: '啄木鸟入队申请', en: 'woodpecker application' },
  woodpecker_roster: { zh: '啄木鸟花名册', en: 'woodpecker roster' },
};
