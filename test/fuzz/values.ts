/**
 * Hostile values for the fuzz suite: text the database or a parser may refuse, boundary numbers,
 * wrong types, deep and large JSON, hostile path segments; and a URL encoder that can carry them.
 */
import fc from 'fast-check';

/** Strings that have broken servers: invalid text, metacharacters, direction marks, emoji. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udfff\ud800',
  '😀',
  '👨‍👩‍👧‍👦'.repeat(20),
  '\u202e\u202dabc\u200f',
  '\u200b\ufeff',
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '"',
  "'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00',
  '%ZZ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  'true',
  '[]',
  '{}',
  'A'.repeat(300),
  '汉'.repeat(3000),
  '😀'.repeat(1001),
  '\r\nX-Injected: 1',
  '\u0001\u001f\u007f',
  '\ufffd',
  '\uffff',
];

/** Numbers at and past every edge a column or a parser has. */
// Literals past double precision are the point (what a parser does with them).
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e-320,
  2147483647,
  2147483648,
  -2147483649,
  9007199254740991,
  // biome-ignore lint/correctness/noPrecisionLoss: deliberate
  9007199254740993,
  // biome-ignore lint/correctness/noPrecisionLoss: deliberate
  9223372036854775807,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Path segments sent as they are (already encoded or deliberately broken). */
export const HOSTILE_RAW_SEGMENTS: readonly string[] = [
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%00',
  'a%00b',
  '%ZZ',
  '%',
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  '%F0%9F%98%80',
  '%E2%80%AE',
  '%27%20OR%201%3D1--',
  '%3Cscript%3E',
  '1'.repeat(5000),
  'a'.repeat(70_000),
  '-1',
  '0',
  '99999999999999999999999999',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '00000000-0000-0000-0000-00000000000g',
  '421081%00',
  '421081%20',
];

/** Percent-encodes like encodeURIComponent, but also lone surrogates (as their WTF-8 bytes). */
export function encodePart(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
      } else out += encodeURIComponent(ch);
    }
    return out;
  }
}

const JSON_ESCAPED_SURROGATE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g;

/** True when text holds a NUL or a lone surrogate (raw, JSON-escaped or percent-encoded): issue #10 item 2. */
export function hasInvalidText(s: string): boolean {
  return withoutInvalidText(s) !== s;
}

export const hostileText = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('\u0000', '\ud800', '😀', '\u202e'), fc.string({ maxLength: 20 }))
        .map(([a, b]) => `${b}${a}${b}`),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)) },
  );

/** Values of any JSON type, for a field that expects another. */
export const wrongType = () =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...HOSTILE_NUMBERS),
    hostileText(),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.constant({ __proto__x: 1, constructor: { prototype: { polluted: true } } }),
  );

/** Deeply nested or very large JSON. */
export const hugeJson = () =>
  fc.oneof(
    fc.integer({ min: 100, max: 1_500 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown),
    fc.integer({ min: 100, max: 800 }).map((d) => {
      let v: unknown = 1;
      for (let i = 0; i < d; i++) v = { a: v };
      return v;
    }),
    fc.integer({ min: 1_000, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
    fc
      .integer({ min: 100, max: 5_000 })
      .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  );

/** The same text with every NUL and lone surrogate (raw, JSON-escaped or percent-encoded) replaced by "x". */
export function withoutInvalidText(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL characters is the point
      .replace(/\u0000|%00|\\u0000/gi, 'x')
      .replace(/%ED%[AB][0-9A-F]%[89AB][0-9A-F]/gi, 'x')
      .replace(JSON_ESCAPED_SURROGATE, 'x') // JSON.stringify escapes only lone surrogates
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, 'x')
  );
}

const POISON = ['\u0000', '\ud800', '\udfff', '\u0000\ud800'];

/** A valid value with one of its strings poisoned by a NUL byte or a lone surrogate (issue #10 item 2). */
export function poisonOneString(v: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (x: unknown, at: (string | number)[]) => {
    if (typeof x === 'string') paths.push(at);
    else if (Array.isArray(x))
      x.forEach((y, i) => {
        walk(y, [...at, i]);
      });
    else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, [...at, k]);
  };
  walk(v, []);
  if (!paths.length) return fc.constant(v);
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...POISON), fc.nat()).map(([path, bad, pos]) => {
    const copy = structuredClone(v) as Record<string | number, unknown>;
    const set = (s: string) => {
      const i = pos % (s.length + 1);
      return s.slice(0, i) + bad + s.slice(i);
    };
    if (!path.length) return set(copy as unknown as string);
    let o = copy;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    o[last] = set(o[last] as string);
    return copy;
  });
}
