/**
 * Retraining with the county's own closed cases (本县已结案件). Part of the county cases is held
 * back; the current model and a new model trained on base + the rest are both scored on it, and
 * the new model is accepted only when it is not worse on accuracy and not worse on macro-F1.
 * Pure: the caller loads the examples, and saves `model` only when `accept` is true.
 */
import { fail, ok, type Result } from '../../platform/errors';
import './classifier.errors';
import { isBlankInput } from './classifier.features';
import { computeMetrics, stratifiedHoldout, type Metrics } from './classifier.metrics';
import { predictLabel, trainModel, type ClassifierModel, type Example, type TrainOptions } from './classifier.model';

export interface RetrainInput {
  baseExamples: readonly Example[];
  countyExamples: readonly Example[];
  currentModel: ClassifierModel;
  /** Share of the county cases held back for the comparison (stratified, seeded). Default 0.3. */
  holdoutFraction?: number;
  /** Use these cases for the comparison instead of holding back part of countyExamples. */
  heldBackExamples?: readonly Example[];
  /** Options for the new model; default: the current model's own. */
  trainOptions?: Partial<TrainOptions>;
  seed?: number;
  trainedAt?: string;
}

export interface RetrainOutcome {
  accept: boolean;
  reason: string;
  before: Metrics;
  after: Metrics;
  heldBack: number;
  model: ClassifierModel;
}

export type RetrainResult = Result<RetrainOutcome, 'classifier_retrain_too_few_cases'>;

/**
 * Metrics over the labels that occur among the held-back cases or the model's predictions for them
 * (as sklearn does by default): a county whose cases fall on two of seven lines is not scored on the
 * other five, which would cap macro-F1 at 2/7 for a perfect model.
 */
function score(model: ClassifierModel, examples: readonly Example[]): Metrics {
  const predicted = examples.map((e) => {
    const r = predictLabel(model, e);
    return r.ok ? r.value.label : '';
  });
  const truth = examples.map((e) => e.label);
  return computeMetrics([...new Set([...truth, ...predicted])].sort(), truth, predicted);
}

export function retrain(input: RetrainInput): RetrainResult {
  const seed = input.seed ?? 7;
  let countyTrain: Example[];
  let heldBack: Example[];
  if (input.heldBackExamples) {
    countyTrain = [...input.countyExamples];
    heldBack = [...input.heldBackExamples];
  } else {
    const split = stratifiedHoldout(
      input.countyExamples.map((e) => e.label),
      input.holdoutFraction ?? 0.3,
      seed,
    );
    countyTrain = split.train.map((i) => input.countyExamples[i]);
    heldBack = split.test.map((i) => input.countyExamples[i]);
  }
  heldBack = heldBack.filter((e) => !isBlankInput(e));
  if (heldBack.length === 0) {
    return fail('classifier_retrain_too_few_cases');
  }
  const current = input.currentModel;
  const options: TrainOptions = {
    features: current.features,
    l2: current.training.l2,
    epochs: current.training.epochs,
    learningRate: current.training.learningRate,
    seed: current.training.seed,
    ...input.trainOptions,
    trainedAt: input.trainedAt,
  };
  const model = trainModel([...input.baseExamples, ...countyTrain], options);
  const before = score(current, heldBack);
  const after = score(model, heldBack);
  const eps = 1e-9;
  const accept = after.accuracy >= before.accuracy - eps && after.macroF1 >= before.macroF1 - eps;
  const fmt = (m: Metrics): string => `accuracy ${m.accuracy.toFixed(3)}, macro-F1 ${m.macroF1.toFixed(3)}`;
  const reason = `${accept ? 'accepted' : 'refused'}: on ${heldBack.length} held-back county cases the current model has ${fmt(before)}, the new one ${fmt(after)}`;
  model.metrics = [
    { method: `held-back county cases (n=${heldBack.length})`, accuracy: after.accuracy, macroF1: after.macroF1 },
  ];
  return ok({ accept, reason, before, after, heldBack: heldBack.length, model });
}
