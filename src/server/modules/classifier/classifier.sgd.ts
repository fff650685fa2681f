/**
 * Multinomial logistic regression trained by per-example AdaGrad with sparse (lazy) L2: each step
 * touches only the features present in the example, so an epoch costs O(nnz × K). Deterministic:
 * examples are visited in an order drawn from a seeded PRNG.
 */
import type { SparseVector } from './classifier.features';
import { seededRandom, shuffleInPlace } from './classifier.metrics';

export interface SgdOptions {
  /** L2 strength per weight update (applied when a feature is touched). */
  l2: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Optional weight per class (e.g. inverse frequency); defaults to 1. */
  classWeights?: readonly number[];
}

export interface SoftmaxFit {
  weights: Float32Array;
  bias: Float32Array;
  epochs: number;
}

export function fitSoftmaxSgd(
  xs: readonly SparseVector[],
  y: readonly number[],
  nFeatures: number,
  k: number,
  options: SgdOptions,
): SoftmaxFit {
  const w = new Float64Array(nFeatures * k);
  const g2 = new Float64Array(nFeatures * k).fill(1e-8);
  const b = new Float64Array(k);
  const b2 = new Float64Array(k).fill(1e-8);
  const scores = new Float64Array(k);
  const order = xs.map((_, i) => i);
  const random = seededRandom(options.seed);
  const lr = options.learningRate;
  const l2 = options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = xs[i];
      const n = x.indices.length;
      for (let c = 0; c < k; c++) scores[c] = b[c];
      for (let p = 0; p < n; p++) {
        const base = x.indices[p] * k;
        const v = x.values[p];
        for (let c = 0; c < k; c++) scores[c] += v * w[base + c];
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (scores[c] > max) max = scores[c];
      let sum = 0;
      for (let c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c] - max);
        sum += scores[c];
      }
      const cw = options.classWeights ? options.classWeights[y[i]] : 1;
      for (let c = 0; c < k; c++) scores[c] = cw * (scores[c] / sum - (c === y[i] ? 1 : 0));
      for (let p = 0; p < n; p++) {
        const base = x.indices[p] * k;
        const v = x.values[p];
        for (let c = 0; c < k; c++) {
          const j = base + c;
          const grad = v * scores[c] + l2 * w[j];
          g2[j] += grad * grad;
          w[j] -= (lr * grad) / Math.sqrt(g2[j]);
        }
      }
      for (let c = 0; c < k; c++) {
        b2[c] += scores[c] * scores[c];
        b[c] -= (lr * scores[c]) / Math.sqrt(b2[c]);
      }
    }
  }
  return { weights: Float32Array.from(w), bias: Float32Array.from(b), epochs: options.epochs };
}
