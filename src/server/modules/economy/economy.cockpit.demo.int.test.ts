/** The cockpit's economy panel on the demo: the seed's 92 % of villages above 100,000 yuan (#17). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { COUNTY, figuresOf, triple, viewOf } from '../../cockpit/figures.testing';
import { economyCockpit } from './economy.cockpit';
import { economyDemo } from './economy.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-12-03T09:00:00+08:00'));
  await economyDemo(ctx.deps);
}, 120_000);
afterAll(() => ctx.close());

it('the county: 141 of 153 villages above the threshold, 92.16 %, this year and last', async () => {
  const panels = await economyCockpit(ctx.deps, viewOf(COUNTY, true));
  const f = figuresOf(panels);
  expect(triple(f['economy.villagesAbove'])).toEqual([141, 141, 141]);
  expect(triple(f['economy.shareAbove'])).toEqual([92.16, 92.16, 92.16]);
  expect(panels[0].rankings[0].by).toBe('town');
});
