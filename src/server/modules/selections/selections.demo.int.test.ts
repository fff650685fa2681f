/** The selections demo: residents with the flow phones, a selection in its vote and a finished one; idempotent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { seedDemoAccounts } from '../demo/demo.seed';
import { writeGrids } from '../organisation/organisation.write';
import { selectionsDemo } from './selections.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoAccounts(ctx.db, ctx.deps.crypto, '421081');
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: '421081107212001', name: '一网格', polygon: null, synthetic: true },
    ]),
  );
}, 120_000);
afterAll(() => ctx.close());

describe('the selections demo', () => {
  it('registers the flow residents, runs one selection to results (certificates issued) and leaves one in its vote, once', async () => {
    expect(await selectionsDemo(ctx.deps)).toContain('13916000001');
    const q = async <T>(sql: string) => (await ctx.db.owner.query<T>(sql)).rows;
    expect(
      await q<{ phase: string; n: number }>(
        `SELECT s.phase, (SELECT count(*)::int FROM selection_rankings r WHERE r.selection_id = s.id) AS n
         FROM selections s WHERE is_demo ORDER BY created_at, title`,
      ),
    ).toEqual([
      { phase: 'results', n: 4 },
      { phase: 'voting', n: 0 },
    ]);
    expect(
      await q(
        `SELECT count(*)::int AS n FROM residents WHERE household_code LIKE '421081107212001%' AND phone_masked IS NOT NULL`,
      ),
    ).toEqual([{ n: 9 }]);
    const winners = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM selection_rankings r JOIN selections s ON s.id = r.selection_id
        WHERE s.is_demo AND s.phase = 'results' AND r.selected`,
    );
    expect(await q('SELECT count(*)::int AS n FROM selection_certificates')).toEqual(winners);
    expect(winners[0].n).toBeGreaterThan(0);
    expect(await selectionsDemo(ctx.deps)).toBeNull();
  });
});
