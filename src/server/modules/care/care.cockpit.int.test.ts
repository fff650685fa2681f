/** The care panel of the cockpit (#17): visits due and done, the rate, ranking; counts only, never a name. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import {
  aUser,
  at,
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
import { makeIdNumber } from '../organisation/id-number';
import { writeGrids, writeHouseholds, writeResidents } from '../organisation/organisation.write';
import { careCockpit } from './care.cockpit';
import { G1, G2, hh, seedVillage } from './care.fixtures';

let ctx: TestContext;
const NAMES = ['王秀兰', '李德福', '赵桂香', '孙大娘'];
const OG = `${OTHER}001`;

beforeAll(async () => {
  ctx = await createTestContext();
  const people = await seedVillage(ctx, '13914200031');
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    await writeGrids(c, [{ code: OG, name: '一网格', polygon: null, synthetic: true }]);
    await writeHouseholds(c, [{ code: hh(OG, 1), address: '另一村1组1号', point: null }]);
    await writeResidents(c, [
      {
        householdCode: hh(OG, 1),
        name: '孙大娘',
        idNumber: makeIdNumber('421081', '19400202', 41),
        phone: null,
        relation: 'householder',
      },
    ]);
  });
  const { rows } = await ctx.db.owner.query<{ id: string }>(`SELECT id FROM residents WHERE name = '孙大娘'`);
  const worker = await aUser(ctx, 'staff');
  const person = (resident: string, grid: string) => ({
    resident_id: resident,
    grid_code: grid,
    categories: ['elderly_alone'],
    tier: 'key',
    worker_id: worker,
    consent_by: 'self',
    consent_on: '2025-01-01',
    registered_at: at('2025-01-01'),
  });
  const [a, b, c, d] = await insertRows(ctx, 'care_persons', [
    person(people.王秀兰, G1),
    person(people.李德福, G1),
    person(people.赵桂香, G2),
    person(rows[0].id, OG),
  ]);
  const grids = { [a]: G1, [b]: G1, [c]: G2, [d]: OG };
  const due = (p: string, dueDay: string, metDay: string | null, outcome = 'met') => ({
    person_id: p,
    grid_code: grids[p],
    worker_id: worker,
    tier: 'key',
    reason: 'visited',
    opened_at: at('2025-01-01'),
    due_at: at(dueDay),
    closed_at: metDay && at(metDay),
    outcome: metDay && outcome,
  });
  await insertRows(ctx, 'care_dues', [
    due(a, '2025-11-05', '2025-11-04'),
    due(c, '2026-10-15', '2026-10-14'),
    due(c, '2026-11-28', '2026-11-02', 'superseded'), // a change reported: not counted
    due(a, '2026-11-10', '2026-11-08'),
    due(b, '2026-11-20', null), // still open
    due(d, '2026-11-12', null),
  ]);
  const visit = (p: string, day: string) => ({
    person_id: p,
    grid_code: grids[p],
    worker_id: worker,
    visited_at: at(day),
    answers: JSON.stringify([]),
    summary: '王秀兰屋顶漏雨',
    created_at: at(day),
  });
  await insertRows(ctx, 'care_visits', [visit(a, '2025-11-04'), visit(c, '2026-10-14'), visit(a, '2026-11-08')]);
}, 60_000);
afterAll(() => ctx.close());

describe('care in the cockpit', () => {
  it("a village's visits due, done and the rate over three periods, by grid; nothing of another village", async () => {
    const panels = await careCockpit(ctx.deps, viewOf(VILLAGE));
    const f = figuresOf(panels);
    expect(triple(f['care.visitsDue'])).toEqual([2, 1, 1]);
    expect(triple(f['care.visitsDone'])).toEqual([1, 1, 1]);
    expect(triple(f['care.visitRate'])).toEqual([50, 100, 100]);
    expect(triple(f['care.visitsMade'])).toEqual([1, 1, 1]);
    expect(f['care.visitRate'].drill).toBe('/care-rates?scope=421081107212&from=2026-11-01&to=2026-11-30');
    expect(f['care.visitRate'].ledger).toBeUndefined();
    expect(panels[0].rankings[0]).toMatchObject({ by: 'grid', rows: [{ code: G1, name: '一网格', value: 50 }] });
  });

  it('the town ranks its villages by visit rate', async () => {
    const panels = await careCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['care.visitRate'])).toEqual([33.3, 100, 100]);
    expect(panels[0].rankings[0].rows.map((r) => [r.code, r.value])).toEqual([
      [VILLAGE, 50],
      [OTHER, 0],
    ]);
  });

  it('counts only: no name or detail of a person, for a signed-in viewer as for a kiosk', async () => {
    for (const kiosk of [false, true]) {
      const text = JSON.stringify(await careCockpit(ctx.deps, viewOf(TOWN, kiosk)));
      for (const name of NAMES) expect(text).not.toContain(name);
      expect(text).not.toContain('屋顶漏雨');
    }
    expectNoLinks(await careCockpit(ctx.deps, viewOf(TOWN, true)));
  });

  it('尚无数据 where nobody is on the register', async () => {
    expectNoData(await careCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
  });
});
