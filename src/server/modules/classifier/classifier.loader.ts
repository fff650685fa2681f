/**
 * The only I/O of the classifier module: reading a model file. Failures are values with a code the
 * service layer turns into an AppError (both mean "classification unavailable", not a client error).
 */
import { readFile } from 'node:fs/promises';
import { warmUpSegmenter } from './classifier.text';
import type { ClassifierModel } from './classifier.model';
import { deserializeModel } from './classifier.serialize';

export type LoadModelResult =
  | { ok: true; model: ClassifierModel }
  | { ok: false; code: 'classifier_model_missing' | 'classifier_model_corrupt'; message: string };

/** Reads, checks and indexes a model file, and warms up the segmenter so the first call is fast. */
export async function loadModel(path: string): Promise<LoadModelResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, code: 'classifier_model_missing', message: `classifier model file not found: ${path}` };
    }
    return {
      ok: false,
      code: 'classifier_model_corrupt',
      message: `classifier model file unreadable: ${path} (${code ?? String(e)})`,
    };
  }
  const decoded = deserializeModel(text);
  if (!decoded.ok) {
    return {
      ok: false,
      code: 'classifier_model_corrupt',
      message: `classifier model file ${path} is corrupt: ${decoded.message}`,
    };
  }
  warmUpSegmenter();
  return { ok: true, model: decoded.model };
}
