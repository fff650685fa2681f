/** Livelihood projects' panel of the cockpit (#17): count, budget, progress, finished, behind schedule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestContext } from '../../../../test/harness';
import {
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
import { projectsCockpit } from './projects.cockpit';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const project = (place: string, yuan: number, starts: string, due: string, done: string | null) => ({
    place_code: place,
    title: '村道硬化',
    budget_fen: yuan * 100,
    starts_on: starts,
    due_on: due,
    done_at: done && at(done),
    created_at: at('2025-01-01'),
    updated_at: at('2025-01-01'),
  });
  const [a, b, c] = await insertRows(ctx, 'projects', [
    project(VILLAGE, 10_000, '2026-09-01', '2026-12-31', null),
    project(VILLAGE, 2_000, '2026-10-05', '2026-11-20', '2026-11-18'),
    project(VILLAGE, 3_000, '2025-03-01', '2025-10-31', '2025-12-10'),
    project(OTHER, 5_000, '2026-11-01', '2027-06-30', null),
  ]);
  const milestone = (p: string, position: number, due: string, progress: number, done: string | null) => ({
    project_id: p,
    position,
    title: `节点${position}`,
    due_on: due,
    weight: 1,
    progress,
    done_at: done && at(done),
    updated_at: at('2026-11-01'),
  });
  await insertRows(ctx, 'project_milestones', [
    milestone(a, 0, '2026-10-15', 100, '2026-10-10'),
    milestone(a, 1, '2026-11-15', 50, null), // open past its date at November's end: behind
    milestone(b, 0, '2026-11-20', 100, '2026-11-18'),
    milestone(c, 0, '2025-10-31', 100, '2025-12-10'),
  ]);
}, 60_000);
afterAll(() => ctx.close());

describe('livelihood projects in the cockpit', () => {
  it("a village's projects over three periods; nothing of another village", async () => {
    const f = figuresOf(await projectsCockpit(ctx.deps, viewOf(VILLAGE)));
    expect(triple(f['projects.count'])).toEqual([2, 2, 1]);
    expect(triple(f['projects.budget'])).toEqual([12_000, 12_000, 3_000]);
    expect(triple(f['projects.finished'])).toEqual([1, 0, 0]);
    expect(triple(f['projects.behind'])).toEqual([1, 0, 1]);
    expect(triple(f['projects.averageProgress'])).toEqual([87.5, null, null]); // (75 + 100) / 2, now only
    // the board has no "behind at the period's end" filter: the behind figure lands on the period's projects
    expect(f['projects.behind'].drill).toBe('/projects?scope=421081107212&from=2026-11-01&to=2026-11-30');
  });

  it('the board lists exactly the projects a drill counts: under way in the period, under the place', async () => {
    const town = await staffActor(ctx, 'town_officer', TOWN);
    const budgets = async (q: string) => {
      const r = await call(ctx, town, 'GET', `/api/projects?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r
        .json()
        .items.map((p: { budgetFen: number }) => p.budgetFen / 100)
        .sort((x: number, y: number) => x - y);
    };
    expect(await budgets(`scope=${VILLAGE}&from=2026-11-01&to=2026-11-30`)).toEqual([2_000, 10_000]);
    expect(await budgets(`scope=${VILLAGE}&from=2025-11-01&to=2025-11-30`)).toEqual([3_000]);
    expect(await budgets(`scope=${TOWN}&from=2026-11-01&to=2026-11-30`)).toEqual([2_000, 5_000, 10_000]);
    expect(await budgets(`scope=${VILLAGE}`)).toEqual([2_000, 3_000, 10_000]);
    const half = await call(ctx, town, 'GET', '/api/projects?from=2026-11-01');
    expect(half.statusCode).toBe(400);
    expect(half.json().details.fields[0].field).toBe('to');
    expect(
      (await call(ctx, town, 'GET', `/api/projects?scope=${EMPTY_TOWN}&from=2026-11-01&to=2026-11-30`)).statusCode,
    ).toBe(404);
  });

  it('the town ranks its villages', async () => {
    const panels = await projectsCockpit(ctx.deps, viewOf(TOWN));
    expect(triple(figuresOf(panels)['projects.count'])).toEqual([3, 2, 1]);
    expect(panels[0].rankings[0].rows.map((r) => [r.code, r.value])).toEqual([
      [VILLAGE, 2],
      [OTHER, 1],
    ]);
  });

  it('尚无数据 where there is no project; a kiosk has no links', async () => {
    expectNoData(await projectsCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await projectsCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
