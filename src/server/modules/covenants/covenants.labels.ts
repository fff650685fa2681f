/** Labels of covenants, councils and the 红白事 register, shared by the server and both web apps. Plain data importing nothing. */
export interface Label {
  zh: string;
  en: string;
}

export const COVENANT_KINDS = ['village', 'community'] as const;
export type CovenantKind = (typeof COVENANT_KINDS)[number];
export const COVENANT_KIND_LABELS: Record<CovenantKind, Label> = {
  village: { zh: '村规民约', en: 'village covenant' },
  community: { zh: '居民公约', en: "residents' covenant" },
};

export const VERSION_STATES = ['draft', 'in_force', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export const VERSION_STATE_LABELS: Record<VersionState, Label> = {
  draft: { zh: '草稿', en: 'draft' },
  in_force: { zh: '现行有效', en: 'in force' },
  superseded: { zh: '已废止', en: 'superseded' },
};

export const CHANGE_KINDS = ['added', 'removed', 'changed', 'renumbered', 'moved'] as const;
export const CHANGE_KIND_LABELS: Record<(typeof CHANGE_KINDS)[number], Label> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  changed: { zh: '修改', en: 'changed' },
  renumbered: { zh: '条号变动', en: 'renumbered' },
  moved: { zh: '位置调整', en: 'moved' },
};

/** 两会: 业委会 / 小区自治委员会 / 村民议事会 / 红白理事会. */
export const COUNCIL_KINDS = [
  'owners_committee',
  'autonomy_committee',
  'villagers_council',
  'red_white_council',
] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];
export const COUNCIL_KIND_LABELS: Record<CouncilKind, Label> = {
  owners_committee: { zh: '业主委员会', en: "owners' committee" },
  autonomy_committee: { zh: '小区自治委员会', en: 'compound autonomy committee' },
  villagers_council: { zh: '村民议事会', en: "villagers' council" },
  red_white_council: { zh: '红白理事会', en: 'weddings and funerals council' },
};

export const COUNCIL_ROLES = ['chair', 'member'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export const COUNCIL_ROLE_LABELS: Record<CouncilRole, Label> = {
  chair: { zh: '主任', en: 'chair' },
  member: { zh: '委员', en: 'member' },
};

export const EVENT_KINDS = ['wedding', 'funeral', 'birthday', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, Label> = {
  wedding: { zh: '婚事', en: 'wedding' },
  funeral: { zh: '丧事', en: 'funeral' },
  birthday: { zh: '寿宴', en: 'birthday' },
  other: { zh: '其他', en: 'other' },
};

export const AUDIT_LABELS: Record<string, Label> = {
  'covenants.create': { zh: '建立村规民约', en: 'Covenant created' },
  'covenants.draft': { zh: '起草村规民约新版本', en: 'Covenant version drafted' },
  'covenants.edit': { zh: '修改村规民约草稿条款', en: 'Covenant draft articles edited' },
  'covenants.adopt': { zh: '通过并公布村规民约', en: 'Covenant version adopted and published' },
  'covenants.council_create': { zh: '设立两会组织', en: 'Council set up' },
  'covenants.term_create': { zh: '登记两会换届及成员', en: 'Council term and members registered' },
  'covenants.event_record': { zh: '登记红白事', en: 'Family event recorded' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  council: { zh: '议事组织（两会）', en: 'council' },
  covenant: { zh: '村规民约', en: 'covenant' },
  covenant_version: { zh: '村规民约版本', en: 'covenant version' },
  family_event: { zh: '红白事', en: 'family event' },
};
