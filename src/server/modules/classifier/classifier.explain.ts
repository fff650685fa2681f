/**
 * Predictions with explanations: the top-k labels, each with the terms that added most to that
 * label's score. A feature's contribution to label k is x_f · w_{f,k} (the softmax weights of one
 * feature sum to about zero over the labels, so a positive value means "points to this label").
 * Character n-grams that lie inside a jieba word of the text are credited to that word, so reasons
 * read as words where jieba found one.
 */
import { extractRaw, featureTerms, isBlankInput, vectorize, type TextInput } from './classifier.features';
import { emptyTextFailure, scoreVector, type ClassifierFailure, type ClassifierModel } from './classifier.model';

export interface Reason {
  /** A jieba word or a character n-gram of the (normalised) text. */
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

export type SuggestResult = { ok: true; value: LabelSuggestion[] } | ClassifierFailure;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Top-k labels with probabilities and reasons. Empty text is a failure value (caller → 400). */
export function suggestLabels(model: ClassifierModel, input: TextInput, options: ExplainOptions = {}): SuggestResult {
  if (isBlankInput(input)) return emptyTextFailure();
  const k = model.labels.length;
  const topK = Math.min(options.topK ?? 3, k);
  const reasonCount = options.reasonsPerLabel ?? 5;
  const x = vectorize(extractRaw(input, model.features), model.index, model.idf, model.features.titleWeight);
  const probs = new Float64Array(k);
  scoreVector(x, model.weights, model.bias, k, probs);
  const ranked = [...probs.keys()].sort((a, b) => probs[b] - probs[a] || a - b).slice(0, topK);

  const { terms, words } = featureTerms(input, model.features);
  const termsOfFeature = new Map<number, Array<{ term: string; kind: 'word' | 'ngram' }>>();
  for (const t of terms) {
    const f = model.index[t.bucket];
    if (f < 0) continue;
    const list = termsOfFeature.get(f) ?? [];
    if (!list.some((e) => e.term === t.term && e.kind === t.kind)) list.push({ term: t.term, kind: t.kind });
    termsOfFeature.set(f, list);
  }
  const wordList = [...new Set(words)];
  const containingWords = new Map<string, string[]>();
  const creditTargets = (term: string, kind: 'word' | 'ngram'): string[] => {
    if (kind === 'word') return [term];
    let targets = containingWords.get(term);
    if (!targets) {
      targets = wordList.filter((w) => w.length >= term.length && w.includes(term));
      containingWords.set(term, targets);
    }
    return targets.length > 0 ? targets : [term];
  };

  const suggestions = ranked.map((c) => {
    const totals = new Map<string, number>();
    for (let p = 0; p < x.indices.length; p++) {
      const f = x.indices[p];
      const owners = termsOfFeature.get(f);
      if (!owners) continue;
      const contribution = (x.values[p] * model.weights[f * k + c]) / owners.length;
      for (const owner of owners) {
        const targets = creditTargets(owner.term, owner.kind);
        for (const t of targets) totals.set(t, (totals.get(t) ?? 0) + contribution / targets.length);
      }
    }
    const reasons = [...totals.entries()]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, reasonCount)
      .map(([term, weight]) => ({ term, weight: round(weight, 4) }));
    return { label: model.labels[c], probability: round(probs[c], 4), reasons };
  });
  return { ok: true, value: suggestions };
}
