/** Error codes of the service-circle module: status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const CIRCLE_ERRORS = defineErrors({
  circle_outside_county: {
    status: 400,
    zh: '位置（{lng}, {lat}）不在本县（市）范围内',
    en: 'The point ({lng}, {lat}) is outside the county',
  },
  circle_kind_unknown: { status: 400, zh: '没有这种设施类型：{kind}', en: 'No such facility kind: {kind}' },
  circle_roads_invalid: {
    status: 400,
    zh: '路网文件有 {count} 处错误（须为 GeoJSON 线要素 LineString/MultiLineString，WGS-84），未导入任何内容',
    en: 'The road file has {count} errors (GeoJSON LineString/MultiLineString features in WGS-84 expected); nothing was imported',
  },
  circle_import_invalid: {
    status: 400,
    zh: '设施台账有 {count} 行错误，未导入任何内容',
    en: 'The facility sheet has {count} bad rows; nothing was imported',
  },
  circle_no_gap: {
    status: 409,
    zh: '{village} 的住户步行 {m} 米内都有{kind}，没有缺口可列入清单',
    en: 'Every home of {village} is within {m} m of a {kindEn}: there is no gap to list',
  },
});

type CircleErrors = typeof CIRCLE_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends CircleErrors {}
}
