import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { populate } from '../deliberation/deliberation.fixtures';
import { seedDeliberationDemo } from '../deliberation/demo';
import { createPointsContext } from '../points/points.harness';
import { seedCovenantsDemo } from './covenants.demo';

const VILLAGE = '421081107212';
let ctx: TestContext;
let officer: TestActor;

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE, { username: 'baizian' });
  await staffActor(ctx, 'grid_worker', VILLAGE, { username: 'gridworker' });
  await populate(ctx, VILLAGE, { households: 30, adultsPer: 2 });
});
afterAll(async () => {
  await ctx.close();
});

describe('the covenants demo for 百子庵村', () => {
  it('adopts the 27-article revision by a resolved matter over the 2019 version, with a council and two 红白事, once', async () => {
    expect(await seedCovenantsDemo(ctx.deps)).toBeNull(); // deliberation's demo first (its committees and representatives)
    await seedDeliberationDemo(ctx.deps);
    expect(await seedCovenantsDemo(ctx.deps)).toContain('27 articles');
    expect(await seedCovenantsDemo(ctx.deps)).toBeNull();
    const [covenant] = (await call(ctx, officer, 'GET', '/api/covenants')).json().items;
    const versions = (await call(ctx, officer, 'GET', `/api/covenants/${covenant.id}`)).json().versions;
    expect(versions).toMatchObject([
      { label: '2026年修订', state: 'in_force', articleCount: 27, matterTitle: '修订《百子庵村村规民约》' },
      { label: '2019年版', state: 'superseded', articleCount: 26, matterId: null },
    ]);
    const matter = (await call(ctx, officer, 'GET', `/api/matters/${versions[0].matterId}`)).json();
    expect(matter.state).toBe('resolution_published');
    const diff = (
      await call(ctx, officer, 'GET', `/api/covenant-versions/diff?from=${versions[1].id}&to=${versions[0].id}`)
    ).json();
    expect(diff.changes).toHaveLength(6);
    const events = (await call(ctx, officer, 'GET', '/api/family-events')).json().items;
    expect(events.map((e: { overTables: boolean; overDays: boolean }) => e.overTables || e.overDays)).toEqual([
      true,
      false,
    ]);
    const councils = (await call(ctx, officer, 'GET', '/api/councils')).json().items;
    expect(
      councils.map((c: { kind: string; currentTermId: string | null }) => [c.kind, !!c.currentTermId]).sort(),
    ).toEqual([
      ['red_white_council', true],
      ['villagers_council', true],
    ]);
  });
});
