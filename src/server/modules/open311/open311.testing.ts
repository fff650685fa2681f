/**
 * Test support for the Open311 slice (imported by tests only): the app with the Open311 routes on
 * a fresh database, a strict little XML reader, and validators built from the published Open311
 * JSON Schemas and FixMyStreet's OpenAPI file, vendored in ./fixtures (see its README for sources and licences).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { writeGrids } from '../organisation/organisation.write';
import { invalidateGridIndex } from '../organisation';

export const SEAT: [number, number] = [112.419609, 29.723349]; // 石首市 county seat
export const GRID = '421081001007001';
const square = ([x, y]: [number, number], d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ],
  ],
});

/** The test context with one grid at the county seat and the clock at a working morning. */
export async function open311Context(): Promise<TestContext> {
  const ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: square(SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  return ctx;
}

// ---- XML ------------------------------------------------------------------------------------

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`xml: bare & in ${JSON.stringify(raw)}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    if (!(name in ENTITIES)) throw new Error(`xml: unknown entity &${name};`);
    return ENTITIES[name];
  });
}

/** Parses the attribute-free, namespace-free XML the spec uses; throws on anything malformed. */
export function parseXml(src: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(src);
  if (!decl) throw new Error('xml: missing or wrong XML declaration');
  let i = decl[0].length;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const chunk = src.slice(i, lt < 0 ? src.length : lt);
    if (chunk.includes('>') && chunk.includes(']]>')) throw new Error('xml: ]]> in text');
    if (stack.length) stack[stack.length - 1].text += decode(chunk);
    else if (chunk.trim()) throw new Error(`xml: text outside the root: ${chunk}`);
    if (lt < 0) break;
    const gt = src.indexOf('>', lt);
    if (gt < 0) throw new Error('xml: unterminated tag');
    const tag = src.slice(lt + 1, gt);
    i = gt + 1;
    const m = /^(\/?)([A-Za-z_][\w.-]*)(\/?)$/.exec(tag);
    if (!m) throw new Error(`xml: unexpected tag <${tag}>`);
    const [, closing, name, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`xml: </${name}> does not close <${open?.name}>`);
      if (open.children.length && open.text.trim()) throw new Error(`xml: mixed content in <${name}>`);
      if (!stack.length) root = open;
      continue;
    }
    if (root) throw new Error('xml: a second root element');
    const node: XmlNode = { name, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(node);
    if (selfClosing) {
      if (!stack.length) root = node;
      continue;
    }
    stack.push(node);
  }
  if (stack.length || !root) throw new Error('xml: unclosed elements');
  return root;
}

const LISTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  groups: 'group',
  endpoints: 'endpoint',
  formats: 'format',
};

/** XML → the JSON it stands for (Spark convention), every scalar as text. */
export function sparkOf(node: XmlNode): unknown {
  const item = LISTS[node.name];
  if (item)
    return node.children.map((c) => {
      if (c.name !== item) throw new Error(`xml: <${c.name}> in <${node.name}>`);
      return sparkOf(c);
    });
  if (!node.children.length) return node.text;
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    if (c.name in out) throw new Error(`xml: repeated <${c.name}> in <${node.name}>`);
    out[c.name] = sparkOf(c);
  }
  return out;
}

/** A JSON response with every scalar as the text XML carries (characters XML cannot hold removed). */
export function asText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asText);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)]));
  return String(v).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** The XML form must say exactly what the JSON form says, under the expected root. */
export function expectXmlMatchesJson(xml: string, root: string, json: unknown) {
  const doc = parseXml(xml);
  expect(doc.name).toBe(root);
  expect(sparkOf(doc)).toEqual(asText(json));
}

// ---- schemas --------------------------------------------------------------------------------

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(`${FIXTURES}${f}`, 'utf8')) as Record<string, unknown>;
const BASE = 'http://open311.test/';

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
for (const f of ['uid', 'uint', 'double', 'url']) ajv.addFormat(f, true);
const fmsSchemas = JSON.parse(
  JSON.stringify((read('fixmystreet-open311-openapi.json').components as { schemas: object }).schemas).replaceAll(
    '#/components/schemas/',
    '#/definitions/',
  ),
) as Record<string, { properties?: Record<string, { enum?: string[] }> }>;
for (const f of ['request.json', 'requests.json', 'service.json', 'services.json', 'service-definition.json']) {
  const schema = read(f) as { properties?: Record<string, { enum?: string[] }> };
  // A rejected request carries mySociety's extended status (FixMyStreet reads a bare "closed" as fixed):
  // the spec's request schema is checked with FixMyStreet's list of statuses.
  if (f === 'request.json') schema.properties!.status.enum = fmsSchemas.Request.properties!.status.enum;
  ajv.addSchema({ ...schema, $id: `${BASE}${f}` });
}
/** Fields FixMyStreet reads that its OpenAPI file leaves out (Open311::UpdatesBase reads external_status_code). */
const FMS_EXTRA_FIELDS: Record<string, string[]> = { Update: ['external_status_code'] };
ajv.addSchema({ $id: `${BASE}fms.json`, definitions: fmsSchemas });

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: object): ValidateFunction {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
  return compiled.get(key)!;
}

export type Shape =
  | 'services'
  | 'service_definition'
  | 'requests'
  | 'created'
  | 'tokens'
  | 'updates'
  | 'update_created'
  | 'errors';

/** Open311 schema (where one exists) and FixMyStreet OpenAPI schema for each JSON response. */
const SHAPES: Record<Shape, { open311?: string; fms?: string; list: boolean }> = {
  services: { open311: 'services.json', fms: 'Service', list: true },
  service_definition: { open311: 'service-definition.json', fms: 'ServiceDefinition', list: false },
  requests: { open311: 'requests.json', fms: 'Request', list: true },
  created: { fms: 'RequestResponse', list: true },
  tokens: { fms: 'TokenResponse', list: true },
  updates: { fms: 'Update', list: true },
  update_created: { fms: 'UpdateResponse', list: true },
  errors: { list: true },
};

const ERRORS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    additionalProperties: false,
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
};

/** Validates a JSON body against every applicable schema, and allows no field the FixMyStreet schema does not define. */
export function expectShape(shape: Shape, body: unknown) {
  const s = SHAPES[shape];
  const checks: Array<[string, ValidateFunction]> = [];
  if (s.open311) checks.push([s.open311, validator(s.open311, { $ref: `${BASE}${s.open311}` })]);
  if (s.fms) {
    const ref = { $ref: `${BASE}fms.json#/definitions/${s.fms}` };
    checks.push([`fms ${s.fms}`, validator(`fms ${s.fms}`, s.list ? { type: 'array', items: ref } : ref)]);
  }
  if (shape === 'errors') checks.push(['errors', validator('errors', ERRORS_SCHEMA)]);
  for (const [name, validate] of checks) {
    const okay = validate(body);
    expect(okay, `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
  if (s.fms) {
    const known = [...Object.keys(fmsSchemas[s.fms].properties ?? {}), ...(FMS_EXTRA_FIELDS[s.fms] ?? [])];
    for (const item of s.list ? (body as object[]) : [body as object])
      expect(known).toEqual(expect.arrayContaining(Object.keys(item)));
  }
}
