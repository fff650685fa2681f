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

import {
  GENDER_LABELS,
  PARTY_ORG_KIND_LABELS,
  RELATION_LABELS,
} from '../../src/server/modules/organisation/organisation.labels';

type Pick = (zh: string, en: string) => string;
const labelIn =
  (table: Readonly<Record<string, { zh: string; en: string }>>) =>
  (code: string, pick: Pick): string => {
    const l = table[code];
    return l ? pick(l.zh, l.en) : code;
  };

/** Names of the codes people tables show (organisation.labels.ts); an unknown code shows as itself. */
export const relationLabel = labelIn(RELATION_LABELS);
export const genderLabel = labelIn(GENDER_LABELS);
export const partyOrgKindLabel = labelIn(PARTY_ORG_KIND_LABELS);
