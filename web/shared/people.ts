/** People, households, coverage, party organisations and registers: shapes of the API answers. */

export interface Person {
  id: string;
  householdCode: string;
  address: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  gender: string;
  birthDate: string;
  relation: string;
  partyMember: boolean;
  actions: string[];
}

export interface PeopleResult {
  matchedBy: string;
  people: Person[];
}

export interface Household {
  code: string;
  gridCode: string;
  gridName: string;
  address: string;
  lng: number | null;
  lat: number | null;
  members: Person[];
}

export interface CoverageFigures {
  code: string;
  name: string;
  households: number;
  residents: number;
  covered: number;
  uncovered: number;
  percent: number | null;
}

export interface Coverage extends CoverageFigures {
  level: number;
  children: (CoverageFigures & { kind: string })[];
}

export interface UncoveredHousehold {
  code: string;
  address: string;
  members: number;
}

export interface PartyOrg {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  divisionCode: string;
  members: number;
}

export interface Text2 {
  zh: string;
  en: string;
}

export interface RegisterInfo {
  name: string;
  title: Text2;
  columns: { key: string; header: Text2; required: boolean }[];
}

export interface ImportIssue {
  row: number;
  column: string | null;
  reason: Text2;
  code: string;
}

export interface ImportJob {
  id: string;
  sheet: string;
  mode: 'dry-run' | 'valid-only' | 'all-or-nothing';
  state: 'running' | 'done' | 'failed';
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  result?: {
    totalRows: number;
    validRows: number;
    invalidRows: number;
    errorCount: number;
    importedRows: number;
    errors: ImportIssue[];
    warnings: ImportIssue[];
    fileErrors: ImportIssue[];
  };
  error?: string | { message?: string };
}

export interface MyHousehold {
  code: string;
  address: string;
  grid: { code: string; name: string } | null;
  gridWorkers: { displayName: string }[];
  members: { name: string; relation: string; phoneMasked: string | null }[];
  linkedPartyMembers: { name: string; phoneMasked: string | null; hub: boolean }[];
}
