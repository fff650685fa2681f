/** The report pages' handling of a category's extra fields (web/shared/cases.ts, pure). */
import { describe, expect, it } from 'vitest';
import { cleanExtra, extraFieldLabel, missingExtra } from '../web/shared/cases';
import type { ExtraField } from '../src/server/modules/cases/taxonomy';

const FIELDS: ExtraField[] = [
  { key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'number', required: true },
  { key: 'door', label: { zh: '门禁类型', en: '' }, type: 'enum', required: false, options: ['刷卡', '密码'] },
  { key: 'lift', label: { zh: '有电梯', en: 'Has a lift' }, type: 'boolean', required: true },
];

describe('extra fields in the report forms', () => {
  it('sends only this category’s fields, leaves empty ones out and turns numbers into numbers', () => {
    expect(cleanExtra(FIELDS, { floor: '3', door: '', lift: false, stale: 'from another category' })).toEqual({
      floor: 3,
      lift: false,
    });
    expect(cleanExtra([], { floor: 3 })).toEqual({});
  });

  it('names the first required field left empty (a switch is always answered)', () => {
    expect(missingExtra(FIELDS, {})?.key).toBe('floor');
    expect(missingExtra(FIELDS, { floor: '' })?.key).toBe('floor');
    expect(missingExtra(FIELDS, { floor: 0 })).toBeNull();
  });

  it('labels in the page’s language, Chinese when there is no English', () => {
    expect(extraFieldLabel(FIELDS[0], 'en')).toBe('Floor');
    expect(extraFieldLabel(FIELDS[1], 'en')).toBe('门禁类型');
    expect(extraFieldLabel(FIELDS[0], 'zh-CN')).toBe('楼层');
  });
});
