/**
 * Cross-validation helpers used by the evaluate and train scripts: plain stratified k-fold for a
 * fixed configuration, and nested k-fold where the hyperparameters are chosen inside each outer
 * training part by an inner stratified k-fold (so the outer test fold never influences the choice).
 * Pure: takes raw documents already extracted once.
 */
import type { RawDoc } from './classifier.features';
import { computeMetrics, foldSplits, stratifiedFolds, type Metrics } from './classifier.metrics';
import { labelSet, predictLabelFromRaw, trainFromRaw, type TrainOptions } from './classifier.model';

export interface HyperParams {
  l2: number;
  titleWeight: number;
}

export interface CvResult {
  metrics: Metrics;
  foldAccuracy: number[];
  /** Out-of-fold prediction of every example. */
  predicted: string[];
}

export function withHyperParams(base: TrainOptions, h: HyperParams): TrainOptions {
  return { ...base, l2: h.l2, features: { ...base.features, titleWeight: h.titleWeight } };
}

/** Out-of-fold predictions for any train/predict pair over the given splits. */
export function crossValidateWith(
  labels: readonly string[],
  splits: ReadonlyArray<{ train: number[]; test: number[] }>,
  fitPredict: (train: number[], test: number[], foldIndex: number) => string[],
): CvResult {
  const predicted = new Array<string>(labels.length).fill('');
  const foldAccuracy = splits.map((s, f) => {
    const out = fitPredict(s.train, s.test, f);
    let correct = 0;
    s.test.forEach((i, j) => {
      predicted[i] = out[j];
      if (out[j] === labels[i]) correct++;
    });
    return correct / Math.max(1, s.test.length);
  });
  const used = splits.flatMap((s) => s.test);
  const metrics = computeMetrics(
    labelSet(labels),
    used.map((i) => labels[i]),
    used.map((i) => predicted[i]),
  );
  return { metrics, foldAccuracy, predicted };
}

function fitAndPredict(
  raws: readonly RawDoc[],
  labels: readonly string[],
  train: number[],
  test: number[],
  options: TrainOptions,
): string[] {
  const model = trainFromRaw(
    train.map((i) => raws[i]),
    train.map((i) => labels[i]),
    options,
  );
  return test.map((i) => predictLabelFromRaw(model, raws[i]));
}

export function crossValidate(
  raws: readonly RawDoc[],
  labels: readonly string[],
  k: number,
  seed: number,
  options: TrainOptions,
): CvResult {
  const splits = foldSplits(stratifiedFolds(labels, k, seed), k);
  return crossValidateWith(labels, splits, (train, test) => fitAndPredict(raws, labels, train, test, options));
}

export interface SelectionScore {
  params: HyperParams;
  accuracy: number;
  macroF1: number;
}

/** Picks the grid point with the best inner-CV macro-F1 (ties: accuracy, then grid order). */
export function selectHyperParams(
  raws: readonly RawDoc[],
  labels: readonly string[],
  grid: readonly HyperParams[],
  innerK: number,
  seed: number,
  base: TrainOptions,
): { best: HyperParams; scores: SelectionScore[] } {
  const splits = foldSplits(stratifiedFolds(labels, innerK, seed), innerK);
  const scores = grid.map((params) => {
    const cv = crossValidateWith(labels, splits, (train, test) =>
      fitAndPredict(raws, labels, train, test, withHyperParams(base, params)),
    );
    return { params, accuracy: cv.metrics.accuracy, macroF1: cv.metrics.macroF1 };
  });
  let best = scores[0];
  for (const s of scores) {
    if (s.macroF1 > best.macroF1 + 1e-12 || (Math.abs(s.macroF1 - best.macroF1) <= 1e-12 && s.accuracy > best.accuracy))
      best = s;
  }
  return { best: best.params, scores };
}

export interface NestedCvResult extends CvResult {
  chosen: HyperParams[];
}

export function nestedCrossValidate(
  raws: readonly RawDoc[],
  labels: readonly string[],
  options: { k: number; innerK: number; seed: number; grid: readonly HyperParams[]; base: TrainOptions },
  onFold?: (fold: number, chosen: HyperParams) => void,
): NestedCvResult {
  const splits = foldSplits(stratifiedFolds(labels, options.k, options.seed), options.k);
  const chosen: HyperParams[] = [];
  const cv = crossValidateWith(labels, splits, (train, test, f) => {
    const trainRaws = train.map((i) => raws[i]);
    const trainLabels = train.map((i) => labels[i]);
    const { best } = selectHyperParams(
      trainRaws,
      trainLabels,
      options.grid,
      options.innerK,
      options.seed + 1 + f,
      options.base,
    );
    chosen.push(best);
    onFold?.(f, best);
    return fitAndPredict(raws, labels, train, test, withHyperParams(options.base, best));
  });
  return { ...cv, chosen };
}
