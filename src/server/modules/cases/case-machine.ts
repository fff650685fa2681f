/**
 * The case loop as a pure state machine (GB/T 30428 / GB/T 47678 closed loop):
 * received → filed (立案) | rejected → dispatched (派遣) → handling (处置) → feedback (反馈)
 * → closed (结案, after 核查 verification) → rated (评价); reopened by the reporter within the
 * window (返工); suspended (缓办) only with approval; sent back to dispatch when not the handler's.
 * Supervision (督办) is an overlay with its own deadline, allowed in any open state.
 */
import { fail, ok, type Result } from '../../platform/errors';

export type CaseState =
  | 'received'
  | 'rejected'
  | 'filed'
  | 'dispatched'
  | 'handling'
  | 'suspended'
  | 'feedback'
  | 'closed';

export const OPEN_STATES: readonly CaseState[] = [
  'received',
  'filed',
  'dispatched',
  'handling',
  'suspended',
  'feedback',
];

export type RejectReason =
  | { kind: 'not_a_problem'; note: string }
  | { kind: 'duplicate'; caseId: string }
  | { kind: 'not_our_responsibility'; referral: string };

export type CaseEvent =
  | { type: 'file' }
  | { type: 'reject'; reason: RejectReason }
  /** handler: who it is given to (a staff member's or a department's id); empty when nobody was named */
  | { type: 'dispatch'; handler: string }
  | { type: 'accept' }
  | { type: 'send_back'; reason: string }
  | { type: 'progress'; note: string }
  | { type: 'request_suspension'; reason: string; until: Date }
  | { type: 'approve_suspension' }
  | { type: 'deny_suspension' }
  | { type: 'resume' }
  | { type: 'feedback'; note: string }
  | { type: 'verify'; passed: boolean; note: string }
  | { type: 'rate'; score: number; comment: string }
  | { type: 'reopen'; reason: string }
  | { type: 'supervise'; note: string; due: Date };

export type CaseEventType = CaseEvent['type'];

export interface CaseSnapshot {
  state: CaseState;
  closedAt: Date | null;
  rated: boolean;
  suspensionRequested: boolean;
  reworkCount: number;
}

/**
 * The one Result (platform/errors.ts): the next snapshot, or a refusal — `case_transition_not_allowed`
 * with details {from, event}, or `invalid_case_event` with details {reasonZh, reasonEn}.
 */
export type TransitionResult = Result<CaseSnapshot, 'case_transition_not_allowed' | 'invalid_case_event'>;

/** Which events each state accepts (the UI shows only these buttons). */
export const ALLOWED: Record<CaseState, readonly CaseEventType[]> = {
  received: ['file', 'reject', 'supervise'],
  rejected: [],
  filed: ['dispatch', 'reject', 'supervise'],
  dispatched: ['accept', 'send_back', 'supervise'],
  handling: [
    'progress',
    'request_suspension',
    'approve_suspension',
    'deny_suspension',
    'feedback',
    'send_back',
    'supervise',
  ],
  suspended: ['resume', 'supervise'],
  feedback: ['verify', 'supervise'],
  closed: ['rate', 'reopen'],
};

export interface MachineOptions {
  now: Date;
  /** How long after closing the reporter may reject the result (default 7 days). */
  reopenWindowMs: number;
}

export function transition(s: CaseSnapshot, e: CaseEvent, opts: MachineOptions): TransitionResult {
  if (!ALLOWED[s.state].includes(e.type)) return fail('case_transition_not_allowed', { from: s.state, event: e.type });
  const to = (state: CaseState, patch: Partial<CaseSnapshot> = {}): TransitionResult => ok({ ...s, state, ...patch });
  const bad = (reasonZh: string, reasonEn: string): TransitionResult =>
    fail('invalid_case_event', { reasonZh, reasonEn });
  switch (e.type) {
    case 'file':
      return to('filed');
    case 'reject':
      if (e.reason.kind === 'duplicate' && !e.reason.caseId)
        return bad('标为重复须指明与哪一件重复', 'duplicate needs the case it duplicates');
      if (e.reason.kind === 'not_our_responsibility' && !e.reason.referral.trim())
        return bad('须写明转交哪个单位', 'a referral is required');
      return to('rejected');
    case 'dispatch':
      return e.handler.trim() ? to('dispatched') : bad('派遣须指定办理对象', 'dispatch needs a handler');
    case 'accept':
      return to('handling');
    case 'send_back':
      return e.reason.trim() ? to('filed', { suspensionRequested: false }) : bad('须填写理由', 'a reason is required');
    case 'progress':
      return e.note.trim() ? to('handling') : bad('须填写办理进展', 'a progress note is required');
    case 'request_suspension':
      if (s.suspensionRequested) return bad('已有一项挂起申请在等待审批', 'a suspension request is already pending');
      if (e.until <= opts.now) return bad('挂起的截止时间须在将来', 'suspension must end in the future');
      return to('handling', { suspensionRequested: true });
    case 'approve_suspension':
      return s.suspensionRequested
        ? to('suspended', { suspensionRequested: false })
        : bad('没有待审批的挂起申请', 'no suspension was requested');
    case 'deny_suspension':
      return s.suspensionRequested
        ? to('handling', { suspensionRequested: false })
        : bad('没有待审批的挂起申请', 'no suspension was requested');
    case 'resume':
      return to('handling');
    case 'feedback':
      return e.note.trim() ? to('feedback') : bad('反馈须填写说明', 'feedback needs a note');
    case 'verify':
      return e.passed ? to('closed', { closedAt: opts.now }) : to('handling', { reworkCount: s.reworkCount + 1 });
    case 'rate':
      if (s.rated) return bad('此案件已评价过', 'the case has already been rated');
      if (!Number.isInteger(e.score) || e.score < 1 || e.score > 5) return bad('评分须为 1 到 5', 'a rating is 1 to 5');
      return to('closed', { rated: true });
    case 'reopen':
      if (!s.closedAt || opts.now.getTime() - s.closedAt.getTime() > opts.reopenWindowMs)
        return bad('已过可重新打开的期限', 'the reopening window has passed');
      return to('handling', { closedAt: null, rated: false, reworkCount: s.reworkCount + 1 });
    case 'supervise':
      return e.due > opts.now ? to(s.state) : bad('督办期限须在将来', 'supervision needs a future deadline');
  }
}

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}
