/**
 * Issue 11 item 10, queues for real volumes: the case lists page by keyset in either sort (reported
 * time, deadline) with every case exactly once, narrow by each filter, stay inside the actor's scope
 * (export included), refuse unknown filter values and forged cursors with a 400 naming the field, split
 * a grid worker's triage into what they can act on and what they can only follow, and export the
 * filtered list as an audited xlsx with phone numbers masked.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import {
  call,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import type { UserActor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { encodeCursor } from '../../platform/page';
import { invalidateGridIndex } from '../organisation';
import { writeGrids } from '../organisation/organisation.write';
import { CASE_EXPORT_COLUMNS } from './case-export';
import { EXPORT_CAP, exportCases } from './case-export.service';

const [x, y] = COUNTY_SEAT;
const PLACES = {
  A: { grid: '421081001007001', town: '421081001', at: [x, y] as [number, number] },
  B: { grid: '421081107212001', town: '421081107', at: [x + 0.1, y] as [number, number] },
  C: { grid: '421081106001001', town: '421081106', at: [x, y - 0.1] as [number, number] },
};
type Region = keyof typeof PLACES;
const ZJJ = '421081-zjj';
const PHONE = '13912345678';

let ctx: TestContext;
let resident: TestActor, neighbour: TestActor, county: TestActor, townA: TestActor, gridA: TestActor;
const staff: TestActor[] = [];
let anonymousId = '';
let namedNeighbourId = '';
let lateNightId = '';

interface Row {
  id: string;
  number: string;
  title: string;
  description: string;
  state: string;
  tier: string;
  categoryCode: string;
  divisionCode: string;
  handlerDepartment: string | null;
  reporterId: string | null;
  receivedAt: string;
  handleDueAt: string | null;
  actions: string[];
}

const ok = async (actor: TestActor, method: string, url: string, body?: unknown) => {
  const r = await call(ctx, actor, method, url, body);
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json();
};

/** Every row of a list, `limit` at a time, following `next`; the pages' sizes too. */
async function everyRow(actor: TestActor, url: string, limit = 200) {
  const items: Row[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(actor, 'GET', `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    sizes.push(page.items.length);
    cursor = page.more ? page.next : undefined;
    if (!page.more) expect(page.next).toBeNull();
  } while (cursor);
  return { items, sizes };
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const all = async (actor: TestActor, query = '') => (await everyRow(actor, `/api/cases?queue=all${query}`)).items;

async function report(actor: TestActor, r: Region, description: string, categoryCode = '01037', anonymous = false) {
  const c = await ok(actor, 'POST', '/api/cases', {
    description,
    categoryCode,
    lng: PLACES[r].at[0],
    lat: PLACES[r].at[1],
    locationSource: 'map',
    anonymous,
  });
  return c.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext({
    RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    REPORTS_PER_PERSON_PER_HOUR: '1000',
    SESSION_IDLE_MINUTES: '1440',
  });
  await ctx.db.transaction((tx) =>
    writeGrids(
      { tx, crypto: ctx.deps.crypto },
      Object.values(PLACES).map((p) => ({
        code: p.grid,
        name: `网格 ${p.grid}`,
        polygon: squareAround(p.at, 0.01),
        synthetic: true,
      })),
    ),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-23T09:00:00+08:00')); // a Monday
  resident = await residentActor(ctx, '13911110001');
  neighbour = await residentActor(ctx, '13911110002');
  county = await staffActor(ctx, 'county_officer', '421081');
  townA = await staffActor(ctx, 'town_officer', PLACES.A.town);
  gridA = await staffActor(ctx, 'grid_worker', PLACES.A.grid);
  staff.push(county, townA, gridA);

  const dispatchedIds: string[] = [];
  let filedId = '';
  for (const r of ['A', 'B', 'C'] as const) {
    for (let i = 0; i < 4; i++) {
      const id = await report(resident, r, `${r}${i} 路灯不亮，晚上很黑`);
      if (i < 2) dispatchedIds.push(id);
      if (r === 'C' && i === 2) filedId = id;
      if (i % 2) ctx.clock.advance(30 * 60_000); // pairs share a received time: the id breaks the tie
    }
    await report(resident, r, `${r} 垃圾堆放已经 100% 满了`, '06010');
  }
  anonymousId = await report(neighbour, 'A', `井盖丢了，联系电话${PHONE}`, '06010', true);
  namedNeighbourId = await report(neighbour, 'B', '楼道灯坏了，请尽快修', '01037');
  // A0, A1, B0, B1 dispatched together (one deadline: the id breaks the tie), C0, C1 an hour later
  for (const [i, id] of dispatchedIds.entries()) {
    if (i === 4) ctx.clock.advance(3_600_000);
    await ok(county, 'POST', `/api/cases/${id}/events`, { type: 'file' });
    await ok(county, 'POST', `/api/cases/${id}/events`, { type: 'dispatch', departmentCode: ZJJ });
  }
  await ok(county, 'POST', `/api/cases/${filedId}/events`, { type: 'file' });
  // 07:30 on the 24th in Shanghai is still the 23rd in UTC: the period filter counts Shanghai days
  ctx.clock.set(new Date('2026-11-24T07:30:00+08:00'));
  resident.cookie = (await residentActor(ctx, '13911110001')).cookie;
  lateNightId = await report(resident, 'A', 'A 清晨 井盖缺失');
  ctx.clock.advance(10 * 86_400_000); // the dispatched cases are overdue now; everyone signs in again
  for (const s of staff) s.cookie = await signIn(ctx, s.username, PASSWORD);
  resident.cookie = (await residentActor(ctx, '13911110001')).cookie;
}, 600_000);
afterAll(() => ctx.close());

describe('keyset pages in each sort', () => {
  it('pages newest first and by deadline with every case exactly once, in the sort order', async () => {
    const byReceived = await ctx.db.owner.query<{ id: string }>(
      'SELECT id FROM cases ORDER BY received_at DESC, id DESC',
    );
    const byDeadline = await ctx.db.owner.query<{ id: string }>(
      'SELECT id FROM cases ORDER BY handle_due_at ASC NULLS LAST, id ASC',
    );
    expect(byReceived.rows.length).toBe(18);
    const received = await everyRow(county, '/api/cases?queue=all', 4);
    expect(received.sizes).toEqual([4, 4, 4, 4, 2]);
    expect(ids(received.items)).toEqual(byReceived.rows.map((r) => r.id));
    const deadline = await everyRow(county, '/api/cases?queue=all&sort=deadline', 4);
    expect(ids(deadline.items)).toEqual(byDeadline.rows.map((r) => r.id));
    // the first six carry a deadline (four of them the same one), the rest none
    expect(deadline.items.slice(0, 6).every((c) => c.handleDueAt !== null)).toBe(true);
    expect(deadline.items.slice(6).every((c) => c.handleDueAt === null)).toBe(true);
    // pages of one and of three, filtered, still give each case once
    for (const limit of [1, 3]) {
      const one = await everyRow(county, '/api/cases?queue=all&sort=deadline&grid=421081001', limit);
      expect(new Set(ids(one.items)).size).toBe(one.items.length);
      expect(ids(one.items)).toEqual(ids(deadline.items.filter((c) => c.divisionCode.startsWith('421081001'))));
    }
  });

  it("a forged cursor, or another sort's cursor, is a 400 cursor_invalid", async () => {
    const first = await ok(county, 'GET', '/api/cases?queue=all&limit=2');
    const forged = [
      'not-a-cursor!',
      encodeCursor(['received', 'yesterday', first.items[1].id]),
      encodeCursor(['received', '2026-11-23T01:00:00.000Z', 'not-a-uuid']),
      encodeCursor(['2026-11-23T01:00:00.000Z', first.items[1].id]), // the old two-part key
      encodeCursor(['oldest', '2026-11-23T01:00:00.000Z', first.items[1].id]),
    ];
    for (const cursor of forged) {
      const r = await call(ctx, county, 'GET', `/api/cases?queue=all&cursor=${encodeURIComponent(cursor)}`);
      expect(r.statusCode, cursor).toBe(400);
      expect(r.json()).toMatchObject({ code: 'cursor_invalid', details: { field: 'cursor' } });
    }
    const wrongSort = await call(ctx, county, 'GET', `/api/cases?queue=all&sort=deadline&cursor=${first.next}`);
    expect(wrongSort.statusCode).toBe(400);
    expect(wrongSort.json().code).toBe('cursor_invalid');
  });
});

describe('filters', () => {
  it('each filter keeps exactly the cases it names', async () => {
    const every = await all(county);
    const expectKept = async (query: string, keep: (c: Row) => boolean) => {
      const got = await all(county, query);
      const want = every.filter(keep);
      expect(want.length, query).toBeGreaterThan(0);
      expect(want.length, query).toBeLessThan(every.length);
      expect(ids(got), query).toEqual(ids(want));
    };
    const a0 = every.find((c) => c.description.startsWith('A0 '))!;
    await expectKept(`&q=${encodeURIComponent(a0.number)}`, (c) => c.id === a0.id);
    await expectKept(`&q=${encodeURIComponent('路灯')}`, (c) => c.description.includes('路灯'));
    await expectKept(`&q=${encodeURIComponent(a0.title)}`, (c) => c.title.includes(a0.title));
    await expectKept(`&q=${encodeURIComponent('100%')}`, (c) => c.description.includes('100%')); // % is a letter here
    await expectKept('&state=dispatched', (c) => c.state === 'dispatched');
    await expectKept('&state=dispatched&state=received', (c) => ['dispatched', 'received'].includes(c.state));
    await expectKept('&category=06010', (c) => c.categoryCode === '06010');
    await expectKept('&category=01', (c) => c.categoryCode.startsWith('01')); // a major category covers its minor ones
    await expectKept(`&grid=${PLACES.B.town}`, (c) => c.divisionCode.startsWith(PLACES.B.town));
    await expectKept(`&grid=${PLACES.C.grid}`, (c) => c.divisionCode === PLACES.C.grid);
    await expectKept(`&department=${ZJJ}`, (c) => c.handlerDepartment === ZJJ);
    await expectKept('&overdue=1', (c) => c.state === 'dispatched' && c.handleDueAt !== null);
    await expectKept('&overdue=0', (c) => c.handleDueAt === null);
    await expectKept('&from=2026-11-24&to=2026-11-24', (c) => c.id === lateNightId);
    await expectKept('&to=2026-11-23', (c) => c.id !== lateNightId);
    await expectKept(`&reporter=${neighbour.userId}`, (c) => c.id === namedNeighbourId); // not the anonymous one
    await expectKept(
      `&grid=${PLACES.A.town}&state=received&category=01037`,
      (c) => c.divisionCode.startsWith(PLACES.A.town) && c.state === 'received' && c.categoryCode === '01037',
    );
  });

  it('the filters apply to the work queues too', async () => {
    const overdue = await all(county, '').then((rows) => rows.filter((c) => c.state === 'dispatched'));
    const queue = (await everyRow(county, `/api/cases?queue=overdue&grid=${PLACES.A.town}`)).items;
    expect(ids(queue)).toEqual(ids(overdue.filter((c) => c.divisionCode.startsWith(PLACES.A.town))));
  });

  it('an anonymous report never answers to its reporter; residents may not filter by reporter', async () => {
    const byNeighbour = await all(county, `&reporter=${neighbour.userId}`);
    expect(ids(byNeighbour)).not.toContain(anonymousId);
    const anon = (await all(county)).find((c) => c.id === anonymousId)!;
    expect(anon.reporterId).toBeNull();
    const r = await call(ctx, resident, 'GET', `/api/cases?queue=mine&reporter=${resident.userId}`);
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'case_filter_staff_only', details: { field: 'reporter' } });
  });

  it('an unknown filter value is a 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['state=lost', 'validation_failed', 'state'],
      ['category=99999', 'case_filter_invalid', 'category'],
      ['grid=421081999999', 'case_filter_invalid', 'grid'],
      ['grid=110101001', 'case_filter_invalid', 'grid'],
      ['grid=abc', 'validation_failed', 'grid'],
      ['department=421081-nope', 'case_filter_invalid', 'department'],
      ['from=2026-02-30', 'case_filter_invalid', 'from'],
      ['from=2026-11-24&to=2026-11-23', 'case_filter_invalid', 'to'],
      ['from=yesterday', 'validation_failed', 'from'],
      ['overdue=maybe', 'validation_failed', 'overdue'],
      ['reporter=someone', 'validation_failed', 'reporter'],
      ['sort=oldest', 'validation_failed', 'sort'],
      ['colour=red', 'validation_failed', 'colour'],
      ['view=following', 'case_filter_invalid', 'view'],
    ];
    for (const [query, code, field] of cases) {
      const r = await call(ctx, county, 'GET', `/api/cases?queue=all&${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.json().code, query).toBe(code);
      expect(r.body, query).toContain(field);
      const exp = await call(ctx, county, 'GET', `/api/cases/export.xlsx?${query}`);
      if (!query.startsWith('view')) expect(exp.statusCode, `export ${query}`).toBe(400);
    }
  });
});

