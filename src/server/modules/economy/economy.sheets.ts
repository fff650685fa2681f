/**
 * The collective economy's 台账 as sheet specs. The income template follows the rural collective asset
 * system's (农村集体资产管理系统) export: 村代码, 村名, 年度, 收入来源, 金额(元), 备注 — one row per village,
 * year and source; amounts in yuan with at most two decimals, read exactly into fen. Cooperatives and
 * assets and contracts (one row per due payment) are exported the same way.
 */
import type { ColumnSpec, SheetSpec } from '../../platform/sheets';
import { fenToYuan, yuanToFen } from './economy.domain';
import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  COOPERATIVE_KIND_LABELS,
  COOPERATIVE_KINDS,
  INCOME_SOURCE_LABELS,
  INCOME_SOURCES,
  PAYMENT_SCHEDULE_LABELS,
  PAYMENT_SCHEDULES,
} from './economy.labels';

type Row = Record<string, unknown>;

const villageCode: ColumnSpec<Row> = {
  key: 'villageCode',
  header: { zh: '村代码', en: 'Village code' },
  aliases: ['村（社区）代码', '行政区划代码', '村级代码'],
  required: true,
  type: 'string',
  normalizeWidth: true,
  example: '421081107212',
  width: 16,
  pattern: { regex: /^[0-9]{12}$/, description: { zh: '村代码为 12 位数字', en: 'a village code has 12 digits' } },
};
const villageName: ColumnSpec<Row> = {
  key: 'villageName',
  header: { zh: '村名', en: 'Village' },
  aliases: ['村名称', '单位名称'],
  required: false,
  type: 'string',
  maxLength: 60,
  example: '百子庵村委会',
  note: { zh: '仅供核对，以村代码为准', en: 'for checking only: the village code decides' },
};
const yuan = (key: string, zh: string, en: string, required: boolean, example: string): ColumnSpec<Row> => ({
  key,
  header: { zh, en },
  required,
  type: 'string',
  example,
  width: 14,
  note: { zh: '单位：元，至多两位小数，不得为负', en: 'yuan, at most two decimals, not negative' },
  parse: (raw) => {
    const fen = yuanToFen(raw);
    return fen === null
      ? {
          ok: false,
          code: 'amount_invalid',
          reason: {
            zh: `金额无效：${raw}（须为不小于 0 的元金额）`,
            en: `Invalid amount: ${raw} (yuan, not negative)`,
          },
        }
      : { ok: true, value: fen };
  },
  format: (fen) => (typeof fen === 'number' ? fenToYuan(fen) : ''),
});
const text = (key: string, zh: string, en: string, example: string, max = 100, required = true): ColumnSpec<Row> => ({
  key,
  header: { zh, en },
  required,
  type: 'string',
  maxLength: max,
  example,
});

export const INCOME_SHEET: SheetSpec<Row> = {
  name: 'incomes',
  title: { zh: '村级集体经济收入台账', en: 'Village collective income' },
  columns: [
    villageCode,
    villageName,
    {
      key: 'year',
      header: { zh: '年度', en: 'Year' },
      aliases: ['年份', '统计年度'],
      required: true,
      type: 'integer',
      example: '2025',
    },
    {
      key: 'source',
      header: { zh: '收入来源', en: 'Source' },
      aliases: ['收入类型', '发展模式'],
      required: true,
      type: 'enum',
      enumValues: INCOME_SOURCES.map((s) => ({ value: s, ...INCOME_SOURCE_LABELS[s] })),
      example: '资源发包',
    },
    yuan('amountFen', '金额(元)', 'Amount (yuan)', true, '52000.50'),
    text('note', '备注', 'Note', '', 200, false),
  ],
};

export const COOPERATIVE_SHEET: SheetSpec<Row> = {
  name: 'cooperatives',
  title: { zh: '村社合一合作社台账', en: 'Cooperatives' },
  columns: [
    villageCode,
    villageName,
    {
      key: 'kind',
      header: { zh: '类型', en: 'Kind' },
      required: true,
      type: 'enum',
      enumValues: COOPERATIVE_KINDS.map((k) => ({ value: k, ...COOPERATIVE_KIND_LABELS[k] })),
      example: '土地股份合作社',
    },
    text('name', '名称', 'Name', '百子庵村土地股份合作社'),
    { key: 'members', header: { zh: '成员数', en: 'Members' }, required: true, type: 'integer', example: '312' },
    text('registrationNo', '登记证号', 'Registration no.', '', 40, false),
    {
      key: 'registeredOn',
      header: { zh: '登记日期', en: 'Registered on' },
      required: false,
      type: 'date',
      example: '',
    },
  ],
};

