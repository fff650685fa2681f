/**
 * The selections module's public surface (评选). It is wired in by its manifest, selections.module.ts
 * (routes, the `selections recompute` command, demo data).
 */
export { recomputeRanking, type RecomputeResult } from './ranking.service';
export { SELECTION_KINDS, KIND_LABELS } from './selections.labels';
