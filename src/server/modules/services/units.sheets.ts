/**
 * The partner registers (共建台账) as sheet specs: units, work groups, embedded cadres. Imports
 * upsert by the unit's code, the group's (unit, name) and the cadre's phone, so a re-import is
 * idempotent; exports add the record (activities, hours, errands, thanks), ignored on import.
 */
import type { ColumnSpec, SheetSpec } from '../../platform/sheets';
import { UNIT_KIND_LABELS, UNIT_KINDS } from './services.labels';

type Row = Record<string, unknown>;
export type PartnerSheet = 'units' | 'groups' | 'cadres';

const text = (
  key: string,
  zh: string,
  en: string,
  example: string,
  required = true,
  maxLength = 100,
): ColumnSpec<Row> => ({
  key,
  header: { zh, en },
  required,
  type: 'string',
  maxLength,
  example,
});

const code = (
  key: string,
  zh: string,
  en: string,
  example: string,
  regex: RegExp,
  rule: [string, string],
  required = true,
): ColumnSpec<Row> => ({
  key,
  header: { zh, en },
  required,
  type: 'string',
  normalizeWidth: true,
  example,
  width: 18,
  pattern: { regex, description: { zh: rule[0], en: rule[1] } },
});

const unitCode = code('unitCode', '单位编号', 'Unit code', 'SJ-GTJ', /^[A-Za-z0-9_-]{1,40}$/, [
  '单位编号为 1–40 位字母、数字、- 或 _',
  'a unit code has 1–40 letters, digits, - or _',
]);

const record = (key: string, zh: string, en: string): ColumnSpec<Row> => ({
  key,
  header: { zh, en },
  required: false,
  type: 'number',
  example: '',
  note: { zh: '导出时填写，导入时忽略', en: 'filled on export, ignored on import' },
});

export const PARTNER_SHEETS: Record<PartnerSheet, SheetSpec<Row>> = {
  units: {
    name: 'units',
    title: { zh: '共驻共建单位台账', en: 'Partner units' },
    columns: [
      { ...unitCode, unique: true },
      text('name', '单位名称', 'Unit name', '石首市自然资源和规划局'),
      {
        key: 'kind',
        header: { zh: '单位类型', en: 'Kind' },
        required: true,
        type: 'enum',
        enumValues: UNIT_KINDS.map((k) => ({ value: k, ...UNIT_KIND_LABELS[k] })),
        example: '机关',
      },
      code('scopeCode', '所属区划代码', 'Division code', '421081107', /^[0-9]{6,12}$/, [
        '区划代码为 6–12 位数字（县、镇或村）',
        'a division code has 6–12 digits (county, town or village)',
      ]),
      text('contact', '联系人及电话', 'Contact', '王科长 0716-7121234', false, 100),
      record('cadres', '下沉干部数', 'Cadres'),
      record('activities', '组织活动数', 'Activities organised'),
      record('hours', '干部服务时长', 'Cadres’ hours'),
      record('errands', '办结代办数', 'Errands done'),
      record('thanks', '锦旗表扬数', 'Thanks'),
    ],
  },
  groups: {
    name: 'groups',
    title: { zh: '专职工作组台账', en: 'Work groups' },
    columns: [
      unitCode,
      text('name', '工作组名称', 'Group name', '驻百子庵村工作组'),
      text('leader', '组长', 'Leader', '李明', false, 50),
      code('villages', '驻点村（社区）代码', 'Village codes', '421081107212', /^[0-9]{12}([、,，;；\s]+[0-9]{12})*$/, [
        '一个或多个 12 位村（社区）代码，用顿号分隔',
        'one or more 12-digit village codes separated by 、',
      ]),
    ],
  },
  cadres: {
    name: 'cadres',
    title: { zh: '下沉干部报到台账', en: 'Embedded cadres' },
    columns: [
      unitCode,
      text('name', '姓名', 'Name', '张伟', true, 50),
      {
        ...code('phone', '手机号', 'Mobile phone', '13900000000', /^1[3-9][0-9]{9}$/, [
          '手机号为 11 位',
          'a mobile phone has 11 digits',
        ]),
        unique: true,
      },
      code('communityCode', '报到村（社区）代码', 'Community code', '421081107212', /^[0-9]{12}$/, [
        '村（社区）代码为 12 位数字',
        'a community code has 12 digits',
      ]),
      code(
        'gridCode',
        '网格代码',
        'Grid code',
        '',
        /^[0-9]{15}$/,
        ['网格代码为 15 位数字', 'a grid code has 15 digits'],
        false,
      ),
      {
        key: 'since',
        header: { zh: '报到日期', en: 'Reporting since' },
        required: true,
        type: 'date',
        example: '2026-03-01',
      },
      text('groupName', '所在工作组', 'Work group', '', false),
      record('activities', '参加活动数', 'Activities'),
      record('hours', '服务时长', 'Hours'),
      record('errands', '办结代办数', 'Errands done'),
      record('thanks', '锦旗表扬数', 'Thanks'),
      record('visits', '九必问走访数', '九必问 visits'),
      record('visitsOverdue', '九必问逾期未访', '九必问 visits overdue'),
    ],
  },
};

/** The village codes of a groups row. */
export const villagesOf = (raw: unknown) =>
  String(raw ?? '')
    .split(/[、,，;；\s]+/)
    .filter(Boolean);
