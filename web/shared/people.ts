/** People, households, coverage, party organisations and registers: the server's contracts, as types. */
export type {
  Coverage,
  CoverageChild,
  GridFeature,
  GridMap,
  Household,
  MyHousehold,
  MyHouseholds,
  PartyOrg,
  PeoplePage,
  Person,
  Revealed,
  UncoveredHousehold,
} from '../../src/server/modules/organisation/organisation.schema';
export type { ImportIssue, ImportJob, RegisterInfo } from '../../src/server/modules/organisation/registers.schema';
