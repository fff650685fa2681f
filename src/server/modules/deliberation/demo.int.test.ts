import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { createPointsContext } from '../points/points.harness';
import { populate } from './deliberation.fixtures';
import { seedDeliberationDemo } from './demo';

const VILLAGE = '421081107212';
let ctx: TestContext;
let officer: TestActor;

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE, { username: 'baizian' });
  await staffActor(ctx, 'grid_worker', VILLAGE, { username: 'gridworker' });
  // no party members in the register: the demo adds a few of its own
  await populate(ctx, VILLAGE, { households: 30, adultsPer: 2 });
});
afterAll(async () => {
  await ctx.close();
});

describe('the deliberation demo for 百子庵村', () => {
  it('takes a matter through all six steps and leaves a meeting without quorum, once', async () => {
    expect(await seedDeliberationDemo(ctx.deps)).toContain('1 matter');
    expect(await seedDeliberationDemo(ctx.deps)).toBeNull();
    const matters = (await call(ctx, officer, 'GET', '/api/matters')).json().items;
    expect(matters).toHaveLength(1);
    const matter = (await call(ctx, officer, 'GET', `/api/matters/${matters[0].id}`)).json();
    expect(matter.state).toBe('completed');
    expect(matter.steps.map((s: { outcome: string }) => s.outcome)).toEqual([
      'proposed',
      'passed',
      'passed',
      'passed',
      'done',
      'done',
      'done',
    ]);
    expect(matter.steps[3].motion).toMatchObject({ method: 'paper', state: 'decided', result: { passed: true } });
    const meetings = (await call(ctx, officer, 'GET', '/api/meetings')).json().items;
    expect(meetings).toHaveLength(4);
    const failed = (await call(ctx, officer, 'GET', `/api/meetings/${meetings[0].id}`)).json();
    expect(failed).toMatchObject({ meetingType: 'villagers', state: 'closed', quorum: { met: false, present: 3 } });
    const board = (await call(ctx, officer, 'GET', '/api/disclosures')).json().items;
    expect(board.map((d: { category: string }) => d.category).sort()).toEqual([
      'affairs',
      'finance',
      'resolution',
      'result',
    ]);
  });
});
