/**
 * Photos sent before their report (issue #11): the report names them and gets them, exactly once, or
 * is refused before anything is written; a retried report attaches them once; staged photos nobody
 * attached are removed after a day.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor } from '../../../../test/fixtures';
import { CLIENT_HEADERS, call, createTestContext, type TestActor, type TestContext } from '../../../../test/harness';
import { purgeStagedPhotos } from './staged-photos.service';

let ctx: TestContext;
let jpeg: Buffer;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  const sharp = (await import('sharp')).default;
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
    .jpeg()
    .toBuffer();
});
afterAll(async () => {
  await ctx.close();
});

const stage = (actor: TestActor, body: Buffer = jpeg, type = 'image/jpeg') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/photos',
    payload: body,
    headers: { ...CLIENT_HEADERS, cookie: actor.cookie, 'content-type': type },
  });

const report = (actor: TestActor, photoIds: string[], key: string) =>
  call(
    ctx,
    actor,
    'POST',
    '/api/cases',
    { description: '路灯不亮，晚上很黑', categoryCode: '01037', lng: COUNTY_SEAT[0], lat: COUNTY_SEAT[1], photoIds },
    { 'idempotency-key': key },
  );

const count = async (sql: string, params: unknown[] = []) =>
  (await ctx.db.owner.query<{ n: number }>(sql, params)).rows[0].n;

describe('photos sent before their report', () => {
  it('attaches the staged photos to the new case under their ids, once, also when the report is retried', async () => {
    const me = await residentActor(ctx, '13900000301');
    const a = await stage(me);
    const b = await stage(me);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
    const ids = [a.json().id, b.json().id];
    const first = await report(me, ids, 'staged-photos-0001');
    expect(first.statusCode, first.body).toBe(201);
    const c = first.json();
    const detail = (await call(ctx, me, 'GET', `/api/cases/${c.id}`)).json();
    expect(detail.photos.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(await count('SELECT count(*)::int AS n FROM staged_photos WHERE id = ANY($1::uuid[])', [ids])).toBe(0);
    const again = await report(me, ids, 'staged-photos-0001');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(c.id);
    expect(await count('SELECT count(*)::int AS n FROM case_photos WHERE case_id = $1', [c.id])).toBe(2);
    const photo = await call(ctx, me, 'GET', `/api/photos/${ids[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it("refuses a report naming a photo that is unknown or someone else's, before writing anything", async () => {
    const me = await residentActor(ctx, '13900000302');
    const other = await residentActor(ctx, '13900000303');
    const theirs = (await stage(other)).json().id;
    const mine = (await stage(me)).json().id;
    const cases = await count('SELECT count(*)::int AS n FROM cases');
    for (const bad of [theirs, '00000000-0000-4000-8000-000000000000']) {
      const r = await report(me, [mine, bad], `staged-photos-bad-${bad.slice(0, 8)}`);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toMatchObject({ code: 'photo_expired' });
      expect(r.json().message).toContain(bad);
    }
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(cases);
    expect(await count('SELECT count(*)::int AS n FROM staged_photos WHERE id = $1', [mine])).toBe(1);
    const malformed = await report(me, ['not-a-uuid'], 'staged-photos-malformed');
    expect(malformed.statusCode).toBe(400);
    const twice = await report(me, [mine, mine], 'staged-photos-twice');
    expect(twice.statusCode).toBe(400);
  });

  it('checks a staged photo like any photo, and asks for a signed-in uploader', async () => {
    const me = await residentActor(ctx, '13900000304');
    const junk = await stage(me, Buffer.from('not an image at all'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json()).toMatchObject({ code: 'photo_invalid' });
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/photos',
      payload: jpeg,
      headers: { ...CLIENT_HEADERS, 'content-type': 'image/jpeg' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('removes staged photos nobody attached after a day, rows and files', async () => {
    const me = await residentActor(ctx, '13900000305');
    const id = (await stage(me)).json().id;
    const row = (
      await ctx.db.owner.query<{ original_path: string }>('SELECT original_path FROM staged_photos WHERE id = $1', [id])
    ).rows[0];
    const file = path.join(ctx.config.dataDir, row.original_path);
    expect(existsSync(file)).toBe(true);
    expect(await purgeStagedPhotos(ctx.deps)).toBe(0);
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 25 * 3600_000));
    expect(await purgeStagedPhotos(ctx.deps)).toBeGreaterThanOrEqual(1);
    expect(await count('SELECT count(*)::int AS n FROM staged_photos WHERE id = $1', [id])).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
