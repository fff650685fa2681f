/** One fuzzed HTTP request per draw: actor, path, query, headers and body, all from the operation. */
import fc from 'fast-check';
import type { Operation, Param, Schema } from './openapi';
import { hostileValue, type Pool, poisonedValue, validValue } from './schema-values';
import { encodePart, HOSTILE_RAW_SEGMENTS, hostileText, hugeJson, poisonOneString, wrongType } from './values';

export interface FuzzRequest {
  actor: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface RequestInputs {
  actors: readonly string[];
  pool: Pool;
  /** Header rows of the registers, for CSV uploads. */
  csvHeaders: readonly string[][];
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Field names of the bodies the document does not describe (Open311 forms, uploads). */
const RAW_FIELDS = [
  'api_key',
  'service_code',
  'lat',
  'long',
  'description',
  'address_string',
  'service_request_id',
  'update_id',
  'status',
  'title',
  'attribute[kind]',
  'media_url',
  'email',
  'jurisdiction_id',
  'media',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=FUZZ',
  'application/xml',
  'image/png',
  'image/jpeg',
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '',
  'garbage/;;;',
];

const pathValue = (p: Param, pool: Pool) =>
  fc.oneof(
    { weight: 4, arbitrary: validValue(p.schema, pool, p.name).map((v) => encodePart(String(v))) },
    {
      weight: 2,
      arbitrary: hostileText()
        .filter((s) => s.length > 0 && s.length < 20_000)
        .map(encodePart),
    },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_RAW_SEGMENTS) },
  );

function queryPairs(params: Param[], pool: Pool): fc.Arbitrary<[string, string][]> {
  const one = (p: Param) => {
    const value = fc
      .oneof(
        { weight: 4, arbitrary: validValue(p.schema, pool, p.name) },
        { weight: 1, arbitrary: validValue(p.schema, pool, p.name).map(String).chain(poisonOneString) },
        { weight: 4, arbitrary: hostileValue(p.schema, pool, 1, p.name) },
      )
      .map((v) =>
        (Array.isArray(v) ? v : [v]).map((x): [string, string] => [
          p.name,
          typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x),
        ]),
      );
    return fc.option(value, { nil: [], freq: p.required ? 10 : 2 });
  };
  // fc.option's freq: nil comes 1 time in freq
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'limit', '__proto__', 'q[]', 'a\u0000'), hostileText())
        .map(([k, v]): [string, string][] => [[k, v]]),
    },
  );
  return fc.tuple(...params.map(one), extra).map((lists) => lists.flat());
}

