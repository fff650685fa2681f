/**
 * The county category model (问题类别): the same features as the department model, predicting the
 * case category, trained only from the county's own cases whose category staff confirmed. Only
 * categories with at least `minPerCategory` cases are learnable; with fewer than `minTotal` learnable
 * cases (or fewer than two learnable categories) there is no model. The reported metrics come from a
 * stratified held-back part; the model returned is then trained on every learnable case. Pure.
 */
import { fail, ok, type Result } from '../../platform/errors';
import './classifier.errors';
import { computeMetrics, stratifiedHoldout, type Metrics } from './classifier.metrics';
import { predictLabel, trainModel, type ClassifierModel, type Example, type TrainOptions } from './classifier.model';

export const CATEGORY_MIN_PER_CATEGORY = 5;
export const CATEGORY_MIN_TOTAL = 30;

export interface CategoryTrainInput {
  examples: readonly Example[];
  trainOptions: TrainOptions;
  minPerCategory?: number;
  minTotal?: number;
  holdoutFraction?: number;
  seed?: number;
}

export interface LabelCount {
  label: string;
  count: number;
}

export interface CategoryTrainOutcome {
  model: ClassifierModel;
  metrics: Metrics;
  heldBack: number;
  learnable: LabelCount[];
  skipped: LabelCount[];
}

/** The model, or `classifier_too_few_cases` (details: cases, categories, minPerCategory, minTotal). */
export type CategoryTrainResult = Result<CategoryTrainOutcome, 'classifier_too_few_cases'>;

/** Labels with their case counts, most frequent first, split at `minPerCategory`. */
export function learnableLabels(
  examples: readonly Example[],
  minPerCategory: number,
): { learnable: LabelCount[]; skipped: LabelCount[] } {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const all = [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  return {
    learnable: all.filter((l) => l.count >= minPerCategory),
    skipped: all.filter((l) => l.count < minPerCategory),
  };
}

export function trainCategoryModel(input: CategoryTrainInput): CategoryTrainResult {
  const minPerCategory = input.minPerCategory ?? CATEGORY_MIN_PER_CATEGORY;
  const minTotal = input.minTotal ?? CATEGORY_MIN_TOTAL;
  const { learnable, skipped } = learnableLabels(input.examples, minPerCategory);
  const keep = new Set(learnable.map((l) => l.label));
  const examples = input.examples.filter((e) => keep.has(e.label));
  if (examples.length < minTotal || learnable.length < 2) {
    return fail('classifier_too_few_cases', {
      cases: examples.length,
      categories: learnable.length,
      minPerCategory,
      minTotal,
    });
  }
  const split = stratifiedHoldout(
    examples.map((e) => e.label),
    input.holdoutFraction ?? 0.3,
    input.seed ?? 7,
  );
  const trial = trainModel(
    split.train.map((i) => examples[i]),
    input.trainOptions,
  );
  const heldBack = split.test.map((i) => examples[i]);
  const predicted = heldBack.map((e) => {
    const r = predictLabel(trial, e);
    return r.ok ? r.value.label : '';
  });
  const metrics = computeMetrics(
    [...keep].sort(),
    heldBack.map((e) => e.label),
    predicted,
  );
  const model = trainModel(examples, input.trainOptions);
  model.metrics = [
    {
      method: `held-back county cases (n=${heldBack.length}), model trained on the rest`,
      accuracy: metrics.accuracy,
      macroF1: metrics.macroF1,
    },
  ];
  return ok({ model, metrics, heldBack: heldBack.length, learnable, skipped });
}
