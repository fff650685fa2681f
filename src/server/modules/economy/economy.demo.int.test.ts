import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { economyDemo } from './economy.demo';
import { collectiveIncomeSummary } from './index';
import { contracts } from './registers.repo';
import { contractView } from './registers.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-12-03T09:00:00+08:00'));
});
afterAll(() => ctx.close());

it('the demo: ~92 % of Shishou’s villages above 100,000 yuan, 百子庵村 just below in 2026, one overdue lease; idempotent', async () => {
  expect(await economyDemo(ctx.deps)).toContain('collective economy');
  expect(await economyDemo(ctx.deps)).toBeNull();
  expect(await collectiveIncomeSummary(ctx.deps, '421081', 2025)).toMatchObject({
    villages: 153,
    above: 141,
    basisPoints: 9216,
  });
  expect(await collectiveIncomeSummary(ctx.deps, '421081', 2026)).toMatchObject({ villages: 153, above: 141 });
  const leases = (await contracts(ctx.db, ['421081107212'], 10, null)).map((c) => contractView(c, '2026-12-03'));
  expect(leases).toHaveLength(3);
  expect(leases.filter((c) => c.overdue).map((c) => c.overdueFen)).toEqual([1_400_000]);
}, 120_000);