export const CONTRACT_SHEET: SheetSpec<Row> = {
  name: 'contracts',
  title: { zh: '集体资产合同（租赁）台账', en: 'Contracts and leases' },
  columns: [
    villageCode,
    villageName,
    text('subject', '合同标的', 'Subject', '村部闲置厂房租赁'),
    text('counterparty', '承包（承租）方', 'Counterparty', '石首市某农业公司'),
    { key: 'startsOn', header: { zh: '开始日期', en: 'Starts' }, required: true, type: 'date', example: '2025-01-01' },
    { key: 'endsOn', header: { zh: '结束日期', en: 'Ends' }, required: true, type: 'date', example: '2029-12-31' },
    { key: 'dueOn', header: { zh: '应收日期', en: 'Due on' }, required: false, type: 'date', example: '' },
    yuan('amountFen', '应收金额(元)', 'Due (yuan)', false, ''),
    yuan('paidFen', '已收金额(元)', 'Paid (yuan)', false, ''),
    text('overdue', '是否逾期', 'Overdue', '', 4, false),
  ],
};

export const ASSET_SHEET: SheetSpec<Row> = {
  name: 'assets',
  title: { zh: '集体资产台账', en: 'Collective assets' },
  columns: [
    villageCode,
    villageName,
    {
      key: 'kind',
      header: { zh: '类别', en: 'Kind' },
      required: true,
      type: 'enum',
      enumValues: ASSET_KINDS.map((k) => ({ value: k, ...ASSET_KIND_LABELS[k] })),
      example: '土地',
    },
    {
      ...text('name', '资产名称', 'Name', '机动地（三组）'),
      note: {
        zh: '同村内资产名称不重复：再次导入时更新',
        en: 'unique within the village: importing it again updates it',
      },
    },
    text('quantity', '数量', 'Quantity', '120亩', 40, false),
    {
      ...yuan('bookValueFen', '账面价值(元)', 'Book value (yuan)', true, '0'),
      aliases: ['账面原值(元)', '原值(元)', '资产原值'],
    },
    { ...text('location', '坐落位置', 'Location', '三组东侧', 200, false), aliases: ['坐落', '位置', '所在位置'] },
  ],
};

/**
 * The contracts 台账 as the rural collective asset system exports it (合同台账): one row per contract,
 * its annual amount and payment schedule; the due payments are made from them (scheduleDues).
 */
export const CONTRACT_IMPORT_SHEET: SheetSpec<Row> = {
  name: 'contracts',
  title: { zh: '集体资产合同台账', en: 'Contracts and leases' },
  columns: [
    villageCode,
    villageName,
    {
      ...text('contractNo', '合同编号', 'Contract number', 'BZA-HT-2025-01', 40),
      normalizeWidth: true,
      note: {
        zh: '同村内不重复：再次导入时更新该合同',
        en: 'unique within the village: importing it again updates the contract',
      },
    },
    { ...text('subject', '合同名称', 'Subject', '村部闲置厂房租赁'), aliases: ['合同标的', '项目名称'] },
    {
      ...text('counterparty', '承包（承租）方', 'Counterparty', '石首市某农业公司'),
      aliases: ['承租方', '承包方', '乙方'],
    },
    {
      ...text('assetName', '资产名称', 'Asset', '', 100, false),
      note: { zh: '本村资产台账中的资产名称，可不填', en: 'an asset of the village’s register, optional' },
    },
    {
      key: 'startsOn',
      header: { zh: '开始日期', en: 'Starts' },
      aliases: ['合同起始日期', '起始日期'],
      required: true,
      type: 'date',
      example: '2025-01-01',
    },
    {
      key: 'endsOn',
      header: { zh: '结束日期', en: 'Ends' },
      aliases: ['合同终止日期', '终止日期'],
      required: true,
      type: 'date',
      example: '2029-12-31',
    },
    {
      ...yuan('annualFen', '年租金(元)', 'Annual amount (yuan)', true, '52000'),
      aliases: ['年承包费(元)', '年金额(元)'],
    },
    {
      key: 'schedule',
      header: { zh: '支付方式', en: 'Payment schedule' },
      aliases: ['付款方式', '收款方式'],
      required: true,
      type: 'enum',
      enumValues: PAYMENT_SCHEDULES.map((k) => ({ value: k, ...PAYMENT_SCHEDULE_LABELS[k] })),
      example: '按年',
      note: {
        zh: '每期期初应收；最后不满一期的按天折算',
        en: 'due at the start of each period; a short last period by days',
      },
    },
  ],
};

export const EXPORT_SHEETS = {
  incomes: INCOME_SHEET,
  cooperatives: COOPERATIVE_SHEET,
  assets: ASSET_SHEET,
  contracts: CONTRACT_SHEET,
};
export type ExportSheet = keyof typeof EXPORT_SHEETS;

/** The registers imported from the rural collective asset system's exports (templates: these specs). */
export const IMPORT_SHEETS = {
  cooperatives: COOPERATIVE_SHEET,
  assets: ASSET_SHEET,
  contracts: CONTRACT_IMPORT_SHEET,
};
export type ImportSheet = keyof typeof IMPORT_SHEETS;
