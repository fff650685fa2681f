/**
 * Names of the organisation module's codes, defined once for the server (register templates) and
 * both web apps (plain data: imports nothing, so the web may bundle it).
 */
type Label = { zh: string; en: string };

/** Relation to the householder (与户主关系), as stored in residents.relation. */
export const RELATION_LABELS = {
  householder: { zh: '户主', en: 'Householder' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;
export type Relation = keyof typeof RELATION_LABELS;

/** Gender as derived from the ID number (residents.gender). */
export const GENDER_LABELS = {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
} as const satisfies Record<string, Label>;

/** Kinds of party organisation (党组织), as stored in party_orgs.kind. */
export const PARTY_ORG_KIND_LABELS = {
  street_working_committee: { zh: '街道大工委', en: 'Street working committee' },
  community_party_committee: { zh: '社区大党委', en: 'Community party committee' },
  village_party_org: { zh: '村党组织', en: 'Village party organisation' },
  grid_branch: { zh: '网格党支部', en: 'Grid party branch' },
  building_group: { zh: '楼栋党小组', en: 'Building party group' },
  villager_group_cell: { zh: '村民小组党小组', en: 'Villager-group party cell' },
} as const satisfies Record<string, Label>;
export type PartyOrgKind = keyof typeof PARTY_ORG_KIND_LABELS;

/** The registers (台账) that can be imported, by sheet, with their titles (templates, audit actions). */
export const REGISTER_TITLES = {
  grids: { zh: '网格', en: 'Grids' },
  buildings: { zh: '楼栋', en: 'Buildings' },
  households: { zh: '户', en: 'Households' },
  residents: { zh: '居民', en: 'Residents' },
  partyMembers: { zh: '党员', en: 'Party members' },
  links: { zh: '党员联系户', en: 'Linked households' },
} as const satisfies Record<string, Label>;
export type RegisterSheet = keyof typeof REGISTER_TITLES;

/** The registers that can also be exported. */
export const EXPORTED_SHEETS = ['grids', 'buildings', 'households'] as const satisfies readonly RegisterSheet[];
export type ExportedSheet = (typeof EXPORTED_SHEETS)[number];

const sheetActions = (verb: 'import' | 'export', zh: string, en: string, sheets: readonly RegisterSheet[]) =>
  sheets.map((s) => [
    `registers.${verb}_${s}`,
    { zh: `${zh}：${REGISTER_TITLES[s].zh}`, en: `${en}: ${REGISTER_TITLES[s].en}` },
  ]);

/** The organisation actions of the audit trail (审计日志): `registers.import_<sheet>` for every register. */
export const AUDIT_LABELS: Record<string, Label> = {
  'people.reveal': { zh: '查看完整身份信息', en: 'Personal data revealed' },
  'demo.load_population': { zh: '载入演示人口', en: 'Demo population loaded' },
  ...Object.fromEntries(
    sheetActions('import', '导入台账', 'Register imported', Object.keys(REGISTER_TITLES) as RegisterSheet[]),
  ),
  ...Object.fromEntries(sheetActions('export', '导出台账', 'Register exported', EXPORTED_SHEETS)),
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  register: { zh: '台账', en: 'register' },
  resident: { zh: '居民', en: 'resident' },
};
