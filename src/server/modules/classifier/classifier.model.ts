/**
 * The department classifier: multinomial logistic regression with L2, trained by AdaGrad SGD on
 * hashed TF-IDF features. Pure: training and prediction only, no I/O.
 */
import {
  DEFAULT_FEATURE_CONFIG,
  IDENTITY_INDEX,
  buildFeatureIndex,
  extractPrepared,
  extractRaw,
  prepareText,
  smoothIdf,
  vectorize,
  type FeatureConfig,
  type FeatureIndex,
  type RawDoc,
  type SparseVector,
  type TextInput,
} from './classifier.features';
import { fail, ok, type Result } from '../../platform/errors';
import './classifier.errors';
import { fitSoftmaxSgd } from './classifier.sgd';

export const MODEL_FORMAT = 'cocreate-classifier';
export const MODEL_VERSION = 1;

export interface Example extends TextInput {
  label: string;
}

export interface TrainOptions {
  features: FeatureConfig;
  /** L2 penalty applied on each update of a weight. */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Seed of the example order; the same data and options give the same weights. */
  seed: number;
  /** ISO date written into the model; pass a fixed value for byte-identical files. */
  trainedAt?: string;
}

export interface ModelMetricsSummary {
  method: string;
  accuracy: number;
  macroF1: number;
}

export interface ClassifierModel {
  format: typeof MODEL_FORMAT;
  version: number;
  labels: string[];
  features: FeatureConfig;
  training: { l2: number; epochs: number; learningRate: number; seed: number; examples: number; trainedAt: string };
  metrics: ModelMetricsSummary[];
  /** Kept hash buckets (sorted); feature f is buckets[f]. */
  buckets: Uint32Array;
  idf: Float32Array;
  /** Feature-major weights: weights[f * K + k]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Derived at build/load time: bucket → feature index or -1. */
  index: FeatureIndex;
}

export interface LabelProbability {
  label: string;
  probability: number;
}

/** A prediction: the value, or `classifier_empty_text` when title and body have no text to classify. */
export type ClassifierResult<T> = Result<T, 'classifier_empty_text'>;

export const emptyTextFailure = (): ClassifierResult<never> => fail('classifier_empty_text');

/** Buckets present in at least minDf documents (either block), sorted, with their df. */
export function selectFeatures(raws: readonly RawDoc[], minDf: number): { buckets: Uint32Array; df: Uint32Array } {
  const df = new Map<number, number>();
  for (const raw of raws) {
    const seen = new Set<number>([...raw.main.buckets, ...raw.title.buckets]);
    for (const b of seen) df.set(b, (df.get(b) ?? 0) + 1);
  }
  const kept = [...df.entries()].filter(([, n]) => n >= minDf).sort((a, b) => a[0] - b[0]);
  return { buckets: Uint32Array.from(kept.map(([b]) => b)), df: Uint32Array.from(kept.map(([, n]) => n)) };
}

/** Softmax of linear scores for one sparse vector, written into `out`. */
export function scoreVector(
  x: SparseVector,
  weights: Float32Array | Float64Array,
  bias: ArrayLike<number>,
  k: number,
  out: Float64Array,
): void {
  for (let c = 0; c < k; c++) out[c] = bias[c];
  for (let p = 0; p < x.indices.length; p++) {
    const base = x.indices[p] * k;
    const v = x.values[p];
    for (let c = 0; c < k; c++) out[c] += v * weights[base + c];
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (out[c] > max) max = out[c];
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c] - max);
    sum += out[c];
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
}

/** Sorted distinct labels (the model's label order). */
export function labelSet(labels: readonly string[]): string[] {
  return [...new Set(labels)].sort();
}

/** Trains from already-extracted raw documents (lets cross-validation reuse the segmentation). */
export function trainFromRaw(
  raws: readonly RawDoc[],
  labels: readonly string[],
  options: TrainOptions,
): ClassifierModel {
  const labelNames = labelSet(labels);
  const labelIndex = new Map(labelNames.map((l, i) => [l, i]));
  const { buckets, df } = selectFeatures(raws, options.features.minDf);
  const idf = smoothIdf(df, raws.length);
  const index = buildFeatureIndex(buckets, options.features.hashBits);
  const xs = raws.map((r) => vectorize(r, index, idf, options.features.titleWeight));
  const y = labels.map((l) => labelIndex.get(l) ?? 0);
  const fit = fitSoftmaxSgd(xs, y, buckets.length, labelNames.length, {
    l2: options.l2,
    epochs: options.epochs,
    learningRate: options.learningRate,
    seed: options.seed,
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: labelNames,
    features: { ...options.features },
    training: {
      l2: options.l2,
      epochs: options.epochs,
      learningRate: options.learningRate,
      seed: options.seed,
      examples: raws.length,
      trainedAt: options.trainedAt ?? new Date().toISOString(),
    },
    metrics: [],
    buckets,
    idf,
    weights: fit.weights,
    bias: fit.bias,
    index,
  };
}

export function trainModel(examples: readonly Example[], options: TrainOptions): ClassifierModel {
  if (examples.length === 0) throw new Error('cannot train on zero examples');
  const raws = examples.map((e) => extractRaw(e, options.features));
  return trainFromRaw(
    raws,
    examples.map((e) => e.label),
    options,
  );
}

/** Probabilities for every label (model order) from a raw document. */
export function probabilitiesFromRaw(model: ClassifierModel, raw: RawDoc): Float64Array {
  const x = vectorize(raw, model.index, model.idf, model.features.titleWeight);
  const out = new Float64Array(model.labels.length);
  scoreVector(x, model.weights, model.bias, model.labels.length, out);
  return out;
}

/** Fast path: the best label and its probability (no explanations). */
export function predictLabel(model: ClassifierModel, input: TextInput): ClassifierResult<LabelProbability> {
  const prepared = prepareText(input, model.features);
  if (prepared.main === '') return emptyTextFailure();
  const raw = extractPrepared(prepared, model.features, model.index);
  const x = vectorize(raw, IDENTITY_INDEX, model.idf, model.features.titleWeight);
  const probs = new Float64Array(model.labels.length);
  scoreVector(x, model.weights, model.bias, model.labels.length, probs);
  let best = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
  return ok({ label: model.labels[best], probability: probs[best] });
}

export function predictLabelFromRaw(model: ClassifierModel, raw: RawDoc): string {
  const probs = probabilitiesFromRaw(model, raw);
  let best = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
  return model.labels[best];
}

/** The configuration chosen during development (see docs/classifier.md); l2 and titleWeight are
 * re-selected by the evaluation script inside each fold. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_CONFIG,
  l2: 1e-4,
  epochs: 15,
  learningRate: 0.3,
  seed: 20240601,
};
