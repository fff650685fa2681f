/**
 * Evaluation arithmetic: accuracy, per-class precision/recall/F1, macro-F1, confusion matrix,
 * and a seeded stratified k-fold split. Pure.
 */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[i][j] = number of examples with true label i predicted as j (order of `labels`). */
  confusion: number[][];
  labels: string[];
  count: number;
}

export function confusionMatrix(
  labels: readonly string[],
  truth: readonly string[],
  predicted: readonly string[],
): number[][] {
  if (truth.length !== predicted.length) throw new Error('truth and predicted differ in length');
  const pos = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < truth.length; i++) {
    const t = pos.get(truth[i]);
    const p = pos.get(predicted[i]);
    if (t === undefined || p === undefined) throw new Error(`unknown label: ${truth[i]} / ${predicted[i]}`);
    m[t][p] += 1;
  }
  return m;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Metrics from a confusion matrix; a class with no predictions has precision 0 (as sklearn). */
export function metricsFromConfusion(labels: readonly string[], confusion: number[][]): Metrics {
  const k = labels.length;
  let correct = 0;
  let count = 0;
  const perClass: ClassMetrics[] = [];
  for (let i = 0; i < k; i++) {
    let rowSum = 0;
    let colSum = 0;
    for (let j = 0; j < k; j++) {
      rowSum += confusion[i][j];
      colSum += confusion[j][i];
    }
    const tp = confusion[i][i];
    correct += tp;
    count += rowSum;
    const precision = ratio(tp, colSum);
    const recall = ratio(tp, rowSum);
    const f1 = ratio(2 * precision * recall, precision + recall);
    perClass.push({ label: labels[i], precision, recall, f1, support: rowSum });
  }
  const macroF1 = k === 0 ? 0 : perClass.reduce((s, c) => s + c.f1, 0) / k;
  return { accuracy: ratio(correct, count), macroF1, perClass, confusion, labels: [...labels], count };
}

export function computeMetrics(
  labels: readonly string[],
  truth: readonly string[],
  predicted: readonly string[],
): Metrics {
  return metricsFromConfusion(labels, confusionMatrix(labels, truth, predicted));
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Stratified k-fold: returns fold[i] = the test fold of example i (0..k-1). Each label's examples
 * are shuffled with the seed and dealt round-robin, continuing where the previous label stopped so
 * fold sizes differ by at most one.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (k < 2) throw new Error('k must be at least 2');
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l) ?? [];
    list.push(i);
    byLabel.set(l, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const i of shuffleInPlace(byLabel.get(label) ?? [], random)) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/** Train/test index lists for each of the k folds. */
export function foldSplits(fold: readonly number[], k: number): Array<{ train: number[]; test: number[] }> {
  return Array.from({ length: k }, (_, f) => ({
    train: fold.flatMap((g, i) => (g === f ? [] : [i])),
    test: fold.flatMap((g, i) => (g === f ? [i] : [])),
  }));
}

/** Stratified holdout: a `fraction` of each label goes to test (at least one when a label has ≥ 2). */
export function stratifiedHoldout(
  labels: readonly string[],
  fraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    byLabel.set(l, [...(byLabel.get(l) ?? []), i]);
  });
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const items = shuffleInPlace(byLabel.get(label) ?? [], random);
    const nTest = items.length < 2 ? 0 : Math.max(1, Math.round(items.length * fraction));
    test.push(...items.slice(0, nTest));
    train.push(...items.slice(nTest));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
