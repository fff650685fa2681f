import { describe, expect, it } from 'vitest';
import { computeMetrics, foldSplits, stratifiedFolds, stratifiedHoldout } from './classifier.metrics';

describe('computeMetrics', () => {
  // truth a a a b b c ; predicted a a b b c c
  const labels = ['a', 'b', 'c'];
  const truth = ['a', 'a', 'a', 'b', 'b', 'c'];
  const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];
  const m = computeMetrics(labels, truth, predicted);

  it('builds the confusion matrix (rows = truth)', () => {
    expect(m.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });
  it('computes accuracy and per-class P/R/F1 by hand', () => {
    expect(m.accuracy).toBeCloseTo(4 / 6, 10);
    // a: P=2/2, R=2/3, F1=0.8 ; b: P=1/2, R=1/2, F1=0.5 ; c: P=1/2, R=1, F1=2/3
    expect(m.perClass[0]).toMatchObject({ label: 'a', precision: 1, support: 3 });
    expect(m.perClass[0].recall).toBeCloseTo(2 / 3, 10);
    expect(m.perClass[0].f1).toBeCloseTo(0.8, 10);
    expect(m.perClass[1].f1).toBeCloseTo(0.5, 10);
    expect(m.perClass[2].f1).toBeCloseTo(2 / 3, 10);
    expect(m.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
  });
  it('gives 0 precision and F1 to a label never predicted', () => {
    const z = computeMetrics(['x', 'y'], ['x', 'y'], ['x', 'x']);
    expect(z.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(z.perClass[0].precision).toBe(0.5);
  });
  it('rejects unknown labels and length mismatch', () => {
    expect(() => computeMetrics(['a'], ['a'], ['z'])).toThrow();
    expect(() => computeMetrics(['a'], ['a'], [])).toThrow();
  });
});

describe('stratifiedFolds', () => {
  const labels = [...Array(50).fill('big'), ...Array(20).fill('mid'), ...Array(7).fill('small')] as string[];

  it('keeps each label balanced across folds', () => {
    const fold = stratifiedFolds(labels, 5, 42);
    for (const label of ['big', 'mid', 'small']) {
      const perFold = [0, 1, 2, 3, 4].map((f) => labels.filter((l, i) => l === label && fold[i] === f).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((g) => g === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
  it('is reproducible for a seed and differs across seeds', () => {
    expect(stratifiedFolds(labels, 5, 42)).toEqual(stratifiedFolds(labels, 5, 42));
    expect(stratifiedFolds(labels, 5, 42)).not.toEqual(stratifiedFolds(labels, 5, 43));
  });
  it('splits into disjoint train/test parts covering everything', () => {
    const splits = foldSplits(stratifiedFolds(labels, 5, 1), 5);
    const tested = splits.flatMap((s) => s.test).sort((a, b) => a - b);
    expect(tested).toEqual(labels.map((_, i) => i));
    for (const s of splits) expect(s.train.length + s.test.length).toBe(labels.length);
  });
});

describe('stratifiedHoldout', () => {
  it('holds back the fraction of each label', () => {
    const labels = [...Array(10).fill('a'), ...Array(4).fill('b'), 'c'] as string[];
    const { train, test } = stratifiedHoldout(labels, 0.3, 9);
    expect(test.filter((i) => labels[i] === 'a')).toHaveLength(3);
    expect(test.filter((i) => labels[i] === 'b')).toHaveLength(1);
    expect(test.filter((i) => labels[i] === 'c')).toHaveLength(0);
    expect(train.length + test.length).toBe(labels.length);
  });
});
