/**
 * The cases and points demos on a real database (issue #11 item 14): the sign-in page's residents are
 * registered in 百子庵村 and have reports in every state with their history; 百子庵村's shop has
 * things in stock; once only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { prepareDemo } from '../demo/demo.prepare';
import { pointsDemo } from '../points/points.demo';
import { casesDemo } from './cases.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ DEMO_SCALE: '0.002' });
  await prepareDemo(ctx.deps);
});
afterAll(async () => {
  await ctx?.close();
});

describe('cases and points demos', () => {
  it('registers 张大爷 and 李阿姨 in households and gives them a report in each state, with history; idempotent', async () => {
    expect(await casesDemo(ctx.deps)).toMatch(/^cases: .* 6 reports in every state/);
    expect(await casesDemo(ctx.deps)).toBeNull();
    const { rows } = await ctx.db.query<{ state: string; events: number; name: string }>(
      `SELECT c.state, (SELECT count(*) FROM case_events e WHERE e.case_id = c.id)::int AS events, u.display_name AS name
         FROM cases c JOIN users u ON u.id = c.reporter_id WHERE u.phone_masked LIKE '138****000_' ORDER BY c.number`,
    );
    expect(new Set(rows.map((r) => r.state)).size).toBe(6); // six different states
    expect(rows).toHaveLength(6);
    expect(Math.max(...rows.map((r) => r.events))).toBeGreaterThanOrEqual(7); // the rated one's whole history
    expect(new Set(rows.map((r) => r.name)).size).toBe(2);
    const linked = await ctx.db.query(
      `SELECT 1 FROM residents r JOIN users u ON u.phone_index = r.phone_index WHERE u.phone_masked LIKE '138****000_'`,
    );
    expect(linked.rows).toHaveLength(2);
  });

  it("stocks 百子庵村's shop once", async () => {
    expect(await pointsDemo(ctx.deps)).toMatch(/^points: 4 things/);
    expect(await pointsDemo(ctx.deps)).toBeNull();
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM points_items WHERE division_code = '421081107212' AND stock > 0`,
    );
    expect(rows[0].n).toBe(4);
  });
});
