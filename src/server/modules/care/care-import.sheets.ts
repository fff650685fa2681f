/**
 * The 九必问 register import template (特殊困难群体台账导入): Chinese headers, an English label for each
 * column in the instructions sheet. ID numbers and phones are checked here but never echoed back in
 * an error (they are personal data); the categories are matched against the county's list later.
 */
import { normalizePhone } from '../../platform/crypto/masking';
import type { ColumnSpec, LocalText, ParseOutcome, SheetSpec } from '../../platform/sheets';
import { type IdProblem, idProblemOf, makeIdNumber, parseIdNumber } from '../organisation';
import { CONSENT_LABELS } from './care.labels';

export interface CareImportRow {
  name: string;
  idNumber: string;
  phone?: string;
  village: string;
  grid?: string;
  categories: string;
  tier: 'high' | 'key' | 'general';
  consent: boolean;
  consentBy?: 'self' | 'guardian';
  consentOn: string;
  address?: string;
  workerPhone?: string;
  note?: string;
}

const ID_PROBLEMS: Record<IdProblem, LocalText> = {
  format: { zh: '身份证号应为 18 位（末位可为 X）', en: 'An ID number has 18 characters (the last may be X)' },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not a real date' },
  checksum: { zh: '身份证号校验位不正确', en: 'The ID number’s check character is wrong' },
};

const idNumber = (raw: string): ParseOutcome => {
  const r = parseIdNumber(raw);
  if (r.ok) return { ok: true, value: r.value.idNumber };
  const problem = idProblemOf(r) ?? 'format';
  return { ok: false, code: `id_${problem}`, reason: ID_PROBLEMS[problem] };
};

const phone = (raw: string): ParseOutcome => {
  const p = normalizePhone(raw);
  return p
    ? { ok: true, value: p }
    : {
        ok: false,
        code: 'phone_invalid',
        reason: { zh: '手机号应为 11 位数字', en: 'A mobile phone number has 11 digits' },
      };
};

const text = (
  key: keyof CareImportRow,
  zh: string,
  en: string,
  example: string,
  required: boolean,
  maxLength: number,
  note?: LocalText,
): ColumnSpec<CareImportRow> => ({ key, header: { zh, en }, required, type: 'string', maxLength, example, note });

export const CARE_IMPORT_SHEET: SheetSpec<CareImportRow> = {
  name: 'care-persons',
  title: { zh: '特殊困难群体台账', en: 'People in special difficulty' },
  columns: [
    text('name', '姓名', 'Name', '王秀兰', true, 50, {
      zh: '须与居民台账中该身份证号登记的姓名一致',
      en: 'must match the name the resident register holds for the ID number',
    }),
    {
      key: 'idNumber',
      header: { zh: '身份证号', en: 'ID number' },
      aliases: ['公民身份号码', '身份证号码'],
      required: true,
      type: 'string',
      normalizeWidth: true,
      width: 22,
      example: makeIdNumber('421081', '19400101', 11),
      note: {
        zh: '18 位，校验位须正确；同一人再次导入时更新原记录',
        en: '18 characters with a valid check character; importing the same person again updates the record',
      },
      parse: idNumber,
    },
    {
      key: 'phone',
      header: { zh: '联系电话', en: 'Phone' },
      aliases: ['手机号', '联系方式'],
      required: false,
      type: 'string',
      normalizeWidth: true,
      example: '13900000000',
      parse: phone,
    },
    text('village', '村（社区）', 'Village or community', '421081107212', true, 60, {
      zh: '12 位区划代码或村（社区）名称，须在您的管辖范围内',
      en: '12-digit division code or the village’s name, within your area',
    }),
    text('grid', '网格', 'Grid', '', false, 60, {
      zh: '15 位网格代码或网格名称；不填时用居民台账中的网格（村里只有一个网格时用该网格）',
      en: '15-digit grid code or the grid’s name; when empty, the resident register’s grid (or the village’s only grid)',
    }),
    text('categories', '困难类别', 'Groups of difficulty', '独居老人、低保低收入', true, 200, {
      zh: '一个或多个，用顿号分隔，取自本县（市）的类别清单',
      en: 'one or more, separated by 、, from the county’s list',
    }),
    {
      key: 'tier',
      header: { zh: '风险等级', en: 'Risk tier' },
      required: true,
      type: 'enum',
      enumValues: [
        { value: 'high', zh: '高风险', en: 'High' },
        { value: 'key', zh: '重点', en: 'Key' },
        { value: 'general', zh: '一般', en: 'General' },
      ],
      example: '重点',
      note: { zh: '决定走访周期', en: 'sets the visit schedule' },
    },
    {
      key: 'consent',
      header: { zh: '已同意登记和走访', en: 'Consent recorded' },
      required: true,
      type: 'boolean',
      example: '是',
      note: { zh: '须为“是”：未经同意不得登记', en: 'must be yes: nobody is registered without consent' },
    },
    {
      key: 'consentBy',
      header: { zh: '同意人', en: 'Consent given by' },
      required: false,
      type: 'enum',
      enumValues: [
        { value: 'self', zh: '本人', en: 'Self' },
        { value: 'guardian', zh: '监护人', en: 'Guardian' },
      ],
      example: '本人',
      note: { zh: `不填为${CONSENT_LABELS.self.zh}`, en: `empty: ${CONSENT_LABELS.self.en}` },
    },
    {
      key: 'consentOn',
      header: { zh: '同意日期', en: 'Consent date' },
      required: true,
      type: 'date',
      example: '2026-03-01',
      note: { zh: '不得晚于今天', en: 'not after today' },
    },
    text('address', '住址', 'Address', '百子庵村1组1号', false, 200, {
      zh: '居民台账中没有此人时必填（用于新建户）',
      en: 'required when the resident register does not hold the person (a household is created)',
    }),
    {
      key: 'workerPhone',
      header: { zh: '负责网格员手机号', en: 'Assigned grid worker’s phone' },
      required: false,
      type: 'string',
      normalizeWidth: true,
      example: '',
      note: {
        zh: '不填时：已登记的沿用原网格员，新登记的由该网格的网格员负责',
        en: 'empty: the person keeps their worker, or a new person gets the grid’s grid worker',
      },
      parse: phone,
    },
    text('note', '备注', 'Notes', '', false, 500),
  ],
};

/** The labels of a categories cell. */
export const categoryLabelsOf = (cell: string) =>
  cell
    .split(/[、,，;；/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
