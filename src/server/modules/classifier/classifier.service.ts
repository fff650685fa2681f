/**
 * The classifier inside the running platform. Two models:
 * - the department line (部门条线): the county's retrained model `DATA_DIR/models/department.model.json`
 *   when `cocreate classifier retrain` has accepted one, else the shipped file (CLASSIFIER_MODEL);
 * - the case category (问题类别): `DATA_DIR/models/category.model.json`, trained only from the county's
 *   own confirmed cases; absent until there are enough of them.
 * Files are loaded once and reloaded when they change on disk (a retrain in another process is picked
 * up without a restart). A missing or corrupt department model makes classification answer 503 while
 * reports go on with manual category choice; suggestions carry probabilities, reasons and the county
 * department the line maps to (configuration: CLASSIFIER_DEPARTMENT_MAP).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config';
import type { Deps } from '../../platform/deps';
import { AppError, errorMessage, ok, type Result } from '../../platform/errors';
import { cachedCategories } from '../cases';
import { suggestLabels } from './classifier.explain';
import { isBlankInput } from './classifier.features';
import { loadModel, type LoadModelResult, type ModelFailure } from './classifier.loader';
import type { ClassifierModel } from './classifier.model';
import { cutText } from '../../platform/text';

const MAX_CHARS = 2000;

type Loaded = LoadModelResult;
const loaded = new Map<string, { version: string; model: Promise<Loaded> }>();

/** Where the county's own models live. */
export function countyModelPaths(config: Pick<Config, 'dataDir'>) {
  const dir = path.join(config.dataDir, 'models');
  return { dir, department: path.join(dir, 'department.model.json'), category: path.join(dir, 'category.model.json') };
}

/** A model file, loaded once per version on disk (modification time and size). */
export async function classifierModel(file: string): Promise<Loaded> {
  let version: string;
  try {
    const s = await stat(file);
    version = `${s.mtimeMs}:${s.size}`;
  } catch {
    version = 'missing';
  }
  const hit = loaded.get(file);
  if (hit && hit.version === version) return hit.model;
  const model = loadModel(file);
  loaded.set(file, { version, model });
  return model;
}

export interface DepartmentModel {
  model: ClassifierModel;
  source: 'county' | 'shipped';
  path: string;
}

/** Why a model is unavailable, for logs, operators and the API's `reason` (English, as the file names are). */
export function unavailableReason(r: { code: ModelFailure; details?: Record<string, unknown> }): string {
  return errorMessage(r.code, 'en', r.details);
}

/** The department-line model in use: the county's retrained one when present and readable, else the shipped one. */
export async function departmentModel(
  deps: Pick<Deps, 'config' | 'log'>,
): Promise<Result<DepartmentModel, ModelFailure>> {
  const county = countyModelPaths(deps.config).department;
  const own = await classifierModel(county);
  if (own.ok) return ok({ model: own.value, source: 'county', path: county });
  if (own.code !== 'classifier_model_missing')
    deps.log.warn(
      { file: county },
      `county department model unusable, using the shipped model: ${unavailableReason(own)}`,
    );
  const shipped = await classifierModel(deps.config.classifier.modelPath);
  return shipped.ok ? ok({ model: shipped.value, source: 'shipped', path: deps.config.classifier.modelPath }) : shipped;
}

/** The county category model, or why there is none. */
export async function categoryModel(deps: Pick<Deps, 'config'>): Promise<Loaded> {
  return classifierModel(countyModelPaths(deps.config).category);
}

export interface ClassifyInput {
  text?: string;
  title?: string;
  body?: string;
  k?: number;
}

function textOf(input: ClassifyInput) {
  const title = cutText(input.title ?? '', MAX_CHARS);
  const body = cutText(input.body ?? input.text ?? '', MAX_CHARS); // long text is truncated for the model, not rejected
  if (isBlankInput({ title, body })) throw new AppError('classifier_empty_text');
  return { title, body };
}

/** Top-k department lines with probabilities, reasons and the mapped county department. */
export async function classify(deps: Deps, input: ClassifyInput) {
  const text = textOf(input);
  const m = await departmentModel(deps);
  if (!m.ok) throw new AppError('classifier_unavailable', { reason: unavailableReason(m) });
  const r = suggestLabels(m.value.model, text, { topK: input.k ?? 3 });
  if (!r.ok) throw new AppError('classifier_empty_text');
  const county = deps.config.countyCode;
  return r.value.map((s) => {
    const key = deps.config.classifier.departmentMap[s.label];
    return { ...s, departmentCode: key ? `${county}-${key}` : null };
  });
}

export interface CategorySuggestion {
  code: string;
  name: string;
  probability: number;
  reasons: { term: string; weight: number }[];
}

/** Top-k case categories from the county category model; null when there is no such model yet. */
export async function classifyCategories(deps: Deps, input: ClassifyInput): Promise<CategorySuggestion[] | null> {
  const text = textOf(input);
  const m = await categoryModel(deps);
  if (!m.ok) {
    if (m.code !== 'classifier_model_missing')
      deps.log.warn({ reason: unavailableReason(m) }, 'county category model unusable');
    return null;
  }
  // Rank every label, then keep categories still active (one may have been retired since training).
  const r = suggestLabels(m.value, text, { topK: m.value.labels.length, reasonsPerLabel: 5 });
  if (!r.ok) throw new AppError('classifier_empty_text');
  const names = new Map((await cachedCategories(deps.db)).filter((c) => c.active).map((c) => [c.code, c.name]));
  return r.value
    .filter((s) => names.has(s.label))
    .slice(0, input.k ?? 3)
    .map((s) => ({ code: s.label, name: names.get(s.label)!, probability: s.probability, reasons: s.reasons }));
}

/** What a triager sees with a case: both rankings, each null when its model is unavailable (never an error). */
export async function triageSuggestions(deps: Deps, input: { title: string; body: string }) {
  const quiet = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof AppError)) deps.log.warn({ err: String(e) }, 'triage suggestions failed');
      return null;
    }
  };
  return {
    suggestions: await quiet(() => classify(deps, { ...input, k: 3 })),
    categorySuggestions: await quiet(() => classifyCategories(deps, { ...input, k: 3 })),
  };
}

/** For the API: which models are in use, when they were trained and how they scored. */
export async function classifierStatus(deps: Deps) {
  const d = await departmentModel(deps);
  const c = await categoryModel(deps);
  const summary = (m: ClassifierModel) => ({
    labels: m.labels.length,
    examples: m.training.examples,
    trainedAt: m.training.trainedAt,
    metrics: m.metrics,
  });
  return {
    department: d.ok
      ? { available: true, source: d.value.source, ...summary(d.value.model) }
      : { available: false, reason: unavailableReason(d) },
    category: c.ok
      ? { available: true, ...summary(c.value) }
      : {
          available: false,
          reason:
            c.code === 'classifier_model_missing'
              ? 'no county category model yet: it needs enough cases whose category staff confirmed (run `cocreate classifier retrain`)'
              : unavailableReason(c),
        },
  };
}
