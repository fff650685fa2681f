/**
 * What Open311 clients send (form-encoded or JSON bodies, query strings) read into typed inputs,
 * and our errors turned into the spec's error list. Pure: failures are Result values.
 */
import { AppError, type ErrorCode, errorMessage, fail, type Lang, ok, type Result } from '../../platform/errors';
import type { ExtraField } from '../cases';
import { cutOptional } from '../../platform/text';

// ---- errors ---------------------------------------------------------------------------------

/** An Open311 problem: its code in the one error map (platform/errors.ts, the `open311_` block). */
export type Open311Problem = Extract<ErrorCode, `open311_${string}`> extends `open311_${infer P}` ? P : never;

/** An Open311 problem as a Result failure (for pure code) … */
export function problem(p: Open311Problem, details: Record<string, unknown> = {}): Result<never> {
  return fail(`open311_${p}`, details);
}

/** … or as the AppError a service throws. */
export function open311Error(p: Open311Problem, details: Record<string, unknown> = {}): AppError {
  return new AppError(`open311_${p}`, details);
}

/** The spec's statuses for our other errors: 403 for who may not, 404 for what does not exist, 400 otherwise. */
const SPEC_STATUS: Partial<Record<ErrorCode, number>> = {
  unauthenticated: 403,
  session_expired: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
};

/** Any AppError as the spec's error list, its description the error map's message (zh-CN or en). */
export function presentError(
  err: AppError,
  lang: Lang,
): { status: number; errors: Array<{ code: number; description: string }> } {
  if (err.code === 'unknown_category') return presentError(open311Error('service_not_found', err.details), lang);
  const status = err.code.startsWith('open311_')
    ? err.status
    : (SPEC_STATUS[err.code] ??
      ([413, 415, 429, 500, 503].includes(err.status) ? err.status : err.status >= 500 ? 500 : 400));
  return { status, errors: [{ code: status, description: errorMessage(err.code, lang, err.details) }] };
}

// ---- fields ---------------------------------------------------------------------------------

export interface Fields {
  get(name: string): string | undefined;
  attributes: Record<string, string | string[]>;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return text(v[0]);
  return typeof v === 'object' ? undefined : String(v);
}

function textList(v: unknown): string | string[] | undefined {
  if (Array.isArray(v)) return v.map(text).filter((x): x is string => x !== undefined);
  return text(v);
}

/** One view over a form-encoded or JSON body and the query string (the body wins). */
export function readFields(body: unknown, query: unknown): Fields {
  const sources = [body, query].filter(
    (s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s),
  );
  const attributes: Record<string, string | string[]> = {};
  for (const src of [...sources].reverse()) {
    for (const [k, v] of Object.entries(src)) {
      const m = ATTRIBUTE.exec(k);
      const value = textList(v);
      if (m && value !== undefined) attributes[m[1]] = m[2] ? ([] as string[]).concat(value) : value;
    }
    if (src.attribute && typeof src.attribute === 'object' && !Array.isArray(src.attribute)) {
      for (const [k, v] of Object.entries(src.attribute)) {
        const value = textList(v);
        if (value !== undefined) attributes[k] = value;
      }
    }
  }
  return {
    attributes,
    get(name) {
      for (const s of sources) {
        const v = text(s[name])?.trim();
        if (v) return v;
      }
      return undefined;
    },
  };
}

/** `a,b` or repeated parameters → a list. */
export function listParam(v: unknown): string[] {
  const all = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];
  return all
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface CreateInput {
  serviceCode: string;
  lat: number;
  lng: number;
  address?: string;
  description: string;
  title?: string;
  mediaUrl?: string;
}

export const MAX_DESCRIPTION = 4000;

/** POST requests: service_code, lat/long (WGS-84), description. Names, e-mail and phone are not read at all. */
export function parseCreate(f: Fields): Result<CreateInput> {
  const serviceCode = f.get('service_code');
  if (!serviceCode) return problem('service_code_missing');
  const latText = f.get('lat');
  const lngText = f.get('long');
  if (latText === undefined || lngText === undefined) return problem('location_missing');
  const lat = Number(latText);
  const lng = Number(lngText);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    return problem('location_invalid');
  const description = f.get('description');
  if (!description) return problem('description_missing');
  if (description.length > MAX_DESCRIPTION) return problem('description_too_long', { max: MAX_DESCRIPTION });
  const title = f.get('title') ?? text(f.attributes.title)?.trim();
  const mediaUrl = parseMediaUrl(f.get('media_url'));
  if (!mediaUrl.ok) return mediaUrl;
  return ok({
    serviceCode,
    lat,
    lng,
    description,
    address: cutOptional(f.get('address_string'), 200),
    title: cutOptional(title, 60),
    mediaUrl: mediaUrl.value,
  });
}

export const MAX_MEDIA_URL = 1000;

/** media_url: an absolute http(s) URL, kept as a link (never fetched by the server), or nothing. */
export function parseMediaUrl(v: string | undefined): Result<string | undefined> {
  if (v === undefined) return ok(undefined);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return problem('media_url_invalid', { max: MAX_MEDIA_URL });
  }
  if (
    v.length > MAX_MEDIA_URL ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password
  )
    return problem('media_url_invalid', { max: MAX_MEDIA_URL });
  return ok(url.href);
}

const TRUE = ['true', '1', 'yes', 'y', '是'];
const FALSE = ['false', '0', 'no', 'n', '否'];

/**
 * attribute[code]=value → the category's extra fields, typed (numbers and booleans arrive as text).
 * Attributes the category does not define are dropped: clients such as FixMyStreet send their own.
 * Values that do not fit are passed on as they are, so intake names the field in its error.
 */
export function coerceAttributes(
  fields: readonly ExtraField[],
  attrs: Record<string, string | string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = attrs[f.key];
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      out[f.key] = v;
      continue;
    }
    const t = v.trim();
    if (f.type === 'number') out[f.key] = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    else if (f.type === 'boolean')
      out[f.key] = TRUE.includes(t.toLowerCase()) ? true : FALSE.includes(t.toLowerCase()) ? false : t;
    else out[f.key] = t;
  }
  return out;
}

// ---- dates ----------------------------------------------------------------------------------

const W3 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 90;

/** A w3 datetime; without a zone it is read as China Standard Time. */
export function parseW3(field: string, v: string): Result<Date> {
  if (!W3.test(v)) return problem('date_invalid', { field });
  const zoned = /T/.test(v) ? (/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}+08:00`) : `${v}T00:00:00+08:00`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? problem('date_invalid', { field }) : ok(d);
}

/** start_date/end_date: the last 90 days by default; a given range may not span more than 90 days. */
export function dateRange(
  start: string | undefined,
  end: string | undefined,
  now: Date,
): Result<{ start: Date; end: Date }> {
  const s = start ? parseW3('start_date', start) : null;
  if (s && !s.ok) return s;
  const e = end ? parseW3('end_date', end) : null;
  if (e && !e.ok) return e;
  const endAt = e ? e.value : s ? new Date(s.value.getTime() + MAX_RANGE_DAYS * DAY) : now;
  const startAt = s ? s.value : new Date(endAt.getTime() - MAX_RANGE_DAYS * DAY);
  if (startAt > endAt || endAt.getTime() - startAt.getTime() > MAX_RANGE_DAYS * DAY)
    return problem('date_range_invalid');
  return ok({ start: startAt, end: endAt });
}
