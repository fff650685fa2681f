import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { compileRouteSchemas } from './lazy-schemas';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the real app', () => {
  it("compiles every route's schemas (what `serve` does right after listening)", async () => {
    expect(await compileRouteSchemas(ctx.app)).toBeGreaterThan(100);
    expect((await ctx.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
  });
});
