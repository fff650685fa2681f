import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';

let ctx: TestContext;
let broken: TestContext;
let officer: TestActor;
beforeAll(async () => {
  ctx = await createTestContext();
  broken = await createTestContext({ CLASSIFIER_MODEL: 'models/classifier/no-such-model.json' });
  officer = await staffActor(ctx, 'town_officer', '421081107');
});
afterAll(async () => {
  await ctx.close();
  await broken.close();
});

describe('POST /api/classify', () => {
  it('returns top-k department lines with probabilities, reasons and the mapped county department', async () => {
    const r = await call(ctx, officer, 'POST', '/api/classify', {
      title: '学校乱收费',
      body: '孩子所在小学要求家长缴纳补课费，请教育部门查处',
      k: 3,
    });
    expect(r.statusCode).toBe(200);
    const [top, ...rest] = r.json();
    expect(rest).toHaveLength(2);
    expect(top).toMatchObject({ label: '教育文体', departmentCode: '421081-jyj' });
    expect(top.probability).toBeGreaterThan(0.5);
    expect(top.reasons.length).toBeGreaterThan(0);
    expect(top.reasons.map((x: { term: string }) => x.term).join(' ')).toMatch(/学校|补课|教育|小学|收费/);
  });

  it('rejects empty text with 400 and truncates very long text instead of rejecting it', async () => {
    const empty = await call(ctx, officer, 'POST', '/api/classify', { text: '   \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('classifier_empty_text');
    const long = await call(ctx, officer, 'POST', '/api/classify', { text: '道路坑洼积水严重，'.repeat(1500) });
    expect(long.statusCode).toBe(200);
  });

  it('answers 503 with a clear message when the model is missing, and reports still work', async () => {
    const o = await staffActor(broken, 'town_officer', '421081107');
    const r = await call(broken, o, 'POST', '/api/classify', { text: '路灯坏了' });
    expect(r.statusCode).toBe(503);
    expect(r.json().code).toBe('classifier_unavailable');
    expect(r.json().message).toContain('手动选择类别');
    const report = await call(broken, o, 'POST', '/api/cases', {
      description: '路灯坏了',
      categoryCode: '01037',
      lng: 112.419609,
      lat: 29.723349,
    });
    expect(report.statusCode).toBe(201);
  });
});
