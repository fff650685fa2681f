/**
 * Report classifier (问题归类): suggests a department line for a citizen report, explains itself,
 * ranks near-duplicates and classifies CSV batches. Other modules import only from here.
 */
export { DEFAULT_FEATURE_CONFIG, isBlankInput, type FeatureConfig, type TextInput } from './classifier.features';
export { normalizeText, segmentWords, warmUpSegmenter } from './classifier.text';
export {
  DEFAULT_TRAIN_OPTIONS,
  predictLabel,
  trainModel,
  type ClassifierResult,
  type ClassifierModel,
  type Example,
  type LabelProbability,
  type ModelMetricsSummary,
  type TrainOptions,
} from './classifier.model';
export {
  suggestLabels,
  type ExplainOptions,
  type LabelSuggestion,
  type Reason,
  type SuggestResult,
} from './classifier.explain';
export { computeMetrics, stratifiedFolds, type ClassMetrics, type Metrics } from './classifier.metrics';
export { loadModel, type LoadModelResult, type ModelFailure } from './classifier.loader';
export { serializeModel, deserializeModel } from './classifier.serialize';
export { classifyCsvStream, type CsvClassifyOptions, type CsvClassifyResult } from './classifier.csv';
export { parseCsv, csvLine } from './classifier.csv-parser';
export {
  rankSimilarReports,
  type SimilarityCandidate,
  type SimilarityOptions,
  type SimilarReport,
} from './classifier.similarity';
export { retrain, type RetrainInput, type RetrainOutcome, type RetrainResult } from './classifier.retrain';

export { triageSuggestions } from './classifier.service';

/** Where the shipped model lives, relative to the project root. */
export const DEFAULT_MODEL_PATH = 'models/classifier/department.model.json';
