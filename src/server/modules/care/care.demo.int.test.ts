/** The care demo on a real database: after the demo's accounts and a small demo population (百子庵村 may be empty: the demo adds its elders), once only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, PASSWORD, signIn, type TestContext } from '../../../../test/harness';
import { prepareDemo } from '../demo/demo.prepare';
import { careDemo } from './care.demo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ DEMO_SCALE: '0.002' });
  await prepareDemo(ctx.deps);
});
afterAll(async () => {
  await ctx?.close();
});

describe('care demo', () => {
  it('registers persons for the demo grid worker, some due, with problems and tasks; idempotent', async () => {
    expect(await careDemo(ctx.deps)).toMatch(/^care: 12 people.*filed as case [0-9A-Z-]+$/);
    expect(await careDemo(ctx.deps)).toBeNull();
    const { rows } = await ctx.db.query<{ persons: number; problems: number; tasks: number }>(
      `SELECT (SELECT count(*) FROM care_persons WHERE is_demo)::int AS persons,
              (SELECT count(*) FROM worklist_problems WHERE is_demo)::int AS problems,
              (SELECT count(*) FROM worklist_tasks)::int AS tasks`,
    );
    expect(rows[0]).toEqual({ persons: 12, problems: 3, tasks: 3 });
    const filed = await ctx.db.query(
      `SELECT 1 FROM cases c JOIN care_visit_cases l ON l.case_id = c.id WHERE c.source = 'visit'`,
    );
    expect(filed.rows).toHaveLength(1);
    // the demo's grid worker (password as in demo.accounts.ts) sees due and overdue visits
    const worker = { userId: '', username: 'gridworker', cookie: await signIn(ctx, 'gridworker', 'Demo@2026') };
    const due = (await call(ctx, worker, 'GET', '/api/care/due')).json();
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.some((d: { status: string }) => d.status === 'overdue')).toBe(true);
    expect(PASSWORD).not.toBe('Demo@2026');
  });
});
