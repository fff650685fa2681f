/** The collective economy's panel of the cockpit (#17): income and the share of villages above the threshold. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import {
  COUNTY,
  EMPTY_TOWN,
  expectNoData,
  expectNoLinks,
  figuresOf,
  insertRows,
  OTHER,
  TOWN,
  triple,
  VILLAGE,
  viewOf,
} from '../../cockpit/figures.testing';
import { economyCockpit } from './economy.cockpit';
import { collectiveIncomeSummary } from './index';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const income = (village: string, year: number, yuan: number) => ({
    village_code: village,
    year,
    source: 'resources',
    amount_fen: yuan * 100,
  });
  await insertRows(
    ctx,
    'economy_incomes',
    [
      income(VILLAGE, 2026, 120_000),
      income(VILLAGE, 2025, 80_000),
      income(OTHER, 2026, 50_000),
      income(OTHER, 2025, 110_000),
    ],
    'village_code',
  );
}, 60_000);
afterAll(() => ctx.close());

describe('the collective economy in the cockpit', () => {
  it("a village's income and whether it is above 100,000 yuan, by the year of each period", async () => {
    const f = figuresOf(await economyCockpit(ctx.deps, viewOf(VILLAGE)));
    expect(triple(f['economy.income'])).toEqual([120_000, 120_000, 80_000]);
    expect(triple(f['economy.villagesAbove'])).toEqual([1, 1, 0]);
    expect(triple(f['economy.shareAbove'])).toEqual([100, 100, 0]);
    expect(f['economy.income'].ledger).toBe('/api/economy/registers/incomes/export.xlsx?year=2026');
    expect(f['economy.shareAbove'].drill).toBe(
      '/economy-share?scope=421081107212&from=2026-11-01&to=2026-11-30&year=2026',
    );
  });

  it('the town: its share as collectiveIncomeSummary counts it, villages ranked by income', async () => {
    const panels = await economyCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    const [now, before] = [
      await collectiveIncomeSummary(ctx.deps, TOWN, 2026),
      await collectiveIncomeSummary(ctx.deps, TOWN, 2025),
    ];
    expect(triple(f['economy.income'])).toEqual([170_000, 170_000, 190_000]);
    expect(triple(f['economy.villagesAbove'])).toEqual([1, 1, 1]);
    expect(triple(f['economy.shareAbove'])).toEqual([
      now.basisPoints / 100,
      now.basisPoints / 100,
      before.basisPoints / 100,
    ]);
    expect(panels[0].rankings[0]).toMatchObject({ key: 'economy.incomeByVillage', by: 'village' });
    expect(panels[0].rankings[0].rows.slice(0, 2).map((r) => [r.code, r.value])).toEqual([
      [VILLAGE, 120_000],
      [OTHER, 50_000],
    ]);
  });

  it('the county ranks its towns by share above', async () => {
    const panels = await economyCockpit(ctx.deps, viewOf(COUNTY));
    const ranking = panels[0].rankings[0];
    expect(ranking).toMatchObject({ key: 'economy.shareAboveByTown', by: 'town' });
    expect(ranking.rows[0].code).toBe(TOWN);
  });

  it('尚无数据 where no income was ever entered; a kiosk has no links', async () => {
    expectNoData(await economyCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await economyCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
