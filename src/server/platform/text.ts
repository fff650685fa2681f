/**
 * Text the database can store, and cutting text without splitting a character. Pure.
 *
 * PostgreSQL refuses NUL in text and jsonb, and UTF-8 cannot carry a lone UTF-16 surrogate (the
 * drivers send U+FFFD in its place; jsonb refuses the `\ud800` escape). Input with either is
 * refused at the edge (the HTTP hook in http/validation.ts, sheet cells, CLI input); what is
 * recorded whatever it holds (the audit trail) is first made storable, so that what is hashed is
 * exactly what is stored.
 */
import { AppError } from './errors';

export type TextProblem = 'nul' | 'lone_surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\0|${LONE_SURROGATE.source}`, 'g');

export function textProblem(s: string): TextProblem | null {
  if (s.includes('\0')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'lone_surrogate' : null;
}

/** The text as the database would keep it: well-formed (String.prototype.toWellFormed), no NUL; both become U+FFFD. */
export function storableText(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD');
}

/**
 * A JSON value exactly as it comes back from a jsonb (or text) column: through JSON (dates become
 * ISO strings, undefined fields go, NaN becomes null, toJSON applies) with storable text in every
 * string and key.
 */
export function storableJson<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value), function (this: unknown, key: string, v: unknown) {
    if (typeof v === 'string') return storableText(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v);
      if (entries.some(([k]) => textProblem(k)))
        return Object.fromEntries(entries.map(([k, x]) => [storableText(k), x]));
    }
    return v;
  }) as T;
}

export interface FieldProblem {
  /** Where: `body.extra.note`, `query.q`, `params.id`, `body.items.2`. */
  field: string;
  problem: TextProblem | 'not_finite' | 'out_of_range' | 'too_long';
}

/** The 400 for a field problem: `text_invalid` for text, `validation_failed` otherwise; both name the field. */
export function fieldProblemError(p: FieldProblem): AppError {
  if (p.problem === 'nul' || p.problem === 'lone_surrogate')
    return new AppError('text_invalid', { field: p.field, problem: p.problem });
  const problem = p.problem.replace(/_/g, ' ');
  return new AppError('validation_failed', { summary: `${p.field} ${problem}`, fields: [{ field: p.field, problem }] });
}

/** A key or value shown in an error: NUL and lone surrogates spelled as escapes, cut to 40 characters. */
export function displayText(s: string): string {
  return cutText(
    s.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    40,
  );
}

/** Objects that are not text to walk: bytes, streams, dates. (Parsed query strings and params are objects with a bare prototype: walked.) */
const isOpaque = (v: object) =>
  ArrayBuffer.isView(v) ||
  v instanceof ArrayBuffer ||
  v instanceof Date ||
  typeof (v as { pipe?: unknown }).pipe === 'function';

/**
 * The first string (value or key) the database cannot store, at any depth of arrays and objects
 * (buffers, streams and dates are not text and are skipped; cycles are walked once). With `numbers`, a
 * non-finite number (NaN, ±Infinity: JSON turns them into null) is a problem too.
 */
export function findUnstorable(value: unknown, path: string, opts: { numbers?: boolean } = {}): FieldProblem | null {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string): FieldProblem | null => {
    if (typeof v === 'string') {
      const problem = textProblem(v);
      return problem ? { field: at, problem } : null;
    }
    if (typeof v === 'number') return opts.numbers && !Number.isFinite(v) ? { field: at, problem: 'not_finite' } : null;
    if (!v || typeof v !== 'object' || seen.has(v)) return null;
    if (isOpaque(v)) return null;
    seen.add(v);
    for (const [k, x] of Object.entries(v)) {
      const problem = textProblem(k);
      const here = at ? `${at}.${displayText(k)}` : displayText(k);
      if (problem) return { field: here, problem };
      const found = walk(x, here);
      if (found) return found;
    }
    return null;
  };
  return walk(value, path);
}

let graphemes: Intl.Segmenter | undefined;

/**
 * The longest start of `s` of at most `max` code points (what PostgreSQL and JSON Schema count)
 * that ends on a grapheme boundary, so no character (emoji, 𠮷, a letter with its accents) is
 * split. Only when a single grapheme is longer than `max` is it cut between code points.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s; // UTF-16 units ≥ code points: already short enough
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let points = 0;
  for (const { segment } of graphemes.segment(s)) {
    const n = codePoints(segment);
    if (points + n > max) break;
    out += segment;
    points += n;
  }
  return out || Array.from(s).slice(0, max).join('');
}

/** Length in code points (so 𠮷 counts once). */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** cutText for an optional value. */
export const cutOptional = (s: string | undefined, max: number): string | undefined =>
  s === undefined ? undefined : cutText(s, max);
