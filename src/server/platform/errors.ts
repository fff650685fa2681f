/**
 * One error type for the whole server. Domain code returns failures as values; services turn them
 * into AppError with a code; the HTTP layer maps the code to a status and a zh-CN / en message.
 */
export type Lang = 'zh-CN' | 'en';

interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

/** Every error code the API can return. `{name}` placeholders are filled from `details`. */
export const ERRORS = {
  validation_failed: { status: 400, zh: '请求内容不符合要求：{summary}', en: 'The request is not valid: {summary}' },
  text_invalid: {
    status: 400,
    zh: '「{field}」含有无效字符（空字符 NUL 或不成对的 UTF-16 代理项），请删除后重试',
    en: 'The field "{field}" contains invalid characters (a NUL character or an unpaired UTF-16 surrogate); remove them and try again',
  },
  upload_expected: {
    status: 415,
    zh: '请求体应为文件本身（Content-Type：{types}），而不是 {got}',
    en: 'The request body must be the file itself (Content-Type: {types}), not {got}',
  },
  upload_empty: { status: 400, zh: '上传的文件是空的', en: 'The uploaded file is empty' },
  value_unstorable: {
    status: 400,
    zh: '提交的内容无法保存：{reason}',
    en: 'The submitted content cannot be stored: {reason}',
  },
  cursor_invalid: {
    status: 400,
    zh: '分页游标无效或已过期，请从第一页重新加载',
    en: 'The page cursor is not valid (or belongs to another list); load the list again from its first page',
  },
  malformed_json: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  body_too_large: {
    status: 413,
    zh: '请求体过大（上限 {limit} 字节）',
    en: 'The request body is too large (limit {limit} bytes)',
  },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  not_found: { status: 404, zh: '未找到：{what}', en: 'Not found: {what}' },
  route_not_found: { status: 404, zh: '没有这个接口', en: 'No such endpoint' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  session_expired: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' },
  forbidden: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  totp_required: { status: 401, zh: '请输入动态口令', en: 'Enter your one-time code' },
  totp_invalid: { status: 401, zh: '动态口令错误', en: 'Wrong one-time code' },
  sign_in_step_invalid: {
    status: 401,
    zh: '登录步骤无效或已过期，请重新登录',
    en: 'This sign-in step is invalid or has expired; start again',
  },
  sms_code_invalid: { status: 401, zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  sms_code_too_soon: {
    status: 429,
    zh: '验证码发送过于频繁，请 {seconds} 秒后再试',
    en: 'Codes are sent too often; try again in {seconds} seconds',
  },
  weak_password: {
    status: 400,
    zh: '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'A password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  sms_daily_cap: {
    status: 429,
    zh: '该手机号 24 小时内已获取 {cap} 次验证码，已达上限，请明天再试',
    en: 'This phone has received {cap} codes in the last 24 hours, the most allowed; try again tomorrow',
  },
  password_unchanged: {
    status: 400,
    zh: '新密码不能与管理员设置的一次性密码相同',
    en: 'The new password must differ from the one-time password you were given',
  },
  admin_role_not_grantable: {
    status: 403,
    zh: '管理员角色（系统、安全、审计管理员）只能由服务器命令 cocreate account 授予或撤销',
    en: 'Administrator roles (system, security, audit) are granted and revoked only with the server command cocreate account',
  },
  admin_account_dedicated: {
    status: 409,
    zh: '管理员账号只能持有其一个管理员角色（三员分立）：{role} 不能与 {other} 同在一个账号',
    en: 'An administrator account holds its one administrator role only (separation of duties): {role} cannot go with {other}',
  },
  account_protected: {
    status: 403,
    zh: '不能管理管理员账号或范围不小于您的账号：{reason}',
    en: 'You cannot manage an administrator account or one of equal or broader scope: {reason}',
  },
  cross_site_request: {
    status: 403,
    zh: '请求来源不被接受（跨站请求）',
    en: 'The request was refused: it does not come from this site',
  },
  invalid_phone: { status: 400, zh: '手机号码格式不正确：{phone}', en: 'Not a valid mobile phone number: {phone}' },
  username_taken: { status: 409, zh: '用户名已被使用：{username}', en: 'The username is already taken: {username}' },
  unknown_role: { status: 400, zh: '未知角色：{role}', en: 'Unknown role: {role}' },
  role_scope_invalid: {
    status: 400,
    zh: '角色 {role} 不能设在 {scope} 这一级',
    en: 'Role {role} cannot be held at {scope}',
  },
  unknown_division: { status: 400, zh: '未知的区划代码：{code}', en: 'Unknown division code: {code}' },
  unknown_department: { status: 400, zh: '未知的部门：{code}', en: 'Unknown department: {code}' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  database_unavailable: {
    status: 503,
    zh: '数据库暂时不可用，请稍后再试',
    en: 'The database is unavailable; please try again shortly',
  },
  conflict: { status: 409, zh: '操作冲突：{reason}', en: 'Conflict: {reason}' },
  case_transition_not_allowed: {
    status: 409,
    zh: '案件当前为「{fromZh}」状态，不能执行「{eventZh}」',
    en: 'The case is {from}; "{event}" is not allowed from that state',
  },
  invalid_case_event: { status: 400, zh: '操作无效：{reason}', en: 'Invalid action: {reason}' },
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
    zh: '类别附加信息「{field}」{problem}',
    en: 'Category field "{field}": {problem}',
  },
  handler_invalid: { status: 400, zh: '办理对象无效：{reason}', en: 'Invalid handler: {reason}' },
  classifier_empty_text: { status: 400, zh: '请输入要归类的文字', en: 'Give some text to classify' },
  classifier_unavailable: {
    status: 503,
    zh: '自动归类暂不可用，请手动选择类别（{reason}）',
    en: 'Automatic classification is unavailable; choose the category by hand ({reason})',
  },
  photo_invalid: {
    status: 400,
    zh: '图片无效：{reason}（支持 JPEG、PNG、WebP，单张不超过 10 MB）',
    en: 'Invalid photo: {reason} (JPEG, PNG or WebP, at most 10 MB each)',
  },
  photo_limit: { status: 409, zh: '每个环节最多 {max} 张图片', en: 'At most {max} photos per step' },
  points_invalid_amount: {
    status: 400,
    zh: '积分数量必须是正整数：{value}',
    en: 'Points must be a positive whole number: {value}',
  },
  points_insufficient: {
    status: 409,
    zh: '积分不足：需要 {required} 分，当前余额 {balance} 分',
    en: 'Not enough points: {required} needed, balance {balance}',
  },
  points_out_of_stock: { status: 409, zh: '「{item}」库存不足', en: 'Out of stock: "{item}"' },
  points_limit_reached: {
    status: 409,
    zh: '「{item}」每人限兑 {limit} 件，您已兑换 {used} 件',
    en: 'Limit reached: "{item}" is limited to {limit} per person; you have {used}',
  },
  points_item_unavailable: {
    status: 409,
    zh: '该物品已下架或不在您所在村（社区）、镇的积分超市',
    en: 'This item is withdrawn or not offered to your village or town',
  },
  points_cap_reached: {
    status: 409,
    zh: '已达到该积分项目的{period}上限（{cap} 分）',
    en: 'The {periodEn} cap of this item ({cap} points) has been reached',
  },
  points_amount_reason_required: {
    status: 400,
    zh: '分值 {amount} 与规则分值（{ruleAmount} 分）不同，须填写调整理由',
    en: 'The amount {amount} differs from the rule’s ({ruleAmount} points): give a reason for it',
  },
  points_amount_over_award_cap: {
    status: 400,
    zh: '单笔分值不得超过规则分值的 {factor} 倍（{cap} 分），申报了 {amount} 分',
    en: 'One award may be at most {factor} times the rule’s amount ({cap} points); {amount} was asked',
  },
  points_amount_over_period_cap: {
    status: 409,
    zh: '此人本月调整分值合计不得超过 {cap} 分（已有 {used} 分，本次 {amount} 分）',
    en: 'Adjusted amounts for this person may total at most {cap} points a month ({used} already, {amount} now)',
  },
  points_self_dealing: {
    status: 403,
    zh: '不能为本人或同户家庭成员办理积分事项（{actionZh}）',
    en: 'You cannot {action} for yourself or a member of your household',
  },
  points_second_person_required: {
    status: 403,
    zh: '{roleZh}不能再{actionZh}这笔积分：须由另一名工作人员办理',
    en: 'As its {role} you cannot also {action} this award: a second person must',
  },
  points_objection_not_allowed: {
    status: 403,
    zh: '只有本村（社区）居民或管辖该村的工作人员可以对这笔积分提出异议',
    en: 'Only residents of the award’s village or staff whose scope covers it may object',
  },
  points_place_not_requested: {
    status: 409,
    zh: '此人没有申请把积分超市所属地改为 {code}',
    en: 'This person has not asked to make {code} their shop place',
  },
  points_rule_backdated: {
    status: 400,
    zh: '积分规则的生效时间不能早于现在（{effectiveFrom}）：规则不溯及既往',
    en: 'A rule cannot take effect in the past ({effectiveFrom}); rules never apply backwards',
  },
  points_unknown_rule: {
    status: 400,
    zh: '此处没有生效的积分项目：{code}',
    en: 'No points rule {code} is in force here',
  },
  points_award_step_not_allowed: {
    status: 409,
    zh: '积分申报当前为「{fromZh}」，不能执行「{actionZh}」',
    en: 'The award is {from}; "{action}" is not allowed from that state',
  },
  points_objection_closed: {
    status: 409,
    zh: '公示期已结束，不能再提出异议',
    en: 'The publicity period is over; objections are closed',
  },
  points_reservation_closed: {
    status: 409,
    zh: '该兑换已{stateZh}，不能再操作',
    en: 'This redemption is already {state}',
  },
  pickup_code_unknown: {
    status: 404,
    zh: '取货码 {code} 不存在或不属于您负责的积分超市（还可尝试 {remaining} 次）',
    en: 'Pickup code {code} is unknown or not for your shop ({remaining} attempts left)',
  },
  pickup_code_expired: {
    status: 410,
    zh: '取货码 {code} 已失效：该兑换{stateZh}',
    en: 'Pickup code {code} is no longer valid: the redemption is {state}',
  },
  pickup_desk_locked: {
    status: 423,
    zh: '取货码连续错误次数过多，兑换台已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong pickup codes in a row; the desk is locked for {minutes} minutes',
  },
  internal: {
    status: 500,
    zh: '服务器内部错误，已记录，请稍后再试',
    en: 'Internal error; it has been logged, please try again later',
  },
  // ---- Open311 GeoReport v2 (issue 12, h-cases): the problems an Open311 client is told, in the spec's
  // error list `[{code, description}]` (code = the HTTP status below: 400, 403 or 404) ----
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
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** An error whose message is already written for the person at the terminal (zh + en): shown as is. */
export class OperatorError extends Error {}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

function fill(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (details[k] === undefined ? '' : String(details[k])));
}

export function errorMessage(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): string {
  const spec: ErrorSpec = ERRORS[code];
  return fill(lang === 'en' ? spec.en : spec.zh, details);
}

/** The one error body: `{code, message, details}`. */
export function errorBody(err: AppError, lang: Lang) {
  return { code: err.code, message: errorMessage(err.code, lang, err.details), details: err.details };
}

/** zh-CN unless the client prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.tag)
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('zh')) return 'zh-CN';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Domain results: expected failures are values, not exceptions. */
export type Result<T, C extends ErrorCode = ErrorCode> =
  | { ok: true; value: T }
  | { ok: false; code: C; details?: Record<string, unknown> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <C extends ErrorCode>(code: C, details?: Record<string, unknown>): Result<never, C> => ({
  ok: false,
  code,
  details,
});

/** Unwraps a domain result in a service: a failure becomes an AppError. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new AppError(r.code, r.details);
}
