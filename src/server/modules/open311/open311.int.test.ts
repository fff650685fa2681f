import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/harness';
import { type ErrorCode, errorMessage } from '../../platform/errors';
import { updateCategory } from '../cases/categories.repo';
import { submitReport } from '../cases/intake.service';
import { createClient } from './open311.clients';
import { expectShape, expectXmlMatchesJson, open311Context, parseXml, SEAT, sparkOf } from './open311.testing';

let ctx: TestContext;
let apiKey: string;
const V2 = '/open311/v2';

const get = (url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url: `${V2}${url}`, headers });
const postForm = (url: string, form: Record<string, string>) =>
  ctx.app.inject({
    method: 'POST',
    url: `${V2}${url}`,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
const postJson = (url: string, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `${V2}${url}`, payload: body });
const report = (extra: Record<string, string> = {}) =>
  postForm('/requests.json', {
    api_key: apiKey,
    service_code: '01037',
    lat: String(SEAT[1]),
    long: String(SEAT[0]),
    description: '路灯不亮了，晚上很黑',
    ...extra,
  });

/** GETs both forms: checks content types, the JSON against the schemas, and that the XML says the same. */
async function both(path: string, shape: Parameters<typeof expectShape>[0], root: string, status = 200) {
  const json = await get(`${path.replace('{fmt}', 'json')}`);
  const xml = await get(`${path.replace('{fmt}', 'xml')}`);
  expect(json.statusCode, json.body).toBe(status);
  expect(xml.statusCode, xml.body).toBe(status);
  expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  const body = json.json();
  if (shape) expectShape(shape, body);
  expectXmlMatchesJson(xml.body, root, body);
  return body;
}

beforeAll(async () => {
  ctx = await open311Context();
  apiKey = (await ctx.db.transaction((tx) => createClient(tx, 'FixMyStreet test'))).apiKey;
  await ctx.db.transaction((tx) =>
    updateCategory(tx, 'L0007', {
      extraFields: [
        { key: 'floor', label: { zh: '楼层', en: 'Floor' }, type: 'number', required: true },
        { key: 'kind', label: { zh: '种类', en: 'Kind' }, type: 'enum', required: false, options: ['灯', '门'] },
        { key: 'inside', label: { zh: '是否在室内', en: 'Indoors' }, type: 'boolean', required: false },
        { key: 'landmark', label: { zh: '参照物', en: 'Landmark' }, type: 'string', required: false },
      ],
    }),
  );
});
afterAll(async () => {
  await ctx.close();
});

describe('discovery and services', () => {
  it('offers discovery in XML and JSON', async () => {
    const d = await both('/discovery.{fmt}', null as never, 'discovery');
    expect(d).toMatchObject({ changeset: expect.any(String), contact: expect.stringContaining('石首市') });
    expect(d.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: expect.stringMatching(/^http:\/\/.+\/open311\/v2$/),
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
  });

  it('lists public categories as services, grouped by major class, without private ones or major classes', async () => {
    const services = await both('/services.{fmt}', 'services', 'services');
    const codes = services.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain('01037');
    expect(codes).toContain('L0001');
    expect(codes).not.toContain('L0005'); // 邻里纠纷: private
    expect(codes).not.toContain('L0006');
    expect(codes.filter((c: string) => /^(\d{2}|LM\d)$/.test(c))).toEqual([]);
    const lamp = services.find((s: { service_code: string }) => s.service_code === '01037');
    expect(lamp).toMatchObject({ type: 'realtime', metadata: false, group: expect.any(String), groups: [lamp.group] });
    expect(services.find((s: { service_code: string }) => s.service_code === 'L0007')).toMatchObject({
      metadata: true,
      group: '社区（村）事项',
    });
    const en = (await get('/services.json', { 'accept-language': 'en' })).json();
    expect(en.find((s: { service_code: string }) => s.service_code === 'L0001')).toMatchObject({
      service_name: 'Stairwell clutter',
      group: 'Community and village matters',
    });
  });

  it('defines attributes from the extra fields, and answers 404 for unknown, private and major codes', async () => {
    const def = await both('/services/L0007.{fmt}', 'service_definition', 'service_definition');
    expect(def.attributes).toEqual([
      {
        variable: true,
        code: 'floor',
        datatype: 'number',
        required: true,
        datatype_description: '数字',
        order: 1,
        description: '楼层',
      },
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        order: 2,
        description: '种类',
        values: [
          { key: '灯', name: '灯' },
          { key: '门', name: '门' },
        ],
      },
      {
        variable: true,
        code: 'inside',
        datatype: 'singlevaluelist',
        required: false,
        order: 3,
        description: '是否在室内',
        values: [
          { key: 'true', name: '是' },
          { key: 'false', name: '否' },
        ],
      },
      { variable: true, code: 'landmark', datatype: 'string', required: false, order: 4, description: '参照物' },
    ]);
    expect((await both('/services/01037.{fmt}', 'service_definition', 'service_definition')).attributes).toEqual([]);
    for (const code of ['99999', 'L0005', '01']) {
      const errors = await both(`/services/${code}.{fmt}`, 'errors', 'errors', 404);
      expect(errors[0]).toEqual({ code: 404, description: `未找到服务类别 service_code「${code}」` });
    }
  });

  it('accepts the county code as jurisdiction_id and refuses any other with 404', async () => {
    expect((await get('/services.json?jurisdiction_id=421081')).statusCode).toBe(200);
    const other = await both('/services.{fmt}?jurisdiction_id=sfgov.org', 'errors', 'errors', 404);
    expect(other[0].description).toContain('421081');
    expect(
      (await postForm('/requests.json', { api_key: apiKey, jurisdiction_id: '420000', service_code: '01037' }))
        .statusCode,
    ).toBe(404);
  });

  it('answers unknown paths and formats in the spec error format, never a stack trace', async () => {
    const r = await get('/nothing.json');
    expect(r.statusCode).toBe(404);
    expectShape('errors', r.json());
    const x = await get('/services');
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseXml(x.body).name).toBe('errors');
    expect((await get('/services/01037.csv')).statusCode).toBe(404);
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: '{"api_key":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expectShape('errors', malformed.json());
    expect(malformed.body).not.toMatch(/at .*\.ts|stack/i);
  });
});