describe('scope', () => {
  it('a town officer never sees another town, filtered, paged or exported', async () => {
    const mine = await everyRow(townA, '/api/cases?queue=all', 2);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((c) => c.divisionCode.startsWith(PLACES.A.town))).toBe(true);
    expect(await all(townA, `&grid=${PLACES.B.town}`)).toEqual([]);
    expect(await all(townA, `&reporter=${neighbour.userId}`)).toEqual([]); // their report in B stays out of sight
    const sheet = await exportRows(townA, '');
    expect(sheet.rows.map((r) => r[0]).sort()).toEqual(mine.items.map((c) => c.number).sort());
    expect((await exportRows(townA, `grid=${PLACES.B.town}`)).rows).toEqual([]);
  });

  it("a grid worker's triage lists what they can act on; what they can only follow is its own tab", async () => {
    const act = (await everyRow(gridA, '/api/cases?queue=triage')).items;
    const follow = (await everyRow(gridA, '/api/cases?queue=triage&view=following')).items;
    expect(act.length).toBeGreaterThan(0);
    expect(follow.length).toBeGreaterThan(0);
    for (const c of act) expect(c.actions, c.description).toContain('file');
    for (const c of follow) {
      expect(
        c.actions.filter((a) => ['file', 'reject', 'dispatch'].includes(a)),
        c.description,
      ).toEqual([]);
      expect(c.tier).toBe('department');
    }
    // together: the grid's cases waiting for triage, each once
    const waiting = (await all(county, `&grid=${PLACES.A.grid}&state=received&state=filed`)).map((c) => c.id);
    expect([...ids(act), ...ids(follow)].sort()).toEqual(waiting.sort());
    // the town officer triages every tier: nothing to only follow
    expect((await everyRow(townA, '/api/cases?queue=triage&view=following')).items).toEqual([]);
  });
});

