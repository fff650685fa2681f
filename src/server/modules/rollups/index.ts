/** Case rollups: what other modules may use (the cockpit's panels read the table through the API for now). */
export { casesTable, rebuildRollups, verifyRollups } from './rollups.service';
export { ROLLUP_TABLES } from './facts.repo';
