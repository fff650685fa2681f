/** Evaluation and selection settings shared by train.ts and evaluate.ts. */
import type { HyperParams } from '../../src/server/modules/classifier/classifier.evaluation';

export const CV_SEED = 42;
export const FOLDS = 5;
export const INNER_FOLDS = 3;
export const HYPER_GRID: HyperParams[] = [1e-4, 3e-4].flatMap((l2) =>
  [1, 2, 3].map((titleWeight) => ({ l2, titleWeight })),
);
