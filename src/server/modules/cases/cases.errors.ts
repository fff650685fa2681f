/** Error codes of the cases module (the case loop: reports, locations, categories, handlers, photos): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const CASES_ERRORS = defineErrors({
  case_transition_not_allowed: {
    status: 409,
    zh: '案件当前为「{fromZh}」状态，不能执行「{eventZh}」',
    en: 'The case is {from}; "{event}" is not allowed from that state',
  },
  invalid_case_event: { status: 400, zh: '操作无效：{reasonZh}', en: 'Invalid action: {reasonEn}' },
  location_missing: {
    status: 422,
    zh: '请告诉我们问题在哪里：点「使用当前位置」、在地图上选点，或选「我家」（您登记的住户），然后再提交',
    en: 'Tell us where the problem is: tap "Use my location", pick the place on the map, or choose "My home" (your registered household), then submit again',
  },
  location_household: {
    status: 422,
    zh: '不能按「我家」定位：{reason}。请使用当前位置或在地图上选点',
    en: 'Cannot use "My home": {reasonEn}. Use your location or pick the place on the map instead',
  },
  outside_county: {
    status: 422,
    zh: '位置不在{county}范围内（经度 {lng}，纬度 {lat}）',
    en: 'The location is outside {county} (longitude {lng}, latitude {lat})',
  },
  unknown_category: { status: 400, zh: '未知的问题类别：{code}', en: 'Unknown category: {code}' },
  extra_field_invalid: {
    status: 400,
    zh: '类别附加信息「{fieldZh}」{problemZh}',
    en: 'Category field "{fieldEn}": {problemEn}',
  },
  problem_word_term_taken: {
    status: 409,
    zh: '「{term}」已是常见问题「{word}」的说法，同一说法只能属于一个问题',
    en: 'The term "{term}" already belongs to the common problem "{word}" (a term belongs to one problem only)',
  },
  unknown_problem_word: { status: 404, zh: '没有这个常见问题：{id}', en: 'No such common problem: {id}' },
  handler_invalid: { status: 400, zh: '办理对象无效：{reasonZh}', en: 'Invalid handler: {reasonEn}' },
  photo_invalid: {
    status: 400,
    zh: '图片无效：{reasonZh}（支持 JPEG、PNG、WebP，单张不超过 10 MB）',
    en: 'Invalid photo: {reasonEn} (JPEG, PNG or WebP, at most 10 MB each)',
  },
  photo_limit: { status: 409, zh: '每个环节最多 {max} 张图片', en: 'At most {max} photos per step' },
  photo_expired: {
    status: 409,
    zh: '照片 {id} 已过期或不是您上传的，请重新添加照片后再提交',
    en: 'Photo {id} has expired or was not uploaded by you: add the photo again and resubmit',
  },
  case_filter_invalid: {
    status: 400,
    zh: '筛选条件「{field}」无效：{value}',
    en: 'The filter "{field}" is not valid: {value}',
  },
  case_filter_staff_only: {
    status: 403,
    zh: '只有工作人员可以按「{field}」筛选',
    en: 'Only staff may filter by "{field}"',
  },
  case_export_too_large: {
    status: 422,
    zh: '符合条件的案件有 {count} 件，超过一次导出的上限 {max} 件；请缩小筛选范围（如时间段、网格）后再导出',
    en: 'Too many cases to export: {count} match, one export holds at most {max}; narrow the filters (period, grid) and export again',
  },
});

type CasesErrors = typeof CASES_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends CasesErrors {}
}
