/**
 * Trains the shipped department model and writes models/classifier/department.model.json.
 *   npx tsx scripts/classifier/train.ts [--data path.csv] [--out path.json] [--date YYYY-MM-DD]
 * Deterministic: the same data gives byte-identical weights; the file records the training date
 * (default: today, UTC), so two runs on the same day give identical files.
 * Procedure: choose l2 and titleWeight by inner 3-fold CV on all data (the same step nested CV
 * evaluates), record a 5-fold CV of the chosen configuration, then train on all data.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractRaw } from '../../src/server/modules/classifier/classifier.features';
import {
  crossValidate,
  selectHyperParams,
  withHyperParams,
} from '../../src/server/modules/classifier/classifier.evaluation';
import { DEFAULT_TRAIN_OPTIONS, trainFromRaw } from '../../src/server/modules/classifier/classifier.model';
import { serializeModel } from '../../src/server/modules/classifier/classifier.serialize';
import { argValue, dataPath, PROJECT_ROOT, readLabelledCsv } from './data';
import { CV_SEED, FOLDS, HYPER_GRID, INNER_FOLDS } from './settings';

const started = performance.now();
const rows = await readLabelledCsv(dataPath());
const labels = rows.map((r) => r.label);
const base = DEFAULT_TRAIN_OPTIONS;
const raws = rows.map((r) => extractRaw(r, base.features));
console.log(`${rows.length} examples`);

const selection = selectHyperParams(raws, labels, HYPER_GRID, INNER_FOLDS, CV_SEED, base);
for (const s of selection.scores) {
  console.log(
    `  l2=${s.params.l2} titleWeight=${s.params.titleWeight}: accuracy ${s.accuracy.toFixed(4)}, macro-F1 ${s.macroF1.toFixed(4)}`,
  );
}
const options = {
  ...withHyperParams(base, selection.best),
  trainedAt: argValue('date') ?? new Date().toISOString().slice(0, 10),
};
console.log(`chose l2=${options.l2} titleWeight=${options.features.titleWeight}`);

const cv = crossValidate(raws, labels, FOLDS, CV_SEED, options);
console.log(
  `${FOLDS}-fold CV of the chosen configuration: accuracy ${cv.metrics.accuracy.toFixed(4)}, macro-F1 ${cv.metrics.macroF1.toFixed(4)}`,
);

const model = trainFromRaw(raws, labels, options);
const best = selection.scores.find((s) => s.params === selection.best);
model.metrics = [
  {
    method: `${FOLDS}-fold stratified CV (seed ${CV_SEED}) of the chosen configuration; nested estimate in docs/classifier.md`,
    accuracy: Number(cv.metrics.accuracy.toFixed(4)),
    macroF1: Number(cv.metrics.macroF1.toFixed(4)),
  },
  {
    method: `${INNER_FOLDS}-fold selection CV (best of ${HYPER_GRID.length} settings)`,
    accuracy: Number((best?.accuracy ?? 0).toFixed(4)),
    macroF1: Number((best?.macroF1 ?? 0).toFixed(4)),
  },
];
const out = path.resolve(argValue('out') ?? path.join(PROJECT_ROOT, 'models/classifier/department.model.json'));
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, serializeModel(model));
const size = (await stat(out)).size;
console.log(
  `wrote ${out}: ${model.buckets.length} features, ${(size / 1e6).toFixed(2)} MB, ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
