/** Case rollups: what other modules may use (the cockpit's case panels read the rollup through panels.service). */
export { casesTable, rebuildRollups, verifyRollups } from './rollups.service';
export { ROLLUP_TABLES } from './facts.repo';
export {
  type GroupCounts,
  overdueOf,
  rollupCounts,
  rollupDays,
  rollupHasCases,
  type RollupSlice,
} from './panels.service';