describe('errors through the one error map', () => {
  it('keep the spec format [{code, description}] in JSON and XML, with the shared messages in zh and en', async () => {
    const cases: [string, ErrorCode, Record<string, unknown>, number][] = [
      ['/services/99999.{fmt}', 'open311_service_not_found', { code: '99999' }, 404],
      ['/requests/421081-20000101-000001.{fmt}', 'open311_request_not_found', { id: '421081-20000101-000001' }, 404],
      ['/tokens/nope.{fmt}', 'open311_token_not_found', { token: 'nope' }, 404],
      ['/requests.{fmt}?start_date=yesterday', 'open311_date_invalid', { field: 'start_date' }, 400],
      ['/requests.{fmt}?status=maybe', 'open311_status_invalid', { status: 'maybe' }, 400],
    ];
    for (const [path, code, details, status] of cases)
      for (const lang of ['zh-CN', 'en'] as const) {
        const headers = { 'accept-language': lang };
        const json = await get(path.replace('{fmt}', 'json'), headers);
        expect(json.statusCode, path).toBe(status);
        expect(json.json()).toEqual([{ code: status, description: errorMessage(code, lang, details) }]);
        const xml = await get(path.replace('{fmt}', 'xml'), headers);
        expect(xml.statusCode, path).toBe(status);
        expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
        expect(xml.body).toContain(`<code>${status}</code>`);
        expect(parseXml(xml.body).name).toBe('errors');
      }
    // a write without an api_key: 403, in the default language
    const noKey = await postForm('/requests.json', { service_code: '01037' });
    expect(noKey.json()).toEqual([{ code: 403, description: errorMessage('open311_api_key_missing', 'zh-CN') }]);
  });
});

