import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { submitReport } from '../cases/intake.service';
import { createClient } from './open311.clients';
import { expectShape, expectXmlMatchesJson, open311Context, parseXml, SEAT, sparkOf } from './open311.testing';

let ctx: TestContext;
let apiKey: string;
let town: TestActor, handler: TestActor;
const V2 = '/open311/v2';

const get = (url: string) => ctx.app.inject({ method: 'GET', url: `${V2}${url}` });
const postForm = (url: string, form: Record<string, string>) =>
  ctx.app.inject({
    method: 'POST',
    url: `${V2}${url}`,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
async function report(description: string): Promise<{ number: string; id: string }> {
  const r = await postForm('/requests.json', {
    api_key: apiKey,
    service_code: '01037',
    lat: String(SEAT[1]),
    long: String(SEAT[0]),
    description,
  });
  expect(r.statusCode, r.body).toBe(200);
  const number = r.json()[0].service_request_id;
  const { rows } = await ctx.db.owner.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [number]);
  return { number, id: rows[0].id };
}
async function step(actor: TestActor, id: string, body: Record<string, unknown>) {
  const r = await call(ctx, actor, 'POST', `/api/cases/${id}/events`, body);
  expect(r.statusCode, r.body).toBe(200);
  ctx.clock.advance(60_000);
}
async function updates(query: string) {
  const json = await get(`/servicerequestupdates.json?${query}`);
  const xml = await get(`/servicerequestupdates.xml?${query}`);
  expect(json.statusCode, json.body).toBe(200);
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  expectShape('updates', json.json());
  expectXmlMatchesJson(xml.body, 'service_request_updates', json.json());
  return json.json() as Array<{
    update_id: string;
    service_request_id: string;
    status: string;
    description: string;
    updated_datetime: string;
    external_status_code: string;
    media_url?: string;
  }>;
}
const WINDOW = 'start_date=2026-11-25T00:00:00%2B08:00&end_date=2026-11-26T00:00:00%2B08:00';

beforeAll(async () => {
  ctx = await open311Context();
  apiKey = (await ctx.db.transaction((tx) => createClient(tx, 'FixMyStreet test'))).apiKey;
  town = await staffActor(ctx, 'town_officer', '421081001');
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
});
afterAll(async () => {
  await ctx.close();
});

describe('the loop seen through Open311', () => {
  it('reports each public step as an update with an extended status, and the request as closed when verified', async () => {
    const c = await report('路灯不亮');
    ctx.clock.advance(60_000);
    await step(town, c.id, { type: 'file' });
    await step(town, c.id, { type: 'dispatch', departmentCode: '421081-zjj' });
    await step(town, c.id, { type: 'supervise', note: '内部督办：尽快', due: '2026-11-27T09:00:00+08:00' }); // not public
    await step(handler, c.id, { type: 'accept' });
    await step(handler, c.id, { type: 'progress', note: '已到现场，更换灯泡' });
    const open = (await get(`/requests/${c.number}.json`)).json()[0];
    expect(open).toMatchObject({
      status: 'open',
      status_notes: '已到现场，更换灯泡',
      agency_responsible: expect.stringContaining('住'),
      expected_datetime: expect.any(String),
    });
    await step(handler, c.id, { type: 'feedback', note: '已修复' });
    await step(town, c.id, { type: 'verify', passed: true, note: '现场核查，路灯已亮' });

    const mine = (await updates(WINDOW)).filter((u) => u.service_request_id === c.number);
    expect(mine.map((u) => [u.status, u.external_status_code, u.description])).toEqual([
      ['OPEN', 'received', '已收到，等待受理'],
      ['OPEN', 'filed', '已立案'],
      ['ACTION_SCHEDULED', 'dispatched', '已派遣承办单位'],
      ['IN_PROGRESS', 'handling', '承办单位已签收，正在处置'],
      ['IN_PROGRESS', 'handling', '已到现场，更换灯泡'],
      ['IN_PROGRESS', 'feedback', '已修复'],
      ['FIXED', 'closed', '现场核查，路灯已亮'],
    ]);
    expect((await updates(`${WINDOW}`)).every((u) => u.description.trim() !== '')).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('督办');
    const { rows } = await ctx.db.owner.query<{ closed_at: Date }>('SELECT closed_at FROM cases WHERE id = $1', [c.id]);
    const closed = (await get(`/requests/${c.number}.json`)).json()[0];
    expectShape('requests', [closed]);
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: '现场核查，路灯已亮',
      updated_datetime: mine[6].updated_datetime,
    });
    expect(new Date(closed.updated_datetime)).toEqual(rows[0].closed_at);
    expect(
      (await get('/requests.json?status=fixed'))
        .json()
        .map((x: { service_request_id: string }) => x.service_request_id),
    ).toContain(c.number);
    expect(
      (await get('/requests.json?status=in_progress'))
        .json()
        .map((x: { service_request_id: string }) => x.service_request_id),
    ).not.toContain(c.number);
    // outside the window nothing shows
    expect(
      (await updates('start_date=2026-11-26T00:00:00Z&end_date=2026-11-27T00:00:00Z')).filter(
        (u) => u.service_request_id === c.number,
      ),
    ).toEqual([]);
  });

  it('never lists a rejection as plain closed: its reason is the status, the status notes and the external status code', async () => {
    const first = await report('井盖松动');
    const dup = await report('井盖松动，同一个');
    await step(town, dup.id, { type: 'reject', reason: 'duplicate', duplicateOf: first.number });
    const r = (await get(`/requests/${dup.number}.json`)).json()[0];
    expectShape('requests', [r]);
    expect(r).toMatchObject({ status: 'duplicate', status_notes: `与 ${first.number} 重复` });
    expect(
      (await get('/requests.json?status=duplicate'))
        .json()
        .map((x: { service_request_id: string }) => x.service_request_id),
    ).toEqual([dup.number]);
    expect(
      (await get('/requests.json?status=closed'))
        .json()
        .map((x: { service_request_id: string }) => x.service_request_id),
    ).toContain(dup.number);
    const dupUpdates = (await updates(WINDOW)).filter((u) => u.service_request_id === dup.number);
    expect(dupUpdates.map((u) => [u.status, u.external_status_code, u.description])).toEqual([
      ['OPEN', 'received', '已收到，等待受理'],
      ['DUPLICATE', 'duplicate', `与 ${first.number} 重复`],
    ]);

    const elsewhere = await report('高压线下树枝');
    await step(town, elsewhere.id, { type: 'reject', reason: 'not_our_responsibility', referral: '供电公司' });
    const notOurs = (
      await ctx.app.inject({
        method: 'GET',
        url: `${V2}/requests/${elsewhere.number}.xml`,
        headers: { 'accept-language': 'en' },
      })
    ).body;
    expect(sparkOf(parseXml(notOurs))).toEqual([
      expect.objectContaining({
        status: 'not_councils_responsibility',
        status_notes: "Not the county's responsibility; referred to 供电公司",
      }),
    ]);
    const last = (await updates(WINDOW)).filter((u) => u.service_request_id === elsewhere.number).at(-1);
    expect(last).toMatchObject({
      status: 'NOT_COUNCILS_RESPONSIBILITY',
      external_status_code: 'not_our_responsibility',
      description: '不属于本级职责，已转交：供电公司',
    });
  });
});

