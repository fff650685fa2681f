/** Error codes of the beehive module (stations, workers, 五帮 requests): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const BEEHIVE_ERRORS = defineErrors({
  beehive_outside_county: {
    status: 400,
    zh: '位置（{lng}, {lat}）不在本县（市）范围内',
    en: 'The point ({lng}, {lat}) is outside the county',
  },
  beehive_hours_invalid: {
    status: 400,
    zh: '营业时间有误：{dayZh}「{text}」（格式 HH:MM-HH:MM，结束晚于开始，时段不重叠）',
    en: 'Opening hours are not valid on {dayEn}: "{text}" ({reason})',
  },
  beehive_agreement_dates: {
    status: 400,
    zh: '协议结束日期（{validTo}）早于开始日期（{validFrom}）',
    en: 'The agreement ends ({validTo}) before it starts ({validFrom})',
  },
  beehive_division_invalid: {
    status: 400,
    zh: '所属区划 {code} 不在本县（市）或不存在',
    en: 'The division {code} does not exist in this county',
  },
  beehive_station_closed: {
    status: 409,
    zh: '「{name}」现在不在开放时间，不能签到',
    en: 'The station "{name}" is closed now; check-in is not possible',
  },
  beehive_station_unknown: {
    status: 404,
    zh: '站点不存在：{id}',
    en: 'There is no station {id}',
  },
  beehive_checkin_code_unknown: {
    status: 404,
    zh: '签到码 {code} 不对应任何站点',
    en: 'The check-in code {code} belongs to no station',
  },
  beehive_consent_required: {
    status: 400,
    zh: '登记须同意《新就业群体信息使用说明》',
    en: 'Registration needs your consent to the information notice',
  },
  beehive_not_registered: {
    status: 409,
    zh: '请先登记为新就业群体成员',
    en: 'Register as a platform worker first',
  },
  beehive_already_registered: { status: 409, zh: '您已登记', en: 'You are already registered' },
  beehive_woodpecker_place: {
    status: 400,
    zh: '加入啄木鸟队伍须选择一个村（社区）或网格：{code}',
    en: 'Woodpeckers belong to a village, community or grid: {code} is not one',
  },
  beehive_measure_unknown: {
    status: 400,
    zh: '引用的扶持措施不存在或未发布：{id}',
    en: 'The cited support measure does not exist or is not published: {id}',
  },
  beehive_request_state: {
    status: 409,
    zh: '诉求当前为「{stateZh}」，不能{actionZh}',
    en: 'The request is {state}; it cannot be {action}',
  },
  beehive_member_dates: {
    status: 400,
    zh: '退出联盟日期（{leftOn}）早于加入日期（{joinedOn}）',
    en: 'The member leaves the alliance ({leftOn}) before it joined ({joinedOn})',
  },
  beehive_member_platform: {
    status: 400,
    zh: '平台企业须填写劳动者使用的平台名称；其他成员不填',
    en: 'A platform company needs the platform name its workers give; other members have none',
  },
  beehive_member_taken: {
    status: 409,
    zh: '已有同名的联盟成员或平台：{name}',
    en: 'An alliance member or platform with this name exists: {name}',
  },
});

type BeehiveErrors = typeof BEEHIVE_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends BeehiveErrors {}
}
