/**
 * GET /api/rollups/cases on a real database: on 4,000 synthetic cases over 2026 (every state, grids,
 * categories, departments; written by one statement, applied through the outbox) it answers exactly
 * what /api/indicators answers for the same scope and days, for every dimension and viewer; and it
 * keeps to the indicators' rules of who sees what and refuses bad periods by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../../test/cli-run';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { AppError, errorMessage } from '../../platform/errors';
import { DIMENSIONS } from '../indicators';
import { deliverRollups, differencesEverywhere } from './rollups.testing';
import { ensureGrids, generateCases } from './synthetic.testing';

let ctx: TestContext;
let county: TestActor, town: TestActor, village: TestActor, handler: TestActor, worker: TestActor;
const TOWN = '421081001';
let otherTown: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGrids(ctx.db.owner, '421081', 2);
  expect(await generateCases(ctx.db.owner, { county: '421081', count: 4000, firstDay: '2026-01-01', days: 365 })).toBe(
    4000,
  );
  ctx.clock.set(new Date('2027-01-10T08:00:00+08:00'));
  expect(await deliverRollups(ctx.deps, ctx.clock.now())).toBe(4); // 1,000 cases a message
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', TOWN);
  const { rows } = await ctx.db.owner.query<{ code: string }>(
    `SELECT left(division_code, 12) AS code FROM cases WHERE division_code LIKE $1 || '%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [TOWN],
  );
  village = await staffActor(ctx, 'village_officer', rows[0].code);
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
  worker = await staffActor(ctx, 'grid_worker', `${rows[0].code}001`);
  otherTown = (
    await ctx.db.owner.query<{ code: string }>(
      `SELECT left(division_code, 9) AS code FROM cases WHERE division_code NOT LIKE $1 || '%' GROUP BY 1 ORDER BY 1 LIMIT 1`,
      [TOWN],
    )
  ).rows[0].code;
}, 180_000);
afterAll(async () => {
  await ctx?.close();
});

const get = (actor: TestActor, url: string) => call(ctx, actor, 'GET', url);

describe('the rollup API', () => {
  it('starts from a rollup equal to the raw cases', async () => {
    expect(await differencesEverywhere(ctx.db)).toEqual([]);
  });

  it('answers what the indicators answer, for every dimension, scope, period and viewer', async () => {
    const periods = [
      'from=2026-01-01&to=2027-01-01',
      'from=2026-03-01&to=2026-04-01',
      'from=2026-06-10&to=2026-06-13',
      'from=2026-02-15&to=2026-05-20', // whole months and edge days on both sides
    ];
    const viewers: [TestActor, string][] = [
      [county, '&scope=421081'],
      [county, `&scope=${TOWN}`],
      [town, ''],
      [village, ''],
      [handler, ''],
    ];
    let compared = 0;
    for (const period of periods)
      for (const [actor, scope] of viewers)
        for (const dimension of DIMENSIONS) {
          const sort = dimension === 'grid' ? '&sort=onTimeRate' : '';
          const raw = await get(actor, `/api/indicators?dimension=${dimension}&${period}${scope}${sort}`);
          const rolled = await get(actor, `/api/rollups/cases?by=${dimension}&${period}${scope}${sort}`);
          expect(rolled.statusCode, rolled.body).toBe(200);
          expect(rolled.json(), `${dimension} ${period}${scope}`).toEqual(raw.json());
          compared += raw.json().rows.length;
        }
    expect(compared).toBeGreaterThan(1000); // not comparing empty tables
    const year = (await get(county, '/api/rollups/cases?by=town&from=2026-01-01&to=2027-01-01')).json();
    expect(year.total.received).toBe(4000);
    expect(year.total).toMatchObject({ closureRate: expect.any(Number), satisfactionRate: expect.any(Number) });
  });

  it('queues nothing for a change of an uncounted column, and takes a deleted case away', async () => {
    const pending = `SELECT count(*)::int AS n FROM outbox WHERE topic = 'rollups.cases_changed' AND processed_at IS NULL`;
    await ctx.db.owner.query(`UPDATE cases SET overdue_reminded = true WHERE number LIKE 'S1-1%'`);
    expect((await ctx.db.owner.query(pending)).rows).toEqual([{ n: 0 }]);
    const rated = await ctx.db.owner.query(
      `UPDATE cases SET rating = 1 WHERE id IN (SELECT id FROM cases WHERE state = 'closed' AND rating IS DISTINCT FROM 1 ORDER BY number LIMIT 2)`,
    );
    expect(rated.rowCount).toBe(2);
    await ctx.db.owner.query(`DELETE FROM cases WHERE number IN ('S1-1', 'S1-2', 'S1-3')`);
    expect((await ctx.db.owner.query(pending)).rows).toEqual([{ n: 2 }]);
    expect(await deliverRollups(ctx.deps, ctx.clock.now())).toBe(2);
    expect(await differencesEverywhere(ctx.db)).toEqual([]);
    const year = (await get(county, '/api/rollups/cases?by=town&from=2026-01-01&to=2027-01-01')).json();
    expect(year.total.received).toBe(3997);
  });

  it('shows department handlers only their department, and others nothing beyond their place', async () => {
    const mine = (await get(handler, '/api/rollups/cases?by=department&from=2026-01-01&to=2027-01-01')).json();
    expect(mine.departments).toEqual(['421081-zjj']);
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual(['421081-zjj']);
    for (const [actor, url] of [
      [town, `scope=${otherTown}`],
      [village, `scope=${TOWN}`],
      [worker, ''],
    ] as const) {
      const r = await get(actor, `/api/rollups/cases?by=town&from=2026-01-01&to=2027-01-01&${url}`);
      expect(r.statusCode, r.body).toBe(404);
    }
    expect((await call(ctx, null, 'GET', '/api/rollups/cases?by=town&from=2026-01-01&to=2027-01-01')).statusCode).toBe(
      401,
    );
  });

  it('refuses periods that are not whole days, naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-02-30&to=2026-03-01', 'querystring.from'],
      ['from=2026-03-01&to=2026-03-01', 'querystring.to'],
      ['from=2026-03-01T00:00:00%2B08:00&to=2026-04-01', 'from'],
      ['from=2026-03-01&to=2026-04-01&by=week', 'by'],
    ]) {
      const r = await get(county, `/api/rollups/cases?by=town&${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().code).toBe('validation_failed');
      expect(JSON.stringify(r.json()), query).toContain(field);
    }
  });

  it('refuses a bad day on the command line before opening any database', async () => {
    const r = await runCommand('rollups verify --from 2026-13-01', {});
    expect(r.code).toBe(1);
    expect(r.error).toBeInstanceOf(AppError);
    const error = r.error as AppError;
    expect(error.code).toBe('validation_failed');
    expect(errorMessage(error.code, 'en', error.details)).toMatch(/--from must be a date/); // as main.ts prints it
  });
});
