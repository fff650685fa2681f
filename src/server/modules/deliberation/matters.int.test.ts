import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { createPointsContext } from '../points/points.harness';
import { type Person, bodyMembers, partyMembers, populate, runVote } from './deliberation.fixtures';

const VILLAGE = '421081107212'; // 百子庵村
const TOWN = '421081107';
let ctx: TestContext;
let officer: TestActor, second: TestActor, town: TestActor;
let people: Person[];
const staff = () => ({ officer, second });
const step = (id: string, body: object, by = officer) => call(ctx, by, 'POST', `/api/matters/${id}/steps`, body);
const propose = async (title = '修建村道') => {
  const res = await call(ctx, officer, 'POST', '/api/matters', {
    divisionCode: VILLAGE,
    title,
    summary: '硬化三组村道 1.2 公里，村集体出资 30%',
    decisionBody: 'representatives',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  second = await staffActor(ctx, 'village_officer', VILLAGE);
  town = await staffActor(ctx, 'town_officer', TOWN);
  people = (await populate(ctx, VILLAGE, { households: 12, adultsPer: 2, phones: ['13913000111'] })).people;
  await bodyMembers(ctx, VILLAGE, 'village_committee', people.slice(0, 3));
  await bodyMembers(ctx, VILLAGE, 'party_committee', people.slice(2, 5)); // 5 distinct members of the two committees
  await partyMembers(ctx, VILLAGE, people.slice(0, 8));
  await bodyMembers(ctx, VILLAGE, 'representatives', people.slice(5, 17)); // 3 committee + 12 representatives
});
afterAll(async () => {
  await ctx.close();
});

describe('四议两公开', () => {
  it('goes through all six steps, each on its record, and publishes both disclosures to residents', async () => {
    const id = await propose();
    const consult = await runVote(ctx, staff(), 'committees', people.slice(0, 5), { yes: 5, no: 0, abstain: 0 });
    const review = await runVote(ctx, staff(), 'party', people.slice(0, 6), { yes: 6, no: 0, abstain: 0 });
    const reps = [...people.slice(0, 3), ...people.slice(5, 15)]; // 13 of 15 present
    const resolve = await runVote(ctx, staff(), 'representatives', reps, { yes: 11, no: 1, abstain: 1 }, 'paper');
    expect((await step(id, { event: 'review', motionId: review.motionId })).json().code).toBe(
      'deliberation_step_out_of_order',
    );
    expect((await step(id, { event: 'consult' })).json().code).toBe('deliberation_step_record_missing');
    expect((await step(id, { event: 'consult', motionId: review.motionId })).json().code).toBe(
      'deliberation_step_wrong_meeting',
    );
    expect((await step(id, { event: 'consult', motionId: consult.motionId })).json().state).toBe('consulted');
    expect((await step(id, { event: 'review', motionId: review.motionId })).json().state).toBe('reviewed');
    expect((await step(id, { event: 'resolve', motionId: resolve.motionId })).json().state).toBe('resolved');
    const published = (await step(id, { event: 'publish_resolution', note: '自 12 月起施工' })).json();
    expect(published).toMatchObject({ state: 'resolution_published', disclosures: [{ category: 'resolution' }] });
    expect(published.disclosures[0].body).toContain('赞成 11');
    const noNote = await step(id, { event: 'implement' });
    expect([noNote.statusCode, noNote.json().code]).toEqual([400, 'validation_failed']);
    await step(id, { event: 'implement', note: '施工队进场，村民代表 3 人监督' });
    ctx.clock.advance(60_000);
    const done = (await step(id, { event: 'publish_result', note: '村道已硬化 1.2 公里，决算 36 万元' })).json();
    expect(done.state).toBe('completed');
    expect(done.steps.map((s: { event: string; outcome: string }) => `${s.event}:${s.outcome}`)).toEqual([
      'propose:proposed',
      'consult:passed',
      'review:passed',
      'resolve:passed',
      'publish_resolution:done',
      'implement:done',
      'publish_result:done',
    ]);
    expect(done.steps[3].motion).toMatchObject({
      method: 'paper',
      result: { passed: true },
      confirmedBy: second.userId,
    });
    expect(done.actions).toEqual([]);
    // a resident of the village reads both disclosures and the public history
    const resident = await residentActor(ctx, '13913000111');
    const board = (await call(ctx, resident, 'GET', '/api/deliberation/board')).json();
    expect(board.items.map((d: { category: string }) => d.category)).toEqual(['result', 'resolution']);
    const pub = (await call(ctx, resident, 'GET', `/api/deliberation/matters/${id}`)).json();
    expect(pub).toMatchObject({ state: 'completed', actions: [] });
    expect(pub.steps[3].motion).toMatchObject({ enteredBy: null, confirmedBy: null, tally: { yes: 11 } });
    const outsider = await residentActor(ctx, '13913000112');
    expect((await call(ctx, outsider, 'GET', `/api/deliberation/matters/${id}`)).statusCode).toBe(404);
    // the motion that decided this matter cannot decide another
    const other = await propose('另一事项');
    expect((await step(other, { event: 'consult', motionId: consult.motionId })).json().code).toBe(
      'deliberation_motion_used',
    );
  });

  it('a failed review returns the matter to the branch; a failed resolution ends it', async () => {
    const id = await propose('建垃圾站');
    const c = await runVote(ctx, staff(), 'committees', people.slice(0, 4), { yes: 3, no: 1, abstain: 0 });
    await step(id, { event: 'consult', motionId: c.motionId });
    const r = await runVote(ctx, staff(), 'party', people.slice(0, 8), { yes: 4, no: 4, abstain: 0 }); // 4 of 8: not > half
    const back = (await step(id, { event: 'review', motionId: r.motionId })).json();
    expect(back).toMatchObject({ state: 'proposed', actions: ['consult', 'withdraw'] });
    expect(back.steps.at(-1)).toMatchObject({ event: 'review', outcome: 'returned' });
    const c2 = await runVote(ctx, staff(), 'committees', people.slice(0, 5), { yes: 5, no: 0, abstain: 0 });
    await step(id, { event: 'consult', motionId: c2.motionId });
    const r2 = await runVote(ctx, staff(), 'party', people.slice(0, 8), { yes: 5, no: 3, abstain: 0 });
    await step(id, { event: 'review', motionId: r2.motionId });
    const reps = [...people.slice(0, 3), ...people.slice(5, 15)];
    const v = await runVote(ctx, staff(), 'representatives', reps, { yes: 6, no: 7, abstain: 0 });
    const ended = (await step(id, { event: 'resolve', motionId: v.motionId })).json();
    expect(ended).toMatchObject({ state: 'rejected', actions: [] });
    expect((await step(id, { event: 'publish_resolution' })).json().code).toBe('deliberation_step_out_of_order');
  });

  it('an undecided paper tally is no record; the town sees the §30 schedule', async () => {
    const id = await propose('修水渠');
    const meeting = await runVote(
      ctx,
      staff(),
      'committees',
      people.slice(0, 5),
      { yes: 5, no: 0, abstain: 0 },
      'hands',
    );
    const open = (
      await call(ctx, officer, 'POST', `/api/meetings/${meeting.meetingId}/motions`, { title: '纸票', method: 'paper' })
    ).json().id;
    await call(ctx, officer, 'POST', `/api/motions/${open}/tally`, { yes: 5, no: 0, abstain: 0 });
    expect((await step(id, { event: 'consult', motionId: open })).json().code).toBe('deliberation_vote_not_decided');
    const pub = await call(ctx, officer, 'POST', '/api/disclosures', {
      divisionCode: VILLAGE,
      category: 'finance',
      title: '11 月财务收支',
      body: '收入 …',
    });
    expect(pub.statusCode, pub.body).toBe(201);
    expect((await call(ctx, officer, 'GET', `/api/disclosures/schedule?scope=${TOWN}`)).statusCode).toBe(403);
    const schedRes = await call(ctx, town, 'GET', `/api/disclosures/schedule?scope=${TOWN}&limit=200`);
    expect(schedRes.statusCode, schedRes.body).toBe(200);
    const sched = schedRes.json();
    const row = sched.items.find((r: { code: string }) => r.code === VILLAGE);
    expect(row).toMatchObject({ finance: { overdue: false }, affairs: { overdue: true, dueAt: null } });
    expect(row.lastMajorAt).not.toBeNull();
    ctx.clock.advance(32 * 86_400_000);
    const townLater = await staffActor(ctx, 'town_officer', TOWN); // sessions idle out over a month
    const later = (await call(ctx, townLater, 'GET', `/api/disclosures/schedule?scope=${TOWN}&limit=200`)).json();
    expect(later.items.find((r: { code: string }) => r.code === VILLAGE).finance.overdue).toBe(true);
  });
});