async function exportRows(actor: TestActor, query: string) {
  const r = await call(ctx, actor, 'GET', `/api/cases/export.xlsx?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(r.headers['content-disposition']).toMatch(/^attachment; filename="cases-\d{4}-\d\d-\d\d\.xlsx"$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const values: string[][] = [];
  ws.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { headers: values[0], rows: values.slice(1) };
}

describe('xlsx export', () => {
  it('holds the filtered list in its order, with headers, masked numbers and the anonymous reporter hidden', async () => {
    const sheet = await exportRows(county, `grid=${PLACES.A.town}&sort=deadline`);
    expect(sheet.headers).toEqual(CASE_EXPORT_COLUMNS.map((c) => c.header));
    const list = await all(county, `&grid=${PLACES.A.town}&sort=deadline`);
    expect(sheet.rows.map((r) => r[0])).toEqual(list.map((c) => c.number));
    const anon = sheet.rows.find((r) => r[2].startsWith('井盖丢了'))!;
    expect(anon[8]).toBe('匿名群众');
    expect(anon[2]).not.toContain(PHONE);
    expect(anon[2]).toMatch(/139\*+678|139\*{4}5678/);
    const overdue = sheet.rows.filter((r) => r[12] === '是');
    expect(overdue.length).toBe(2);
    expect(overdue.every((r) => r[4] === '已派遣' && r[7].length > 0)).toBe(true);
    const late = sheet.rows.find((r) => r[2] === 'A 清晨 井盖缺失')!;
    expect(late[9]).toBe('2026-11-24 07:30'); // Shanghai time

    const overdueOnly = await exportRows(county, 'overdue=1');
    expect(overdueOnly.rows.length).toBe(6);
  });

  it('is audited with its filters and row count', async () => {
    const before = await ctx.db.owner.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cases.export'",
    );
    await exportRows(county, 'state=received');
    const { rows } = await ctx.db.owner.query<{ after: { filters: Record<string, unknown>; rows: number } }>(
      "SELECT after FROM audit_log WHERE action = 'cases.export' ORDER BY id DESC LIMIT 1",
    );
    const count = await ctx.db.owner.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cases.export'",
    );
    expect(count.rows[0].n).toBe(before.rows[0].n + 1);
    expect(rows[0].after.filters).toMatchObject({ state: ['received'] });
    expect(rows[0].after.rows).toBe((await all(county, '&state=received')).length);
  });

  it('refuses more rows than the cap with a 422 naming the limit; residents may not export', async () => {
    expect(EXPORT_CAP).toBe(50_000);
    const actor: UserActor = {
      kind: 'user',
      userId: county.userId,
      userKind: 'staff',
      displayName: 'county',
      homeDivisionCode: null,
      grants: [{ role: 'county_officer', scopeCode: '421081', departmentCode: null }],
      ip: null,
    };
    const err = await exportCases(ctx.deps, actor, {}, 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'case_export_too_large', details: { count: 18, max: 5 } });
    const fits = await exportCases(ctx.deps, actor, { grid: PLACES.C.town }, 5);
    expect(fits.rows).toBe(5);
    const r = await call(ctx, resident, 'GET', '/api/cases/export.xlsx');
    expect(r.statusCode).toBe(403);
  });
});
