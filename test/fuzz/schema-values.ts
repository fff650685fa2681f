/** fast-check arbitraries from JSON schemas: valid-ish values and hostile ones. */
import fc from 'fast-check';
import type { Schema } from './openapi';
import { HOSTILE_NUMBERS, hostileText, hugeJson, poisonOneString, wrongType } from './values';

/** Strings the server knows (ids, codes, case numbers), learnt from its own answers; also by field name. */
export interface Pool {
  all: readonly string[];
  byName: Readonly<Record<string, readonly string[]>>;
}

const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

function fromPool(values: readonly string[], s: Schema): fc.Arbitrary<string> | null {
  const re = s.pattern ? new RegExp(s.pattern) : null;
  const fits = values.filter(
    (v) =>
      (!re || re.test(v)) &&
      (s.format !== 'uuid' || /^[0-9a-f-]{36}$/.test(v)) &&
      v.length <= (s.maxLength ?? Infinity) &&
      v.length >= (s.minLength ?? 0),
  );
  return fits.length ? fc.constantFrom(...fits) : null;
}

function validString(s: Schema, pool: Pool, name?: string): fc.Arbitrary<string> {
  const named = name ? fromPool(pool.byName[name] ?? [], s) : null;
  if (named) return fc.oneof({ weight: 1, arbitrary: validString(s, pool) }, { weight: 3, arbitrary: named });
  const known = fromPool(pool.all, s);
  let made: fc.Arbitrary<string>;
  if (s.pattern) made = fc.stringMatching(new RegExp(s.pattern));
  else if (s.format === 'uuid') made = fc.uuid();
  else if (s.format === 'date-time')
    made = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  else {
    const minLength = s.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 24, 24));
    made = fc.oneof(
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
      fc
        .constantFrom('路灯不亮了，晚上很黑', '小区门口垃圾堆积', 'Test@2026pw', '13911112222', '421081', '01037')
        .filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity)),
    );
  }
  return known ? fc.oneof(made, known) : made;
}

/** Numbers that usually make sense for a field of this name: points in the county (石首市). */
const NEAR: Record<string, number> = { lng: 112.419609, long: 112.419609, lat: 29.723349 };

function numberIn(s: Schema, integer: boolean, name?: string): fc.Arbitrary<number> {
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : (s.minimum ?? -1000);
  const max = s.maximum ?? Math.max(min + 1000, 1000);
  const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (integer) return whole;
  const any = fc.oneof(whole, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
  const near = name !== undefined ? NEAR[name] : undefined;
  return near === undefined
    ? any
    : fc.oneof(
        { weight: 1, arbitrary: any },
        { weight: 3, arbitrary: fc.double({ min: near - 0.005, max: near + 0.005, noNaN: true }) },
      );
}

function objectOf(
  s: Schema,
  value: (p: Schema, name?: string) => fc.Arbitrary<unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, value(p, k)]));
  const record = fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
  if (typeof s.additionalProperties !== 'object') return record;
  const extra = fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), value(s.additionalProperties), { maxKeys: 3 }) },
  );
  return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
}

