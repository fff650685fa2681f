/** The 九必问 visits and the register of people in special difficulty: other modules import only from here. */
export { maskName } from './care.domain';
/** A worker's visit record (visits made, obligations overdue): counts only, read by the services module's cadre record. */
export { visitRecordOf } from './care.repo';
export { DEFAULT_SCHEDULE, nextDueAt, type RiskTier } from './schedule.domain';
