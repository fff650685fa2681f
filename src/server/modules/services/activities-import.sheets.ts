/**
 * The service-activities 台账 (服务活动台账) as an import template: one row per activity, its day and
 * start and end times in China Standard Time (an activity lasts within one day). The 活动编号 is the
 * organiser's own number: a re-import with the same number at the same place updates the activity.
 */
import type { ColumnSpec, ParseOutcome, SheetSpec } from '../../platform/sheets';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  AUDIENCE_LABELS,
  AUDIENCES,
  ORGANISER_KIND_LABELS,
  ORGANISER_KINDS,
} from './services.labels';

export interface ActivityImportRow {
  ref?: string;
  title: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  description?: string;
  divisionCode: string;
  organiserKind: (typeof ORGANISER_KINDS)[number];
  organiser?: string;
  place: string;
  lng: number;
  lat: number;
  radiusM?: number;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: (typeof AUDIENCES)[number];
}

const clock = (raw: string): ParseOutcome => {
  const m = /^([01]?[0-9]|2[0-3])[:：]([0-5][0-9])$/.exec(raw);
  return m
    ? { ok: true, value: `${m[1].padStart(2, '0')}:${m[2]}` }
    : {
        ok: false,
        code: 'time_invalid',
        reason: { zh: `时间应为“时:分”，如 09:30：${raw}`, en: `A time is hours:minutes, e.g. 09:30: ${raw}` },
      };
};

const col = (c: Omit<ColumnSpec<ActivityImportRow>, 'required'> & { required?: boolean }) =>
  ({ required: true, ...c }) as ColumnSpec<ActivityImportRow>;
const enumOf = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string; en: string }>) =>
  keys.map((k) => ({ value: k, ...labels[k] }));

export const ACTIVITY_IMPORT_SHEET: SheetSpec<ActivityImportRow> = {
  name: 'activities',
  title: { zh: '服务活动台账', en: 'Service activities' },
  columns: [
    col({
      key: 'ref',
      header: { zh: '活动编号', en: 'Activity number' },
      required: false,
      type: 'string',
      maxLength: 40,
      normalizeWidth: true,
      example: 'BZA-2026-001',
      note: {
        zh: '组织方自编，同一村（社区）内不重复；再次导入同一编号时更新该活动',
        en: 'the organiser’s own number, unique within the place; importing it again updates the activity',
      },
    }),
    col({
      key: 'title',
      header: { zh: '活动名称', en: 'Title' },
      type: 'string',
      maxLength: 100,
      example: '敬老院义诊',
    }),
    col({
      key: 'kind',
      header: { zh: '活动类型', en: 'Kind' },
      type: 'enum',
      enumValues: enumOf(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS),
      example: '义诊咨询',
    }),
    col({
      key: 'description',
      header: { zh: '活动内容', en: 'Description' },
      required: false,
      type: 'string',
      maxLength: 2000,
      example: '',
    }),
    col({
      key: 'divisionCode',
      header: { zh: '村（社区）代码', en: 'Place code' },
      type: 'string',
      normalizeWidth: true,
      width: 16,
      example: '421081107212',
      pattern: {
        regex: /^[0-9]{6,15}$/,
        description: { zh: '区划或网格代码，6–15 位数字', en: 'a division or grid code of 6–15 digits' },
      },
      note: { zh: '须在您组织活动的范围内', en: 'a place where you organise activities' },
    }),
    col({
      key: 'organiserKind',
      header: { zh: '组织方类型', en: 'Organiser kind' },
      type: 'enum',
      enumValues: enumOf(ORGANISER_KINDS, ORGANISER_KIND_LABELS),
      example: '村（社区）',
    }),
    col({
      key: 'organiser',
      header: { zh: '组织单位', en: 'Organiser' },
      required: false,
      type: 'string',
      maxLength: 40,
      normalizeWidth: true,
      example: '',
      note: {
        zh: '共建单位填单位编号，党组织填党组织代码（如 421081107212-01）；村（社区）组织的不填',
        en: 'a partner unit’s code, or a party organisation’s code (e.g. 421081107212-01); empty for a community',
      },
    }),
    col({
      key: 'place',
      header: { zh: '活动地点', en: 'Place' },
      type: 'string',
      maxLength: 200,
      example: '百子庵村敬老院',
    }),
    col({ key: 'lng', header: { zh: '经度', en: 'Longitude' }, type: 'number', example: '112.41' }),
    col({ key: 'lat', header: { zh: '纬度', en: 'Latitude' }, type: 'number', example: '29.72' }),
    col({
      key: 'radiusM',
      header: { zh: '签到范围(米)', en: 'Check-in radius (m)' },
      required: false,
      type: 'integer',
      example: '300',
      note: { zh: '20–5000，不填为 300', en: '20–5000; empty: 300' },
    }),
    col({ key: 'day', header: { zh: '活动日期', en: 'Day' }, type: 'date', example: '2026-03-15' }),
    col({ key: 'startsAt', header: { zh: '开始时间', en: 'Starts' }, type: 'string', example: '09:00', parse: clock }),
    col({
      key: 'endsAt',
      header: { zh: '结束时间', en: 'Ends' },
      type: 'string',
      example: '11:30',
      parse: clock,
      note: { zh: '北京时间，须晚于开始时间（同一天）', en: 'China Standard Time, after the start (same day)' },
    }),
    col({
      key: 'capacity',
      header: { zh: '人数上限', en: 'Capacity' },
      type: 'integer',
      example: '30',
      note: { zh: '1–10000', en: '1–10000' },
    }),
    col({
      key: 'audience',
      header: { zh: '参加对象', en: 'Who may join' },
      type: 'enum',
      enumValues: enumOf(AUDIENCES, AUDIENCE_LABELS),
      example: '所有人',
    }),
  ],
};
