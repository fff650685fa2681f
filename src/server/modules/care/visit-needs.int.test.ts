/**
 * A visit's need turned into a case (source 'visit', on the resident's behalf, at their household)
 * or a three-lists problem from the visit record page, by the assigned worker or an officer of the
 * place only; the resident confirms the problem's effect; what the visit became is listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { G1, G2, hh, NINE_ANSWERS, seedVillage, V } from './care.fixtures';

let ctx: TestContext;
let worker: TestActor, otherGrid: TestActor, village: TestActor, outsider: TestActor, elder: TestActor;
let visitId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  const ids = await seedVillage(ctx, '13925000010');
  await ctx.db.owner.query(`UPDATE households SET lng = $1, lat = $2 WHERE code = $3`, [...COUNTY_SEAT, hh(G1, 1)]);
  worker = await staffActor(ctx, 'grid_worker', G1);
  otherGrid = await staffActor(ctx, 'grid_worker', G2);
  village = await staffActor(ctx, 'village_officer', V);
  outsider = await staffActor(ctx, 'village_officer', '421081107213');
  elder = await residentActor(ctx, '13925000010');
  const p = await call(ctx, village, 'POST', '/api/care/persons', {
    residentId: ids.王秀兰,
    categories: ['elderly_alone'],
    tier: 'key',
    workerId: worker.userId,
    consent: { by: 'self', on: '2026-03-01' },
  });
  expect(p.statusCode, p.body).toBe(201);
  const v = await call(ctx, worker, 'POST', `/api/care/persons/${p.json().id}/visits`, { answers: NINE_ANSWERS });
  expect(v.statusCode, v.body).toBe(201);
  visitId = v.json().visitId;
});
afterAll(async () => {
  await ctx?.close();
});

describe("a visit's needs after the visit", () => {
  it('refuses anyone but the assigned worker and the officers of the place (404), writing nothing', async () => {
    const body = { categoryCode: '01037', description: '屋顶漏雨，需要维修' };
    for (const who of [otherGrid, outsider, elder]) {
      expect((await call(ctx, who, 'POST', `/api/care/visits/${visitId}/case`, body)).statusCode).toBe(404);
      const pr = await call(ctx, who, 'POST', `/api/care/visits/${visitId}/problem`, { title: 'x', description: 'y' });
      expect(pr.statusCode).toBe(404);
    }
    const bad = await call(ctx, worker, 'POST', `/api/care/visits/${visitId}/case`, { ...body, categoryCode: 'nope' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'unknown_category']);
    const { rows } = await ctx.db.owner.query(`SELECT 1 FROM cases UNION ALL SELECT 1 FROM worklist_problems`);
    expect(rows).toHaveLength(0);
  });

  it("files a case on the resident's behalf (source visit, at the household) and lists it on the visit", async () => {
    const res = await call(ctx, worker, 'POST', `/api/care/visits/${visitId}/case`, {
      categoryCode: '01037',
      description: '屋顶漏雨，需要维修',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { rows } = await ctx.db.owner.query<{ source: string; reporter_name: string; location_source: string }>(
      `SELECT source, reporter_name, location_source FROM cases WHERE id = $1`,
      [res.json().id],
    );
    expect(rows[0]).toEqual({ source: 'visit', reporter_name: '王秀兰', location_source: 'household' });
    const staffCase = await call(ctx, village, 'GET', `/api/cases/${res.json().id}`);
    expect(staffCase.json().source).toBe('visit');
    const audit = await ctx.db.owner.query(`SELECT 1 FROM audit_log WHERE action = 'care.visit_case'`);
    expect(audit.rows).toHaveLength(1);
  });

  it('lists a three-lists problem the resident confirms once its effect is recorded', async () => {
    const pr = await call(ctx, village, 'POST', `/api/care/visits/${visitId}/problem`, {
      title: '屋顶漏雨',
      description: '雨季前修好',
      tasks: [{ title: '联系施工队', ownerId: worker.userId, deadline: '2026-03-20' }],
    });
    expect(pr.statusCode, pr.body).toBe(201);
    const id = pr.json().id;
    const detail = (await call(ctx, village, 'GET', `/api/worklists/problems/${id}`)).json();
    expect(detail.problem).toMatchObject({
      source: 'visit',
      sourceRef: visitId,
      subject: '王**',
      raisedByResident: true,
    });
    await call(ctx, worker, 'POST', `/api/worklists/tasks/${detail.tasks[0].id}/done`, { outcome: '已修好' });
    const eff = await call(ctx, village, 'POST', `/api/worklists/problems/${id}/effect`, {
      summary: '屋顶已修',
      resultKind: 'hardship_relieved',
    });
    expect(eff.statusCode, eff.body).toBe(200);
    const ok = await call(ctx, elder, 'POST', `/api/worklists/problems/${id}/confirm`, { confirmed: true });
    expect(ok.statusCode, ok.body).toBe(200);
    const outcomes = (await call(ctx, worker, 'GET', `/api/care/visits/${visitId}/outcomes`)).json();
    expect(outcomes.map((o: { kind: string }) => o.kind)).toEqual(['case', 'problem']);
    const sum = (await call(ctx, village, 'GET', `/api/worklists/summary?by=village&scope=${V}`)).json();
    expect(sum.total).toMatchObject({ confirmed: 1, results: { hardship_relieved: 1 } });
  });
});
