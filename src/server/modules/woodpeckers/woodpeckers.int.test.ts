/**
 * Woodpecker enrolment on a real database: a resident applies to their own village's team; the
 * village officer approves (the woodpecker role at the village, which the points module reads) or
 * declines with a reason; the roster and its xlsx. Refusals (a second pending application, another
 * village, an officer of another village, deciding twice) are clear 4xx and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';

const V = '421081107212';
let ctx: TestContext;
let officer: TestActor, outsider: TestActor, county: TestActor, alice: TestActor, bob: TestActor, nomad: TestActor;
let otherVillage: string;

const counts = async () => {
  const { rows } = await ctx.db.owner.query<{ apps: number; grants: number; audits: number }>(
    `SELECT (SELECT count(*)::int FROM woodpecker_applications) AS apps,
            (SELECT count(*)::int FROM role_assignments WHERE role = 'woodpecker') AS grants,
            (SELECT count(*)::int FROM audit_log WHERE action LIKE 'woodpeckers.%') AS audits`,
  );
  return rows[0];
};
const setPlace = async (a: TestActor, code: string) =>
  expect((await call(ctx, a, 'PUT', '/api/me/place', { divisionCode: code })).statusCode).toBe(200);
const apply = (a: TestActor, villageCode: string, statement?: string) =>
  call(ctx, a, 'POST', '/api/woodpeckers/me/applications', { villageCode, ...(statement ? { statement } : {}) });
const decide = (a: TestActor, id: string, decision: string, reason?: string) =>
  call(ctx, a, 'POST', `/api/woodpeckers/applications/${id}/decision`, { decision, ...(reason ? { reason } : {}) });
const refusal = (r: { statusCode: number; json: () => { code: string } }) => [r.statusCode, r.json().code];

beforeAll(async () => {
  ctx = await createTestContext();
  const { rows } = await ctx.db.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = '421081107' AND code <> $1 ORDER BY code LIMIT 1`,
    [V],
  );
  otherVillage = rows[0].code;
  officer = await staffActor(ctx, 'village_officer', V);
  outsider = await staffActor(ctx, 'village_officer', otherVillage);
  county = await staffActor(ctx, 'county_officer', '421081');
  alice = await residentActor(ctx, '13927000001');
  bob = await residentActor(ctx, '13927000002');
  nomad = await residentActor(ctx, '13927000003');
  await setPlace(alice, V);
  await setPlace(bob, V);
});
afterAll(async () => {
  await ctx?.close();
});

describe('applying', () => {
  it('refuses a resident with no village, another village, and a second pending application — nothing written', async () => {
    const before = await counts();
    expect(refusal(await apply(nomad, V))).toEqual([400, 'woodpeckers_no_village']);
    const outside = await apply(alice, otherVillage);
    expect(refusal(outside)).toEqual([403, 'woodpeckers_not_your_village']);
    expect(outside.json().message).toMatch(/不是您登记的村/);
    const en = await call(
      ctx,
      alice,
      'POST',
      '/api/woodpeckers/me/applications',
      { villageCode: otherVillage },
      {
        'accept-language': 'en',
      },
    );
    expect(en.json().message).toMatch(/your own village/);
    expect(await counts()).toEqual(before);

    const first = await apply(alice, V, '  我常在村里走，愿意发现问题  ');
    expect(first.statusCode).toBe(201);
    const mine = first.json();
    expect(mine.villages.map((v: { code: string }) => v.code)).toEqual([V]);
    expect(mine.applications[0]).toMatchObject({
      state: 'pending',
      villageCode: V,
      statement: '我常在村里走，愿意发现问题',
    });

    const mid = await counts();
    const twice = await apply(alice, V);
    expect(refusal(twice)).toEqual([409, 'woodpeckers_pending']);
    // two at once: the partial unique index keeps one
    const [x, y] = await Promise.all([apply(bob, V), apply(bob, V)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    expect((await counts()).apps).toBe(mid.apps + 1);
  });

  it('refuses staff and invalid bodies with 4xx', async () => {
    expect((await apply(officer, V)).statusCode).toBe(403);
    expect((await apply(alice, '42108110721')).statusCode).toBe(400);
    const long = await apply(alice, V, '长'.repeat(501));
    expect(long.statusCode).toBe(400);
  });
});

describe('deciding', () => {
  it('lets only the village’s officer decide; approving grants the woodpecker role; deciding twice is refused', async () => {
    const list = await call(ctx, officer, 'GET', '/api/woodpeckers/applications?state=pending');
    expect(list.statusCode).toBe(200);
    const aliceApp = list
      .json()
      .items.find((a: { applicantName: string; phoneMasked: string }) => a.phoneMasked?.endsWith('0001'));
    expect(aliceApp).toBeTruthy();
    expect((await call(ctx, outsider, 'GET', '/api/woodpeckers/applications')).json().items).toEqual([]);

    const before = await counts();
    expect(refusal(await decide(outsider, aliceApp.id, 'approve'))).toEqual([404, 'not_found']);
    expect(refusal(await decide(county, aliceApp.id, 'approve'))).toEqual([403, 'forbidden']);
    expect(refusal(await decide(alice, aliceApp.id, 'approve'))).toEqual([404, 'not_found']);
    expect(refusal(await decide(officer, aliceApp.id, 'decline'))).toEqual([400, 'woodpeckers_reason_required']);
    expect(refusal(await decide(officer, aliceApp.id, 'decline', '   '))).toEqual([400, 'woodpeckers_reason_required']);
    expect(await counts()).toEqual(before);

    const ok = await decide(officer, aliceApp.id, 'approve');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', reason: null });
    expect(ok.json().deciderName).toBeTruthy();
    const again = await decide(officer, aliceApp.id, 'decline', '重复');
    expect(refusal(again)).toEqual([409, 'woodpeckers_decided']);
    expect(again.json().message).toMatch(/已通过/);

    // being a woodpecker is the role: /api/me lists it, and the woodpecker team won't take her twice
    const me = (await call(ctx, alice, 'GET', '/api/me')).json();
    expect(JSON.stringify(me)).toMatch(/woodpecker/);
    const mine = (await call(ctx, alice, 'GET', '/api/woodpeckers/me')).json();
    expect(mine.memberships).toEqual([expect.objectContaining({ villageCode: V })]);
    expect(mine.applications[0].state).toBe('approved');
    expect(refusal(await apply(alice, V))).toEqual([409, 'woodpeckers_already_member']);
    const audits = await ctx.db.owner.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [aliceApp.id],
    );
    expect(audits.rows.map((r) => r.action)).toEqual(['woodpeckers.apply', 'woodpeckers.approve']);
  });

  it('declines with a reason the resident sees, and the resident may apply again', async () => {
    const bobApp = (await call(ctx, bob, 'GET', '/api/woodpeckers/me')).json().applications[0];
    const no = await decide(officer, bobApp.id, 'decline', '请先参加一次培训');
    expect(no.json()).toMatchObject({ state: 'declined', reason: '请先参加一次培训' });
    const mine = (await call(ctx, bob, 'GET', '/api/woodpeckers/me')).json();
    expect(mine.applications[0]).toMatchObject({ state: 'declined', reason: '请先参加一次培训' });
    expect(mine.memberships).toEqual([]);
    expect((await apply(bob, V)).statusCode).toBe(201);
  });
});

describe('the roster', () => {
  it('lists live woodpecker roles in scope, pages, and exports an xlsx; others see nothing', async () => {
    const page = await call(ctx, officer, 'GET', '/api/woodpeckers/roster');
    expect(page.statusCode).toBe(200);
    const names = page.json().items.map((r: { villageCode: string; viaApplication: boolean }) => r);
    expect(names).toEqual([expect.objectContaining({ villageCode: V, viaApplication: true })]);
    expect((await call(ctx, outsider, 'GET', '/api/woodpeckers/roster')).json().items).toEqual([]);
    expect((await call(ctx, county, 'GET', '/api/woodpeckers/roster')).json().items).toHaveLength(1);
    expect((await call(ctx, alice, 'GET', '/api/woodpeckers/roster')).statusCode).toBe(403);
    expect((await call(ctx, outsider, 'GET', `/api/woodpeckers/roster?scope=${V}`)).statusCode).toBe(404);
    const all = await pageThrough(ctx, county, '/api/woodpeckers/roster', 1);
    expect(all).toHaveLength(1);
    await expectCursorRefused(ctx, county, '/api/woodpeckers/roster', 2);

    const xlsx = await call(ctx, officer, 'GET', '/api/woodpeckers/roster/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('啄木鸟志愿者台账');
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(6).value)).toBe('我常在村里走，愿意发现问题');
  });
});