describe('POST requests', () => {
  it('creates a request from a form-encoded body; it is then readable by id, in the list and by token', async () => {
    const r = await report({
      address_string: '绣林街道 金银垱社区',
      first_name: '张',
      last_name: '三丰',
      email: 'zhang@example.com',
      phone: '13900001111',
      'attribute[fixmystreet_id]': '77',
    });
    expect(r.statusCode, r.body).toBe(200);
    const created = r.json();
    expectShape('created', created);
    const id = created[0].service_request_id;
    expect(id).toMatch(/^421081-20261125-\d{6}$/);
    expect(created[0].service_notice).toContain(id);

    const one = await both(`/requests/${id}.{fmt}`, 'requests', 'service_requests');
    expect(one).toEqual([
      {
        service_request_id: id,
        status: 'open',
        service_name: '路灯异常',
        service_code: '01037',
        description: '路灯不亮了，晚上很黑',
        agency_responsible: expect.any(String),
        requested_datetime: '2026-11-25T09:00:00+08:00',
        updated_datetime: '2026-11-25T09:00:00+08:00',
        address: '绣林街道 金银垱社区',
        lat: SEAT[1],
        long: SEAT[0],
      },
    ]);
    const row = (
      await ctx.db.owner.query<Record<string, unknown>>(
        'SELECT source, reporter_name, reporter_contact, open311_client_id, extra FROM cases WHERE number = $1',
        [id],
      )
    ).rows[0];
    expect(row).toMatchObject({
      source: 'open311',
      reporter_name: null,
      reporter_contact: null,
      open311_client_id: expect.any(String),
      extra: {},
    });
    for (const body of [
      (await get(`/requests/${id}.xml`)).body,
      (await get('/requests.json')).body,
      (await get('/servicerequestupdates.xml')).body,
    ]) {
      expect(body).not.toMatch(/三丰|zhang@example|13900001111/);
    }
    const list = await both('/requests.{fmt}', 'requests', 'service_requests');
    expect(list.map((x: { service_request_id: string }) => x.service_request_id)).toContain(id);
    expect(await both(`/tokens/${id}.{fmt}`, 'tokens', 'service_requests')).toEqual([
      { service_request_id: id, token: id },
    ]);
    expect((await get('/tokens/421081-20000101-000001.json')).statusCode).toBe(404);
  });

  it('creates a request from a JSON body with typed attributes; attributes the category lacks are ignored', async () => {
    const r = await postJson('/requests.json', {
      api_key: apiKey,
      jurisdiction_id: '421081',
      service_code: 'L0007',
      lat: SEAT[1],
      long: SEAT[0],
      description: '三楼楼道灯坏了',
      attribute: { floor: '3', kind: '灯', inside: 'true', title: '楼道灯坏' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const id = r.json()[0].service_request_id;
    const row = (
      await ctx.db.owner.query<{ extra: unknown; title: string }>('SELECT extra, title FROM cases WHERE number = $1', [
        id,
      ])
    ).rows[0];
    expect(row).toEqual({ extra: { floor: 3, kind: '灯', inside: true }, title: '楼道灯坏' });
    const xml = await postForm('/requests.xml', {
      api_key: apiKey,
      service_code: 'L0007',
      lat: String(SEAT[1]),
      long: String(SEAT[0]),
      description: '门禁',
      'attribute[floor]': '2',
      'attribute[kind]': '门',
    });
    expect(xml.statusCode, xml.body).toBe(200);
    expect(sparkOf(parseXml(xml.body))).toEqual([
      { service_request_id: expect.stringMatching(/^421081-/), service_notice: expect.any(String) },
    ]);
  });

  it('refuses a bad or missing api key (403), missing fields (400), a point outside the county (400) and unknown codes (404)', async () => {
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ api_key: 'o311_wrong' }, 403, /api_key 无效/],
      [{ api_key: '' }, 403, /未提供 api_key/],
      [{ service_code: '' }, 400, /service_code/],
      [{ description: '' }, 400, /description/],
      [{ lat: '', long: '' }, 400, /lat 和 long/],
      [{ lat: 'north' }, 400, /WGS-84/],
      [{ lng: '', long: '114.3', lat: '30.6' }, 400, /不在石首市范围内/],
      [{ service_code: '99999' }, 404, /99999/],
      [{ service_code: 'L0005' }, 404, /L0005/],
      [{ service_code: 'L0007' }, 400, /类别附加信息「楼层」必须填写/],
      [{ service_code: 'L0007', 'attribute[floor]': 'high' }, 400, /类别附加信息「楼层」须为数字/],
    ];
    for (const [extra, status, message] of cases) {
      const r = await report(extra);
      expect(r.statusCode, JSON.stringify(extra)).toBe(status);
      expectShape('errors', r.json());
      expect(r.json()[0].code).toBe(status);
      expect(r.json()[0].description).toMatch(message);
    }
    const xml = await postForm('/requests.xml', { api_key: 'nope', service_code: '01037' });
    expect(xml.statusCode).toBe(403);
    expect(sparkOf(parseXml(xml.body))).toEqual([{ code: '403', description: expect.stringContaining('api_key') }]);
    const en = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: { api_key: 'nope' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed" }]);
  });

  it('escapes text in XML and drops characters XML cannot carry', async () => {
    const description = '<b>灯</b> & "引号" \'单引号\' ]]> \u0001end';
    const id = (await report({ description })).json()[0].service_request_id;
    const xml = await get(`/requests/${id}.xml`);
    expect(xml.body).toContain('&lt;b&gt;灯&lt;/b&gt; &amp; &quot;引号&quot; &apos;单引号&apos; ]]&gt; end');
    expect((sparkOf(parseXml(xml.body)) as Array<{ description: string }>)[0].description).toBe(
      '<b>灯</b> & "引号" \'单引号\' ]]> end',
    );
    expect((await get(`/requests/${id}.json`)).json()[0].description).toBe(description);
  });
});

describe('GET requests', () => {
  it('filters by service_request_id, service_code, status and dates, and keeps private cases out', async () => {
    const lamp = (await report()).json()[0].service_request_id;
    ctx.clock.set(new Date('2026-11-27T10:00:00+08:00'));
    const clutter = (await report({ service_code: 'L0001', description: '楼道堆满杂物' })).json()[0].service_request_id;
    const secret = await submitReport(
      ctx.deps,
      { kind: 'anonymous', ip: null },
      { description: '邻居吵架', categoryCode: 'L0005', lng: SEAT[0], lat: SEAT[1] },
      { source: 'open311' },
    );
    const ids = async (query: string) =>
      (await both(`/requests.{fmt}?${query}`, 'requests', 'service_requests')).map(
        (x: { service_request_id: string }) => x.service_request_id,
      );

    expect(await ids(`service_request_id=${lamp},${clutter},${secret.case.number}`)).toEqual([clutter, lamp]);
    expect(await ids(`service_request_id=${clutter}&service_code=01037&status=closed`)).toEqual([clutter]); // the id overrides the rest
    expect(await ids('service_code=L0001')).toEqual([clutter]);
    expect(await ids('service_code=L0001,01037')).toEqual(expect.arrayContaining([clutter, lamp]));
    expect(await ids('status=closed')).toEqual([]);
    expect(await ids('status=open')).toEqual(expect.arrayContaining([clutter, lamp]));
    expect(await ids('start_date=2026-11-26T00:00:00Z&end_date=2026-11-28T00:00:00%2B08:00')).toEqual([clutter]);
    expect(await ids('start_date=2026-11-01&end_date=2026-11-26')).not.toContain(clutter);
    expect(await ids('end_date=2026-11-26T00:00:00Z')).toContain(lamp);
    expect(await ids('')).not.toContain(secret.case.number);
    await both(`/requests/${secret.case.number}.{fmt}`, 'errors', 'errors', 404);

    ctx.clock.set(new Date('2027-06-01T10:00:00+08:00'));
    expect(await ids('')).toEqual([]); // the default window is the last 90 days
    for (const q of [
      'status=pending',
      'start_date=yesterday',
      'start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z',
      'start_date=2026-12-01&end_date=2026-11-01',
    ]) {
      const r = await get(`/requests.json?${q}`);
      expect(r.statusCode, q).toBe(400);
      expectShape('errors', r.json());
    }
    ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  });
});
