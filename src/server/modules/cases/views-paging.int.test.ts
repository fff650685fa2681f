/**
 * Issue 12 items 1 and 6 for cases: a resident's answers carry the resident view (no handler, rule
 * trace, staff steps or staff names), the console's the staff view; every list pages by keyset,
 * each case exactly once, and a forged cursor is a 400 naming the cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { deliverOutbox } from '../../platform/outbox/outbox';
import { encodeCursor } from '../../platform/page';
import { NOTIFY_TOPIC, notifyHandler } from './notify';

let ctx: TestContext;
let resident: TestActor, town: TestActor, handler: TestActor;

/** Fields only the console's staff view carries. */
const STAFF_ONLY = [
  'tier',
  'ruleTrace',
  'handlerUserId',
  'handlerDepartment',
  'reporterId',
  'reporterName',
  'enteredBy',
  'divisionCode',
  'gridCode',
  'rejection',
  'supervised',
  'reworkCount',
];

const report = (actor: TestActor, description: string) =>
  call(ctx, actor, 'POST', '/api/cases', {
    description,
    categoryCode: '01037',
    lng: COUNTY_SEAT[0],
    lat: COUNTY_SEAT[1],
  });
const step = (actor: TestActor, id: string, body: Record<string, unknown>) =>
  call(ctx, actor, 'POST', `/api/cases/${id}/events`, body);

/** Pages through a list to its end; returns every item and the pages' sizes. */
async function everyPage(actor: TestActor | null, url: string, limit: number) {
  const items: { id?: string; number?: string }[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    const sep = url.includes('?') ? '&' : '?';
    const r = await call(ctx, actor, 'GET', `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json();
    items.push(...page.items);
    sizes.push(page.items.length);
    if (!page.more) {
      expect(page.next).toBeNull();
      return { items, sizes };
    }
    cursor = page.next;
  }
}

const ids: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', REPORTS_PER_PERSON_PER_HOUR: '100' });
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  resident = await residentActor(ctx, '13911118888');
  town = await staffActor(ctx, 'county_officer', '421081'); // no grids here: the reports lie at county level
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
  for (let i = 0; i < 7; i++) {
    const r = await report(resident, `路灯不亮了，第 ${i} 盏`);
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
    if (i % 2) ctx.clock.advance(60_000); // some share a received time: the id breaks the tie
  }
});
afterAll(() => ctx.close());

describe('two views of a case', () => {
  it('a resident fetching their case receives no staff-only field; staff receive them', async () => {
    const id = ids[0];
    await step(town, id, { type: 'file' });
    await step(town, id, { type: 'dispatch', departmentCode: '421081-zjj' });
    await step(handler, id, { type: 'accept' });
    const supervised = await step(town, id, {
      type: 'supervise',
      note: '内部：请联系供电所张工', // an internal step (督办): staff only
      due: '2026-11-27T09:00:00+08:00',
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    for (const field of STAFF_ONLY) expect(supervised.json(), field).toHaveProperty(field);

    const own = await call(ctx, resident, 'GET', `/api/cases/${id}`);
    expect(own.statusCode).toBe(200);
    const mine = own.json();
    for (const field of STAFF_ONLY) expect(mine, field).not.toHaveProperty(field);
    expect(mine).toMatchObject({ id, state: 'handling' });
    expect(mine.timeline.every((e: { isPublic: boolean }) => e.isPublic)).toBe(true);
    for (const e of mine.timeline) {
      expect(e).not.toHaveProperty('actorLabel');
      expect(e).not.toHaveProperty('data');
    }
    expect(own.body).not.toContain('供电所张工'); // the staff note of an internal step
    expect(mine.timeline.map((e: { type: string }) => e.type)).not.toContain('supervise');
    expect(own.body).not.toContain(town.username);

    const staff = (await call(ctx, town, 'GET', `/api/cases/${id}`)).json();
    expect(staff).toMatchObject({ tier: 'department', handlerDepartment: '421081-zjj', supervised: true });
    expect(staff.ruleTrace.length).toBeGreaterThan(0);
    expect(staff.timeline.map((e: { type: string }) => e.type)).toEqual([
      'receive',
      'file',
      'dispatch',
      'accept',
      'supervise',
    ]);

    // the resident's list and their step's answer are the resident view too
    const list = (await call(ctx, resident, 'GET', '/api/cases?queue=mine')).json().items;
    for (const field of STAFF_ONLY) expect(list[0], field).not.toHaveProperty(field);
  });
});

describe('keyset pages', () => {
  it('paging through a queue returns every case exactly once, with more false at the end', async () => {
    const { items, sizes } = await everyPage(resident, '/api/cases?queue=mine', 3);
    expect(sizes).toEqual([3, 3, 1]);
    // newest first; reports of the same instant in id order (the key's tie-breaker)
    const order = await ctx.db.owner.query<{ id: string }>('SELECT id FROM cases ORDER BY received_at DESC, id DESC');
    expect(items.map((c) => c.id)).toEqual(order.rows.map((r) => r.id));
    const staff = await everyPage(town, '/api/cases?queue=all', 2);
    expect(new Set(staff.items.map((c) => c.id)).size).toBe(staff.items.length);
    expect([...staff.items.map((c) => c.id)].sort()).toEqual([...ids].sort());
  });

  it('pages notifications and the public list the same way', async () => {
    await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
    const all = (await call(ctx, resident, 'GET', '/api/notifications?limit=200')).json();
    expect(all.more).toBe(false);
    expect(all.items.length).toBeGreaterThan(1);
    const paged = await everyPage(resident, '/api/notifications', 1);
    expect(paged.items).toEqual(all.items);

    const first = (await call(ctx, null, 'GET', '/api/public/cases?limit=200')).json();
    const pub = await everyPage(null, '/api/public/cases', 2);
    expect(pub.items).toEqual(first.items);
    expect(new Set(pub.items.map((c) => c.number)).size).toBe(ids.length);
  });

  it('a forged cursor is a 400 cursor_invalid, never a 500', async () => {
    const forged = [
      'not-a-cursor!',
      encodeCursor(['yesterday', 'x']),
      encodeCursor([42, 'x', 'y']),
      Buffer.from('{"a":1}').toString('base64url'),
    ];
    for (const cursor of forged)
      for (const url of ['/api/cases?queue=mine&', '/api/notifications?', '/api/public/cases?']) {
        const r = await call(ctx, resident, 'GET', `${url}cursor=${encodeURIComponent(cursor)}`);
        expect(r.statusCode, `${url} ${cursor}: ${r.body}`).toBe(400);
        expect(r.json().code).toBe('cursor_invalid');
      }
    const notUuid = encodeCursor(['2026-11-25T01:00:00.000Z', 'not-a-uuid']);
    expect((await call(ctx, resident, 'GET', `/api/cases?queue=mine&cursor=${notUuid}`)).json().code).toBe(
      'cursor_invalid',
    );
    const fractional = encodeCursor([1.5]);
    expect((await call(ctx, resident, 'GET', `/api/notifications?cursor=${fractional}`)).json().code).toBe(
      'cursor_invalid',
    );
  });
});
