/**
 * What FixMyStreet sends beyond plain forms (multipart bodies with photos, media_url), and what a
 * stranger may read of a report's text (phone and ID numbers masked) next to what staff see.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { updateCategory } from '../cases/categories.repo';
import { createClient } from './open311.clients';
import { expectShape, open311Context, parseXml, SEAT, sparkOf } from './open311.testing';

let ctx: TestContext;
let apiKey: string;
let town: TestActor;
let jpeg: Buffer;
const V2 = '/open311/v2';
const BOUNDARY = 'xYzZY';

/** A multipart/form-data body as Perl's HTTP::Request::Common (FixMyStreet's Open311.pm) writes it. */
function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; filename: string; type: string; data: Buffer }>,
) {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        'utf8',
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}
const postMultipart = (url: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) =>
  ctx.app.inject({
    method: 'POST',
    url: `${V2}${url}`,
    payload: multipart(fields, files),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
const request = (extra: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: '01037',
  lat: String(SEAT[1]),
  long: String(SEAT[0]),
  description: '路灯不亮',
  ...extra,
});
const caseOf = async (number: string) =>
  (await ctx.db.owner.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [number])).rows[0].id;
const photosOf = async (id: string) =>
  (
    await ctx.db.owner.query<{ id: string; stage: string; mime: string; public_approved: boolean }>(
      'SELECT id, stage, mime, public_approved FROM case_photos WHERE case_id = $1 ORDER BY created_at',
      [id],
    )
  ).rows;
const WINDOW = 'start_date=2026-11-25T00:00:00%2B08:00&end_date=2026-11-26T00:00:00%2B08:00';

beforeAll(async () => {
  ctx = await open311Context();
  apiKey = (await ctx.db.transaction((tx) => createClient(tx, 'FixMyStreet test'))).apiKey;
  town = await staffActor(ctx, 'town_officer', '421081001');
  jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#c00' } })
    .jpeg()
    .toBuffer();
});
afterAll(async () => {
  await ctx.close();
});

