import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../platform/errors';
import { trainCategoryModel, learnableLabels } from './classifier.category';
import { predictLabel } from './classifier.model';
import { CATEGORY_WORDS, SMALL, countyExamplesFor } from './county.fixtures';

describe('the county category model', () => {
  it('learns only categories with enough confirmed cases', () => {
    const examples = [...countyExamplesFor(8, 1), ...countyExamplesFor(4, 2, { L0001: ['楼道', '杂物', '堆放'] })];
    const { learnable, skipped } = learnableLabels(examples, 5);
    expect(learnable.map((l) => l.label).sort()).toEqual(Object.keys(CATEGORY_WORDS).sort());
    expect(skipped).toEqual([{ label: 'L0001', count: 4 }]);
    const r = trainCategoryModel({ examples, trainOptions: SMALL });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.model.labels).not.toContain('L0001');
    expect(r.value.heldBack).toBe(8); // round(8 × 0.3) = 2 per category
    expect(r.value.metrics.accuracy).toBeGreaterThan(0.8);
    expect(r.value.model.metrics[0].method).toMatch(/held-back county cases \(n=8\)/);
    const p = predictLabel(r.value.model, { title: '', body: '红绿灯坏了，路口很乱' });
    expect(p.ok && p.value.label).toBe('02014');
  });

  it('is not trained below the minimum total or with a single category', () => {
    const few = trainCategoryModel({ examples: countyExamplesFor(7, 1), trainOptions: SMALL }); // 28 < 30
    expect(few).toMatchObject({
      ok: false,
      code: 'classifier_too_few_cases',
      details: { cases: 28, categories: 4, minPerCategory: 5, minTotal: 30 },
    });
    if (!few.ok) expect(errorMessage(few.code, 'en', few.details)).toMatch(/^Only 28 confirmed cases in 4 categories/);
    const one = trainCategoryModel({
      examples: countyExamplesFor(40, 1, { '01037': CATEGORY_WORDS['01037'] }),
      trainOptions: SMALL,
    });
    expect(one).toMatchObject({ ok: false, code: 'classifier_too_few_cases', details: { cases: 40, categories: 1 } });
    if (!one.ok) expect(errorMessage(one.code, 'zh-CN', one.details)).toMatch(/至少需要 2 个类别/);
  });
});
