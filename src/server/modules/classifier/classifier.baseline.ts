/**
 * Baseline for comparison only: multinomial naive Bayes over hashed character n-gram counts of
 * title+body (no words, no title block, no tf-idf), Laplace smoothing.
 */
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig, type RawDoc } from './classifier.features';
import { labelSet } from './classifier.model';

export const NAIVE_BAYES_FEATURES: FeatureConfig = {
  ...DEFAULT_FEATURE_CONFIG,
  useWords: false,
  titleWeight: 0,
  minDf: 1,
};

export interface NaiveBayesModel {
  labels: string[];
  logPrior: Float64Array;
  /** Per bucket seen in training: log P(feature | label) for each label. */
  logLikelihood: Map<number, Float64Array>;
}

export function trainNaiveBayes(raws: readonly RawDoc[], labels: readonly string[], alpha = 1): NaiveBayesModel {
  const names = labelSet(labels);
  const k = names.length;
  const pos = new Map(names.map((l, i) => [l, i]));
  const counts = new Map<number, Float64Array>();
  const totals = new Float64Array(k);
  const docs = new Float64Array(k);
  raws.forEach((raw, i) => {
    const c = pos.get(labels[i]) ?? 0;
    docs[c]++;
    for (let j = 0; j < raw.main.buckets.length; j++) {
      const b = raw.main.buckets[j];
      let row = counts.get(b);
      if (!row) counts.set(b, (row = new Float64Array(k)));
      row[c] += raw.main.counts[j];
      totals[c] += raw.main.counts[j];
    }
  });
  const vocab = counts.size;
  const denominators = Array.from(totals, (t) => Math.log(t + alpha * vocab));
  const logLikelihood = new Map<number, Float64Array>();
  for (const [b, row] of counts)
    logLikelihood.set(
      b,
      row.map((n, c) => Math.log(n + alpha) - denominators[c]),
    );
  return {
    labels: names,
    logPrior: docs.map((d) => Math.log(d / raws.length)),
    logLikelihood,
  };
}

export function predictNaiveBayes(model: NaiveBayesModel, raw: RawDoc): string {
  const scores = Float64Array.from(model.logPrior);
  for (let j = 0; j < raw.main.buckets.length; j++) {
    const row = model.logLikelihood.get(raw.main.buckets[j]);
    if (!row) continue; // a feature never seen in training carries no evidence
    const n = raw.main.counts[j];
    for (let c = 0; c < scores.length; c++) scores[c] += n * row[c];
  }
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return model.labels[best];
}
