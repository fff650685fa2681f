/**
 * Near-duplicates: open reports within 250 m and 7 days ranked by text similarity, for the
 * dispatcher (GET /api/cases/:id/similar → reject as duplicate) and the reporter's form
 * (POST /api/cases/similar → follow instead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieOf,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import type { CaseRow } from '../cases/cases.repo';
import { SEAT, insertCountyCase, metresNorth } from './county.fixtures';

const NOW = new Date('2026-11-25T09:00:00+08:00');
const TEXT = '幸福小区门口的垃圾站臭味很大，垃圾长期没人清运，污染环境';
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let ctx: TestContext;
let resident: TestActor, county: TestActor, otherTown: TestActor;
const cases: Record<string, CaseRow> = {};

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', REPORTS_PER_PERSON_PER_HOUR: '1000' });
  ctx.clock.set(NOW);
  county = await staffActor(ctx, 'county_officer', '421081');
  otherTown = await staffActor(ctx, 'town_officer', '421081107');
  const phone = '13911114444';
  await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } });
  const { rows } = await ctx.db.owner.query<{ body: string }>('SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1');
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sms-sign-in',
    payload: { phone, code: /(\d{6})/.exec(rows[0].body)![1] },
  });
  const me = (await ctx.app.inject({ url: '/api/me', headers: { cookie: cookieOf(res) } })).json();
  resident = { userId: me.user.id, username: phone, cookie: cookieOf(res) };

  const open = { state: 'received' as const, confirmed: false };
  const put = async (
    name: string,
    description: string,
    metres: number,
    days: number,
    extra: Partial<Parameters<typeof insertCountyCase>[1]> = {},
  ) => {
    cases[name] = await insertCountyCase(ctx.db, {
      ...open,
      categoryCode: '06010',
      description,
      lat: SEAT[1] + metresNorth(metres),
      receivedAt: daysAgo(days),
      ...extra,
    });
  };
  await put('same', TEXT, 30, 1);
  await put('similar', '小区垃圾站没人清运，垃圾堆积发臭', 120, 2);
  await put('samePlace', '幸福小区门口路灯坏了好几天', 60, 3, { categoryCode: '01037' });
  await put('unrelated', '学校老师强制学生暑假补课，收取高额补课费', 10, 1);
  await put('private', TEXT, 40, 1, { isPublic: false });
  await put('far', TEXT, 300, 1);
  await put('old', TEXT, 30, 8);
  await put('closed', TEXT, 30, 1, { state: 'closed', confirmed: true });
});
afterAll(async () => {
  await ctx.close();
});

const names = (hits: { id: string }[]) => hits.map((h) => Object.keys(cases).find((k) => cases[k].id === h.id) ?? h.id);

describe('POST /api/cases/similar (before submitting)', () => {
  it('ranks public open reports nearby: same text > similar > same place, unrelated/far/old/closed/private left out', async () => {
    const r = await call(ctx, resident, 'POST', '/api/cases/similar', {
      description: TEXT,
      lng: SEAT[0],
      lat: SEAT[1],
      categoryCode: '06010',
    });
    expect(r.statusCode, r.body).toBe(200);
    const hits = r.json();
    expect(names(hits)).toEqual(['same', 'similar', 'samePlace']);
    expect(hits[0]).toEqual({
      id: cases.same.id,
      number: cases.same.number,
      title: cases.same.title,
      state: 'received',
      categoryCode: '06010',
      distanceMeters: 30,
      similarity: 1,
      sameCategory: true,
    });
    expect(hits[1].similarity).toBeGreaterThan(hits[2].similarity);
    expect(hits[2].sameCategory).toBe(false);
    // "same as case N": the reporter follows it instead of filing again
    expect((await call(ctx, resident, 'POST', `/api/cases/${hits[0].id}/follow`)).statusCode).toBe(204);
  });

  it('shows staff the reports they may read too, and checks its input', async () => {
    const staff = await call(ctx, county, 'POST', '/api/cases/similar', {
      description: TEXT,
      lng: SEAT[0],
      lat: SEAT[1],
    });
    expect(names(staff.json())).toEqual(['same', 'private', 'similar', 'samePlace']);
    expect(staff.json()[0].sameCategory).toBeNull();
    expect(
      (
        await call(ctx, resident, 'POST', '/api/cases/similar', {
          description: TEXT,
          lng: SEAT[0],
          lat: SEAT[1],
          categoryCode: 'X9999',
        })
      ).json().code,
    ).toBe('unknown_category');
    expect((await call(ctx, resident, 'POST', '/api/cases/similar', { description: TEXT })).statusCode).toBe(400);
    expect(
      (await call(ctx, null, 'POST', '/api/cases/similar', { description: TEXT, lng: SEAT[0], lat: SEAT[1] }))
        .statusCode,
    ).toBe(401);
  });
});

describe('GET /api/cases/:id/similar (triage)', () => {
  it('ranks the candidates for "same as case N" and the dispatcher rejects the report as a duplicate', async () => {
    const mine = (
      await call(ctx, resident, 'POST', '/api/cases', {
        description: TEXT,
        categoryCode: '06010',
        lng: SEAT[0],
        lat: SEAT[1],
      })
    ).json();
    const r = await call(ctx, county, 'GET', `/api/cases/${mine.id}/similar`);
    expect(r.statusCode, r.body).toBe(200);
    expect(names(r.json())).toEqual(['same', 'private', 'similar', 'samePlace']);
    expect(
      r
        .json()
        .every(
          (h: { similarity: number }, i: number, a: { similarity: number }[]) =>
            i === 0 || a[i - 1].similarity >= h.similarity,
        ),
    ).toBe(true);
    expect((await call(ctx, resident, 'GET', `/api/cases/${mine.id}/similar`)).statusCode).toBe(403); // staff only
    expect((await call(ctx, otherTown, 'GET', `/api/cases/${mine.id}/similar`)).statusCode).toBe(404);

    const rejected = await call(ctx, county, 'POST', `/api/cases/${mine.id}/events`, {
      type: 'reject',
      reason: 'duplicate',
      duplicateOf: r.json()[0].number,
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', duplicateOf: cases.same.id });
    // a rejected report is no longer open: it is not offered again
    const again = await call(ctx, county, 'GET', `/api/cases/${cases.similar.id}/similar`);
    expect(names(again.json())).not.toContain(mine.id);
  });
});
