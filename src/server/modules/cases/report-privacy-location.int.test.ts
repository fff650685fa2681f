/**
 * Issue 10 items 6 and 13. Anonymous reports: staff answers carry no reporter name or id (case,
 * queues, timeline), the reporter still sees their own, feedback still reaches them, and only a
 * personal-data viewer in scope can reveal the identity (audited). Locations: GPS, a map pick or
 * the registered household, the source stored; no location is refused with what to do.
 */
import { findCase } from './cases.repo';
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
import { insertAssignment } from '../access/access.repo';
import { deliverOutbox } from '../../platform/outbox/outbox';
import { makeIdNumber } from '../organisation/id-number';
import { writeBuildings, writeGrids, writeHouseholds, writeResidents } from '../organisation/organisation.write';
import { submitReport } from './intake.service';
import { invalidateGridIndex } from '../organisation';
import { NOTIFY_TOPIC, notifyHandler } from './notify';

const SEAT = COUNTY_SEAT;
const GRID_A = '421081001007001'; // 绣林街道 金银垱社区, around the county seat
const FAR: [number, number] = [SEAT[0] + 0.1, SEAT[1]];
const GRID_B = '421081107212001'; // 高基庙镇 百子庵村
const HOME = `${GRID_B}0010001`; // a household in building 001 (no point of its own: the building's)
const PHONE = '13922220001';
const NAME = '张桂兰';

let ctx: TestContext;
let resident: TestActor, town: TestActor, townB: TestActor, viewer: TestActor, viewerElsewhere: TestActor;

beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    await writeGrids(c, [
      { code: GRID_A, name: '金银垱一网格', polygon: squareAround(SEAT, 0.01), synthetic: true },
      { code: GRID_B, name: '百子庵一网格', polygon: squareAround(FAR, 0.01), synthetic: true },
    ]);
    await writeBuildings(c, [
      { code: `${GRID_B}001`, name: '1栋', compoundCode: null, point: [FAR[0] + 0.002, FAR[1]] },
    ]);
    await writeHouseholds(c, [{ code: HOME, address: '百子庵村1组1号', point: null }]);
    await writeResidents(c, [
      {
        householdCode: HOME,
        name: NAME,
        idNumber: makeIdNumber('421081', '19700101', 7),
        phone: PHONE,
        relation: 'householder',
      },
    ]);
  });
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  resident = await residentActor(ctx, PHONE);
  town = await staffActor(ctx, 'town_officer', '421081001');
  townB = await staffActor(ctx, 'town_officer', '421081107');
  viewer = await staffActor(ctx, 'pii_viewer', '421081001');
  await ctx.db.ownerTransaction((tx) =>
    insertAssignment(tx, {
      userId: viewer.userId,
      role: 'town_officer',
      scopeCode: '421081001',
      departmentCode: null,
      grantedBy: null,
    }),
  );
  viewer.cookie = await signIn(ctx, viewer.username, PASSWORD);
  viewerElsewhere = await staffActor(ctx, 'pii_viewer', '421081107');
});
afterAll(async () => {
  await ctx.close();
});

const report = (actor: TestActor, body: Record<string, unknown>) =>
  call(ctx, actor, 'POST', '/api/cases', { description: '路灯不亮了，晚上很黑', categoryCode: '01037', ...body });

