/**
 * Near-duplicate ranking (重复上报): cosine similarity between a new report and candidate reports
 * over the model's own TF-IDF features (title+body block: jieba words and character n-grams).
 * The caller picks candidates (e.g. nearby and recent); distance and age are optional filters here.
 */
import { cosine, extractRaw, vectorize, type SparseVector } from './classifier.features';
import type { ClassifierModel } from './classifier.model';

export interface SimilarityCandidate {
  id: string;
  text: string;
  distanceMeters: number;
  createdAt: Date | string;
}

export interface SimilarityOptions {
  /** Keep only candidates at least this similar (0..1). Default 0. */
  threshold?: number;
  /** Return at most this many. Default all. */
  limit?: number;
  maxDistanceMeters?: number;
  /** With `now`, drop candidates older than this many days. */
  maxAgeDays?: number;
  now?: Date;
}

export interface SimilarReport {
  id: string;
  similarity: number;
}

/** The title+body TF-IDF vector of a free text (no title block, so any two texts compare alike). */
export function textVector(model: ClassifierModel, text: string): SparseVector {
  return vectorize(
    extractRaw({ title: '', body: text }, { ...model.features, titleWeight: 0 }),
    model.index,
    model.idf,
    0,
  );
}

export function rankSimilarReports(
  model: ClassifierModel,
  text: string,
  candidates: readonly SimilarityCandidate[],
  options: SimilarityOptions = {},
): SimilarReport[] {
  const threshold = options.threshold ?? 0;
  const query = textVector(model, text);
  const now = options.now?.getTime();
  const out: SimilarReport[] = [];
  for (const c of candidates) {
    if (options.maxDistanceMeters !== undefined && c.distanceMeters > options.maxDistanceMeters) continue;
    if (options.maxAgeDays !== undefined && now !== undefined) {
      const ageDays = (now - new Date(c.createdAt).getTime()) / 86_400_000;
      if (ageDays > options.maxAgeDays) continue;
    }
    const similarity = Math.round(cosine(query, textVector(model, c.text)) * 1e4) / 1e4;
    if (similarity >= threshold) out.push({ id: c.id, similarity });
  }
  // Equal similarity: the nearer report first, then by id for a stable order.
  const distance = new Map(candidates.map((c) => [c.id, c.distanceMeters]));
  out.sort(
    (a, b) =>
      b.similarity - a.similarity || (distance.get(a.id) ?? 0) - (distance.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1),
  );
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
