import { describe, expect, it } from 'vitest';
import { TEST_TRAIN_OPTIONS, TOPIC_WORDS, syntheticExamples } from './classifier.fixtures';
import { trainModel } from './classifier.model';
import { retrain } from './classifier.retrain';

const base = syntheticExamples(20, 1);
const currentModel = trainModel(base, TEST_TRAIN_OPTIONS);

/** County cases use local words the base data never saw (秸秆, 渡船, 农家书屋 …). */
const COUNTY_WORDS: Record<string, string[]> = {
  环境保护: ['秸秆', '养殖场', '黑臭', '沤肥'],
  交通运输: ['渡口', '渡船', '乡道', '班车'],
  教育文体: ['书屋', '广场舞', '篮球场', '戏台'],
};

describe('retrain', () => {
  it('accepts a model that learned the county vocabulary', () => {
    const county = syntheticExamples(20, 5, COUNTY_WORDS);
    const r = retrain({ baseExamples: base, countyExamples: county, currentModel, trainedAt: '2024-02-01' });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.heldBack).toBe(18);
    expect(r.value.after.accuracy).toBeGreaterThan(r.value.before.accuracy);
    expect(r.value.accept).toBe(true);
    expect(r.value.reason).toMatch(/^accepted/);
    expect(r.value.model.training.trainedAt).toBe('2024-02-01');
  });

  it('refuses a model made worse by wrongly labelled county cases', () => {
    // County staff filed every pollution report under 交通运输; the verified cases say otherwise.
    const mislabelled = syntheticExamples(40, 8, { 交通运输: TOPIC_WORDS.环境保护 });
    const verified = syntheticExamples(10, 9);
    const r = retrain({ baseExamples: base, countyExamples: mislabelled, heldBackExamples: verified, currentModel });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.after.accuracy).toBeLessThan(r.value.before.accuracy);
    expect(r.value.accept).toBe(false);
    expect(r.value.reason).toMatch(/^refused/);
  });

  it('accepts a model that is exactly as good (not worse)', () => {
    const county = syntheticExamples(10, 11);
    const r = retrain({ baseExamples: base, countyExamples: county, currentModel });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.after.accuracy).toBe(r.value.before.accuracy);
    expect(r.value.accept).toBe(true);
  });

  it('reports when there is nothing to compare on', () => {
    const r = retrain({
      baseExamples: base,
      countyExamples: [{ title: '垃圾', body: '', label: '环境保护' }],
      currentModel,
    });
    expect(r).toMatchObject({ ok: false, code: 'classifier_retrain_too_few_cases' });
  });
});
