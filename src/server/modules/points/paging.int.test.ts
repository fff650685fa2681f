/**
 * Every points list pages the one way (keyset `Page<T>`): paging through returns every row exactly
 * once with `more` false at the end, a forged cursor is a 400 `cursor_invalid`, and a response
 * carries no field outside its schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { encodeCursor } from '../../platform/page';
import { createPointsContext, fund, residentActor } from './points.harness';
import * as S from './points.schema';

const TOWN = '421081107';
const VILLAGE = '421081107212';
const SAME_PRICE_ITEMS = 4; // ties on the sort key: the id decides
let ctx: TestContext;
let officer: TestActor, townOfficer: TestActor, resident: TestActor;
const itemIds: string[] = [];
const awardIds: string[] = [];

/** Reads every page of a list, `limit` rows at a time; the pages' `more` flags and the rows. */
async function pageThrough(actor: TestActor, url: string, limit: number) {
  const rows: Record<string, unknown>[] = [];
  const flags: boolean[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const sep = url.includes('?') ? '&' : '?';
    const r = await call(ctx, actor, 'GET', `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as { items: Record<string, unknown>[]; next: string | null; more: boolean };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    flags.push(page.more);
    if (!page.more) {
      expect(page.next).toBeNull();
      return { rows, flags };
    }
    cursor = page.next;
  }
  throw new Error('the list never ended');
}

const keysOf = (schema: { properties: Record<string, unknown> }) => Object.keys(schema.properties);

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  townOfficer = await staffActor(ctx, 'town_officer', TOWN);
  resident = await residentActor(ctx, '13933340001', [['resident', VILLAGE]]);
  await ctx.db.transaction((tx) => fund(tx, resident.userId, VILLAGE, 1000, ctx.clock.now()));
  for (let i = 0; i < 11; i++) {
    const actor = i % 2 ? townOfficer : officer;
    const r = await call(ctx, actor, 'POST', '/api/points/console/items', {
      divisionCode: i % 2 ? TOWN : VILLAGE,
      name: `商品${String(i % 5)}`, // repeated names: ties on the console's sort key
      pricePoints: i < SAME_PRICE_ITEMS ? 10 : 10 + i,
      stock: 5,
    });
    expect(r.statusCode, r.body).toBe(201);
    itemIds.push(r.json().id);
  }
  const rule = await call(ctx, townOfficer, 'POST', '/api/points/console/rules', {
    scopeCode: TOWN,
    code: 'paging_test',
    name: '分页测试',
    kind: 'earn',
    source: 'manual',
    amount: 2,
    effectiveFrom: ctx.clock.now().toISOString(),
  });
  expect(rule.statusCode, rule.body).toBe(201);
  for (let i = 0; i < 7; i++) {
    const r = await call(ctx, officer, 'POST', '/api/points/console/awards', {
      userId: resident.userId,
      ruleCode: 'paging_test',
      placeCode: VILLAGE,
      reason: `第${i}次`,
      sourceRef: `paging-${i}`,
    });
    expect(r.statusCode, r.body).toBe(201);
    awardIds.push(r.json().id);
    if (i % 3 === 0) ctx.clock.advance(1000); // some awards share their creation time
  }
});
afterAll(async () => {
  await ctx.close();
});

describe('points lists page the one way', () => {
  it('returns every row exactly once, with more false at the end', async () => {
    for (const limit of [1, 3, 50]) {
      const staff = await pageThrough(townOfficer, '/api/points/console/items', limit);
      expect(staff.rows.map((r) => r.id).sort()).toEqual([...itemIds].sort());
      expect(staff.flags.at(-1)).toBe(false);
      expect(staff.flags.slice(0, -1).every(Boolean)).toBe(true);

      const shop = await pageThrough(resident, '/api/points/shop', limit);
      expect(shop.rows.map((r) => r.id).sort()).toEqual([...itemIds].sort());

      const awards = await pageThrough(officer, '/api/points/console/awards?queue=all', limit);
      expect(awards.rows.map((r) => r.id).sort()).toEqual([...awardIds].sort());
    }
    // the console order holds across pages: by place, then name
    const all = (await pageThrough(townOfficer, '/api/points/console/items', 2)).rows;
    const order = all.map((r) => `${r.divisionCode} ${r.name}`);
    expect(order).toEqual([...order].sort());
  });

  it('pages the resident’s redemptions and history, and the staff ledger of a person', async () => {
    for (const itemId of itemIds.slice(0, 5)) {
      const r = await call(ctx, resident, 'POST', '/api/points/redemptions', { itemId });
      expect(r.statusCode, r.body).toBe(201);
    }
    const mine = await pageThrough(resident, '/api/points/me/redemptions', 2);
    expect(mine.rows).toHaveLength(5);
    expect(new Set(mine.rows.map((r) => r.id)).size).toBe(5);
    const history = await pageThrough(resident, '/api/points/me/history', 2);
    expect(history.rows.map((r) => r.entryId)).toEqual(
      [...history.rows.map((r) => r.entryId as number)].sort((a, b) => b - a),
    );
    expect(history.rows).toHaveLength(6); // the funding and five reservations

    let cursor: string | null = null;
    const entries: unknown[] = [];
    do {
      const r = await call(
        ctx,
        townOfficer,
        'GET',
        `/api/points/console/reports/people/${resident.userId}?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      entries.push(...r.json().entries.items);
      cursor = r.json().entries.next;
    } while (cursor);
    expect(entries).toHaveLength(6);
  });

  it('answers a forged cursor with 400 cursor_invalid, never a 500', async () => {
    const forged = [
      'not a cursor!',
      Buffer.from('[{}]').toString('base64url'), // no key is an object
      encodeCursor(['2026-11-25T01:00:00.000Z', 'not-a-uuid']),
      encodeCursor([1.5]),
      encodeCursor([1e300]),
    ];
    const urls = [
      '/api/points/console/awards?queue=all',
      '/api/points/console/items',
      '/api/points/console/objections',
      '/api/points/console/rules',
      '/api/points/console/places',
      '/api/points/console/reports/places',
      `/api/points/console/reports/people/${resident.userId}`,
    ];
    for (const url of urls)
      for (const cursor of forged) {
        const r = await call(ctx, townOfficer, 'GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`);
        expect(r.statusCode, `${url} ${cursor}`).toBe(400);
        expect(r.json().code).toBe('cursor_invalid');
      }
    for (const url of [
      '/api/points/shop',
      '/api/points/me/history',
      '/api/points/me/redemptions',
      '/api/points/publicity',
    ])
      for (const cursor of forged) {
        const r = await call(ctx, resident, 'GET', `${url}?cursor=${cursor}`);
        expect(r.statusCode, `${url} ${cursor}`).toBe(400);
        expect(r.json().code).toBe('cursor_invalid');
      }
  });

  it('sends no field outside the schema', async () => {
    const award = (await call(ctx, officer, 'GET', '/api/points/console/awards?queue=all&limit=1')).json().items[0];
    expect(Object.keys(award).every((k) => keysOf(S.Award).includes(k))).toBe(true);
    const item = (await call(ctx, resident, 'GET', '/api/points/shop?limit=1')).json().items[0];
    expect(Object.keys(item).every((k) => keysOf(S.Item).includes(k))).toBe(true);
    const settings = (await call(ctx, townOfficer, 'GET', `/api/points/console/settings/${TOWN}`)).json();
    expect(Object.keys(settings).sort()).toEqual(keysOf(S.SettingsView).sort());
  });
});
