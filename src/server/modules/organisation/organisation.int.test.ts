import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';
import { makeIdNumber } from './id-number';
import { Person } from './organisation.schema';
import {
  refreshCoverage,
  writeGrids,
  writeHouseholds,
  writeLinks,
  writePartyMembers,
  writePartyOrgs,
  writeResidents,
} from './organisation.write';

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
let gridWorker: TestActor, village: TestActor, viewer: TestActor, aud: TestActor;

beforeAll(async () => {
  ctx = await createTestContext();
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
    add(
      await writeResidents(c, [
        { householdCode: hh(G1, 1), name: '王建国', idNumber: ID(11), phone: '13912340001', relation: 'householder' },
        { householdCode: hh(G1, 1), name: '李秀英', idNumber: ID(22), phone: null, relation: 'spouse' },
        { householdCode: hh(G1, 2), name: '王小明', idNumber: ID(31), phone: '13912340002', relation: 'householder' },
        { householdCode: hh(G1, 3), name: '赵四', idNumber: ID(41), phone: null, relation: 'householder' },
        { householdCode: hh(G2, 1), name: '王五', idNumber: ID(51), phone: '13912340003', relation: 'householder' },
        { householdCode: hh(G2, 2), name: '钱六', idNumber: ID(61), phone: null, relation: 'householder' },
      ]),
    );
    await writePartyOrgs(c, [
      { code: `${V}-01`, name: '百子庵村党支部', kind: 'village_party_org', parentCode: null, divisionCode: V },
    ]);
    await writePartyMembers(c, [
      {
        idNumber: ID(11),
        orgCode: `${V}-01`,
        membership: 'full',
        joinedOn: '2001-07-01',
        embeddedCadre: false,
        woodpecker: true,
      },
    ]);
    add(
      await writeLinks(c, [
        { memberIdNumber: ID(11), householdCode: hh(G1, 1), hub: true },
        { memberIdNumber: ID(11), householdCode: hh(G1, 2), hub: false },
        { memberIdNumber: ID(11), householdCode: hh(G2, 1), hub: false },
      ]),
    );
    await refreshCoverage(tx, touched);
  });
  gridWorker = await staffActor(ctx, 'grid_worker', G1);
  village = await staffActor(ctx, 'village_officer', V);
  viewer = await staffActor(ctx, 'pii_viewer', V);
  await ctx.db.owner.query(
    `INSERT INTO role_assignments (user_id, role, scope_code) VALUES ($1, 'village_officer', $2)`,
    [viewer.userId, V],
  );
  aud = await staffActor(ctx, 'audit_admin', '421081');
});
afterAll(async () => {
  await ctx.close();
});

describe('people at rest', () => {
  it('holds no plaintext ID number or phone anywhere in the residents table', async () => {
    const { rows } = await ctx.db.owner.query<Record<string, unknown>>('SELECT * FROM residents');
    const dump = JSON.stringify(rows);
    for (const secret of [ID(11), ID(22), '13912340001', '13912340003']) expect(dump).not.toContain(secret);
    expect(rows.find((r) => r.name === '王建国')).toMatchObject({
      id_masked: `4210**********${ID(11).slice(-4)}`,
      phone_masked: '139****0001',
      gender: 'M',
    });
  });
});

