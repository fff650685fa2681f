/**
 * The classifier inside the running platform: the model is loaded once per process (a missing or
 * corrupt file is reported clearly at start and classification answers 503, while reports go on
 * with manual category choice); suggestions carry probabilities, reasons and the county
 * department the line maps to (configuration: CLASSIFIER_DEPARTMENT_MAP).
 */
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { isBlankInput, loadModel, suggestLabels, type ClassifierModel } from './index';

const MAX_CHARS = 2000;

type Loaded = { ok: true; model: ClassifierModel } | { ok: false; message: string };
const loaded = new Map<string, Promise<Loaded>>();

export function classifierModel(path: string): Promise<Loaded> {
  let p = loaded.get(path);
  if (!p) {
    p = loadModel(path).then((r) => (r.ok ? { ok: true as const, model: r.model } : { ok: false as const, message: r.message }));
    loaded.set(path, p);
  }
  return p;
}

export interface ClassifyInput {
  text?: string;
  title?: string;
  body?: string;
  k?: number;
}

export async function classify(deps: Deps, input: ClassifyInput) {
  const title = (input.title ?? '').slice(0, MAX_CHARS);
  const body = (input.body ?? input.text ?? '').slice(0, MAX_CHARS); // long text is truncated for the model, not rejected
  if (isBlankInput({ title, body })) throw new AppError('classifier_empty_text');
  const m = await classifierModel(deps.config.classifier.modelPath);
  if (!m.ok) throw new AppError('classifier_unavailable', { reason: m.message });
  const r = suggestLabels(m.model, { title, body }, { topK: input.k ?? 3 });
  if (!r.ok) throw r.code === 'classifier_empty_text' ? new AppError('classifier_empty_text') : new AppError('classifier_unavailable', { reason: r.message });
  const county = deps.config.countyCode;
  return r.value.map((s) => {
    const key = deps.config.classifier.departmentMap[s.label];
    return { ...s, departmentCode: key ? `${county}-${key}` : null };
  });
}
