/** The three lists' panel of the cockpit (#17): problems, tasks, confirmed effects, "七个一" results. */
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
import { worklistsCockpit } from './worklists.cockpit';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const owner = await aUser(ctx, 'staff');
  const problem = (village: string, created: string, closed: string | null) => ({
    village_code: village,
    source: 'manual',
    title: '路灯不亮',
    description: '三组路灯坏了',
    state: closed ? 'closed' : 'open',
    created_at: at(created),
    closed_at: closed && at(closed),
  });
  const [p1, p2, p3, p4] = await insertRows(ctx, 'worklist_problems', [
    problem(VILLAGE, '2026-11-03', '2026-11-20'),
    problem(VILLAGE, '2026-10-10', null),
    problem(VILLAGE, '2025-11-10', '2025-11-25'),
    problem(OTHER, '2026-11-04', '2026-11-15'),
  ]);
  const task = (p: string, created: string, done: string | null) => ({
    problem_id: p,
    title: '更换灯泡',
    owner_id: owner,
    deadline: '2026-12-31',
    done_at: done && at(done),
    created_at: at(created),
  });
  await insertRows(ctx, 'worklist_tasks', [
    task(p1, '2026-11-04', '2026-11-10'),
    task(p1, '2026-11-05', null),
    task(p2, '2026-10-11', '2026-11-02'),
  ]);
  const effect = (p: string, kind: string, recorded: string, confirmation: string) => ({
    problem_id: p,
    summary: '已修好',
    result_kind: kind,
    recorded_at: at(recorded),
    confirmation,
    confirmed_at: confirmation === 'confirmed' ? at(recorded, '15:00') : null,
  });
  await insertRows(
    ctx,
    'worklist_effects',
    [
      effect(p1, 'problem_solved', '2026-11-19', 'confirmed'),
      effect(p3, 'policy_applied', '2025-11-24', 'confirmed'),
      effect(p4, 'problem_solved', '2026-11-14', 'not_needed'),
    ],
    'problem_id',
  );
}, 60_000);
afterAll(() => ctx.close());

describe('the three lists in the cockpit', () => {
  it("a village's problems, tasks, effects and results over three periods; nothing of another village", async () => {
    const panels = await worklistsCockpit(ctx.deps, viewOf(VILLAGE));
    const f = figuresOf(panels);
    expect(triple(f['worklists.problems'])).toEqual([1, 1, 1]);
    expect(triple(f['worklists.tasks'])).toEqual([2, 1, 0]);
    expect(triple(f['worklists.tasksDone'])).toEqual([2, 0, 0]);
    expect(triple(f['worklists.effectsConfirmed'])).toEqual([1, 0, 1]);
    expect(triple(f['worklists.results'])).toEqual([1, 0, 1]);
    // the problems listed in the period; the results (problems closed in it) land on the place's problems
    expect(f['worklists.problems'].drill).toBe('/worklists?scope=421081107212&from=2026-11-01&to=2026-11-30');
    expect(f['worklists.results'].drill).toBe('/worklists?scope=421081107212');
  });

  it('the town ranks its villages and the results by kind', async () => {
    const panels = await worklistsCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['worklists.problems'])).toEqual([2, 1, 1]);
    expect(triple(f['worklists.results'])).toEqual([2, 0, 1]);
    const [places, kinds] = panels[0].rankings;
    expect(places).toMatchObject({ by: 'village' });
    expect(places.rows.map((r) => [r.code, r.value])).toEqual([
      [OTHER, 1],
      [VILLAGE, 1],
    ]);
    expect(kinds).toMatchObject({ by: 'category', rows: [{ code: 'problem_solved', value: 2 }] });
  });

  it('尚无数据 where no problem was ever listed; a kiosk has no links', async () => {
    expectNoData(await worklistsCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await worklistsCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
