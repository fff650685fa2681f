import { describe, expect, it } from 'vitest';
import { suggestLabels } from './classifier.explain';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from './classifier.fixtures';
import { predictLabel, trainModel } from './classifier.model';

const train = syntheticExamples(30, 1);
const test = syntheticExamples(10, 2);
const model = trainModel(train, TEST_TRAIN_OPTIONS);

describe('trainModel / predictLabel', () => {
  it('learns a small synthetic dataset', () => {
    const correct = test.filter((e) => {
      const r = predictLabel(model, e);
      return r.ok && r.value.label === e.label;
    }).length;
    expect(correct / test.length).toBeGreaterThanOrEqual(0.95);
    expect(model.labels).toEqual(['交通运输', '教育文体', '环境保护']);
  });
  it('is deterministic for the same data and seed', () => {
    const again = trainModel(train, TEST_TRAIN_OPTIONS);
    expect(again.weights).toEqual(model.weights);
    expect(again.bias).toEqual(model.bias);
  });
  it('returns an error value for empty text', () => {
    const r = predictLabel(model, { title: '  ', body: '' });
    expect(r).toMatchObject({ ok: false, code: 'classifier_empty_text' });
  });
  it('classifies very long text (truncated, not rejected)', () => {
    const r = predictLabel(model, { title: '', body: `学校补课${'，'.repeat(50_000)}学费` });
    expect(r.ok).toBe(true);
  });
});

describe('suggestLabels', () => {
  it('returns top-k labels with probabilities that are sorted and sum to at most 1', () => {
    const r = suggestLabels(model, { title: '垃圾焚烧', body: '附近垃圾焚烧，臭味和粉尘污染严重' }, { topK: 3 });
    if (!r.ok) throw new Error(r.code);
    expect(r.value).toHaveLength(3);
    expect(r.value[0].label).toBe('环境保护');
    const p = r.value.map((s) => s.probability);
    expect([...p].sort((a, b) => b - a)).toEqual(p);
    expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
  });
  it('explains with the discriminative words, not the shared filler', () => {
    const r = suggestLabels(
      model,
      { title: '希望解决', body: '我们小区附近学校老师强制补课，居民希望尽快解决' },
      { topK: 1 },
    );
    if (!r.ok) throw new Error(r.code);
    const [top] = r.value;
    expect(top.label).toBe('教育文体');
    expect(top.reasons.length).toBeGreaterThan(0);
    const terms = top.reasons.slice(0, 3).map((x) => x.term);
    expect(terms.some((t) => ['学校', '老师', '补课'].includes(t))).toBe(true);
    for (const t of terms) expect(['我们', '小区', '附近', '居民', '希望', '尽快', '解决']).not.toContain(t);
    expect(top.reasons.every((x) => x.weight > 0)).toBe(true);
  });
  it('returns an error value for empty text', () => {
    expect(suggestLabels(model, { title: '', body: '。。' })).toMatchObject({
      ok: false,
      code: 'classifier_empty_text',
    });
  });
});
