import { describe, expect, it } from 'vitest';
import { ALLOWED, type CaseEvent, type CaseSnapshot, type CaseState, transition } from './case-machine';

const now = new Date('2026-11-25T10:00:00+08:00');
const opts = { now, reopenWindowMs: 7 * 86_400_000 };
const snap = (state: CaseState, patch: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  state,
  closedAt: null,
  rated: false,
  suspensionRequested: false,
  reworkCount: 0,
  ...patch,
});

function run(events: CaseEvent[], start = snap('received'), o = opts) {
  let s = start;
  for (const e of events) {
    const r = transition(s, e, o);
    if (!r.ok) throw new Error(`${e.type}: ${r.code}`);
    s = r.value;
  }
  return s;
}

describe('case state machine', () => {
  it('runs the whole loop', () => {
    const s = run([
      { type: 'file' },
      { type: 'dispatch', handler: 'u1' },
      { type: 'accept' },
      { type: 'progress', note: '已到现场' },
      { type: 'feedback', note: '已修复' },
      { type: 'verify', passed: true, note: '核查通过' },
      { type: 'rate', score: 5, comment: '好' },
    ]);
    expect(s).toEqual({ state: 'closed', closedAt: now, rated: true, suspensionRequested: false, reworkCount: 0 });
  });

  it('refuses a transition not allowed from the current state, naming both', () => {
    expect(transition(snap('received'), { type: 'feedback', note: 'x' }, opts)).toEqual({
      ok: false,
      code: 'case_transition_not_allowed',
      details: { from: 'received', event: 'feedback' },
    });
    expect(transition(snap('rejected'), { type: 'file' }, opts)).toMatchObject({
      ok: false,
      details: { from: 'rejected' },
    });
    for (const e of ['file', 'dispatch', 'accept'] as const)
      expect(transition(snap('closed'), { type: e } as CaseEvent, opts).ok).toBe(false);
  });

  it('needs reasons: duplicate names a case, not-ours names a referral', () => {
    expect(transition(snap('received'), { type: 'reject', reason: { kind: 'duplicate', caseId: '' } }, opts).ok).toBe(
      false,
    );
    expect(
      transition(snap('received'), { type: 'reject', reason: { kind: 'not_our_responsibility', referral: ' ' } }, opts)
        .ok,
    ).toBe(false);
    expect(
      transition(snap('received'), { type: 'reject', reason: { kind: 'duplicate', caseId: 'C1' } }, opts),
    ).toMatchObject({ ok: true, value: { state: 'rejected' } });
  });

  it('sends a case back to dispatch when it is not the handler’s', () => {
    expect(run([{ type: 'send_back', reason: '不属于本部门' }], snap('dispatched')).state).toBe('filed');
  });

  it('suspends only with approval', () => {
    const until = new Date(now.getTime() + 86_400_000);
    expect(transition(snap('handling'), { type: 'approve_suspension' }, opts).ok).toBe(false);
    const requested = run([{ type: 'request_suspension', reason: '等待材料', until }], snap('handling'));
    expect(requested).toMatchObject({ state: 'handling', suspensionRequested: true });
    expect(run([{ type: 'approve_suspension' }, { type: 'resume' }], requested).state).toBe('handling');
    expect(run([{ type: 'deny_suspension' }], requested)).toMatchObject({
      state: 'handling',
      suspensionRequested: false,
    });
  });

  it('counts a failed verification and a reporter’s reopening as rework', () => {
    const s = run([{ type: 'verify', passed: false, note: '未修好' }], snap('feedback'));
    expect(s).toMatchObject({ state: 'handling', reworkCount: 1 });
    const closed = snap('closed', { closedAt: new Date(now.getTime() - 6 * 86_400_000), rated: true, reworkCount: 1 });
    expect(run([{ type: 'reopen', reason: '又坏了' }], closed)).toMatchObject({
      state: 'handling',
      reworkCount: 2,
      rated: false,
      closedAt: null,
    });
  });

  it('allows reopening only within the window', () => {
    const late = snap('closed', { closedAt: new Date(now.getTime() - 8 * 86_400_000) });
    expect(transition(late, { type: 'reopen', reason: 'x' }, opts)).toMatchObject({
      ok: false,
      code: 'invalid_case_event',
    });
  });

  it('rates once, 1 to 5', () => {
    expect(transition(snap('closed', { rated: true }), { type: 'rate', score: 4, comment: '' }, opts).ok).toBe(false);
    expect(transition(snap('closed'), { type: 'rate', score: 6, comment: '' }, opts).ok).toBe(false);
    expect(transition(snap('closed'), { type: 'rate', score: 2.5, comment: '' }, opts).ok).toBe(false);
  });

  it('lets supervision in at every open state and never after the end', () => {
    const due = new Date(now.getTime() + 3_600_000);
    for (const state of ['received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback'] as const) {
      expect(transition(snap(state), { type: 'supervise', note: '督办', due }, opts)).toMatchObject({
        ok: true,
        value: { state },
      });
    }
    expect(ALLOWED.closed).not.toContain('supervise');
    expect(ALLOWED.rejected).toEqual([]);
  });
});
