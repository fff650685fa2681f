/**
 * The model file format: one JSON document. Numeric arrays are little-endian typed arrays in
 * base64 (float32 weights and idf, uint32 buckets); a SHA-256 over them detects a damaged file.
 */
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../../platform/errors';
import './classifier.errors';
import { buildFeatureIndex, type FeatureConfig } from './classifier.features';
import { MODEL_FORMAT, MODEL_VERSION, type ClassifierModel, type ModelMetricsSummary } from './classifier.model';

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  labels: string[];
  features: FeatureConfig;
  training: ClassifierModel['training'];
  metrics: ModelMetricsSummary[];
  featureCount: number;
  arrays: { buckets: string; idf: string; weights: string; bias: string };
  sha256: string;
}

const toBase64 = (a: Uint32Array | Float32Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<T extends Uint32Array | Float32Array>(text: string, make: (b: ArrayBuffer) => T): T | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return undefined;
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy);
}

function digest(arrays: ModelFile['arrays']): string {
  const h = createHash('sha256');
  for (const key of ['buckets', 'idf', 'weights', 'bias'] as const) h.update(arrays[key]);
  return h.digest('hex');
}

export function serializeModel(model: ClassifierModel): string {
  const arrays = {
    buckets: toBase64(model.buckets),
    idf: toBase64(model.idf),
    weights: toBase64(model.weights),
    bias: toBase64(model.bias),
  };
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: model.version,
    labels: model.labels,
    features: model.features,
    training: model.training,
    metrics: model.metrics,
    featureCount: model.buckets.length,
    arrays,
    sha256: digest(arrays),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** A model file's problem: `classifier_model_corrupt` with `{problem}` (the loader adds the path). */
export type DecodeResult = Result<ClassifierModel, 'classifier_model_corrupt'>;
const corrupt = (problem: string): DecodeResult => fail('classifier_model_corrupt', { problem });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a model file's text; every inconsistency is reported, never thrown. */
export function deserializeModel(text: string): DecodeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return corrupt(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) return corrupt('not a JSON object');
  const f = parsed as Partial<ModelFile>;
  if (f.format !== MODEL_FORMAT) return corrupt(`format is not ${MODEL_FORMAT}`);
  if (f.version !== MODEL_VERSION) return corrupt(`unsupported model version ${String(f.version)}`);
  if (!Array.isArray(f.labels) || f.labels.length < 2 || !f.labels.every((l) => typeof l === 'string')) {
    return corrupt('labels missing or invalid');
  }
  const features = f.features;
  if (!isObject(features) || typeof features.hashBits !== 'number' || features.hashBits < 8 || features.hashBits > 24) {
    return corrupt('feature config missing or invalid');
  }
  if (!isObject(f.arrays) || !isObject(f.training) || typeof f.featureCount !== 'number') {
    return corrupt('arrays, training or featureCount missing');
  }
  const arrays = f.arrays as ModelFile['arrays'];
  if (!['buckets', 'idf', 'weights', 'bias'].every((k) => typeof (arrays as Record<string, unknown>)[k] === 'string')) {
    return corrupt('arrays are incomplete');
  }
  if (digest(arrays) !== f.sha256) return corrupt('checksum mismatch (file damaged or edited)');
  const k = f.labels.length;
  const n = f.featureCount;
  const buckets = fromBase64(arrays.buckets, (b) => new Uint32Array(b));
  const idf = fromBase64(arrays.idf, (b) => new Float32Array(b));
  const weights = fromBase64(arrays.weights, (b) => new Float32Array(b));
  const bias = fromBase64(arrays.bias, (b) => new Float32Array(b));
  if (!buckets || !idf || !weights || !bias) return corrupt('an array has a bad length');
  if (buckets.length !== n || idf.length !== n || weights.length !== n * k || bias.length !== k) {
    return corrupt('array sizes do not match featureCount and labels');
  }
  const size = 2 ** features.hashBits;
  if (buckets.some((b) => b >= size)) return corrupt('a bucket lies outside the hash space');
  return ok({
    format: MODEL_FORMAT,
    version: f.version,
    labels: f.labels,
    features: features as unknown as FeatureConfig,
    training: f.training as ClassifierModel['training'],
    metrics: Array.isArray(f.metrics) ? f.metrics : [],
    buckets,
    idf,
    weights,
    bias,
    index: buildFeatureIndex(buckets, features.hashBits),
  });
}
