/** Chinese and English names of states and events, for messages and the timeline. */
import type { CaseEventType, CaseState } from './case-machine';

export const STATE_LABELS: Record<CaseState | 'received', { zh: string; en: string }> = {
  received: { zh: '待受理', en: 'received' },
  rejected: { zh: '不予立案', en: 'rejected' },
  filed: { zh: '已立案', en: 'filed' },
  dispatched: { zh: '已派遣', en: 'dispatched' },
  handling: { zh: '处置中', en: 'being handled' },
  suspended: { zh: '缓办', en: 'suspended' },
  feedback: { zh: '待核查', en: 'awaiting verification' },
  closed: { zh: '已结案', en: 'closed' },
};

export const EVENT_LABELS: Record<CaseEventType | 'receive', { zh: string; en: string }> = {
  receive: { zh: '受理', en: 'received' },
  file: { zh: '立案', en: 'file' },
  reject: { zh: '不予立案', en: 'reject' },
  dispatch: { zh: '派遣', en: 'dispatch' },
  accept: { zh: '签收', en: 'accept' },
  send_back: { zh: '退回', en: 'send back' },
  progress: { zh: '处置进展', en: 'progress note' },
  request_suspension: { zh: '申请缓办', en: 'request suspension' },
  approve_suspension: { zh: '批准缓办', en: 'approve suspension' },
  deny_suspension: { zh: '驳回缓办', en: 'deny suspension' },
  resume: { zh: '恢复办理', en: 'resume' },
  feedback: { zh: '处置反馈', en: 'feedback' },
  verify: { zh: '核查', en: 'verify' },
  rate: { zh: '评价', en: 'rate' },
  reopen: { zh: '重新办理', en: 'reopen' },
  supervise: { zh: '督办', en: 'supervise' },
};