describe('anonymous reports', () => {
  it('show staff no reporter name or id anywhere; the reporter sees their own; only an audited reveal in scope tells who', async () => {
    const me = (await call(ctx, resident, 'GET', '/api/me')).json().user;
    const created = await report(resident, { lng: SEAT[0], lat: SEAT[1], locationSource: 'gps', anonymous: true });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ id, anonymous: true }); // the reporter's own answer (the resident view)
    await call(ctx, town, 'POST', `/api/cases/${id}/events`, { type: 'file' });
    await call(ctx, resident, 'POST', `/api/cases/${id}/events`, { type: 'reopen', note: 'x' }); // refused (not closed): no matter

    const leaks = (body: string) => [resident.userId, me.displayName, PHONE, NAME].filter((s) => s && body.includes(s));
    const detail = await call(ctx, town, 'GET', `/api/cases/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ anonymous: true, reporterId: null, reporterName: null });
    expect(detail.json().timeline[0]).toMatchObject({ type: 'receive', actorLabel: '匿名群众' });
    expect(detail.json().timeline[0]).not.toHaveProperty('actorId');
    expect(leaks(detail.body)).toEqual([]);
    for (const queue of ['triage', 'all']) {
      const list = await call(ctx, town, 'GET', `/api/cases?queue=${queue}`);
      expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
      expect(leaks(list.body)).toEqual([]);
    }
    const filed = await call(ctx, town, 'POST', `/api/cases/${id}/events`, {
      type: 'dispatch',
      departmentCode: '421081-zjj',
    });
    expect(leaks(filed.body)).toEqual([]);

    // the reporter still sees their own report (the resident view: no handler or staff steps), and hears of each step
    const own = (await call(ctx, resident, 'GET', `/api/cases/${id}`)).json();
    expect(own).toMatchObject({ id, anonymous: true, state: 'dispatched' });
    expect(own).not.toHaveProperty('handlerDepartment');
    await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
    expect(
      (await call(ctx, resident, 'GET', '/api/notifications'))
        .json()
        .items.some((n: { caseId: string }) => n.caseId === id),
    ).toBe(true);

    // the reveal: a personal-data viewer who can read the case; audited; nobody else
    expect((await call(ctx, town, 'POST', `/api/cases/${id}/reporter/reveal`)).statusCode).toBe(403);
    expect((await call(ctx, viewerElsewhere, 'POST', `/api/cases/${id}/reporter/reveal`)).statusCode).toBe(404);
    expect((await call(ctx, resident, 'POST', `/api/cases/${id}/reporter/reveal`)).statusCode).toBe(403);
    expect((await call(ctx, null, 'POST', `/api/cases/${id}/reporter/reveal`)).statusCode).toBe(401);
    const revealed = await call(ctx, viewer, 'POST', `/api/cases/${id}/reporter/reveal`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      reporterId: resident.userId,
      name: me.displayName,
      phone: PHONE,
      anonymous: true,
    });
    const { rows } = await ctx.db.owner.query<{ actor_id: string }>(
      `SELECT actor_id FROM audit_log WHERE action = 'cases.reveal_reporter' AND entity_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ actor_id: viewer.userId }]);
    const caps = (await call(ctx, viewer, 'GET', '/api/me')).json().capabilities;
    expect(caps).toContain('cases.reveal_reporter');

    // the public never sees it
    const pub = await call(ctx, null, 'GET', '/api/public/cases');
    expect(leaks(pub.body)).toEqual([]);
  });

  it('a staff member entering an anonymous report on someone’s behalf writes no name on the timeline', async () => {
    const c = await report(town, {
      lng: SEAT[0],
      lat: SEAT[1],
      locationSource: 'map',
      anonymous: true,
      onBehalfOf: { name: '李大爷', phone: '13800001111' },
    });
    expect(c.statusCode, c.body).toBe(201);
    const seen = await call(ctx, town, 'GET', `/api/cases/${c.json().id}`);
    expect(seen.body).not.toContain('李大爷');
    expect(seen.body).not.toContain('13800001111');
    expect((await call(ctx, viewer, 'POST', `/api/cases/${c.json().id}/reporter/reveal`)).json()).toMatchObject({
      name: '李大爷',
      phone: '13800001111',
    });
  });
});