describe('finding people', () => {
  it('finds a person by ID number and by phone through the blind index, masked', async () => {
    const byId = (await call(ctx, village, 'GET', `/api/people?q=${ID(31)}`)).json();
    expect(byId.matchedBy).toBe('idNumber');
    expect(byId.items).toHaveLength(1);
    expect(byId.items[0]).toMatchObject({
      name: '王小明',
      idMasked: `4210**********${ID(31).slice(-4)}`,
      phoneMasked: '139****0002',
    });
    expect(JSON.stringify(byId)).not.toContain(ID(31));
    const byPhone = (await call(ctx, village, 'GET', '/api/people?q=13912340003')).json();
    expect(byPhone).toMatchObject({ matchedBy: 'phone', items: [{ name: '王五' }] });
    const byName = (await call(ctx, village, 'GET', `/api/people?q=${encodeURIComponent('王')}`)).json();
    expect(byName.items.map((p: { name: string }) => p.name).sort()).toEqual(['王五', '王小明', '王建国']);
  });

  it('limits a grid worker to the grid’s people', async () => {
    const names = (await call(ctx, gridWorker, 'GET', `/api/people?q=${encodeURIComponent('王')}`))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(['王小明', '王建国']);
    expect((await call(ctx, gridWorker, 'GET', '/api/people?q=13912340003')).json().items).toEqual([]);
    expect((await call(ctx, gridWorker, 'GET', `/api/households/${hh(G2, 1)}`)).statusCode).toBe(404);
    expect((await call(ctx, gridWorker, 'GET', `/api/households/${hh(G1, 1)}`)).json().members).toHaveLength(2);
    expect((await call(ctx, gridWorker, 'GET', `/api/coverage/${V}`)).statusCode).toBe(404);
  });

  it('reveals a full identifier only to a personal-data viewer, and audits it', async () => {
    const person = (await call(ctx, viewer, 'GET', `/api/people?q=${ID(11)}`)).json().items[0];
    expect(person.actions).toContain('reveal');
    const denied = await call(ctx, village, 'POST', `/api/people/${person.id}/reveal`, { field: 'idNumber' });
    expect(denied.statusCode).toBe(403);
    const shown = await call(ctx, viewer, 'POST', `/api/people/${person.id}/reveal`, { field: 'idNumber' });
    expect(shown.json()).toEqual({ field: 'idNumber', value: ID(11) });
    expect(shown.headers['cache-control']).toBe('no-store'); // never kept by a browser or proxy cache
    const log = (await call(ctx, aud, 'GET', '/api/audit?action=people.reveal')).json().items;
    expect(log[0]).toMatchObject({
      actorId: viewer.userId,
      entityType: 'resident',
      entityId: person.id,
      after: { field: 'idNumber' },
    });
  });
});

describe('paged lists', () => {
  const ids = (items: { id?: string; code?: string }[]) => items.map((i) => i.id ?? i.code);

  it('pages through a search: every row exactly once, in the one-page order, the last page saying no more', async () => {
    const url = `/api/people?q=${encodeURIComponent('王')}`;
    const whole = (await call(ctx, village, 'GET', `${url}&limit=200`)).json();
    expect(whole.items).toHaveLength(3);
    expect(whole).toMatchObject({ more: false, next: null });
    for (const limit of [1, 2, 3]) {
      const items = await pageThrough<{ id: string }>(ctx, village, url, limit);
      expect(ids(items)).toEqual(ids(whole.items));
      expect(new Set(ids(items)).size).toBe(3);
    }
  });

  it('pages through the uncovered households', async () => {
    const items = await pageThrough<{ code: string }>(ctx, village, `/api/coverage/${V}/uncovered`, 1);
    expect(ids(items)).toEqual([hh(G1, 3), hh(G2, 2)]);
  });

  it('refuses a forged cursor as 400 cursor_invalid', async () => {
    await expectCursorRefused(ctx, village, `/api/people?q=${encodeURIComponent('王')}`, 3);
    await expectCursorRefused(ctx, village, `/api/coverage/${V}/uncovered`, 1);
  });

  it('answers with the fields of the contract only (the serializer drops the rest)', async () => {
    const person = (await call(ctx, viewer, 'GET', `/api/people?q=${ID(11)}`)).json().items[0];
    expect(Object.keys(person).sort()).toEqual(Object.keys(Person.properties).sort());
    const body = (await call(ctx, viewer, 'GET', `/api/households/${hh(G1, 1)}`)).body;
    expect(body).not.toMatch(/cipher|_index|idIndex|phoneIndex/);
  });
});

