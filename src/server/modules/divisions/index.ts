/** The national division tree (行政区划): other modules import only from here. */
export { ancestorsOf } from './divisions.domain';
export {
  findDivision,
  findDivisions,
  listChildren,
  markDemoGrids,
  refreshVillageChildCounts,
} from './divisions.repo';
export { departmentCode } from './departments';
export {
  ensureCounty,
  ensureCountySetUp,
  importCounty,
  importNational,
  loadCountyRows,
  type DivisionsSetUp,
  type ImportSummary,
  type NationalOptions,
  type NationalSummary,
} from './divisions.import';
