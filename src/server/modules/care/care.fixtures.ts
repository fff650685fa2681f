/** Test fixtures of the care tests: a village with two grids and its people (test code only). */
import type { TestContext } from '../../../../test/harness';
import { makeIdNumber } from '../organisation/id-number';
import { refreshCoverage, writeGrids, writeHouseholds, writeResidents } from '../organisation/organisation.write';

export const V = '421081107212'; // 百子庵村
export const G1 = `${V}001`;
export const G2 = `${V}002`;
export const hh = (grid: string, n: number) => `${grid}000${String(n).padStart(4, '0')}`;

/** Residents by name → id: 王秀兰, 李德福 (grid 1), 赵桂香 (grid 2). 王秀兰's phone is `phone`. */
export async function seedVillage(ctx: TestContext, phone: string): Promise<Record<string, string>> {
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    const touched = new Set<string>();
    for (const g of await writeGrids(c, [
      { code: G1, name: '一网格', polygon: null, synthetic: true },
      { code: G2, name: '二网格', polygon: null, synthetic: true },
    ]))
      touched.add(g);
    await writeHouseholds(c, [
      { code: hh(G1, 1), address: '百子庵村1组1号', point: null },
      { code: hh(G1, 2), address: '百子庵村1组2号', point: null },
      { code: hh(G2, 1), address: '百子庵村2组1号', point: null },
    ]);
    await writeResidents(c, [
      {
        householdCode: hh(G1, 1),
        name: '王秀兰',
        idNumber: makeIdNumber('421081', '19400101', 11),
        phone,
        relation: 'householder',
      },
      {
        householdCode: hh(G1, 2),
        name: '李德福',
        idNumber: makeIdNumber('421081', '19450101', 21),
        phone: null,
        relation: 'householder',
      },
      {
        householdCode: hh(G2, 1),
        name: '赵桂香',
        idNumber: makeIdNumber('421081', '19380101', 31),
        phone: null,
        relation: 'householder',
      },
    ]);
    await refreshCoverage(tx, touched);
  });
  const { rows } = await ctx.db.owner.query<{ id: string; name: string }>(`SELECT id, name FROM residents`);
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** The nine default answers, with one concern. */
export const NINE_ANSWERS = [
  'health',
  'food_clothing',
  'housing_safety',
  'income',
  'medical',
  'care',
  'policy',
  'mood',
  'needs',
].map((key) => ({ key, answer: key === 'housing_safety' ? '屋顶漏雨' : '好', concern: key === 'housing_safety' }));
