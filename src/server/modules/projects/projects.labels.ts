/**
 * Livelihood projects' labels (民生实事), defined once for the server and both web apps.
 * Plain data importing nothing (the web bundles it).
 */
export interface Label {
  zh: string;
  en: string;
}

/** A project's status: `delayed` is computed from the due dates, never stored. */
export const PROJECT_STATUSES = ['planned', 'in_progress', 'done', 'delayed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const STATUS_LABELS: Record<ProjectStatus, Label> = {
  planned: { zh: '未开工', en: 'planned' },
  in_progress: { zh: '推进中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
  delayed: { zh: '已滞后', en: 'delayed' },
};

/** Where a project's money comes from (资金来源). */
export const FUND_SOURCES = [
  'central',
  'province',
  'county',
  'town',
  'collective',
  'partner',
  'social',
  'residents',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const FUND_SOURCE_LABELS: Record<FundSource, Label> = {
  central: { zh: '中央资金', en: 'central government' },
  province: { zh: '省级资金', en: 'province' },
  county: { zh: '县级财政', en: 'county budget' },
  town: { zh: '镇级财政', en: 'town budget' },
  collective: { zh: '村集体经济', en: 'village collective' },
  partner: { zh: '共建单位', en: 'partner units' },
  social: { zh: '社会捐助', en: 'donations' },
  residents: { zh: '群众自筹', en: "residents' own contribution" },
};

/** The 1–5 scale of a representative's rating. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Livelihood projects' actions in the audit trail. */
export const AUDIT_LABELS: Record<string, Label> = {
  'projects.create': { zh: '登记民生实事', en: 'Livelihood project created' },
  'projects.milestone_progress': { zh: '更新节点进度', en: 'Milestone progress updated' },
  'projects.supervisors_set': { zh: '确定监督代表', en: 'Supervising representatives chosen' },
  'projects.rate': { zh: '代表评议民生实事', en: 'Project rated by a representative' },
  'projects.photo_add': { zh: '上传项目照片', en: 'Project photo added' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  project: { zh: '民生实事', en: 'livelihood project' },
};
