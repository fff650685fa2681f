/**
 * The API client of both web apps: JSON over fetch, same-origin cookie session, UI language sent
 * along, and X-Requested-With on every request (the server refuses a state-changing request that
 * carries the session cookie but neither a same-site Origin nor this header: CSRF).
 */
import type { ErrorCode } from '../../src/server/platform/errors';
import { currentLang } from './i18n';
import { takeEarly } from './early';

/** What an ApiError's code can be: one of the server's error codes, or the client's own two. */
export type ApiErrorCode = ErrorCode | 'http_error' | 'network_error';

/** A server error `{code, message, details}`; `message` is already in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: unknown = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean "no usable session": the app goes to its sign-in page and shows the message. */
export const SIGNED_OUT_CODES: readonly ApiErrorCode[] = ['unauthenticated', 'session_expired'];

type SignedOutHandler = (error: ApiError) => void;
let onSignedOut: SignedOutHandler | null = null;

/** The app registers what to do when any request finds the session gone. */
export function setSignedOutHandler(handler: SignedOutHandler | null): void {
  onSignedOut = handler;
}

/** Query fields; a list repeats its field (`state=a&state=b`). */
export type Query = Record<string, string | number | readonly string[] | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const one of v) q.append(k, String(one));
    else if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: ErrorCode; message?: string; details?: unknown };
    return new ApiError(res.status, body.code ?? 'http_error', body.message ?? res.statusText, body.details);
  } catch {
    const message = currentLang() === 'en' ? `Request failed (HTTP ${res.status})` : `请求失败（HTTP ${res.status}）`;
    return new ApiError(res.status, 'http_error', message);
  }
}

/** A raw body (a file upload) with its content type, sent as is. */
export interface RawBody {
  raw: Blob | ArrayBuffer;
  contentType: string;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  let res: Response;
  const raw =
    body !== null && typeof body === 'object' && 'raw' in body && 'contentType' in body ? (body as RawBody) : null;
  const contentType: Record<string, string> = raw
    ? { 'Content-Type': raw.contentType }
    : body === undefined
      ? {}
      : { 'Content-Type': 'application/json' };
  try {
    res = await (takeEarly(method === 'GET' && !query ? path : '') ??
      fetch(withQuery(path, query), {
        method,
        credentials: 'same-origin',
        headers: {
          'Accept-Language': currentLang(),
          Accept: 'application/json',
          'X-Requested-With': 'cocreate',
          ...contentType,
          ...extraHeaders,
        },
        body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'network_error', currentLang() === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  if (res.ok) return res;
  const error = await toApiError(res);
  if (res.status === 401 && SIGNED_OUT_CODES.includes(error.code)) onSignedOut?.(error);
  throw error;
}

async function json<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await send(method, path, body, query, headers);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => json<T>('GET', path, undefined, query),
  post: <T = void>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  /** POST with extra headers (e.g. Idempotency-Key) and a query string. */
  postWith: <T>(path: string, body: unknown, headers: Record<string, string>, query?: Query) =>
    json<T>('POST', path, body, query, headers),
  /** Uploads a file as the raw request body (xlsx/csv registers, case photos). */
  upload: <T>(path: string, file: Blob | ArrayBuffer, contentType: string, query?: Query) =>
    json<T>('POST', path, { raw: file, contentType } satisfies RawBody, query),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  delete: (path: string) => json<void>('DELETE', path),
  /** Downloads a file (e.g. an xlsx ledger) and saves it under the server's or the given file name. */
  async download(path: string, query: Query, fallbackName: string): Promise<void> {
    const res = await send('GET', path, undefined, query);
    const disposition = res.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const name = match ? decodeURIComponent(match[1] ?? match[2]) : fallbackName;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
