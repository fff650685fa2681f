import { describe, expect, it } from 'vitest';
import {
  capAllowance,
  checkAmount,
  checkOverride,
  checkEffectiveFrom,
  expiringNow,
  isDue,
  maskName,
  pickRule,
  stepAward,
  yuanValue,
} from './points.domain';

const t = (s: string) => new Date(s);

describe('points domain', () => {
  it('lets an amount other than the rule’s through only with a reason and within both caps', () => {
    const caps = { factor: 10, monthlyCap: 200 };
    expect(checkOverride(10, 10, undefined, caps, 0)).toEqual({ ok: true, value: { overridden: false } });
    expect(checkOverride(10, 50, ' ', caps, 0)).toMatchObject({ ok: false, code: 'points_amount_reason_required' });
    expect(checkOverride(10, 1_000_000, '奖励', caps, 0)).toMatchObject({
      ok: false,
      code: 'points_amount_over_award_cap',
      details: { cap: 100 },
    });
    expect(checkOverride(10, 100, '奖励', caps, 150)).toMatchObject({
      ok: false,
      code: 'points_amount_over_period_cap',
      details: { used: 150 },
    });
    expect(checkOverride(10, 5, '半天', caps, 0)).toEqual({ ok: true, value: { overridden: true } });
  });

  it('masks names for the publicity list', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });

  it('shows prices at the exchange: 10 points = 5 yuan', () => {
    expect(yuanValue(10, { exchangePoints: 10, exchangeYuan: 5 })).toBe(5);
    expect(yuanValue(33, { exchangePoints: 10, exchangeYuan: 5 })).toBe(16.5);
  });

  it('accepts only positive whole amounts', () => {
    expect(checkAmount(10)).toEqual({ ok: true, value: 10 });
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 60]) expect(checkAmount(bad).ok).toBe(false);
  });

  it('picks the deepest rule in force at the time, never a later version', () => {
    const v = (id: string, scopeCode: string, version: number, from: string) => ({
      id,
      scopeCode,
      code: 'w',
      version,
      effectiveFrom: t(from),
    });
    const versions = [
      v('county', '421081', 1, '1970-01-01'),
      v('village1', '421081107212', 1, '2026-12-01'),
      v('village2', '421081107212', 2, '2027-01-01'),
    ];
    expect(pickRule(versions, '421081107212001', t('2026-11-30'))?.id).toBe('county');
    expect(pickRule(versions, '421081107212', t('2026-12-15'))?.id).toBe('village1');
    expect(pickRule(versions, '421081107212', t('2027-02-01'))?.id).toBe('village2');
    expect(pickRule(versions, '421081107001', t('2027-02-01'))?.id).toBe('county');
    expect(pickRule(versions, '429999', t('2027-02-01'))).toBeNull();
    expect(checkEffectiveFrom(t('2026-11-24'), t('2026-11-25')).ok).toBe(false);
    expect(checkEffectiveFrom(t('2026-11-26'), t('2026-11-25')).ok).toBe(true);
  });

  it('caps per day and month, allowing a partial award up to the cap', () => {
    expect(capAllowance(10, { daily: 20, monthly: null }, 5, 5)).toEqual({ ok: true, value: 10 });
    expect(capAllowance(10, { daily: 20, monthly: null }, 15, 15)).toEqual({ ok: true, value: 5 });
    expect(capAllowance(10, { daily: 20, monthly: 100 }, 20, 20)).toMatchObject({
      ok: false,
      code: 'points_cap_reached',
      details: { cap: 20 },
    });
    expect(capAllowance(10, { daily: null, monthly: 100 }, 0, 100)).toMatchObject({
      ok: false,
      details: { cap: 100, periodEn: 'monthly' },
    });
  });

  it('moves an award through review, publicity and objections', () => {
    const now = t('2026-11-25T09:00:00+08:00');
    expect(
      stepAward({ state: 'pending', publicityUntil: null }, { type: 'publish', publicityDays: 3 }, now),
    ).toMatchObject({ ok: false, code: 'points_award_step_not_allowed' });
    const published = stepAward(
      { state: 'reviewed', publicityUntil: null },
      { type: 'publish', publicityDays: 3 },
      now,
    );
    expect(published).toMatchObject({
      ok: true,
      value: { state: 'published', publicityUntil: t('2026-11-28T09:00:00+08:00') },
    });
    const until = t('2026-11-28T09:00:00+08:00');
    expect(stepAward({ state: 'published', publicityUntil: until }, { type: 'object' }, now)).toMatchObject({
      ok: true,
      value: { state: 'objected' },
    });
    expect(stepAward({ state: 'published', publicityUntil: until }, { type: 'object' }, until)).toMatchObject({
      ok: false,
      code: 'points_objection_closed',
    });
    expect(
      stepAward({ state: 'objected', publicityUntil: until }, { type: 'resolve', upheld: true, reason: '属实' }, now),
    ).toMatchObject({ ok: true, value: { state: 'rejected', rejectionReason: '属实' } });
    expect(
      stepAward(
        { state: 'objected', publicityUntil: until },
        { type: 'resolve', upheld: false, reason: '不属实' },
        now,
      ),
    ).toMatchObject({ ok: true, value: { state: 'published' } });
    expect(isDue({ state: 'published', publicityUntil: until }, until)).toBe(true);
    expect(isDue({ state: 'objected', publicityUntil: until }, until)).toBe(false);
  });

  it('expires what is left of the soonest-expiring credits', () => {
    // credits 30 (expired) + 20 (not yet) + 5 (never); 10 spent; balance 45
    expect(expiringNow(30, 55, 45)).toBe(20);
    // after that expiry: balance 25; nothing more until the 20 expire
    expect(expiringNow(30, 55, 25)).toBe(0);
    expect(expiringNow(50, 55, 25)).toBe(20);
    // spent more than the expired credits: nothing expires
    expect(expiringNow(30, 55, 10)).toBe(0);
  });
});
