import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../../../test/harness';
import { countyPlaces } from '../../platform/geo';
import { beehiveDemo, DEMO_MEASURES } from './beehive.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
});
afterAll(async () => {
  await ctx.close();
});

describe('the beehive demo', () => {
  it('puts a station at each real seat point, the measures, workers and the 人社 handler; a second run adds nothing', async () => {
    const line = await beehiveDemo(ctx.deps);
    expect(line).toContain('20 stations');
    expect(await beehiveDemo(ctx.deps)).toBeNull();
    const { rows } = await ctx.db.owner.query<{ lng: number; lat: number; name: string }>(
      'SELECT lng, lat, name FROM beehive_stations ORDER BY name',
    );
    const places = countyPlaces('421081');
    expect(rows).toHaveLength(places.length);
    for (const p of places) expect(rows.some((r) => r.lng === p.point[0] && r.lat === p.point[1])).toBe(true);
    expect(rows.map((r) => r.name)).toContain('南岳山社区党员学习微站');
    const near = (await call(ctx, null, 'GET', '/api/beehive/stations/nearest?lng=112.419609&lat=29.723349')).json();
    expect(near.items[0]).toMatchObject({ name: '石首市红色蜂巢', metres: 0 });
    expect((await call(ctx, null, 'GET', '/api/beehive/measures')).json().items).toHaveLength(DEMO_MEASURES.length);
    const renshe = { userId: '', username: 'renshe', cookie: await signIn(ctx, 'renshe', 'Demo@2026') };
    const queue = (await call(ctx, renshe, 'GET', '/api/beehive/console/requests')).json().items;
    expect(queue.map((r: { kind: string }) => r.kind).sort()).toEqual(['insurance', 'wage_arrears']);
  });
});
