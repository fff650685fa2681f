/**
 * Division kinds and levels, defined once for the server and both web apps (plain data: imports
 * nothing, so the web may bundle it). Levels: 1 province, 2 city, 3 county, 4 town, 5 village or
 * community, 6 grid (the platform's own level below villages).
 */
export const DIVISION_KINDS = [
  'province',
  'city',
  'county',
  'street',
  'town',
  'township',
  'other_town',
  'residents_committee',
  'village_committee',
  'other_village',
  'grid',
] as const;

export type DivisionKind = (typeof DIVISION_KINDS)[number];

/** What a kind is called in each language. */
export const DIVISION_KIND_LABELS: Record<DivisionKind, { zh: string; en: string }> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县（市、区）', en: 'County' },
  street: { zh: '街道', en: 'Street' },
  town: { zh: '镇', en: 'Town' },
  township: { zh: '乡', en: 'Township' },
  other_town: { zh: '开发区等', en: 'Other town-level area' },
  residents_committee: { zh: '居委会（社区）', en: "Residents' committee" },
  village_committee: { zh: '村委会', en: 'Village committee' },
  other_village: { zh: '其他村级单位', en: 'Other village-level unit' },
  grid: { zh: '网格', en: 'Grid' },
};

/** The level of a statistical code by its length (2/4/6/9/12 digits; grids 15). */
export const LEVEL_OF_CODE_LENGTH: Readonly<Record<number, number>> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5, 15: 6 };

/** The division actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, { zh: string; en: string }> = {
  'divisions.import': { zh: '导入区划', en: 'Divisions imported' },
  'divisions.import_national': { zh: '导入全国区划', en: 'National divisions imported' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  division: { zh: '区划', en: 'division' },
};
