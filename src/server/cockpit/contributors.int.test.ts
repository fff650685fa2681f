/**
 * The woodpeckers', points' and organisation's panels of GET /api/cockpit on a real database: each
 * figure over the period, the previous period and last year from the module's own records in the
 * place (woodpecker roles and reports, the points ledger and shop, the registers), and 尚无数据 where
 * the module has none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../test/fixtures';
import {
  call,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../test/harness';
import { invalidateGridIndex, makeIdNumber } from '../modules/organisation';
import {
  refreshCoverage,
  writeGrids,
  writeHouseholds,
  writeLinks,
  writePartyMembers,
  writePartyOrgs,
  writeResidents,
} from '../modules/organisation/organisation.write';
import type { CockpitAnswer } from './cockpit.schema';

const T = '421081107';
const V = '421081107212'; // 百子庵村
const G1 = `${V}001`;
const G2 = `${V}002`;
const hh = (grid: string, n: number) => `${grid}000${String(n).padStart(4, '0')}`;
const ID = (n: number) => makeIdNumber('421081', '19800101', n);
const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 29.7],
      [x + 0.01, 29.7],
      [x + 0.01, 29.71],
      [x, 29.71],
      [x, 29.7],
    ],
  ],
});

let ctx: TestContext;
let county: TestActor, town: TestActor, woodpecker: TestActor, idle: TestActor;

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', RATE_LIMIT_SIGNIN_PER_MINUTE: '1000' });
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    const touched = new Set<string>();
    const add = (s: Set<string>) => {
      for (const g of s) touched.add(g);
    };
    add(
      await writeGrids(c, [
        { code: G1, name: '一网格', polygon: square(112.4), synthetic: true },
        { code: G2, name: '二网格', polygon: square(112.41), synthetic: true },
      ]),
    );
    add(
      await writeHouseholds(
        c,
        [1, 2, 3]
          .map((n) => ({ code: hh(G1, n), address: `百子庵村1组${n}号`, point: null }))
          .concat([1, 2].map((n) => ({ code: hh(G2, n), address: `百子庵村2组${n}号`, point: null }))),
      ),
    );
    await writeResidents(c, [
      { householdCode: hh(G1, 1), name: '王建国', idNumber: ID(11), phone: null, relation: 'householder' },
      { householdCode: hh(G2, 1), name: '王五', idNumber: ID(51), phone: null, relation: 'householder' },
    ]);
    await writePartyOrgs(c, [
      { code: `${V}-01`, name: '百子庵村党支部', kind: 'village_party_org', parentCode: null, divisionCode: V },
    ]);
    await writePartyMembers(
      c,
      [11, 51].map((n) => ({
        idNumber: ID(n),
        orgCode: `${V}-01`,
        membership: 'full' as const,
        joinedOn: '2001-07-01',
        embeddedCadre: false,
        woodpecker: false,
      })),
    );
    add(
      await writeLinks(c, [
        { memberIdNumber: ID(11), householdCode: hh(G1, 1), hub: true },
        { memberIdNumber: ID(11), householdCode: hh(G1, 2), hub: false },
        { memberIdNumber: ID(51), householdCode: hh(G2, 1), hub: true },
      ]),
    );
    await refreshCoverage(tx, touched);
  });
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-12T10:00:00+08:00'));
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', T);
  woodpecker = await residentActor(ctx, '13911115555');
  idle = await residentActor(ctx, '13911116666');
  // two woodpeckers of the village: one since October (reports in November), one since 20 November (never reports)
  await ctx.db.owner.query(
    `INSERT INTO role_assignments (user_id, role, scope_code, granted_at)
     VALUES ($1, 'woodpecker', $3, '2026-10-01T09:00:00+08:00'), ($2, 'woodpecker', $3, '2026-11-20T09:00:00+08:00')`,
    [woodpecker.userId, idle.userId, V],
  );
  const report = await call(ctx, woodpecker, 'POST', '/api/cases', {
    description: '村道路灯不亮，晚上看不清路',
    categoryCode: '01037',
    lng: 112.405,
    lat: 29.705,
  });
  expect(report.statusCode, report.body).toBe(201);
  // the points ledger of the village: 10 awarded on 5 November, 4 spent at its shop on 10 November; 7 in stock
  await ctx.db.ownerTransaction(async (tx) => {
    const account = async (key: string, kind: string, division: string | null, user: string | null) =>
      (
        await tx.query<{ id: string }>(
          `INSERT INTO points_accounts (key, kind, user_id, division_code, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
          [key, kind, user, division],
        )
      ).rows[0].id;
    const issuer = await account(`issuer:${V}`, 'issuer', V, null);
    const person = await account(`person:${woodpecker.userId}`, 'person', null, woodpecker.userId);
    const hold = await account(`hold:${V}`, 'hold', V, null);
    const shop = await account(`shop:${V}`, 'shop', V, null);
    const transaction = async (kind: string, at: string, entries: [string, number][]) => {
      const t = (
        await tx.query<{ id: string }>(
          `INSERT INTO points_transactions (kind, memo, created_at) VALUES ($1, 'test', $2) RETURNING id`,
          [kind, at],
        )
      ).rows[0].id;
      for (const [a, n] of entries)
        await tx.query(
          'INSERT INTO points_entries (transaction_id, account_id, amount, created_at) VALUES ($1, $2, $3, $4)',
          [t, a, n, at],
        );
    };
    await transaction('award', '2026-11-05T10:00:00+08:00', [
      [issuer, -10],
      [person, 10],
    ]);
    await transaction('reserve', '2026-11-09T10:00:00+08:00', [
      [person, -4],
      [hold, 4],
    ]);
    await transaction('fulfil', '2026-11-10T10:00:00+08:00', [
      [hold, -4],
      [shop, 4],
    ]);
    await tx.query(
      `INSERT INTO points_items (division_code, name, price_points, stock, created_at, updated_at)
       VALUES ($1, '肥皂', 4, 7, now(), now()), ($1, '毛巾', 8, 3, now(), now())`,
      [V],
    );
    await tx.query(`UPDATE points_items SET active = false WHERE name = '毛巾'`);
  });
  ctx.clock.set(new Date('2026-12-04T10:00:00+08:00'));
  for (const a of [county, town]) a.cookie = await signIn(ctx, a.username, PASSWORD); // sessions idle out across days
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const cockpit = async (actor: TestActor, query: string) => {
  const r = await call(ctx, actor, 'GET', `/api/cockpit?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as CockpitAnswer;
};
const figuresOf = (a: CockpitAnswer, panel: string) => {
  const p = a.panels.find((x) => x.key === panel);
  expect(p, panel).toBeDefined();
  return Object.fromEntries(p!.figures.map((f) => [f.key, [f.value, f.previous, f.lastYear]]));
};

describe('the woodpeckers, points and organisation panels', () => {
  it('count woodpeckers enrolled at the end of each period and active (reported) in it', async () => {
    const a = await cockpit(town, `place=${V}&from=2026-11-01&to=2026-11-30`);
    expect(figuresOf(a, 'woodpeckers.team')).toEqual({
      'woodpeckers.enrolled': [2, 1, 0],
      'woodpeckers.active': [1, 0, 0],
    });
    const f = a.panels.find((p) => p.key === 'woodpeckers.team')!.figures[0];
    expect(f.ledger).toBe(`/api/woodpeckers/roster/export.xlsx?scope=${V}`);
    expect(figuresOf(await cockpit(town, `place=${V}&from=2026-11-01&to=2026-11-15`), 'woodpeckers.team')).toEqual({
      'woodpeckers.enrolled': [1, 1, 0],
      'woodpeckers.active': [1, 0, 0],
    });
  });

  it('follow the points ledger of the place’s issuers and shops', async () => {
    const a = await cockpit(county, `place=${T}&from=2026-11-01&to=2026-11-30`);
    expect(figuresOf(a, 'points.flows')).toEqual({
      'points.earned': [10, 0, 0],
      'points.redeemed': [4, 0, 0],
      'points.circulating': [6, 0, 0],
      'points.shopStock': [7, null, null],
    });
    const early = await cockpit(county, `place=${T}&from=2026-11-01&to=2026-11-09`);
    expect(figuresOf(early, 'points.flows')['points.circulating']).toEqual([6, 0, 0]); // 4 reserved, not yet spent
    expect(figuresOf(early, 'points.flows')['points.redeemed']).toEqual([0, 0, 0]);
    const next = await cockpit(county, `place=${T}&from=2026-12-01&to=2026-12-04`);
    expect(figuresOf(next, 'points.flows')['points.circulating']).toEqual([6, 6, 0]);
  });

  it('give the registers’ coverage and party members, by village', async () => {
    const a = await cockpit(county, `place=${T}&from=2026-11-01&to=2026-11-30`);
    expect(figuresOf(a, 'organisation.coverage')).toEqual({
      'organisation.linkedHouseholds': [3, null, null],
      'organisation.coverageRate': [60, null, null],
      'organisation.partyMembers': [2, null, null],
    });
    const ranking = a.panels.find((p) => p.key === 'organisation.coverage')!.rankings[0];
    expect(ranking.by).toBe('village');
    expect(ranking.rows[0]).toEqual({ code: V, name: '百子庵村委会', value: 2 });
    expect(ranking.rows.slice(1).every((r) => r.value === 0)).toBe(true);
    const grids = await cockpit(county, `place=${V}`);
    expect(grids.panels.find((p) => p.key === 'organisation.coverage')!.rankings[0].rows.slice(0, 2)).toEqual([
      { code: G1, name: '一网格', value: 1 },
      { code: G2, name: '二网格', value: 1 },
    ]);
  });

  it('read 尚无数据 in a place without such records', async () => {
    const a = await cockpit(county, 'place=421081001&from=2026-11-01&to=2026-11-30');
    const status = Object.fromEntries(a.panels.map((p) => [p.key, p.status]));
    expect(status).toMatchObject({
      'woodpeckers.team': 'no_data',
      'points.flows': 'no_data',
      'organisation.coverage': 'no_data',
    });
    expect(a.panels.find((p) => p.key === 'points.flows')!.figures).toEqual([]);
  });
});
