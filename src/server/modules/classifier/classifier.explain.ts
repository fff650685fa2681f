/**
 * Predictions with explanations: the top-k labels, each with the terms that added most to that
 * label's score. A feature's contribution to label k is x_f · w_{f,k} (the softmax weights of one
 * feature sum to about zero over the labels, so a positive value means "points to this label").
 * Reasons are jieba words: a character n-gram's contribution is credited to the words it overlaps
 * at each place it occurs, in proportion to the overlap, so "垃圾" gets the credit of 垃, 圾, 垃圾 and
 * of the part of 垃圾站 that lies in it.
 */
import {
  IDENTITY_INDEX,
  extractPrepared,
  featureOccurrences,
  prepareText,
  vectorize,
  type TextInput,
} from './classifier.features';
import { ok } from '../../platform/errors';
import { emptyTextFailure, scoreVector, type ClassifierModel, type ClassifierResult } from './classifier.model';

export interface Reason {
  /** A jieba word of the (normalised) text. */
  term: string;
  /** Contribution to the label's score (log-odds units). */
  weight: number;
}

export interface LabelSuggestion {
  label: string;
  probability: number;
  reasons: Reason[];
}

export interface ExplainOptions {
  topK?: number;
  reasonsPerLabel?: number;
}

export type SuggestResult = ClassifierResult<LabelSuggestion[]>;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Top-k labels with probabilities and reasons. Empty text is a failure value (caller → 400). */
export function suggestLabels(model: ClassifierModel, input: TextInput, options: ExplainOptions = {}): SuggestResult {
  const prepared = prepareText(input, model.features);
  if (prepared.main === '') return emptyTextFailure();
  const k = model.labels.length;
  const topK = Math.min(options.topK ?? 3, k);
  const reasonCount = options.reasonsPerLabel ?? 5;
  const x = vectorize(
    extractPrepared(prepared, model.features, model.index),
    IDENTITY_INDEX,
    model.idf,
    model.features.titleWeight,
  );
  const probs = new Float64Array(k);
  scoreVector(x, model.weights, model.bias, k, probs);
  const ranked = [...probs.keys()].sort((a, b) => probs[b] - probs[a] || a - b).slice(0, topK);

  const credits = creditsByFeature(model, prepared);
  const suggestions = ranked.map((c) => {
    const totals = new Map<string, number>();
    for (let p = 0; p < x.indices.length; p++) {
      const f = x.indices[p];
      const shares = credits.get(f);
      if (!shares) continue;
      const contribution = x.values[p] * model.weights[f * k + c];
      for (const [term, share] of shares) totals.set(term, (totals.get(term) ?? 0) + contribution * share);
    }
    const reasons = [...totals.entries()]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, reasonCount)
      .map(([term, weight]) => ({ term, weight: round(weight, 4) }));
    return { label: model.labels[c], probability: round(probs[c], 4), reasons };
  });
  return ok(suggestions);
}

/** For each model feature in the text: the jieba words it is credited to, with shares summing to 1. */
function creditsByFeature(
  model: ClassifierModel,
  prepared: { title: string; main: string },
): Map<number, Map<string, number>> {
  const { occurrences, tokens } = featureOccurrences(prepared, model.features);
  const tokenAt = new Int32Array(prepared.main.length).fill(-1);
  tokens.forEach((t, i) => {
    tokenAt.fill(i, t.start, t.end);
  });
  const credits = new Map<number, Map<string, number>>();
  const add = (f: number, term: string, share: number): void => {
    let shares = credits.get(f);
    if (!shares) credits.set(f, (shares = new Map()));
    shares.set(term, (shares.get(term) ?? 0) + share);
  };
  for (const o of occurrences) {
    const f = model.index[o.bucket];
    if (f < 0) continue;
    const length = o.end - o.start;
    for (let i = o.start; i < o.end; i++) {
      const t = tokenAt[i];
      add(f, t >= 0 ? tokens[t].text : prepared.main[i], 1 / length);
    }
  }
  for (const shares of credits.values()) {
    let total = 0;
    for (const v of shares.values()) total += v;
    for (const [term, v] of shares) shares.set(term, v / total);
  }
  return credits;
}
