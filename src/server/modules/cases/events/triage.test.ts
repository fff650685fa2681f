import { describe, expect, it } from 'vitest';
import { aCase, category, COUNTY, env, NOW } from './fixtures';
import { dispatch, file, reject } from './triage';

const filed = aCase({ state: 'filed', filedAt: NOW, respondedAt: NOW });

describe('dispatch command', () => {
  it('is refused by the machine when it names nobody (no stand-in handler)', () => {
    for (const handler of [null, { handlerUserId: null, handlerDepartment: null, label: '某人' }]) {
      expect(dispatch.apply(filed, { type: 'dispatch' }, handler, env())).toEqual({
        ok: false,
        code: 'invalid_case_event',
        details: { reasonZh: '派遣须指定办理对象', reasonEn: 'dispatch needs a handler' },
      });
    }
  });

  it('gives the case to the named person or department, with the handling deadline of its category and urgency', () => {
    const toPerson = dispatch.apply(
      filed,
      { type: 'dispatch', handlerUserId: 'u1', note: '请尽快' },
      { handlerUserId: 'u1', handlerDepartment: null, label: '李网格' },
      env(),
    );
    expect(toPerson).toMatchObject({
      ok: true,
      toState: 'dispatched',
      note: '请尽快',
      patch: { state: 'dispatched', handlerUserId: 'u1', handlerDepartment: null, dispatchedAt: NOW },
      data: { type: 'dispatch', handlerUserId: 'u1', handlerLabel: '李网格' },
    });
    const urgent = dispatch.apply(
      aCase({ state: 'filed', urgency: 'urgent' }),
      { type: 'dispatch', departmentCode: `${COUNTY}-zjj` },
      { handlerUserId: null, handlerDepartment: `${COUNTY}-zjj`, label: '住建局' },
      env(),
    );
    if (!urgent.ok || !toPerson.ok) throw new Error('dispatch refused');
    expect(urgent.patch).toMatchObject({ handlerUserId: null, handlerDepartment: `${COUNTY}-zjj` });
    // urgent: 4 working hours; normal: 3 working days
    expect(urgent.patch.handleDueAt!.getTime()).toBeLessThan(toPerson.patch.handleDueAt!.getTime());
    expect(urgent.patch.handleDueAt!.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('is not taken before the case is filed', () => {
    const r = dispatch.apply(
      aCase(),
      { type: 'dispatch' },
      { handlerUserId: 'u1', handlerDepartment: null, label: 'x' },
      env(),
    );
    expect(r).toEqual({
      ok: false,
      code: 'case_transition_not_allowed',
      details: { from: 'received', event: 'dispatch' },
    });
  });
});

describe('reject command', () => {
  it('records the reason, the referral and the original of a duplicate; responds once', () => {
    const r = reject.apply(
      aCase({ respondedAt: new Date(NOW.getTime() - 60_000) }),
      { type: 'reject', reason: 'duplicate', duplicateOf: 'C20261125-0000', note: '重复' },
      'original-id',
      env(),
    );
    expect(r).toMatchObject({
      ok: true,
      toState: 'rejected',
      note: '重复',
      patch: {
        duplicateOf: 'original-id',
        respondedAt: new Date(NOW.getTime() - 60_000),
        rejection: { reason: 'duplicate', note: '重复', referral: null },
      },
      data: { type: 'reject', reason: 'duplicate', duplicateOf: 'C20261125-0000' },
    });
  });

  it('needs the original of a duplicate and a referral when not ours', () => {
    expect(reject.apply(aCase(), { type: 'reject', reason: 'duplicate' }, null, env())).toMatchObject({
      ok: false,
      code: 'invalid_case_event',
    });
    expect(
      reject.apply(aCase(), { type: 'reject', reason: 'not_our_responsibility', referral: '  ' }, null, env()),
    ).toMatchObject({ ok: false, code: 'invalid_case_event', details: { reasonEn: 'a referral is required' } });
    const notOurs = reject.apply(
      aCase(),
      { type: 'reject', reason: 'not_our_responsibility', referral: '供电公司' },
      null,
      env(),
    );
    expect(notOurs).toMatchObject({
      ok: true,
      patch: { respondedAt: NOW, rejection: { reason: 'not_our_responsibility', referral: '供电公司' } },
    });
    if (notOurs.ok) expect(notOurs.patch).not.toHaveProperty('duplicateOf');
  });
});

describe('file command', () => {
  it('confirms the category without touching routing or extra fields when none is given', () => {
    const r = file.apply(aCase(), { type: 'file' }, { chosen: null, grids: null }, env());
    expect(r).toMatchObject({
      ok: true,
      toState: 'filed',
      patch: { filedAt: NOW, respondedAt: NOW, categoryConfirmed: true },
    });
    if (!r.ok) return;
    for (const key of ['categoryCode', 'tier', 'extra', 'isPublic', 'handlerDepartment'])
      expect(r.patch).not.toHaveProperty(key);
    expect(r.data).toEqual({ type: 'file' });
  });

  it('moved to a private department category: rerouted, made private, the change and the routing in the timeline', () => {
    const chosen = category({
      code: '01037',
      name: '路灯',
      defaultTier: 'department',
      departmentKey: 'zjj',
      isPublic: false,
    });
    const r = file.apply(
      aCase(),
      { type: 'file', categoryCode: '01037', note: '改类' },
      { chosen, grids: null },
      env(),
    );
    expect(r).toMatchObject({
      ok: true,
      note: '改类',
      patch: {
        categoryCode: '01037',
        tier: 'department',
        isPublic: false,
        handlerDepartment: `${COUNTY}-zjj`,
        extra: {},
      },
      data: {
        type: 'file',
        category: { from: '06010', to: '01037' },
        routing: {
          from: { tier: 'grid', handlerDepartment: null },
          to: { tier: 'department', handlerDepartment: `${COUNTY}-zjj` },
        },
      },
    });
    if (!r.ok) return;
    expect(r.data).not.toHaveProperty('categoryCode');
    expect((r.data.routing as { trace: string[] }).trace).toContain('category_changed');
    expect(r.patch.ruleTrace?.some((t) => t.rule === 'category_changed' && t.zh.includes('王网格'))).toBe(true);
  });

  it('never makes a private case public by moving it into a public category', () => {
    const chosen = category({ code: '06011', name: '垃圾满溢' });
    const r = file.apply(
      aCase({ isPublic: false }),
      { type: 'file', categoryCode: '06011' },
      { chosen, grids: null },
      env(),
    );
    expect(r).toMatchObject({ ok: true, patch: { isPublic: false, tier: 'grid' } });
  });

  it('checks the extra fields of the category it is filed under', () => {
    const withField = category({
      extraFields: [{ key: 'bins', label: { zh: '垃圾桶数', en: 'bins' }, type: 'number', required: true }],
    });
    expect(() =>
      file.apply(aCase(), { type: 'file', extra: {} }, { chosen: null, grids: null }, env({ category: withField })),
    ).toThrow(expect.objectContaining({ code: 'extra_field_invalid' }));
    expect(
      file.apply(
        aCase(),
        { type: 'file', extra: { bins: 3 } },
        { chosen: null, grids: null },
        env({ category: withField }),
      ),
    ).toMatchObject({ ok: true, patch: { extra: { bins: 3 } } });
  });
});