describe('multipart bodies (FixMyStreet with photos)', () => {
  it('creates a request from a multipart body; its photos become case photos, shown to the public once approved', async () => {
    const r = await postMultipart(
      '/requests.xml',
      request({ 'attribute[fixmystreet_id]': '12', address_string: '金银垱' }),
      [
        { name: 'photo1', filename: 'photo1.jpeg', type: 'image/jpeg', data: jpeg },
        { name: 'photo2', filename: 'photo2.jpeg', type: 'application/octet-stream', data: jpeg },
      ],
    );
    expect(r.statusCode, r.body).toBe(200);
    const number = (sparkOf(parseXml(r.body)) as Array<{ service_request_id: string }>)[0].service_request_id;
    const id = await caseOf(number);
    const photos = await photosOf(id);
    expect(photos).toEqual([
      expect.objectContaining({ stage: 'report', mime: 'image/jpeg', public_approved: false }),
      expect.objectContaining({ stage: 'report' }),
    ]);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `${V2}/requests/${number}.json` })).json()[0].media_url,
    ).toBeUndefined();

    expect((await call(ctx, town, 'POST', `/api/photos/${photos[0].id}/public`, { approved: true })).statusCode).toBe(
      204,
    );
    const listed = (await ctx.app.inject({ method: 'GET', url: `${V2}/requests/${number}.json` })).json()[0];
    expect(listed.media_url).toMatch(new RegExp(`^http://[^/]+/api/public/photos/${photos[0].id}$`));
    const img = await ctx.app.inject({ method: 'GET', url: new URL(listed.media_url).pathname });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    const feed = (await ctx.app.inject({ method: 'GET', url: `${V2}/servicerequestupdates.json?${WINDOW}` }))
      .json()
      .filter((u: { service_request_id: string }) => u.service_request_id === number);
    expectShape('updates', feed);
    // the approved photo's step is in the feed with its link; the one not approved stays out
    expect(feed.filter((u: { media_url?: string }) => u.media_url)).toEqual([
      expect.objectContaining({ description: '上传了照片', media_url: listed.media_url, status: 'OPEN' }),
    ]);
  });

  it('refuses a request whose photo is not an image, or with too many photos, and writes nothing', async () => {
    const before = (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const bad = await postMultipart('/requests.json', request(), [
      { name: 'photo1', filename: 'evil.jpeg', type: 'image/jpeg', data: Buffer.from('<?php echo 1; ?>') },
    ]);
    expect(bad.statusCode).toBe(400);
    expectShape('errors', bad.json());
    expect(bad.json()[0].description).toContain('evil.jpeg');
    const many = await postMultipart(
      '/requests.json',
      request(),
      Array.from({ length: 4 }, (_, i) => ({
        name: `photo${i + 1}`,
        filename: `p${i}.jpeg`,
        type: 'image/jpeg',
        data: jpeg,
      })),
    );
    expect(many.statusCode).toBe(400);
    const broken = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: '--nope\r\nrubbish',
      headers: { 'content-type': 'multipart/form-data; boundary=other' },
    });
    expect(broken.statusCode).toBe(400);
    expectShape('errors', broken.json());
    const nulField = await postMultipart('/requests.json', request({ description: '路灯\u0000不亮' }), [
      { name: 'photo1', filename: 'ok.jpeg', type: 'image/jpeg', data: jpeg },
    ]);
    expect(nulField.statusCode).toBe(400);
    expect(nulField.json()[0].description).toContain('description');
    const nulName = await postMultipart('/requests.json', request(), [
      { name: 'photo1', filename: 'a\u0000.jpeg', type: 'image/jpeg', data: jpeg },
    ]);
    expect(nulName.statusCode).toBe(400);
    expectShape('errors', nulName.json());
    expect(nulName.json()[0].description).toContain('photo1.filename');
    expect((await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before);
  });

  it('takes photos larger than the JSON body limit in a multipart body, and keeps that limit for other bodies', async () => {
    const noise = randomBytes(700 * 700 * 3); // incompressible: the PNG stays above 1 MB
    const big = await sharp(noise, { raw: { width: 700, height: 700, channels: 3 } })
      .png()
      .toBuffer();
    expect(big.length).toBeGreaterThan(ctx.deps.config.bodyLimitBytes);
    const r = await postMultipart('/requests.json', request(), [
      { name: 'photo1', filename: 'big.png', type: 'image/png', data: big },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    expect(await photosOf(await caseOf(r.json()[0].service_request_id))).toEqual([
      expect.objectContaining({ mime: 'image/png' }),
    ]);
    const form = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: new URLSearchParams(request({ description: 'x'.repeat(ctx.deps.config.bodyLimitBytes) })).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(413);
    expectShape('errors', form.json());
  });

  it('adds an update from a multipart body with a photo and a media_url', async () => {
    const number = (await postMultipart('/requests.json', request())).json()[0].service_request_id;
    const r = await postMultipart(
      '/servicerequestupdates.json',
      {
        api_key: apiKey,
        service_request_id: number,
        description: '补充照片',
        status: 'OPEN',
        update_id_ext: '9',
        media_url: 'https://fms.example/photo/c/9.0.jpeg',
      },
      [{ name: 'photo1', filename: 'photo1.jpeg', type: 'image/jpeg', data: jpeg }],
    );
    expect(r.statusCode, r.body).toBe(200);
    expectShape('update_created', r.json());
    expect(await photosOf(await caseOf(number))).toHaveLength(1);
    const feed = (await ctx.app.inject({ method: 'GET', url: `${V2}/servicerequestupdates.json?${WINDOW}` })).json();
    expect(feed.find((u: { update_id: string }) => u.update_id === r.json()[0].update_id)).toMatchObject({
      description: '补充照片',
      media_url: 'https://fms.example/photo/c/9.0.jpeg',
      external_status_code: 'received',
    });
  });
});

