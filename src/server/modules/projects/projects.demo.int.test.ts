/** The projects demo: Shishou's 58 projects in every status, three in 百子庵村 supervised and rated; once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { seedVillage, V } from '../care/care.fixtures';
import { seedProjectsDemo } from './projects.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-09-01T10:00:00+08:00'));
  const ids = await seedVillage(ctx, '13925000090');
  await ctx.db.owner.query(
    `INSERT INTO body_members (village_code, body, resident_id) SELECT $1, 'representatives', unnest($2::uuid[])`,
    [V, Object.values(ids)],
  );
});
afterAll(() => ctx.close());

describe('the projects demo', () => {
  it('seeds 58 projects in every status, three in 百子庵村 with supervisors and ratings, once', async () => {
    expect(await seedProjectsDemo(ctx.deps)).toMatch(
      /58 livelihood projects \(3 in 百子庵村, 6 representatives' ratings\)/,
    );
    expect(await seedProjectsDemo(ctx.deps)).toBeNull();
    const statuses = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const res = await ctx.app.inject({
        url: `/api/public/projects?place=${V}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      });
      for (const p of res.json().items) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
      cursor = res.json().next ?? undefined;
    } while (cursor);
    // 百子庵村's three, 高基庙镇's one, the county's two
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(6);
    const all = await ctx.db.owner.query<{ n: number; funded: boolean }>(
      `SELECT count(*)::int AS n, bool_and(budget_fen = (SELECT sum(amount_fen) FROM project_funds f WHERE f.project_id = p.id)) AS funded
         FROM projects p WHERE is_demo`,
    );
    expect(all.rows[0]).toEqual({ n: 58, funded: true });
    const mine = (await ctx.app.inject({ url: `/api/public/projects?place=${V}` })).json().items;
    const seen = new Set<string>();
    for (const p of mine) {
      const d = (await ctx.app.inject({ url: `/api/public/projects/${p.id}` })).json();
      seen.add(d.project.status);
      if (d.project.placeCode === V) expect(d.supervisors.length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['delayed', 'done', 'in_progress']));
  });
});
