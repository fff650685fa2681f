/** The 头雁 demo on a real database: after the demo's accounts and a small population, once only; the org account reads it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../../../test/harness';
import { prepareDemo } from '../demo/demo.prepare';
import { leadersDemo } from './leaders.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ DEMO_SCALE: '0.002' });
  await prepareDemo(ctx.deps);
});
afterAll(async () => {
  await ctx?.close();
});

describe('leaders demo', () => {
  it('creates the teams, 100 reserve cadres, a scored contest and talks; idempotent; zuzhibu reads them', async () => {
    expect(await leadersDemo(ctx.deps)).toMatch(/100 reserve cadres/);
    expect(await leadersDemo(ctx.deps)).toBeNull();
    const org = { userId: '', username: 'zuzhibu', cookie: await signIn(ctx, 'zuzhibu', 'Demo@2026') };
    const me = (await call(ctx, org, 'GET', '/api/me')).json();
    expect(me.capabilities).toContain('leaders.records');
    const counts = (await call(ctx, org, 'GET', '/api/leaders/teams')).json();
    expect(counts.total.reserve).toBe(100);
    const village = (await call(ctx, org, 'GET', '/api/leaders/people?scope=421081107212&team=secretary')).json();
    expect(village.items).toHaveLength(1);
    expect(village.items[0].posts.map((p: { post: string }) => p.post).sort()).toEqual(['director', 'secretary']);
    const due = (await call(ctx, org, 'GET', '/api/leaders/tiers/due')).json();
    expect(due.items.length).toBeGreaterThan(0);
    const contests = (await call(ctx, org, 'GET', '/api/leaders/contests')).json();
    const contest = (await call(ctx, org, 'GET', `/api/leaders/contests/${contests.items[0].id}`)).json();
    expect(contest.ranking.every((r: { judges: number }) => r.judges === 2)).toBe(true);
    expect((await call(ctx, org, 'GET', '/api/leaders/talks')).json().items).toHaveLength(3);
    // the demo's town officer (no org role) sees none of it
    const town = { userId: '', username: 'gaojimiao', cookie: await signIn(ctx, 'gaojimiao', 'Demo@2026') };
    expect((await call(ctx, town, 'GET', '/api/leaders/people')).statusCode).toBe(404);
  });
});
