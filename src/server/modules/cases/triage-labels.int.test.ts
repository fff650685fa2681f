/**
 * Triage with the classifier: the top 3 with reasons on the case for staff who triage, the
 * dispatcher's category choice recorded when filing, and that choice used as a label by retraining.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookieOf,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { countyExamples, planRetrain, saveCountyModel } from '../classifier/classifier.county';
import { SEAT, SMALL, countyExamplesFor, insertExamples } from '../classifier/county.fixtures';

let ctx: TestContext;
let resident: TestActor, county: TestActor, handler: TestActor;
const ENV = { RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', REPORTS_PER_PERSON_PER_HOUR: '1000' };
const GARBAGE = '小区门口的垃圾堆了好几天没人清运，臭味很大';

async function residentActor(c: TestContext, phone: string): Promise<TestActor> {
  await c.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } });
  const { rows } = await c.db.owner.query<{ body: string }>('SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1');
  const res = await c.app.inject({
    method: 'POST',
    url: '/api/auth/sms-sign-in',
    payload: { phone, code: /(\d{6})/.exec(rows[0].body)![1] },
  });
  const me = (await c.app.inject({ url: '/api/me', headers: { cookie: cookieOf(res) } })).json();
  return { userId: me.user.id, username: phone, cookie: cookieOf(res) };
}
const report = (c: TestContext, actor: TestActor, description: string, categoryCode: string) =>
  call(c, actor, 'POST', '/api/cases', { description, categoryCode, lng: SEAT[0], lat: SEAT[1] });
const step = (actor: TestActor, id: string, body: Record<string, unknown>) =>
  call(ctx, actor, 'POST', `/api/cases/${id}/events`, body);

beforeAll(async () => {
  ctx = await createTestContext(ENV);
  resident = await residentActor(ctx, '13911113333');
  county = await staffActor(ctx, 'county_officer', '421081');
  handler = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-zjj' });
});
afterAll(async () => {
  await ctx.close();
});

describe('triage suggestions', () => {
  it('shows staff who triage the top 3 department lines with probabilities, reasons and departments; not the reporter', async () => {
    const c = (await report(ctx, resident, GARBAGE, '01037')).json();
    const seen = (await call(ctx, county, 'GET', `/api/cases/${c.id}`)).json();
    expect(seen.suggestions).toHaveLength(3);
    for (const s of seen.suggestions) {
      expect(s).toEqual({
        label: expect.any(String),
        probability: expect.any(Number),
        reasons: expect.any(Array),
        departmentCode: expect.toBeOneOf([null, expect.stringMatching(/^421081-/)]),
      });
    }
    expect(seen.suggestions[0].reasons.length).toBeGreaterThan(0);
    expect(seen.suggestions[0].reasons.map((r: { term: string }) => r.term).join(' ')).toMatch(/垃圾/);
    expect(seen.categorySuggestions).toBeNull(); // no county category model yet
    const own = (await call(ctx, resident, 'GET', `/api/cases/${c.id}`)).json();
    expect(own).not.toHaveProperty('suggestions');
  });

  it('answers null, not an error, when the model is unavailable', async () => {
    const broken = await createTestContext({ ...ENV, CLASSIFIER_MODEL: 'models/classifier/no-such-model.json' });
    try {
      const officer = await staffActor(broken, 'county_officer', '421081');
      const c = (await report(broken, officer, GARBAGE, '06010')).json();
      const r = await call(broken, officer, 'GET', `/api/cases/${c.id}`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ suggestions: null, categorySuggestions: null });
    } finally {
      await broken.close();
    }
  });
});

describe("the dispatcher's category choice", () => {
  it('changes the category when filing, confirms it and records {from, to} on the timeline', async () => {
    const c = (await report(ctx, resident, GARBAGE, '01037')).json();
    expect((await step(county, c.id, { type: 'file', categoryCode: 'X9999' })).json().code).toBe('unknown_category');
    expect((await step(county, c.id, { type: 'file', categoryCode: '06' })).json().code).toBe('unknown_category'); // a major class
    const filed = await step(county, c.id, { type: 'file', categoryCode: '06010', note: '实为垃圾' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ state: 'filed', categoryCode: '06010', categoryConfirmed: true });
    const timeline = (await call(ctx, county, 'GET', `/api/cases/${c.id}`)).json().timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'file',
      note: '实为垃圾',
      data: { type: 'file', category: { from: '01037', to: '06010' } },
    });
    const plain = (await report(ctx, resident, '路灯不亮', '01037')).json();
    expect((await step(county, plain.id, { type: 'file' })).json()).toMatchObject({
      categoryCode: '01037',
      categoryConfirmed: true,
    });
    const labels = (await countyExamples(ctx.deps)).category;
    expect(labels).toContainEqual(expect.objectContaining({ label: '06010', body: GARBAGE }));
    expect(labels).toContainEqual(expect.objectContaining({ label: '01037', body: '路灯不亮' }));
  });

  it('labels a closed case with the department line of the chosen category', async () => {
    const c = (await report(ctx, resident, '人行道上井盖没了，晚上很危险', '06010')).json();
    await step(county, c.id, { type: 'file', categoryCode: '01001' }); // 井盖 → 住建局 → 城乡建设
    await step(county, c.id, { type: 'dispatch', departmentCode: '421081-zjj' });
    await step(handler, c.id, { type: 'accept' });
    await step(handler, c.id, { type: 'feedback', note: '已补装井盖' });
    expect((await step(county, c.id, { type: 'verify', passed: true, note: '已核查' })).json().state).toBe('closed');
    expect((await countyExamples(ctx.deps)).department).toEqual([
      expect.objectContaining({ label: '城乡建设', body: '人行道上井盖没了，晚上很危险' }),
    ]);
  });

  it('is learnt by the category model, whose top 3 with reasons then show in triage and in POST /api/classify', async () => {
    const status = (await call(ctx, county, 'GET', '/api/classifier/status')).json();
    expect(status).toMatchObject({
      department: { available: true, source: 'shipped' },
      category: { available: false, reason: expect.stringMatching(/no county category model/) },
    });
    await insertExamples(ctx.db, countyExamplesFor(8, 3), 'filed');
    // Reports of 渣土 (a word no other case uses) come in as street lights; the dispatcher files them as 暴露垃圾.
    for (let i = 0; i < 5; i++) {
      const c = (await report(ctx, resident, `工地渣土倒在路边第${i + 1}次了，渣土扬尘`, '01037')).json();
      expect((await step(county, c.id, { type: 'file', categoryCode: '06010' })).statusCode).toBe(200);
    }
    const plan = await planRetrain(ctx.deps, { trainOptions: SMALL });
    if (plan.category.status !== 'ready') throw new Error(plan.category.message);
    await saveCountyModel(ctx.deps, 'category', plan.category.outcome.model);

    const fresh = (await report(ctx, resident, '路边又有人倒渣土', '01037')).json();
    const seen = (await call(ctx, county, 'GET', `/api/cases/${fresh.id}`)).json();
    expect(seen.categorySuggestions).toHaveLength(3);
    expect(seen.categorySuggestions[0]).toMatchObject({
      code: '06010',
      name: '暴露垃圾',
      probability: expect.any(Number),
    });
    expect(seen.categorySuggestions[0].reasons.map((r: { term: string }) => r.term)).toContain('渣土');
    const classified = (
      await call(ctx, county, 'POST', '/api/classify', { text: '路边又有人倒渣土', withCategories: true })
    ).json();
    expect(classified.labels).toHaveLength(3);
    expect(classified.categories[0]).toMatchObject({ code: '06010', name: '暴露垃圾' });
    expect(Array.isArray((await call(ctx, county, 'POST', '/api/classify', { text: '路边又有人倒渣土' })).json())).toBe(
      true,
    ); // unchanged without the flag
    expect((await call(ctx, county, 'GET', '/api/classifier/status')).json().category).toMatchObject({
      available: true,
      examples: expect.any(Number),
    });
  });
});
