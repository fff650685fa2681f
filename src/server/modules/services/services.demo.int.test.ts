import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../../test/harness';
import { seedDemoAccounts } from '../demo/demo.seed';
import { seedServicesDemo } from './services.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoAccounts(ctx.db, ctx.deps.crypto);
});
afterAll(() => ctx.close());

describe('the services demo', () => {
  it('seeds units, cadres, activities and errands in each state, once', async () => {
    expect(await seedServicesDemo(ctx.deps)).toMatch(/4 partner units, 6 cadres, 5 activities, 6 errands/);
    expect(await seedServicesDemo(ctx.deps)).toBeNull();
    const { rows } = await ctx.db.owner.query<{ state: string }>('SELECT DISTINCT state FROM errands ORDER BY state');
    expect(rows.map((r) => r.state)).toEqual(['accepted', 'assigned', 'cancelled', 'done', 'failed', 'requested']);
    const hours = await ctx.db.owner.query('SELECT 1 FROM service_signups WHERE confirmed_at IS NOT NULL');
    expect(hours.rows).toHaveLength(1);
  });
});
