import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { createPointsContext } from '../points/points.harness';
import { bodyMembers, populate } from './deliberation.fixtures';

const VILLAGE = '421081107212';
const OTHER = '421081107213';
const PHONES = ['13913000121', '13913000122', '13913000123'];
let ctx: TestContext;
let officer: TestActor, stranger: TestActor;
let residents: TestActor[];

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  stranger = await staffActor(ctx, 'village_officer', OTHER);
  const { people } = await populate(ctx, VILLAGE, { households: 15, adultsPer: 2, minorsPer: 1, phones: PHONES });
  await bodyMembers(ctx, VILLAGE, 'representatives', people.slice(0, 10)); // the three with phones among them
  residents = [];
  for (const phone of PHONES) residents.push(await residentActor(ctx, phone));
});
afterAll(async () => {
  await ctx.close();
});

describe('共谋 proposals', () => {
  it('one support per registered resident; supports turned into the meetings they oblige; answered once', async () => {
    const nobody = await residentActor(ctx, '13913000129');
    const refused = await call(ctx, nobody, 'POST', '/api/proposals', { title: '建议', body: '在村口装路灯' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'deliberation_not_registered']);
    const made = await call(ctx, residents[0], 'POST', '/api/proposals', {
      title: '村口装路灯',
      body: '晚上太黑，老人出行不便',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ divisionCode: VILLAGE, source: 'resident', state: 'open', supports: 0 });
    const id = made.json().id as string;

    const support = (a: TestActor) => call(ctx, a, 'POST', `/api/proposals/${id}/support`);
    expect((await support(nobody)).statusCode).toBe(404); // not of the place: as if missing
    const burst = await Promise.all([support(residents[0]), support(residents[0]), support(residents[0])]);
    expect(burst.every((r) => r.statusCode === 200)).toBe(true);
    expect(burst.filter((r) => !r.json().alreadySupported)).toHaveLength(1);
    await support(residents[1]);
    const last = await support(residents[2]);
    expect(last.json()).toEqual({ supports: 3, alreadySupported: false });

    const view = (await call(ctx, officer, 'GET', `/api/proposals/${id}`)).json();
    // 3 of 30 adults (1/10 以上) oblige a villagers' meeting; 3 of 10 representatives oblige a representatives'
    // meeting (1/5 以上) but not a villagers' meeting (1/3 以上 = 4)
    expect(
      view.obligations.map((o: { rule: string; met: boolean; required: number }) => [o.rule, o.met, o.required]),
    ).toEqual([
      ['villagers.convene.adults', true, 3],
      ['villagers.convene.representatives', false, 4],
      ['representatives.convene', true, 2],
    ]);
    expect(view.actions).toEqual(['comment', 'answer']);

    expect((await call(ctx, residents[1], 'POST', `/api/proposals/${id}/comments`, { body: '同意' })).statusCode).toBe(
      200,
    );
    expect((await call(ctx, stranger, 'GET', `/api/proposals/${id}`)).statusCode).toBe(404);
    expect(
      (await call(ctx, residents[1], 'POST', `/api/proposals/${id}/answer`, { state: 'adopted', answer: '好的同意' }))
        .statusCode,
    ).toBe(403);
    const answered = await call(ctx, officer, 'POST', `/api/proposals/${id}/answer`, {
      state: 'adopted',
      answer: '已纳入四议两公开程序',
    });
    expect(answered.json()).toMatchObject({ state: 'adopted', answer: '已纳入四议两公开程序', supports: 3 });
    expect(answered.json().comments).toHaveLength(1);
    expect((await support(residents[1])).json().code).toBe('deliberation_proposal_closed');
    const list = (await call(ctx, residents[2], 'GET', '/api/proposals')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('staff propose for the branch of their own village only', async () => {
    const ok = await call(ctx, officer, 'POST', '/api/proposals', {
      divisionCode: VILLAGE,
      title: '支部提议',
      body: '整治河道',
    });
    expect(ok.json()).toMatchObject({ source: 'branch' });
    const other = await call(ctx, officer, 'POST', '/api/proposals', {
      divisionCode: OTHER,
      title: '越权',
      body: '不行',
    });
    expect(other.json().code).toBe('deliberation_not_registered');
  });
});