function multipart(fields: [string, string][], file?: { name: string; type: string; data: Buffer }): Buffer {
  const parts: Buffer[] = fields.map(([k, v]) =>
    Buffer.from(`--FUZZ\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--FUZZ\r\nContent-Disposition: form-data; name="media"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from('--FUZZ--\r\n'));
  return Buffer.concat(parts);
}

const rawFieldValue = (pool: Pool) =>
  fc.oneof(
    validValue({ type: 'string' }, pool, 'code').map(String),
    fc.constantFrom('29.723349', '112.419609', '01037', '421081'),
    hostileText(),
  );
const formFields = (pool: Pool) =>
  fc.array(fc.tuple(fc.constantFrom(...RAW_FIELDS), rawFieldValue(pool)), { maxLength: 8 });
const bytes = fc.oneof(
  fc.constant(TINY_PNG),
  fc.constant(TINY_PNG.subarray(0, 20)),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.from('PK\u0003\u0004garbage')),
);

type Body = { contentType?: string; payload?: string | Buffer };

/** Bodies for routes that read the body themselves (Open311 forms, photos, register uploads). */
function rawBody(inputs: RequestInputs): fc.Arbitrary<Body> {
  const { pool, csvHeaders } = inputs;
  const csvRow = fc
    .array(fc.oneof(rawFieldValue(pool), fc.constantFrom('"', '""', '=cmd|x', '+1', '\r')), { maxLength: 8 })
    .map((cells) => cells.join(','));
  const csv = fc
    .tuple(fc.constantFrom(...(csvHeaders.length ? csvHeaders : [['a']])), fc.array(csvRow, { maxLength: 5 }))
    .map(([h, rows]) => [h.join(','), ...rows].join('\r\n'));
  return fc.oneof(
    fc.constant<Body>({}),
    fc.constantFrom(...CONTENT_TYPES).map((contentType): Body => ({ contentType, payload: '' })),
    fc
      .tuple(fc.constantFrom(...CONTENT_TYPES), wrongType())
      .map(([contentType, v]): Body => ({ contentType, payload: JSON.stringify(v) ?? '' })),
    formFields(pool).map(
      (f): Body => ({
        contentType: 'application/x-www-form-urlencoded',
        payload: f.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&'),
      }),
    ),
    formFields(pool).map(
      (f): Body => ({ contentType: 'application/json', payload: JSON.stringify(Object.fromEntries(f)) }),
    ),
    fc
      .tuple(
        formFields(pool),
        fc.option(
          fc.record({
            name: fc.oneof(hostileText(), fc.constant('photo.png')),
            type: fc.constantFrom('image/png', 'text/html', 'application/x-msdownload'),
            data: bytes,
          }),
        ),
      )
      .map(
        ([f, file]): Body => ({
          contentType: 'multipart/form-data; boundary=FUZZ',
          payload: multipart(f, file ?? undefined),
        }),
      ),
    fc
      .tuple(fc.constantFrom('image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'), bytes)
      .map(([contentType, payload]): Body => ({ contentType, payload })),
    fc
      .tuple(fc.constantFrom('text/csv', 'application/octet-stream', 'text/csv; charset=gbk'), csv)
      .map(([contentType, payload]): Body => ({ contentType, payload })),
  );
}

/** Bodies for routes with a JSON schema: valid, hostile, malformed, wrongly typed or labelled. */
function jsonBody(schema: Schema, pool: Pool): fc.Arbitrary<Body> {
  const json = (v: unknown) => JSON.stringify(v) ?? '';
  return fc.oneof(
    {
      weight: 3,
      arbitrary: validValue(schema, pool).map((v): Body => ({ contentType: 'application/json', payload: json(v) })),
    },
    {
      weight: 8,
      arbitrary: hostileValue(schema, pool).map((v): Body => ({ contentType: 'application/json', payload: json(v) })),
    },
    {
      weight: 3,
      arbitrary: poisonedValue(schema, pool).map((v): Body => ({ contentType: 'application/json', payload: json(v) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '[1,',
          '{"a":}',
          'nul',
          '\u0000',
          '{"a":"\\ud800"}',
          '{"a":"\\u0000"}',
          '"x"',
          '123',
          'null',
          '[]',
          '{"__proto__":{"x":1}}',
        )
        .map((payload): Body => ({ contentType: 'application/json', payload })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: 'application/json', payload: '' }) },
    { weight: 1, arbitrary: fc.constant<Body>({}) },
    { weight: 1, arbitrary: hugeJson().map((v): Body => ({ contentType: 'application/json', payload: json(v) })) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).map(
        (a): Body => ({
          contentType: 'application/json',
          payload: Buffer.concat([Buffer.from('{"a":"'), Buffer.from(a), Buffer.from('"}')]),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), validValue(schema, pool))
        .map(([contentType, v]): Body => ({ contentType, payload: json(v) })),
    },
  );
}

export function requestArb(op: Operation, inputs: RequestInputs): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const headerParams = op.params.filter((p) => p.in === 'header');
  const body: fc.Arbitrary<Body> = op.jsonBody
    ? jsonBody(op.jsonBody.schema, inputs.pool)
    : op.rawBody
      ? rawBody(inputs)
      : fc.oneof({ weight: 9, arbitrary: fc.constant<Body>({}) }, { weight: 1, arbitrary: jsonBody({}, inputs.pool) });
  return fc
    .record({
      actor: fc.constantFrom(...inputs.actors),
      lang: fc.constantFrom('zh-CN', 'en', 'en-US,en;q=0.9', undefined, 'xx;q=abc,,;'),
      // Mostly as the apps send (their CSRF header), sometimes without it or from another site.
      client: fc.constantFrom<'app' | 'bare' | 'foreign'>(
        'app',
        'app',
        'app',
        'app',
        'app',
        'app',
        'app',
        'app',
        'bare',
        'foreign',
      ),
      path: fc.tuple(...pathParams.map((p) => pathValue(p, inputs.pool))),
      query: queryPairs(
        op.params.filter((p) => p.in === 'query'),
        inputs.pool,
      ),
      headers: fc.tuple(
        ...headerParams.map((p) =>
          fc.option(
            fc
              .oneof(
                { weight: 3, arbitrary: validValue(p.schema, inputs.pool, p.name) },
                { weight: 1, arbitrary: hostileValue(p.schema, inputs.pool, 1, p.name) },
              )
              .map((v) => [p.name, String(v)] as const),
            { freq: 3 },
          ),
        ),
      ),
      body,
    })
    .map(({ actor, lang, client, path, query, headers, body: b }) => {
      let i = 0;
      const url =
        op.path.replace(/\{[^}]+\}/g, () => path[i++] ?? '') +
        (query.length ? `?${query.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')}` : '');
      const h: Record<string, string> = {};
      if (lang) h['accept-language'] = lang;
      if (client === 'app') h['x-requested-with'] = 'cocreate';
      if (client === 'foreign') h.origin = 'https://evil.example';
      for (const x of headers) if (x) h[x[0]] = headerSafe(x[1]);
      if (b.contentType !== undefined) h['content-type'] = b.contentType;
      return { actor, method: op.method, url, headers: h, ...(b.payload !== undefined ? { payload: b.payload } : {}) };
    });
}

/** HTTP header values are bytes 0x20–0xFF: others cannot be sent, so they are escaped here. */
const headerSafe = (v: string) => v.replace(/[^\x20-\x7e]/g, (c) => encodePart(c)).slice(0, 8000);
