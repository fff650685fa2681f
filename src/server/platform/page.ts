/**
 * Keyset pagination, the one way every list pages: a page is `{items, next, more}`. `next` is an
 * opaque cursor (the sort key of the last item, base64url JSON); the client sends it back as
 * `cursor` to get the rows after it. No offsets, no silent caps: `more` says whether rows remain.
 *
 * A repo reads `limit + 1` rows ordered by its key, `WHERE (k1, k2) < ($1, $2)` (or `>`) when a
 * cursor is given, and hands them to `pageOf`.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { AppError } from './errors';
import { textProblem } from './text';

export interface Page<T> {
  items: T[];
  /** cursor of the next page, null on the last page */
  next: string | null;
  more: boolean;
}

/** Query fields of a paged list (spread into the route's querystring object). */
export const PageQueryFields = {
  cursor: Type.Optional(
    Type.String({ maxLength: 400, description: 'the `next` of the previous page; omitted for the first page' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'rows per page' })),
};

/** The querystring of a list that takes nothing but its page. */
export const PageQuery = Type.Object(PageQueryFields, { additionalProperties: false });
/** Which page of a list: the previous page's `next` as cursor (none for the first) and its size. */
export type PageRequest = Static<typeof PageQuery>;

export const DEFAULT_PAGE_LIMIT = 50;

/** The response schema of a page of `item`. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    next: Type.Union([Type.String(), Type.Null()], { description: 'cursor of the next page; null on the last' }),
    more: Type.Boolean({ description: 'whether rows remain after this page' }),
  });

/** A key value a cursor carries: what a sort column holds. Dates travel as ISO strings. */
export type KeyValue = string | number | null;
export type KeyKind = 'string' | 'number' | 'date' | 'nullable-string' | 'nullable-number' | 'nullable-date';

export function encodeCursor(key: readonly (KeyValue | Date)[]): string {
  const plain = key.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64url');
}

/**
 * The key a cursor carries, checked against the list's key shape; anything else (another list's
 * cursor, a hand-edited one) is a 400 `cursor_invalid`, never a 500.
 */
export function decodeCursor(cursor: string, kinds: readonly KeyKind[]): KeyValue[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('alphabet');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('cursor_invalid', { field: 'cursor' });
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length || !parsed.every((v, i) => fits(v, kinds[i])))
    throw new AppError('cursor_invalid', { field: 'cursor' });
  return parsed as KeyValue[];
}

function fits(v: unknown, kind: KeyKind): boolean {
  if (v === null) return kind.startsWith('nullable');
  switch (kind) {
    case 'string':
    case 'nullable-string':
      // a key the database could not even compare (NUL, a lone surrogate) is as forged as any other
      return typeof v === 'string' && v.length <= 200 && textProblem(v) === null;
    case 'number':
    case 'nullable-number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'date':
    case 'nullable-date':
      return typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v));
  }
}

/** A page from `limit + 1` rows read in key order: the extra row only says that more remain. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (KeyValue | Date)[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, more, next: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Maps a page's items (repo rows → views) keeping its cursor. */
export const mapPage = <T, U>(page: Page<T>, fn: (item: T) => U): Page<U> => ({ ...page, items: page.items.map(fn) });
