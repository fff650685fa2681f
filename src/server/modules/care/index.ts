/** The 九必问 visits and the register of people in special difficulty: other modules import only from here. */
export { maskName } from './care.domain';
export { DEFAULT_SCHEDULE, nextDueAt, type RiskTier } from './schedule.domain';
