/**
 * Learning from the county's own cases (本县案件): the labelled examples, the retraining plan for
 * both models (nothing is written), and saving an accepted model under DATA_DIR/models, where the
 * service prefers it. Used by `cocreate classifier retrain`.
 * - Department line: base data + the county's closed cases whose category staff confirmed, labelled
 *   with the line their category's department maps to (inverse of CLASSIFIER_DEPARTMENT_MAP); cases
 *   whose department has no line are left out. Compared with the model in use on held-back county cases.
 * - Category: the county's filed-or-later cases with a confirmed category (classifier.category.ts).
 */
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { fail, ok, errorMessage, type Result } from '../../platform/errors';
import {
  CATEGORY_MIN_PER_CATEGORY,
  learnableLabels,
  trainCategoryModel,
  type CategoryTrainOutcome,
  type LabelCount,
} from './classifier.category';
import { CsvParseError, parseCsv } from './classifier.csv-parser';
import { DEFAULT_FEATURE_CONFIG } from './classifier.features';
import { DEFAULT_TRAIN_OPTIONS, type ClassifierModel, type Example, type TrainOptions } from './classifier.model';
import { confirmedCases } from './classifier.repo';
import { retrain, type RetrainOutcome } from './classifier.retrain';
import { serializeModel } from './classifier.serialize';
import { countyModelPaths, departmentModel, unavailableReason } from './classifier.service';

/** Fewest county cases (closed, confirmed, with a department line) a department retraining needs. */
export const DEPARTMENT_MIN_COUNTY_CASES = 30;

export interface CountyData {
  /** Closed confirmed cases labelled with their department line. */
  department: Example[];
  /** Filed-or-later confirmed cases labelled with their category code. */
  category: Example[];
  closed: number;
  /** Closed cases whose category's department maps to no department line. */
  withoutLine: number;
}

export async function countyExamples(deps: Pick<Deps, 'db' | 'config'>): Promise<CountyData> {
  const lineOf = new Map<string, string>();
  for (const [line, key] of Object.entries(deps.config.classifier.departmentMap))
    if (!lineOf.has(key)) lineOf.set(key, line);
  const cases = await confirmedCases(deps.db, deps.config.countyCode);
  const closed = cases.filter((c) => c.state === 'closed');
  const department = closed.flatMap((c) => {
    const line = c.departmentKey ? lineOf.get(c.departmentKey) : undefined;
    return line ? [{ title: c.title, body: c.description, label: line }] : [];
  });
  return {
    department,
    category: cases.map((c) => ({ title: c.title, body: c.description, label: c.categoryCode })),
    closed: closed.length,
    withoutLine: closed.length - department.length,
  };
}

/** The base training CSV (complaints-train format: id, category|label, title, body; other columns ignored). */
export type BaseDataFailure =
  | 'classifier_base_unreadable'
  | 'classifier_base_malformed'
  | 'classifier_base_columns'
  | 'classifier_base_empty';

export async function readBaseExamples(file: string): Promise<Result<Example[], BaseDataFailure>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fail('classifier_base_unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvParseError)) throw e;
    return fail('classifier_base_malformed', { file, problem: e.problem, line: e.line });
  }
  const [header = [], ...data] = rows;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const label = col('category') >= 0 ? col('category') : col('label');
  const [title, body] = [col('title'), col('body')];
  if (label < 0 || title < 0 || body < 0) return fail('classifier_base_columns', { file });
  const examples = data
    .filter((r) => r.length >= header.length && r[label].trim() !== '')
    .map((r) => ({ label: r[label].trim(), title: r[title], body: r[body] }));
  if (examples.length === 0) return fail('classifier_base_empty', { file });
  return ok(examples);
}

export interface RetrainPlanOptions {
  /** Base data for the department model; without it only the category model is retrained. */
  baseExamples?: readonly Example[];
  minCountyCases?: number;
  minPerCategory?: number;
  minCategoryTotal?: number;
  /** Overrides for both new models (tests train small models). */
  trainOptions?: Partial<TrainOptions>;
  trainedAt?: string;
}