describe('POST servicerequestupdates', () => {
  it('adds a public note and never changes the state', async () => {
    const c = await report('路灯闪烁');
    await step(town, c.id, { type: 'file' });
    const r = await postForm('/servicerequestupdates.json', {
      api_key: apiKey,
      service_request_id: c.number,
      description: '居民补充：晚上八点后不亮',
      status: 'CLOSED',
      update_id: 'fms-42',
      updated_datetime: '2026-11-25T10:00:00+08:00',
      first_name: '李',
      last_name: '四海',
      email: 'li@example.com',
    });
    expect(r.statusCode, r.body).toBe(200);
    expectShape('update_created', r.json());
    const updateId = r.json()[0].update_id;
    const state = (await ctx.db.owner.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [c.id])).rows[0]
      .state;
    expect(state).toBe('filed');
    const event = (
      await ctx.db.owner.query<Record<string, unknown>>(
        'SELECT type, to_state, is_public, note, actor_label, data FROM case_events WHERE id = $1',
        [Number(updateId)],
      )
    ).rows[0];
    expect(event).toMatchObject({
      type: 'note',
      to_state: 'filed',
      is_public: true,
      note: '居民补充：晚上八点后不亮',
      actor_label: 'Open311 · FixMyStreet test',
      data: expect.objectContaining({ requestedStatus: 'CLOSED', clientUpdateId: 'fms-42' }),
    });
    expect(JSON.stringify(event)).not.toMatch(/四海|li@example/);
    const audit = await ctx.db.owner.query('SELECT 1 FROM audit_log WHERE action = $1 AND entity_id = $2', [
      'open311.update',
      c.id,
    ]);
    expect(audit.rows).toHaveLength(1);
    const listed = (await updates(WINDOW)).find((u) => u.update_id === updateId);
    expect(listed).toMatchObject({
      service_request_id: c.number,
      status: 'OPEN',
      description: '居民补充：晚上八点后不亮',
    });
    expect((await get(`/requests/${c.number}.json`)).json()[0].status).toBe('open');

    const xml = await postForm('/servicerequestupdates.xml', {
      api_key: apiKey,
      service_request_id: c.number,
      description: '再补充一句',
    });
    expect(xml.statusCode).toBe(200);
    expect(parseXml(xml.body).name).toBe('service_request_updates');
    expect(sparkOf(parseXml(xml.body))).toEqual([{ update_id: expect.stringMatching(/^\d+$/) }]);
  });

  it('refuses a bad key, an unknown or private request and an empty note', async () => {
    const c = await report('路灯歪了');
    const secret = await submitReport(
      ctx.deps,
      { kind: 'anonymous', ip: null },
      { description: '邻里纠纷', categoryCode: 'L0005', lng: SEAT[0], lat: SEAT[1] },
      { source: 'open311' },
    );
    const cases: Array<[Record<string, string>, number]> = [
      [{ api_key: 'o311_bad', service_request_id: c.number, description: 'x' }, 403],
      [{ service_request_id: c.number, description: 'x' }, 403],
      [{ api_key: apiKey, service_request_id: '421081-20000101-000001', description: 'x' }, 404],
      [{ api_key: apiKey, service_request_id: secret.case.number, description: 'x' }, 404],
      [{ api_key: apiKey, service_request_id: c.number, description: '' }, 400],
      [{ api_key: apiKey, description: 'x' }, 400],
      [{ api_key: apiKey, service_request_id: c.number, description: 'x'.repeat(2001) }, 400],
      [{ api_key: apiKey, jurisdiction_id: 'other.gov', service_request_id: c.number, description: 'x' }, 404],
    ];
    for (const [form, status] of cases) {
      const r = await postForm('/servicerequestupdates.json', form);
      expect(r.statusCode, JSON.stringify(form)).toBe(status);
      expectShape('errors', r.json());
    }
    const notes = await ctx.db.owner.query('SELECT 1 FROM case_events WHERE type = $1 AND case_id = ANY($2::uuid[])', [
      'note',
      [c.id, secret.case.id],
    ]);
    expect(notes.rows).toEqual([]);
    expect((await updates(WINDOW)).map((u) => u.service_request_id)).not.toContain(secret.case.number);
  });
});
