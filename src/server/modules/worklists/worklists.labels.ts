/**
 * The three lists' labels (三个清单: 问题、任务、效果), defined once for the server and both web apps.
 * Plain data importing nothing (the web bundles it).
 */
export interface Label {
  zh: string;
  en: string;
}

/** Where a problem comes from. Other modules create problems through index.ts `createProblem`. */
export const PROBLEM_SOURCES = ['visit', 'case', 'meeting', 'proposal', 'circle_gap', 'manual'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const PROBLEM_STATES = ['open', 'effect_recorded', 'closed'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

export const CONFIRMATIONS = ['not_needed', 'pending', 'confirmed', 'disputed'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/**
 * "七个一": the kinds of result a visit's problem is turned into, counted per village and unit.
 * The seed names the slogan without its seven items; these are the platform's reading of it
 * (one problem solved, one difficulty relieved, one policy applied, one dispute settled, one
 * service delivered, one suggestion adopted, one project done) until the county gives its own.
 */
export const RESULT_KINDS = [
  'problem_solved',
  'hardship_relieved',
  'policy_applied',
  'dispute_settled',
  'service_delivered',
  'suggestion_adopted',
  'project_done',
] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const SOURCE_LABELS: Record<ProblemSource, Label> = {
  visit: { zh: '入户走访', en: 'home visit' },
  case: { zh: '啄木鸟案件', en: 'case' },
  meeting: { zh: '议事会议', en: 'meeting' },
  proposal: { zh: '居民提议', en: 'proposal' },
  circle_gap: { zh: '服务圈缺口', en: 'service-circle gap' },
  manual: { zh: '人工录入', en: 'entered by staff' },
};

export const STATE_LABELS: Record<ProblemState, Label> = {
  open: { zh: '办理中', en: 'open' },
  effect_recorded: { zh: '待居民确认', en: 'awaiting confirmation' },
  closed: { zh: '已办结', en: 'closed' },
};

export const CONFIRMATION_LABELS: Record<Confirmation, Label> = {
  not_needed: { zh: '无需确认', en: 'no confirmation needed' },
  pending: { zh: '待确认', en: 'awaiting the resident' },
  confirmed: { zh: '居民已确认', en: 'confirmed by the resident' },
  disputed: { zh: '居民有异议', en: 'disputed by the resident' },
};

export const RESULT_KIND_LABELS: Record<ResultKind, Label> = {
  problem_solved: { zh: '解决一个问题', en: 'a problem solved' },
  hardship_relieved: { zh: '帮扶一户困难', en: 'a hardship relieved' },
  policy_applied: { zh: '落实一项政策', en: 'a policy applied' },
  dispute_settled: { zh: '化解一起矛盾', en: 'a dispute settled' },
  service_delivered: { zh: '提供一次服务', en: 'a service delivered' },
  suggestion_adopted: { zh: '采纳一条建议', en: 'a suggestion adopted' },
  project_done: { zh: '办成一件实事', en: 'a project done' },
};

/** The three lists' actions in the audit trail. */
export const AUDIT_LABELS: Record<string, Label> = {
  'worklists.problem_create': { zh: '登记问题清单', en: 'Problem listed' },
  'worklists.task_create': { zh: '分解任务清单', en: 'Task assigned' },
  'worklists.task_done': { zh: '任务完成', en: 'Task done' },
  'worklists.effect_record': { zh: '登记效果清单', en: 'Effect recorded' },
  'worklists.effect_confirm': { zh: '居民确认效果', en: 'Effect confirmed by the resident' },
  'worklists.effect_dispute': { zh: '居民对效果有异议', en: 'Effect disputed by the resident' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  worklist_problem: { zh: '问题清单', en: 'problem (three lists)' },
  worklist_task: { zh: '任务清单', en: 'task (three lists)' },
};
