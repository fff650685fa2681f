/**
 * Chinese and English names of case states, events, tiers, urgencies and rejection reasons: one table
 * for the server's messages and both web apps (plain data; the web imports it as it is).
 */
import type { CaseEventType, CaseState } from './case-machine';
import type { OpenQueueCount } from './queues.repo';
import type { Tier, Urgency } from './taxonomy';

export interface Label {
  zh: string;
  en: string;
}

export const STATE_LABELS: Record<CaseState, Label> = {
  received: { zh: '待受理', en: 'Received' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  filed: { zh: '已立案', en: 'Filed' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Being handled' },
  suspended: { zh: '缓办', en: 'Suspended' },
  feedback: { zh: '待核查', en: 'Awaiting verification' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** Timeline steps: the loop's events, the report itself (receive), a photo added, an Open311 client's note. */
export type TimelineStep = CaseEventType | 'receive' | 'photo' | 'note';

/** The case loop's events (the commands of events/table.ts). */
export const CASE_EVENT_LABELS: Record<CaseEventType, Label> = {
  file: { zh: '立案', en: 'File' },
  reject: { zh: '不予立案', en: 'Reject' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  send_back: { zh: '退回', en: 'Send back' },
  progress: { zh: '处置进展', en: 'Progress note' },
  request_suspension: { zh: '申请缓办', en: 'Request suspension' },
  approve_suspension: { zh: '批准缓办', en: 'Approve suspension' },
  deny_suspension: { zh: '驳回缓办', en: 'Deny suspension' },
  resume: { zh: '恢复办理', en: 'Resume' },
  feedback: { zh: '处置反馈', en: 'Feedback' },
  verify: { zh: '核查', en: 'Verify' },
  rate: { zh: '评价', en: 'Rate' },
  reopen: { zh: '重新办理', en: 'Reopen' },
  supervise: { zh: '督办', en: 'Supervise' },
};

export const EVENT_LABELS: Record<TimelineStep, Label> = {
  receive: { zh: '受理', en: 'Received' },
  photo: { zh: '上传照片', en: 'Photo added' },
  note: { zh: '补充说明', en: 'Note added' },
  ...CASE_EVENT_LABELS,
};

export const TIER_LABELS: Record<Tier, Label> = {
  grid: { zh: '网格', en: 'Grid' },
  village: { zh: '村（社区）', en: 'Village / community' },
  department: { zh: '职能部门', en: 'Department' },
};

export const URGENCY_LABELS: Record<Urgency, Label> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
};

export type RejectReason = 'not_a_problem' | 'duplicate' | 'not_our_responsibility';
export const REJECT_LABELS: Record<RejectReason, Label> = {
  not_a_problem: { zh: '不属于问题', en: 'Not a problem' },
  duplicate: { zh: '重复上报', en: 'Duplicate' },
  not_our_responsibility: { zh: '非本级职责', en: 'Not our responsibility' },
};

/** The case module's actions of the audit trail (审计日志); `cases.<event>` for every event of the loop. */
export const AUDIT_LABELS: Record<string, Label> = {
  'cases.report': { zh: '上报线索', en: 'Report filed' },
  'cases.report_on_behalf': { zh: '代为上报线索', en: 'Report filed on behalf' },
  'cases.photo': { zh: '上传照片', en: 'Photo added' },
  'cases.photo_public': { zh: '照片设为公开', en: 'Photo made public' },
  'cases.photo_private': { zh: '照片设为不公开', en: 'Photo made private' },
  'cases.reveal_reporter': { zh: '查看上报人信息', en: 'Reporter revealed' },
  'cases.export': { zh: '导出案件清单', en: 'Case list exported' },
  'categories.create': { zh: '新增案件类别', en: 'Category created' },
  'categories.edit': { zh: '修改案件类别', en: 'Category changed' },
  'problem_words.create': { zh: '新增常见问题', en: 'Common problem added' },
  'problem_words.edit': { zh: '修改常见问题', en: 'Common problem changed' },
  ...Object.fromEntries(
    Object.entries(CASE_EVENT_LABELS).map(([e, l]) => [`cases.${e}`, { zh: `案件${l.zh}`, en: `Case: ${l.en}` }]),
  ),
};

/** The console home's counts (今日待办), one per queue of open cases: what it is and why it waits. */
export const TODAY_LABELS: Record<OpenQueueCount, { label: Label; hint: Label }> = {
  triage: {
    label: { zh: '待受理派遣', en: 'To triage and dispatch' },
    hint: { zh: '新上报、已立案待派遣的事项', en: 'New reports and filed cases waiting for dispatch' },
  },
  tasks: {
    label: { zh: '我的任务', en: 'My tasks' },
    hint: { zh: '派给我或我所在部门、正在办理的事项', en: 'Cases given to me or my department, being handled' },
  },
  tasks_overdue: {
    label: { zh: '我的任务已超期', en: 'My tasks past their deadline' },
    hint: { zh: '办理时限已过，请尽快办结或申请缓办', en: 'Past the handling deadline: finish or ask to suspend' },
  },
  verify: {
    label: { zh: '待核查', en: 'Awaiting verification' },
    hint: { zh: '办理人已反馈，等待核查结案', en: 'The handler has reported back; verify and close' },
  },
  overdue: {
    label: { zh: '已超期', en: 'Overdue' },
    hint: { zh: '辖区内超过办理时限的事项', en: 'Cases in my area past their handling deadline' },
  },
  due_soon: {
    label: { zh: '24小时内到期', en: 'Due within 24 hours' },
    hint: { zh: '辖区内今天就要到期的事项', en: 'Cases in my area due within the day' },
  },
  supervised: {
    label: { zh: '督办中', en: 'Under supervision' },
    hint: { zh: '已挂牌督办、尚未办结的事项', en: 'Supervised cases not yet closed' },
  },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  case: { zh: '案件', en: 'case' },
  cases: { zh: '案件（批量）', en: 'cases (batch)' },
  category: { zh: '案件类别', en: 'case category' },
  problem_word: { zh: '常见问题词', en: 'common problem word' },
};
