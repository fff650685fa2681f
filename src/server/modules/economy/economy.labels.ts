/**
 * The collective economy's labels (村级集体经济), defined once: the server uses them in messages and
 * 台账 headers, the web in its tags and forms. Plain data importing nothing.
 */

export interface Label {
  zh: string;
  en: string;
}

/** The seed's four development models, the sources of collective income. */
export const INCOME_SOURCES = ['resources', 'industry', 'cooperation', 'asset_operation'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const INCOME_SOURCE_LABELS: Record<IncomeSource, Label> = {
  resources: { zh: '资源发包', en: 'Resource contracting' },
  industry: { zh: '产业发展', en: 'Industry development' },
  cooperation: { zh: '合作经营', en: 'Cooperative operation' },
  asset_operation: { zh: '资产运营', en: 'Asset operation' },
};

/** The three cooperatives of 村社合一. */
export const COOPERATIVE_KINDS = ['land', 'joint_stock', 'professional'] as const;
export type CooperativeKind = (typeof COOPERATIVE_KINDS)[number];
export const COOPERATIVE_KIND_LABELS: Record<CooperativeKind, Label> = {
  land: { zh: '土地股份合作社', en: 'Land shareholding cooperative' },
  joint_stock: { zh: '股份经济合作社', en: 'Joint-stock economic cooperative' },
  professional: { zh: '专业合作社', en: 'Professional cooperative' },
};

export const ASSET_KINDS = ['land', 'building', 'equipment', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_LABELS: Record<AssetKind, Label> = {
  land: { zh: '土地', en: 'Land' },
  building: { zh: '房屋建筑', en: 'Buildings' },
  equipment: { zh: '设施设备', en: 'Equipment' },
  other: { zh: '其他', en: 'Other' },
};

/** How a contract's annual amount is paid (支付方式): the due payments are made from it. */
export const PAYMENT_SCHEDULES = ['yearly', 'half_yearly', 'quarterly', 'monthly', 'once'] as const;
export type PaymentSchedule = (typeof PAYMENT_SCHEDULES)[number];
export const PAYMENT_SCHEDULE_LABELS: Record<PaymentSchedule, Label> = {
  yearly: { zh: '按年', en: 'Yearly' },
  half_yearly: { zh: '按半年', en: 'Half-yearly' },
  quarterly: { zh: '按季', en: 'Quarterly' },
  monthly: { zh: '按月', en: 'Monthly' },
  once: { zh: '一次性', en: 'Once' },
};

/** The setting's default: 100,000 yuan (10万元), in fen. */
export const DEFAULT_THRESHOLD_FEN = 10_000_000;

export const AUDIT_LABELS = {
  'economy.income_set': { zh: '登记/更正集体收入', en: 'Collective income entered or corrected' },
  'economy.income_import': { zh: '导入集体收入台账', en: 'Collective income imported' },
  'economy.register_export': { zh: '导出集体经济台账', en: 'Collective economy register exported' },
  'economy.register_import': { zh: '导入集体经济台账', en: 'Collective economy register imported' },
  'economy.threshold_set': { zh: '修改集体收入达标线', en: 'Income threshold changed' },
  'economy.cooperative_create': { zh: '登记合作社', en: 'Cooperative registered' },
  'economy.asset_create': { zh: '登记集体资产', en: 'Collective asset registered' },
  'economy.contract_create': { zh: '登记合同（租赁）', en: 'Contract or lease registered' },
  'economy.payment_record': { zh: '登记合同收款', en: 'Contract payment recorded' },
} as const satisfies Record<string, Label>;

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  asset: { zh: '集体资产', en: 'collective asset' },
  collective_income: { zh: '集体收入', en: 'collective income' },
  contract: { zh: '合同', en: 'contract' },
  cooperative: { zh: '合作社', en: 'cooperative' },
  economy_register: { zh: '集体经济台账', en: 'collective economy register' },
  economy_settings: { zh: '集体经济设置', en: 'collective economy settings' },
};
