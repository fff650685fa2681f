/**
 * Error codes of the Open311 module: the problems an Open311 client is told, in the spec's error list
 * `[{code, description}]` (code = the HTTP status: 400, 403 or 404), JSON or XML.
 */
import { defineErrors } from '../../platform/errors';

export const OPEN311_ERRORS = defineErrors({
  open311_jurisdiction_not_found: {
    status: 404,
    zh: '未找到 jurisdiction_id「{id}」，本接口只服务 {county}',
    en: 'The jurisdiction_id "{id}" was not found; this endpoint serves {county} only',
  },
  open311_service_code_missing: { status: 400, zh: '未提供 service_code', en: 'No service_code was provided' },
  open311_service_not_found: {
    status: 404,
    zh: '未找到服务类别 service_code「{code}」',
    en: 'The service_code "{code}" was not found',
  },
  open311_request_not_found: {
    status: 404,
    zh: '未找到服务请求 service_request_id「{id}」',
    en: 'The service_request_id "{id}" was not found',
  },
  open311_request_id_missing: {
    status: 400,
    zh: '未提供 service_request_id',
    en: 'No service_request_id was provided',
  },
  open311_token_not_found: { status: 404, zh: '未找到 token「{token}」', en: 'The token "{token}" was not found' },
  open311_api_key_missing: { status: 403, zh: '未提供 api_key', en: 'No api_key was provided' },
  open311_api_key_invalid: {
    status: 403,
    zh: 'api_key 无效，无法继续',
    en: "Invalid api_key received -- can't proceed",
  },
  open311_location_missing: {
    status: 400,
    zh: '必须提供 lat 和 long（本接口不能按 address_string 或 address_id 定位）',
    en: 'Both lat and long are required (this endpoint cannot locate address_string or address_id)',
  },
  open311_location_invalid: {
    status: 400,
    zh: 'lat/long 不是有效的 WGS-84 坐标',
    en: 'The lat/long are not valid WGS-84 coordinates',
  },
  open311_description_missing: { status: 400, zh: '未提供 description', en: 'No description was provided' },
  open311_media_url_invalid: {
    status: 400,
    zh: 'media_url 须为 http 或 https 网址（不超过 {max} 个字符）',
    en: 'The media_url must be an http or https URL (at most {max} characters)',
  },
  open311_description_too_long: {
    status: 400,
    zh: 'description 不能超过 {max} 个字符',
    en: 'The description may not be longer than {max} characters',
  },
  open311_date_invalid: {
    status: 400,
    zh: '{field} 不是 w3 日期时间（例如 2026-11-25T00:00:00+08:00）',
    en: 'The {field} is not a w3 datetime (e.g. 2026-11-25T00:00:00+08:00)',
  },
  open311_date_range_invalid: {
    status: 400,
    zh: 'start_date 须早于 end_date，且时间范围不超过 90 天',
    en: 'The start_date must be before end_date and the range may not span more than 90 days',
  },
  open311_status_invalid: { status: 400, zh: '未知的 status：{status}', en: 'Unknown status: {status}' },
  open311_format_unsupported: { status: 404, zh: '格式须为 .xml 或 .json', en: 'The format must be .xml or .json' },
});

type Open311Errors = typeof OPEN311_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends Open311Errors {}
}
