/**
 * The collective economy's public surface (村级集体经济). The cockpit (#17) reads the share of villages
 * at or above the income threshold through `collectiveIncomeSummary` (a service: no actor, the caller
 * decides the reader may see the scope) or the pure `summarise` / `shareAbove`.
 */
export {
  isAbove,
  shareAbove,
  shareOf,
  summarise,
  type Share,
  type ShareSummary,
  type VillageTotal,
} from './economy.domain';
export { collectiveIncomeSummary } from './incomes.service';
export type { Summary as CollectiveIncomeSummary } from './economy.schema';
