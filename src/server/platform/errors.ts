/**
 * One error type for the whole server. Domain code returns failures as values; services turn them
 * into AppError with a code; the HTTP layer maps the code to a status and a zh-CN / en message.
 *
 * Each code is declared once, by its owner: the platform's own codes are below; a module declares
 * its codes in `<module>.errors.ts` with `defineErrors` (which registers them) and adds them to the
 * `ErrorCodes` interface by declaration merging, so `ErrorCode` stays one compile-time union. The
 * module's manifest lists the table, so every entry point that assembles the modules (app, workers,
 * CLI) registers every code before it can be thrown.
 */
export type Lang = 'zh-CN' | 'en';

export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

/** The platform's error codes (a module's own codes live in the module). `{name}` placeholders are filled from `details`. */
export const PLATFORM_ERRORS = {
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
    zh: '提交的内容无法保存：{reasonZh}',
    en: 'The submitted content cannot be stored: {reasonEn}',
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
  cross_site_request: {
    status: 403,
    zh: '请求来源不被接受（跨站请求）',
    en: 'The request was refused: it does not come from this site',
  },
  invalid_phone: { status: 400, zh: '手机号码格式不正确：{phone}', en: 'Not a valid mobile phone number: {phone}' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  database_unavailable: {
    status: 503,
    zh: '数据库暂时不可用，请稍后再试',
    en: 'The database is unavailable; please try again shortly',
  },
  conflict: { status: 409, zh: '操作冲突：{reasonZh}', en: 'Conflict: {reasonEn}' },
  duplicate_write: {
    status: 409,
    zh: '同样的记录刚刚已经保存（可能是重复提交），请刷新后查看',
    en: 'The same record was saved a moment ago (perhaps submitted twice); reload to see it',
  },
  internal: {
    status: 500,
    zh: '服务器内部错误，已记录，请稍后再试',
    en: 'Internal error; it has been logged, please try again later',
  },
} satisfies Record<string, ErrorSpec>;

type PlatformErrors = typeof PLATFORM_ERRORS;

/**
 * Every error code the API can return: the platform's, and each module's merged in by its
 * `<module>.errors.ts` (`declare module '…/platform/errors' { interface ErrorCodes extends … {} }`).
 */
export interface ErrorCodes extends PlatformErrors {}

export type ErrorCode = keyof ErrorCodes & string;

const REGISTRY = new Map<string, ErrorSpec>(Object.entries(PLATFORM_ERRORS));

/**
 * Registers a module's error codes (called by its `<module>.errors.ts` when loaded) and returns the
 * table unchanged. A code declared twice with a different meaning is a programming error.
 */
export function defineErrors<T extends Record<string, ErrorSpec>>(table: T): T {
  for (const [code, spec] of Object.entries(table)) {
    const known = REGISTRY.get(code);
    if (known && (known.status !== spec.status || known.zh !== spec.zh || known.en !== spec.en))
      throw new Error(`error code ${code} is declared twice`);
    REGISTRY.set(code, spec);
  }
  return table;
}

/** The spec of a registered code; undefined for a string that is not one. */
export function errorSpec(code: string): ErrorSpec | undefined {
  return REGISTRY.get(code);
}

/** Every registered code (the platform's and those of the modules loaded so far). */
export function registeredErrorCodes(): string[] {
  return [...REGISTRY.keys()];
}

/** A code thrown before its module registered it: answered as an internal error, never silently. */
function specOf(code: string): ErrorSpec {
  return REGISTRY.get(code) ?? { ...PLATFORM_ERRORS.internal, en: `${PLATFORM_ERRORS.internal.en} (${code})` };
}

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
    return specOf(this.code).status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

function fill(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (details[k] === undefined ? '' : String(details[k])));
}

export function errorMessage(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): string {
  const spec = specOf(code);
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
