/** The leaders module's public surface (头雁 records): its labels and who may read them. Wired in by leaders.module.ts. */
export { TEAM_LABELS, TEAMS } from './leaders.labels';
export { ORG_ROLES } from './leaders.policy';