describe('report locations', () => {
  it('refuses a report without a location, saying what to do (zh, en), and writes nothing', async () => {
    const before = (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const zh = await report(resident, {});
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'location_missing' });
    expect(zh.json().message).toContain('使用当前位置');
    const en = await call(
      ctx,
      resident,
      'POST',
      '/api/cases',
      { description: '路灯不亮了', categoryCode: '01037', locationSource: 'gps' },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(422);
    expect(en.json().message).toContain('pick the place on the map');
    expect((await report(resident, { lng: SEAT[0] })).statusCode).toBe(422);
    // Open311 clients must send coordinates too (no county-seat default)
    await expect(
      submitReport(
        ctx.deps,
        { kind: 'anonymous', ip: null },
        { description: '路灯不亮', categoryCode: '01037' },
        { source: 'open311' },
      ),
    ).rejects.toMatchObject({ code: 'location_missing' });
    expect((await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before);
  });

  it('records where the location came from and shows it with the case', async () => {
    const gps = (await report(resident, { lng: SEAT[0], lat: SEAT[1], locationSource: 'gps' })).json();
    expect(gps).toMatchObject({ locationSource: 'gps' });
    expect(await findCase(ctx.db, gps.id)).toMatchObject({ gridCode: GRID_A });
    const map = (await report(resident, { lng: FAR[0], lat: FAR[1], locationSource: 'map' })).json();
    expect(map).toMatchObject({ locationSource: 'map' });
    expect(await findCase(ctx.db, map.id)).toMatchObject({ gridCode: GRID_B });
    expect((await report(resident, { lng: FAR[0], lat: FAR[1] })).json()).toMatchObject({ locationSource: 'map' }); // coordinates chosen by the client
    const open311 = await submitReport(
      ctx.deps,
      { kind: 'anonymous', ip: null },
      { description: '路灯不亮', categoryCode: '01037', lng: SEAT[0], lat: SEAT[1] },
      { source: 'open311' },
    );
    expect(open311.case.locationSource).toBe('open311');
    expect((await call(ctx, town, 'GET', `/api/cases/${gps.id}`)).json().locationSource).toBe('gps');
  });

  it('places a 我家 report at the reporter’s registered household (its building’s point) in its grid, never the county seat', async () => {
    const places = (await call(ctx, resident, 'GET', '/api/cases/registered-places')).json();
    expect(places).toEqual([
      { householdCode: HOME, address: '百子庵村1组1号', gridName: '百子庵一网格', located: true },
    ]);
    const r = await report(resident, { locationSource: 'household' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      locationSource: 'household',
      lng: FAR[0] + 0.002,
      lat: FAR[1],
      address: '百子庵村1组1号',
    });
    const stored = (await findCase(ctx.db, r.json().id))!;
    expect(stored).toMatchObject({ gridCode: GRID_B, divisionCode: GRID_B });
    expect(stored.ruleTrace[0]).toMatchObject({ rule: 'household' });
    // the 高基庙镇 dispatcher has it; 绣林街道's does not
    expect((await call(ctx, townB, 'GET', `/api/cases/${r.json().id}`)).statusCode).toBe(200);
    expect((await call(ctx, town, 'GET', `/api/cases/${r.json().id}`)).statusCode).toBe(404);
    // a household that is not theirs, or none registered: refused with what to do
    const notMine = await report(resident, { locationSource: 'household', householdCode: `${GRID_A}0000001` });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json()).toMatchObject({ code: 'location_household' });
    const stranger = await residentActor(ctx, '13922229999');
    const none = await report(stranger, { locationSource: 'household' });
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toContain('在地图上选点');
    expect((await call(ctx, stranger, 'GET', '/api/cases/registered-places')).json()).toEqual([]);
  });

  it('names the place at a point for the report form', async () => {
    const at = (await call(ctx, resident, 'GET', `/api/cases/place?lng=${FAR[0]}&lat=${FAR[1]}`)).json();
    expect(at).toEqual({ inCounty: true, gridCode: GRID_B, names: ['高基庙镇', '百子庵村委会', '百子庵一网格'] });
    // at a registered building (within 60 m), its name ends the place: 村 · 网格 · 楼栋, never numbers
    const atBuilding = await call(ctx, resident, 'GET', `/api/cases/place?lng=${FAR[0] + 0.0021}&lat=${FAR[1]}`);
    expect(atBuilding.json().names).toEqual(['高基庙镇', '百子庵村委会', '百子庵一网格', '1栋']);
    expect((await call(ctx, resident, 'GET', '/api/cases/place?lng=100&lat=30')).json()).toMatchObject({
      inCounty: false,
    });
  });
});
