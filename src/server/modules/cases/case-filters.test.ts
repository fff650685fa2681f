/** The list filters' pure parts: Shanghai days, periods, category subtrees, sort keys. */
import { describe, expect, it } from 'vitest';
import { categoryWithDescendants, overdueAt, periodOf, shanghaiDay, shanghaiDayStart, sortKeyOf } from './case-filters';

describe('days in Asia/Shanghai', () => {
  it('starts a day at 00:00 +08:00 and refuses days that do not exist', () => {
    expect(shanghaiDayStart('2026-11-24')?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(shanghaiDayStart('2026-02-30')).toBeNull();
    expect(shanghaiDayStart('2026-13-01')).toBeNull();
    expect(shanghaiDayStart('24/11/2026')).toBeNull();
    expect(shanghaiDayStart('9999-12-31')).toBeNull();
    expect(shanghaiDayStart('0001-01-01')).toBeNull();
    expect(shanghaiDay(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });

  it('a period covers both days whole, either end open; an end before its start names `to`', () => {
    expect(periodOf('2026-11-24', '2026-11-24')).toEqual({
      ok: true,
      receivedFrom: new Date('2026-11-23T16:00:00.000Z'),
      receivedBefore: new Date('2026-11-24T16:00:00.000Z'),
    });
    expect(periodOf(undefined, undefined)).toEqual({ ok: true, receivedFrom: undefined, receivedBefore: undefined });
    expect(periodOf('2026-02-30')).toEqual({ ok: false, field: 'from', value: '2026-02-30' });
    expect(periodOf('2026-11-24', '2026-11-23')).toMatchObject({ ok: false, field: 'to' });
  });
});

describe('categories, overdue, sort keys', () => {
  it('a major category covers its descendants', () => {
    const all = [
      { code: '01', parentCode: null },
      { code: '01037', parentCode: '01' },
      { code: '01038', parentCode: '01' },
      { code: '06', parentCode: null },
      { code: 'L0001', parentCode: '01037' },
    ];
    expect(categoryWithDescendants('01', all)).toEqual(['01', '01037', '01038', 'L0001']);
    expect(categoryWithDescendants('06', all)).toEqual(['06']);
  });

  it('overdue means being handled past the deadline', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const past = new Date('2026-11-30T00:00:00Z');
    expect(overdueAt({ state: 'handling', handleDueAt: past }, now)).toBe(true);
    expect(overdueAt({ state: 'suspended', handleDueAt: past }, now)).toBe(false);
    expect(overdueAt({ state: 'dispatched', handleDueAt: null }, now)).toBe(false);
  });

  it('a cursor key names its sort', () => {
    const c = { id: 'x', receivedAt: new Date('2026-11-23T01:00:00Z'), handleDueAt: null };
    expect(sortKeyOf('received', c)).toEqual(['received', '2026-11-23T01:00:00.000Z', 'x']);
    expect(sortKeyOf('deadline', c)).toEqual(['deadline', null, 'x']);
  });
});
