/** A category's extra fields refuse a report in one language per message (issue #11 item 11). */
import { describe, expect, it } from 'vitest';
import { AppError, errorBody } from '../../platform/errors';
import './cases.errors';
import { checkExtra } from './extra-fields';
import type { ExtraField } from './taxonomy';

const LID: ExtraField = {
  key: 'material',
  label: { zh: '井盖材质', en: 'Cover material' },
  type: 'enum',
  required: true,
  options: ['铸铁', '复合'],
};
const FLOOR: ExtraField = { key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'number', required: false };

function refusal(extra: Record<string, unknown>) {
  try {
    checkExtra({ extraFields: [LID, FLOOR] }, extra);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { zh: errorBody(e, 'zh-CN').message, en: errorBody(e, 'en').message, details: e.details };
  }
  throw new Error('accepted');
}

describe('extra field refusals', () => {
  it('a missing required field: named in Chinese in the Chinese message, in English in the English one', () => {
    const r = refusal({});
    expect(r.zh).toBe('类别附加信息「井盖材质」必须填写');
    expect(r.en).toBe('Category field "Cover material": is required');
    expect(r.details).toMatchObject({ field: '井盖材质' });
  });

  it('a value of the wrong type and a field the category does not have', () => {
    const wrong = refusal({ material: '铸铁', floor: '三楼' });
    expect(wrong.zh).toBe('类别附加信息「楼层」须为数字');
    expect(wrong.en).toBe('Category field "Floor": must be a number');
    const choice = refusal({ material: '木头' });
    expect(choice.zh).toBe('类别附加信息「井盖材质」须为其中一项（铸铁/复合）');
    const unknown = refusal({ material: '铸铁', colour: 'red' });
    expect(unknown.zh).toBe('类别附加信息「colour」不是这个类别的附加信息');
    expect(unknown.en).toBe('Category field "colour": is not a field of this category');
  });

  it('no Latin word in a Chinese message, no Chinese in an English one', () => {
    for (const extra of [{}, { material: '铸铁', floor: 'x' }, { material: '木头' }]) {
      const r = refusal(extra);
      expect(r.zh).not.toMatch(/[A-Za-z]/);
      expect(r.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
