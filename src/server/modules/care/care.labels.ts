/**
 * Labels of the 九必问 visits (care), defined once for the server and the console. The default
 * categories and nine questions are what a county starts with; each county edits its own
 * (care_settings). Plain data importing nothing (the web bundles it).
 */
export interface Label {
  zh: string;
  en: string;
}
export interface KeyedLabel extends Label {
  key: string;
}

export const TIER_LABELS: Record<'high' | 'key' | 'general', Label> = {
  high: { zh: '高风险（24小时内、每周）', en: 'high (within 24 h, then weekly)' },
  key: { zh: '重点（每月）', en: 'key (monthly)' },
  general: { zh: '一般（每季度）', en: 'general (quarterly)' },
};

export const VISIT_STATUS_LABELS: Record<'overdue' | 'due' | 'scheduled', Label> = {
  overdue: { zh: '已逾期', en: 'overdue' },
  due: { zh: '待走访', en: 'due' },
  scheduled: { zh: '未到期', en: 'scheduled' },
};

export const CONSENT_LABELS: Record<'self' | 'guardian', Label> = {
  self: { zh: '本人同意', en: 'by the person' },
  guardian: { zh: '监护人同意', en: 'by the guardian' },
};

/** 八类特殊困难群体 (the seed's eight groups; the elderly group split in three). */
export const DEFAULT_CATEGORIES: readonly KeyedLabel[] = [
  { key: 'elderly_alone', zh: '独居老人', en: 'elderly living alone' },
  { key: 'elderly_empty_nest', zh: '空巢老人', en: 'empty-nest elderly' },
  { key: 'elderly_left_behind', zh: '留守老人', en: 'left-behind elderly' },
  { key: 'disabled_elderly', zh: '失能半失能老人', en: 'elderly unable to care for themselves' },
  { key: 'severe_disability', zh: '重度残疾人', en: 'severely disabled' },
  { key: 'family_planning_special', zh: '计生特殊家庭', en: 'family-planning special family' },
  { key: 'scattered_destitute', zh: '分散供养特困人员', en: 'destitute, supported at home' },
  { key: 'unsupported_child', zh: '孤儿和事实无人抚养儿童', en: 'orphan or child without carer' },
  { key: 'low_income', zh: '低保低收入', en: 'minimum-living or low income' },
  { key: 'serious_illness', zh: '重病患者', en: 'seriously ill' },
];

/** 九必问: the nine questions every visit answers. */
export const DEFAULT_QUESTIONS: readonly KeyedLabel[] = [
  { key: 'health', zh: '身体怎么样', en: 'How is your health?' },
  { key: 'food_clothing', zh: '吃穿够不够', en: 'Do you have enough food and clothing?' },
  { key: 'housing_safety', zh: '住房水电气安不安全', en: 'Are the house, water, power and gas safe?' },
  { key: 'income', zh: '生活来源稳不稳', en: 'Is your income steady?' },
  { key: 'medical', zh: '看病就医难不难', en: 'Can you see a doctor when needed?' },
  { key: 'care', zh: '有没有人照料', en: 'Does someone look after you?' },
  { key: 'policy', zh: '政策待遇落实没有', en: 'Do you receive the benefits you are entitled to?' },
  { key: 'mood', zh: '心情好不好', en: 'How are you feeling?' },
  { key: 'needs', zh: '还需要什么帮助', en: 'What else do you need help with?' },
];

/** The care actions of the audit trail: ids only, never a name, category or answer. */
export const AUDIT_LABELS: Record<string, Label> = {
  'care.person_register': { zh: '登记特殊困难群体', en: 'Person in special difficulty registered' },
  'care.person_update': { zh: '修改特殊困难群体档案', en: 'Care record changed' },
  'care.person_view': { zh: '查看特殊困难群体档案', en: 'Care record viewed' },
  'care.person_list': { zh: '查看特殊困难群体名单', en: 'Care register listed' },
  'care.person_export': { zh: '导出特殊困难群体台账', en: 'Care register exported' },
  'care.person_import': { zh: '导入特殊困难群体台账', en: 'Care register imported' },
  'care.due_list': { zh: '查看待走访名单', en: 'Due visits listed' },
  'care.change_report': { zh: '报告情况变化', en: 'Change of circumstances reported' },
  'care.visit_record': { zh: '登记九必问走访', en: 'Visit recorded' },
  'care.visit_case': { zh: '走访发现的需求转为案件', en: "A visit's need filed as a case" },
  'care.settings_update': { zh: '修改走访设置', en: 'Visit settings changed' },
};

/** The console home's counts (今日待办) for the assigned grid worker: visits due (with the overdue ones), and overdue. */
export const TODAY_LABELS: Record<'due' | 'overdue', { label: Label; hint: Label }> = {
  due: {
    label: { zh: '九必问待走访', en: 'Care visits due' },
    hint: { zh: '到期和即将到期的走访（含已超期）', en: 'Visits due now or soon (overdue ones included)' },
  },
  overdue: {
    label: { zh: '走访已超期', en: 'Care visits overdue' },
    hint: { zh: '已过走访期限，请尽快上门', en: 'Past the visit deadline: visit soon' },
  },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  care_person: { zh: '九必问对象', en: 'person in special difficulty' },
  care_settings: { zh: '九必问设置', en: 'visit settings' },
};
