/**
 * The only I/O of the classifier module: reading a model file. Failures are `Result` values with a
 * code of classifier.errors.ts the service layer turns into an AppError (both mean "classification
 * unavailable", not a client error).
 */
import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../../platform/errors';
import './classifier.errors';
import type { ClassifierModel } from './classifier.model';
import { deserializeModel } from './classifier.serialize';
import { warmUpSegmenter } from './classifier.text';

export type ModelFailure = 'classifier_model_missing' | 'classifier_model_unreadable' | 'classifier_model_corrupt';
export type LoadModelResult = Result<ClassifierModel, ModelFailure>;

/** Reads, checks and indexes a model file, and warms up the segmenter so the first call is fast. */
export async function loadModel(path: string): Promise<LoadModelResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('classifier_model_missing', { path });
    return fail('classifier_model_unreadable', { path, reason: code ?? String(e) });
  }
  const decoded = deserializeModel(text);
  if (!decoded.ok) return fail('classifier_model_corrupt', { ...decoded.details, path });
  warmUpSegmenter();
  return ok(decoded.value);
}