describe('media_url', () => {
  it("keeps a request's media_url: returned in GET requests and shown to staff with the case", async () => {
    const url = 'https://fms.example/photo/42.full.jpeg?x=1&y=2';
    const created = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: new URLSearchParams(request({ media_url: url })).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const number = created.json()[0].service_request_id;
    const json = (await ctx.app.inject({ method: 'GET', url: `${V2}/requests/${number}.json` })).json();
    expectShape('requests', json);
    expect(json[0].media_url).toBe(url);
    const xml = (await ctx.app.inject({ method: 'GET', url: `${V2}/requests/${number}.xml` })).body;
    expect(xml).toContain('<media_url>https://fms.example/photo/42.full.jpeg?x=1&amp;y=2</media_url>');
    const detail = await call(ctx, town, 'GET', `/api/cases/${await caseOf(number)}`);
    expect(detail.json().mediaUrl).toBe(url);
    const first = (await ctx.app.inject({ method: 'GET', url: `${V2}/servicerequestupdates.json?${WINDOW}` }))
      .json()
      .find((u: { service_request_id: string }) => u.service_request_id === number);
    expect(first).toMatchObject({ status: 'OPEN', media_url: url });
  });

  it('refuses a media_url that is not an http(s) address', async () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a url',
      `https://x.example/${'a'.repeat(1000)}`,
      'https://user:pw@x.example/a.jpg',
    ]) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: `${V2}/requests.json`,
        payload: request({ media_url: bad }),
      });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json()[0].description).toContain('media_url');
    }
  });
});

describe('keywords', () => {
  it("joins a service's keywords with bare commas", async () => {
    await ctx.db.transaction((tx) =>
      updateCategory(tx, 'L0001', { synonyms: ['楼道杂物', ' 堆物 ', '杂物, 垃圾', '楼道杂物'] }),
    );
    const services = (await ctx.app.inject({ method: 'GET', url: `${V2}/services.json` })).json();
    expect(services.find((s: { service_code: string }) => s.service_code === 'L0001').keywords).toBe(
      '楼道杂物,堆物,杂物 垃圾',
    );
  });
});

describe('phone and ID numbers in public text', () => {
  it('are masked in the public list, the public map, the public case and Open311, and shown to staff', async () => {
    const text = '门口路灯坏了，联系电话 139 1234 5678，身份证421081199001011234，座机0716-7654321';
    const number = (
      await ctx.app.inject({
        method: 'POST',
        url: `${V2}/requests.json`,
        payload: request({ description: text, address_string: '金银垱 13912345678' }),
      })
    ).json()[0].service_request_id;
    const id = await caseOf(number);
    await call(ctx, town, 'POST', `/api/cases/${id}/events`, { type: 'file', note: '已电话联系 13987654321' });
    // the numbers typed, in any of their pieces a reader could put together (not a generic digit run: photo UUIDs have those)
    const leaks = /1391234|1234 5678|421081199001011234|19900101|7654321|13987654321/;

    const list = (await ctx.app.inject({ method: 'GET', url: '/api/public/cases?limit=200' })).json().items;
    const listed = list.find((c: { number: string }) => c.number === number);
    expect(listed.description).toBe('门口路灯坏了，联系电话 139****5678，身份证4210**********1234，座机071******21');
    const [w, s, e, n] = [SEAT[0] - 0.01, SEAT[1] - 0.01, SEAT[0] + 0.01, SEAT[1] + 0.01];
    const map = (await ctx.app.inject({ method: 'GET', url: `/api/public/cases?bbox=${w},${s},${e},${n}` })).json()
      .items;
    expect(map.find((c: { number: string }) => c.number === number).description).toBe(listed.description);
    const one = await ctx.app.inject({ method: 'GET', url: `/api/public/cases/${number}` });
    for (const body of [JSON.stringify(listed), JSON.stringify(map), one.body]) expect(body).not.toMatch(leaks);

    for (const fmt of ['json', 'xml']) {
      for (const url of [
        `/requests/${number}.${fmt}`,
        `/requests.${fmt}?service_request_id=${number}`,
        `/servicerequestupdates.${fmt}?${WINDOW}`,
      ]) {
        const body = (await ctx.app.inject({ method: 'GET', url: `${V2}${url}` })).body;
        expect(body, url).not.toMatch(leaks);
      }
    }
    const open311 = (await ctx.app.inject({ method: 'GET', url: `${V2}/requests/${number}.json` })).json()[0];
    expect(open311).toMatchObject({
      description: listed.description,
      address: '金银垱 139****5678',
      status_notes: '已电话联系 139****4321',
    });

    const staff = (await call(ctx, town, 'GET', `/api/cases/${id}`)).json();
    expect(staff.description).toBe(text);
    expect(staff.address).toBe('金银垱 13912345678');
    expect(JSON.stringify(staff.timeline)).toContain('13987654321');
  });
});