export type DepartmentPlan =
  | { status: 'skipped' | 'too_few' | 'unavailable'; message: string }
  | { status: 'ready'; outcome: RetrainOutcome; current: 'county' | 'shipped' };

export type CategoryPlan =
  | { status: 'too_few'; message: string; learnable: LabelCount[]; skipped: LabelCount[] }
  | { status: 'ready'; outcome: CategoryTrainOutcome };

export interface RetrainPlan {
  county: { confirmed: number; closed: number; withLine: number; withoutLine: number };
  department: DepartmentPlan;
  category: CategoryPlan;
}

/** Trains both candidate models and scores them; writes nothing. */
export async function planRetrain(deps: Deps, options: RetrainPlanOptions = {}): Promise<RetrainPlan> {
  const data = await countyExamples(deps);
  const current = await departmentModel(deps);
  const minCases = options.minCountyCases ?? DEPARTMENT_MIN_COUNTY_CASES;
  const trainedAt = options.trainedAt ?? deps.clock.now().toISOString();
  let department: DepartmentPlan;
  if (!options.baseExamples) {
    department = {
      status: 'skipped',
      message: 'no base data given (--base PATH): the department model is kept as it is',
    };
  } else if (!current.ok) {
    department = {
      status: 'unavailable',
      message: `no current department model to compare with: ${unavailableReason(current)}`,
    };
  } else if (data.department.length < minCases) {
    department = {
      status: 'too_few',
      message: `${data.department.length} closed county cases with a confirmed category and a department line; retraining needs at least ${minCases}`,
    };
  } else {
    const r = retrain({
      baseExamples: options.baseExamples,
      countyExamples: data.department,
      currentModel: current.value.model,
      trainOptions: options.trainOptions,
      trainedAt,
    });
    department = r.ok
      ? { status: 'ready', outcome: r.value, current: current.value.source }
      : { status: 'too_few', message: errorMessage(r.code, 'en', r.details) };
  }
  const features = current.ok ? current.value.model.features : DEFAULT_FEATURE_CONFIG;
  const minPerCategory = options.minPerCategory ?? CATEGORY_MIN_PER_CATEGORY;
  const c = trainCategoryModel({
    examples: data.category,
    minPerCategory,
    minTotal: options.minCategoryTotal,
    // Same features as the department model; words seen in a single county case are dropped.
    trainOptions: {
      ...DEFAULT_TRAIN_OPTIONS,
      features: { ...features, minDf: Math.min(features.minDf, 2) },
      ...options.trainOptions,
      trainedAt,
    },
  });
  return {
    county: {
      confirmed: data.category.length,
      closed: data.closed,
      withLine: data.department.length,
      withoutLine: data.withoutLine,
    },
    department,
    category: c.ok
      ? { status: 'ready', outcome: c.value }
      : {
          status: 'too_few',
          message: errorMessage(c.code, 'en', c.details),
          ...learnableLabels(data.category, minPerCategory),
        },
  };
}

/** Writes a county model (the previous file kept as *.previous.json); the service picks it up at its next use. */
export async function saveCountyModel(
  deps: Pick<Deps, 'config'>,
  kind: 'department' | 'category',
  model: ClassifierModel,
): Promise<string> {
  const paths = countyModelPaths(deps.config);
  const file = paths[kind];
  await mkdir(paths.dir, { recursive: true });
  await copyFile(file, file.replace(/\.json$/, '.previous.json')).catch(() => {});
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, serializeModel(model));
  await rename(tmp, file);
  return file;
}

/** The audit row of a retraining run (who: the command line). */
export async function auditRetrain(deps: Deps, after: Record<string, unknown>): Promise<void> {
  await deps.db.transaction((tx) =>
    auditSystem(tx, 'cli', {
      action: 'classifier.retrain',
      entityType: 'classifier_model',
      entityId: null,
      scopeCode: deps.config.countyCode,
      after,
    }),
  );
}
