/** The handling and closing commands' pure steps: patches, notes and timeline data the loop writes. */
import { describe, expect, it } from 'vitest';
import { rate, reopen, supervise, verify } from './closing';
import { aCase, env, NOW } from './fixtures';
import { approveSuspension, denySuspension, feedback, requestSuspension, resume, sendBack } from './handling';

const DAY = 86_400_000;

describe('handling commands', () => {
  it('send back: to dispatch without a handler, a pending suspension request dropped', () => {
    const c = aCase({ state: 'handling', handlerUserId: 'u1', suspensionRequested: true });
    expect(sendBack.apply(c, { type: 'send_back', note: '不属于本网格' }, undefined, env())).toMatchObject({
      ok: true,
      toState: 'filed',
      note: '不属于本网格',
      patch: { state: 'filed', handlerUserId: null, handlerDepartment: null, suspensionRequested: false },
      data: { type: 'send_back' },
    });
  });

  it('suspension: requested, approved (suspended, ever suspended), resumed; or denied', () => {
    const until = new Date(NOW.getTime() + DAY).toISOString();
    const handling = aCase({ state: 'handling' });
    expect(
      requestSuspension.apply(handling, { type: 'request_suspension', note: '等待材料', until }, undefined, env()),
    ).toMatchObject({ ok: true, patch: { state: 'handling', suspensionRequested: true }, data: { until } });
    expect(
      requestSuspension.apply(
        handling,
        { type: 'request_suspension', note: '等待材料', until: NOW.toISOString() },
        undefined,
        env(),
      ),
    ).toMatchObject({ ok: false, details: { reasonEn: 'suspension must end in the future' } });
    const requested = aCase({ state: 'handling', suspensionRequested: true });
    expect(approveSuspension.apply(requested, { type: 'approve_suspension' }, undefined, env())).toMatchObject({
      ok: true,
      note: null,
      patch: { state: 'suspended', suspended: true, everSuspended: true, suspensionRequested: false },
    });
    const denied = denySuspension.apply(requested, { type: 'deny_suspension', note: '不批' }, undefined, env());
    expect(denied).toMatchObject({ ok: true, patch: { state: 'handling', suspensionRequested: false } });
    if (denied.ok) expect(denied.patch).not.toHaveProperty('suspended');
    expect(
      resume.apply(aCase({ state: 'suspended', suspended: true }), { type: 'resume' }, undefined, env()),
    ).toMatchObject({ ok: true, patch: { state: 'handling', suspended: false } });
  });

  it('feedback: stamped, awaiting verification', () => {
    expect(
      feedback.apply(aCase({ state: 'handling' }), { type: 'feedback', note: '已清理' }, undefined, env()),
    ).toMatchObject({ ok: true, toState: 'feedback', note: '已清理', patch: { feedbackAt: NOW } });
  });
});

describe('closing commands', () => {
  it('verify: passed closes on time or late; failed is rework without closing', () => {
    const due = (ms: number) => aCase({ state: 'feedback', handleDueAt: new Date(NOW.getTime() + ms) });
    expect(verify.apply(due(DAY), { type: 'verify', passed: true, note: '好' }, undefined, env())).toMatchObject({
      ok: true,
      patch: { state: 'closed', closedAt: NOW, closedOnTime: true },
    });
    expect(verify.apply(due(-DAY), { type: 'verify', passed: true, note: '好' }, undefined, env())).toMatchObject({
      patch: { closedOnTime: false },
    });
    expect(
      verify.apply(aCase({ state: 'feedback' }), { type: 'verify', passed: true, note: '好' }, undefined, env()),
    ).toMatchObject({ patch: { closedOnTime: null } });
    const failed = verify.apply(due(DAY), { type: 'verify', passed: false, note: '没修好' }, undefined, env());
    expect(failed).toMatchObject({ ok: true, patch: { state: 'handling', reworkCount: 1 }, data: { passed: false } });
    if (failed.ok) expect(failed.patch).not.toHaveProperty('closedAt');
  });

  it('rate: the comment is the timeline note, stored trimmed (blank: none)', () => {
    const closed = aCase({ state: 'closed', closedAt: NOW });
    expect(rate.apply(closed, { type: 'rate', score: 4, comment: ' 很好 ' }, undefined, env())).toMatchObject({
      ok: true,
      note: ' 很好 ',
      patch: { state: 'closed', rating: 4, ratingComment: '很好' },
      data: { type: 'rate', score: 4, comment: ' 很好 ' },
    });
    expect(rate.apply(closed, { type: 'rate', score: 5, comment: '  ' }, undefined, env())).toMatchObject({
      patch: { ratingComment: null },
    });
    expect(rate.apply(closed, { type: 'rate', score: 5 }, undefined, env())).toMatchObject({ note: null });
    expect(
      rate.apply(aCase({ state: 'closed', rating: 3 }), { type: 'rate', score: 5 }, undefined, env()),
    ).toMatchObject({
      ok: false,
      details: { reasonEn: 'the case has already been rated' },
    });
  });

  it('reopen: the result and the rating cleared, counted as rework; not after the window', () => {
    const closed = aCase({ state: 'closed', closedAt: new Date(NOW.getTime() - DAY), rating: 2, reworkCount: 1 });
    expect(reopen.apply(closed, { type: 'reopen', note: '又坏了' }, undefined, env())).toMatchObject({
      ok: true,
      patch: {
        state: 'handling',
        reworkCount: 2,
        closedAt: null,
        closedOnTime: null,
        rating: null,
        ratingComment: null,
        feedbackAt: null,
      },
    });
    expect(
      reopen.apply(
        { ...closed, closedAt: new Date(NOW.getTime() - 8 * DAY) },
        { type: 'reopen', note: 'x' },
        undefined,
        env(),
      ),
    ).toMatchObject({ ok: false, details: { reasonEn: 'the reopening window has passed' } });
  });

  it('supervise: flagged with its deadline, the state unchanged', () => {
    const due = new Date(NOW.getTime() + DAY).toISOString();
    expect(
      supervise.apply(aCase({ state: 'dispatched' }), { type: 'supervise', note: '加快', due }, undefined, env()),
    ).toMatchObject({
      ok: true,
      toState: 'dispatched',
      patch: { state: 'dispatched', supervised: true, supervisionDueAt: new Date(due) },
      data: { type: 'supervise', due },
    });
  });
});
