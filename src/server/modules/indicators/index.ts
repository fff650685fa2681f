/**
 * Case indicators: what other modules may use (the rollups compute the same figures from their own
 * counts, for the same viewers): the formulas over counts, the ranking, periods, who sees which scope,
 * and the table's contract.
 */
export {
  type Counts,
  COUNT_KEYS,
  DEFAULT_SORT,
  DIMENSIONS,
  type Dimension,
  indicators,
  parsePeriod,
  type Period,
  rank,
  rankedTable,
  SORT_KEYS,
  type SortKey,
  sumCounts,
} from './indicators.domain';
export { defaultScope, indicatorView, type IndicatorView } from './indicators.policy';
export { IndicatorTable } from './indicators.schema';
