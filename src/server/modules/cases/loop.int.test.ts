/**
 * The loop through its command table over HTTP: a dispatch naming nobody is refused by the machine
 * (nothing written), and each event's body is its own member of the OpenAPI union.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { writeGrids } from '../organisation/organisation.write';
import { invalidateGridIndex } from '../organisation';

const GRID = '421081001007001';
let ctx: TestContext;
let resident: TestActor, gridWorker: TestActor;

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(COUNTY_SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  resident = await residentActor(ctx, '13911115555');
  gridWorker = await staffActor(ctx, 'grid_worker', GRID);
});
afterAll(async () => {
  await ctx.close();
});

describe('the loop through its commands', () => {
  it('refuses a dispatch that names no handler, leaving the case, its timeline and the audit as they were', async () => {
    const c = (
      await call(ctx, resident, 'POST', '/api/cases', {
        description: '楼下暴露垃圾没人管',
        categoryCode: '06010',
        lng: COUNTY_SEAT[0],
        lat: COUNTY_SEAT[1],
      })
    ).json();
    expect((await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, { type: 'file' })).statusCode).toBe(200);
    const count = async (sql: string) => Number((await ctx.db.query<{ n: number }>(sql, [c.id])).rows[0]!.n);
    const before = {
      events: await count('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1'),
      audit: await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`),
    };
    for (const body of [{ type: 'dispatch' }, { type: 'dispatch', note: '派给谁？' }]) {
      const r = await call(ctx, gridWorker, 'POST', `/api/cases/${c.id}/events`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ code: 'invalid_case_event' });
      expect(r.json().message).toContain('派遣须指定办理对象');
    }
    const after = (await call(ctx, gridWorker, 'GET', `/api/cases/${c.id}`)).json();
    expect(after).toMatchObject({ state: 'filed', handlerUserId: null, dispatchedAt: null });
    expect(await count('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1')).toBe(before.events);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`)).toBe(before.audit);
  });

  it('documents each event body as its own member of the union', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const body = doc.paths['/api/cases/{id}/events'].post.requestBody.content['application/json'].schema;
    const types = (body.anyOf as { properties: { type: { const?: string; enum?: string[] } } }[]).map(
      (s) => s.properties.type.const ?? s.properties.type.enum?.[0],
    );
    expect(types).toEqual([
      'file',
      'reject',
      'dispatch',
      'accept',
      'send_back',
      'progress',
      'request_suspension',
      'approve_suspension',
      'deny_suspension',
      'resume',
      'feedback',
      'verify',
      'rate',
      'reopen',
      'supervise',
    ]);
  });
});
