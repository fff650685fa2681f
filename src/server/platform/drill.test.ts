import { describe, expect, it } from 'vitest';
import { dayRange, narrowScopes } from './drill';
import { AppError } from './errors';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError)
      return { code: e.code, field: (e.details as { fields: { field: string }[] }).fields[0].field };
    throw e;
  }
  return null;
};

describe('a drill period', () => {
  it('runs from the CST start of the first day to the CST end of the last', () => {
    expect(dayRange('2026-11-01', '2026-11-30')).toEqual({
      from: new Date('2026-10-31T16:00:00.000Z'),
      before: new Date('2026-11-30T16:00:00.000Z'),
    });
    expect(dayRange(undefined, '2026-02-28').before).toEqual(new Date('2026-02-28T16:00:00.000Z'));
    expect(dayRange()).toEqual({ from: undefined, before: undefined });
  });

  it('refuses a day that does not exist or an upside-down period, naming the field', () => {
    expect(fieldOf(() => dayRange('2026-02-29'))).toEqual({ code: 'validation_failed', field: 'from' });
    expect(fieldOf(() => dayRange(undefined, '2026-13-01'))).toEqual({ code: 'validation_failed', field: 'to' });
    expect(fieldOf(() => dayRange('2026-11-02', '2026-11-01'))).toEqual({ code: 'validation_failed', field: 'to' });
  });
});

describe('a drill place', () => {
  const own = ['421081107', '421081001003'];
  it('narrows the viewer’s scopes and never widens them', () => {
    expect(narrowScopes(own, undefined)).toEqual(own);
    expect(narrowScopes(own, '421081107212')).toEqual(['421081107212']);
    expect(narrowScopes(own, '421081')).toEqual(own);
    expect(narrowScopes(own, '421081001')).toEqual(['421081001003']);
    expect(() => narrowScopes(own, '421081002')).toThrow(AppError);
  });
});