/** A value the schema accepts (the server may still refuse it for business reasons). */
export function validValue(s: Schema, pool: Pool, name?: string): fc.Arbitrary<unknown> {
  if (s.anyOf?.length) return fc.oneof(...s.anyOf.map((x) => validValue(x, pool, name)));
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (typeOf(s)) {
      case 'string':
        return validString(s, pool, name);
      case 'integer':
        return numberIn(s, true, name);
      case 'number':
        return numberIn(s, false, name);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(validValue(s.items ?? {}, pool), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case 'object':
        return objectOf(s, (p, k) => validValue(p, pool, k));
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable || (Array.isArray(s.type) && s.type.includes('null'))
    ? fc.option(base, { nil: null, freq: 5 })
    : base;
}

/** Values just inside and just outside the schema's bounds. */
function boundary(s: Schema): fc.Arbitrary<unknown> {
  const t = typeOf(s);
  if (t === 'string') {
    const max = s.maxLength ?? 1000;
    const min = s.minLength ?? 0;
    return fc.constantFrom(
      'x'.repeat(max + 1),
      '😀'.repeat(max),
      '😀'.repeat(max + 1),
      'e\u0301'.repeat(Math.ceil(max / 2)),
      'x'.repeat(Math.max(0, min - 1)),
      '汉'.repeat(max),
      ' '.repeat(max),
    );
  }
  if (t === 'integer' || t === 'number') {
    const edges = [s.minimum, s.maximum, s.exclusiveMinimum]
      .filter((x): x is number => x !== undefined)
      .flatMap((x) => [x - 1, x, x + 1, x + 0.5]);
    return fc.constantFrom(...edges, ...HOSTILE_NUMBERS);
  }
  if (t === 'array')
    return fc
      .integer({ min: (s.maxItems ?? 100) + 1, max: (s.maxItems ?? 100) + 50 })
      .map((n) => Array.from({ length: n }, () => 'x'));
  return wrongType();
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '\u0000',
  '\ud800',
  'x'.repeat(500),
  '',
  'id',
  'userId',
  'createdBy',
  'state',
  'role',
];

/** A value that may break the schema anywhere: boundaries, invalid text, wrong types, extra or missing fields. */
export function hostileValue(s: Schema, pool: Pool, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const t = typeOf(s);
  const inner = (p: Schema, k?: string) => hostileValue(p, pool, depth + 1, k);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (t === 'object' && s.properties && Object.keys(s.properties).length) {
      const names = Object.keys(s.properties);
      const valid = validValue(s, pool) as fc.Arbitrary<Record<string, unknown>>;
      const extraKey = fc.tuple(fc.constantFrom(...HOSTILE_KEYS), wrongType());
      return fc.oneof(
        // one field hostile, the others valid: reaches the code behind validation
        {
          weight: 6,
          arbitrary: fc
            .constantFrom(...names)
            .chain((name) => fc.tuple(valid, inner(s.properties![name], name)).map(([o, v]) => ({ ...o, [name]: v }))),
        },
        { weight: 2, arbitrary: objectOf(s, inner) },
        {
          weight: 1,
          arbitrary: fc.tuple(valid, fc.constantFrom(...(s.required?.length ? s.required : names))).map(([o, k]) => {
            const out = { ...o };
            delete out[k];
            return out;
          }),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(valid, extraKey)
            .map(([o, [k, v]]) =>
              Object.defineProperty({ ...o }, k, { value: v, enumerable: true, writable: true, configurable: true }),
            ),
        },
      );
    }
    if (t === 'array') return fc.array(inner(s.items ?? {}), { maxLength: 4 });
    return fc.constant(undefined);
  })();
  const options: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 3, arbitrary: validValue(s, pool, name) },
    // a whole body of the wrong type is one case, not a third of them
    { weight: depth === 0 ? 1 : 2, arbitrary: boundary(s) },
    { weight: depth === 0 ? 1 : 2, arbitrary: wrongType() },
  ];
  if (t === 'string' || !t) options.push({ weight: 5, arbitrary: hostileText() });
  if (t === 'object' || t === 'array') options.push({ weight: 6, arbitrary: shaped });
  if (depth > 0) options.push({ weight: 1, arbitrary: fc.constant(undefined) });
  if (depth === 1) options.push({ weight: 1, arbitrary: hugeJson() });
  return fc.oneof(...options);
}

/** Paths of the free-text strings of an object schema (no enum, pattern or format): where people type. */
function freeTextPaths(s: Schema, at: string[] = [], depth = 0): string[][] {
  if (depth > 4) return [];
  if (s.anyOf) return s.anyOf.flatMap((x) => freeTextPaths(x, at, depth + 1));
  const t = typeOf(s);
  if (t === 'string' && !s.enum && !s.pattern && !s.format) return [at];
  if (t === 'object')
    return Object.entries(s.properties ?? {}).flatMap(([k, p]) => freeTextPaths(p, [...at, k], depth + 1));
  return [];
}

/** A valid value with a NUL byte or a lone surrogate typed into one of its free-text fields. */
export function poisonedValue(s: Schema, pool: Pool): fc.Arbitrary<unknown> {
  const paths = freeTextPaths(s).filter((p) => p.length > 0);
  if (!paths.length) return validValue(s, pool).chain(poisonOneString);
  return fc
    .tuple(
      validValue(s, pool),
      fc.constantFrom(...paths),
      fc.string({ minLength: 1, maxLength: 12 }).chain(poisonOneString),
    )
    .map(([v, path, bad]) => {
      const out = (v && typeof v === 'object' ? structuredClone(v) : {}) as Record<string, unknown>;
      let o = out;
      for (const k of path.slice(0, -1))
        o = (o[k] && typeof o[k] === 'object' ? o[k] : (o[k] = {})) as Record<string, unknown>;
      o[path[path.length - 1]] = bad;
      return out;
    });
}
