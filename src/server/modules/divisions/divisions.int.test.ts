import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const get = async (url: string) => ctx.app.inject({ method: 'GET', url });

describe('division tree API for Shishou (421081)', () => {
  it('gives the county with 15 town-level units', async () => {
    const county = await get('/api/divisions/421081');
    expect(county.statusCode).toBe(200);
    expect(county.json()).toEqual({
      code: '421081',
      name: '石首市',
      kind: 'county',
      level: 3,
      parentCode: '4210',
      childCount: 15,
    });
    const towns = (await get('/api/divisions/421081/children')).json();
    expect(towns).toHaveLength(15);
    const kinds = towns.reduce(
      (acc: Record<string, number>, t: { kind: string }) => ({ ...acc, [t.kind]: (acc[t.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ street: 2, town: 11, township: 1, other_town: 1 });
  });

  it('counts 153 village committees, 39 residents committees and 11 others under the towns', async () => {
    const towns = (await get('/api/divisions/421081/children')).json() as { code: string; childCount: number }[];
    const counts: Record<string, number> = {};
    let total = 0;
    for (const t of towns) {
      const villages = (await get(`/api/divisions/${t.code}/children`)).json() as {
        kind: string;
        level: number;
        parentCode: string;
      }[];
      expect(villages).toHaveLength(t.childCount);
      for (const v of villages) {
        expect(v.level).toBe(5);
        expect(v.parentCode).toBe(t.code);
        counts[v.kind] = (counts[v.kind] ?? 0) + 1;
        total++;
      }
    }
    expect(counts).toEqual({ village_committee: 153, residents_committee: 39, other_village: 11 });
    expect(total).toBe(203);
  });

  it('finds 百子庵村委会 under 高基庙镇', async () => {
    const v = (await get('/api/divisions/421081107212')).json();
    expect(v).toMatchObject({
      code: '421081107212',
      name: '百子庵村委会',
      kind: 'village_committee',
      level: 5,
      parentCode: '421081107',
      childCount: 0,
    });
    expect((await get('/api/divisions/421081107')).json()).toMatchObject({ name: '高基庙镇', kind: 'town' });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const missing = await get('/api/divisions/421081999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const bad = await get('/api/divisions/12ab');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('params.code');
    const badLength = await get('/api/divisions/1234567');
    expect(badLength.statusCode).toBe(400);
  });

  it('created the standard departments for the county', async () => {
    const deps = (await get('/api/departments')).json() as { code: string }[];
    expect(deps.map((d) => d.code)).toContain('421081-cgj');
  });
});