describe('coverage', () => {
  it('counts households covered by a linked party member, with drill-down and the uncovered list', async () => {
    const village1 = (await call(ctx, village, 'GET', `/api/coverage/${V}`)).json();
    expect(village1).toMatchObject({ households: 5, residents: 6, covered: 3, uncovered: 2, percent: 60 });
    expect(
      village1.children.map((c: { code: string; covered: number; households: number }) => [
        c.code,
        c.covered,
        c.households,
      ]),
    ).toEqual([
      [G1, 2, 3],
      [G2, 1, 2],
    ]);
    const county = await staffActor(ctx, 'county_officer', '421081');
    const whole = (await call(ctx, county, 'GET', '/api/coverage/421081')).json();
    expect(whole).toMatchObject({ households: 5, covered: 3, percent: 60 });
    expect(whole.children.find((c: { code: string }) => c.code === '421081107')).toMatchObject({
      households: 5,
      covered: 3,
    });
    expect(whole.children.find((c: { code: string }) => c.code === '421081001')).toMatchObject({
      households: 0,
      percent: null,
    });
    const uncovered = (await call(ctx, village, 'GET', `/api/coverage/${V}/uncovered`)).json();
    expect(uncovered.items.map((u: { code: string }) => u.code)).toEqual([hh(G1, 3), hh(G2, 2)]);
    expect(uncovered.more).toBe(false);
  });

  it('serves grid polygons as GeoJSON flagged synthetic', async () => {
    const map = (await call(ctx, village, 'GET', `/api/grids/map?scope=${V}`)).json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.features).toHaveLength(2);
    expect(map.features[0].properties).toMatchObject({ code: G1, synthetic: true, households: 3, covered: 2 });
  });
});

describe('the party organisation tree', () => {
  it("counts each organisation's own members and its whole subtree in SQL", async () => {
    const T = '421081107'; // the town of 百子庵村
    await ctx.db.transaction(async (tx) => {
      const c = { tx, crypto: ctx.deps.crypto };
      await writePartyOrgs(c, [
        { code: `${T}-01`, name: '镇大工委', kind: 'street_working_committee', parentCode: null, divisionCode: T },
        {
          code: `${V}-02`,
          name: '百子庵大党委',
          kind: 'community_party_committee',
          parentCode: `${T}-01`,
          divisionCode: V,
        },
        { code: `${G1}-01`, name: '一网格党支部', kind: 'grid_branch', parentCode: `${V}-02`, divisionCode: G1 },
        { code: `${G1}-02`, name: '1栋党小组', kind: 'building_group', parentCode: `${G1}-01`, divisionCode: G1 },
        { code: `${G2}-01`, name: '二网格党支部', kind: 'grid_branch', parentCode: `${V}-02`, divisionCode: G2 },
      ]);
      const member = (n: number, orgCode: string) => ({
        idNumber: ID(n),
        orgCode,
        membership: 'full' as const,
        joinedOn: '2010-07-01',
        embeddedCadre: false,
        woodpecker: false,
      });
      await writePartyMembers(c, [
        member(22, `${V}-02`),
        member(31, `${G1}-01`),
        member(41, `${G1}-02`),
        member(51, `${G1}-02`),
        member(61, `${G2}-01`),
      ]);
    });
    const county = await staffActor(ctx, 'county_officer', '421081');
    const counts = (orgs: { code: string; members: number; total: number }[]) =>
      Object.fromEntries(orgs.map((o) => [o.code, [o.members, o.total]]));
    const whole = (await call(ctx, county, 'GET', `/api/party/orgs?scope=${T}`)).json();
    expect(counts(whole)).toEqual({
      [`${T}-01`]: [0, 5],
      [`${V}-01`]: [1, 1], // the village party organisation of the fixture (王建国), a tree of its own
      [`${V}-02`]: [1, 5],
      [`${G1}-01`]: [1, 3],
      [`${G1}-02`]: [2, 2],
      [`${G2}-01`]: [1, 1],
    });
    // Seen from the grid, the organisations above are not listed, and a branch still counts its groups.
    const grid = (await call(ctx, gridWorker, 'GET', `/api/party/orgs?scope=${G1}`)).json();
    expect(counts(grid)).toEqual({ [`${G1}-01`]: [1, 3], [`${G1}-02`]: [2, 2] });
  });
});

describe('the resident app', () => {
  it('shows my household, grid and linked party member to a resident signed in by phone', async () => {
    const resident = await residentActor(ctx, '13912340002');
    const mine = (await call(ctx, resident, 'GET', '/api/my/household')).json();
    expect(mine.households).toHaveLength(1);
    expect(mine.households[0]).toMatchObject({
      code: hh(G1, 2),
      grid: { code: G1, name: '一网格' },
      gridWorkers: [{ displayName: expect.any(String) }],
      linkedPartyMembers: [{ name: '王建国', hub: false }],
    });
  });
});
