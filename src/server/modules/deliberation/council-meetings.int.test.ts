/** The councils (两会) hold meetings on the meetings engine: their members the roster, their kind's rule (editable, frozen at notice). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { type Person, populate } from './deliberation.fixtures';

const VILLAGE = '421081107212'; // 百子庵村
const DAY = 86_400_000;
let ctx: TestContext;
let officer: TestActor, county: TestActor, stranger: TestActor;
let people: Person[];

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  county = await staffActor(ctx, 'county_officer', '421081');
  stranger = await staffActor(ctx, 'village_officer', '421081107213');
  people = (await populate(ctx, VILLAGE, { households: 6, adultsPer: 1 })).people;
});
afterAll(async () => {
  await ctx.close();
});

async function council(kind: string, name: string, members: readonly Person[]) {
  const c = await call(ctx, officer, 'POST', '/api/councils', { divisionCode: VILLAGE, kind, name });
  expect(c.statusCode, c.body).toBe(201);
  const id = c.json().id as string;
  if (members.length) {
    const t = await call(ctx, officer, 'POST', `/api/councils/${id}/terms`, {
      startsOn: '2024-01-01',
      endsOn: '2028-12-31',
      members: members.map((p, i) => ({ residentId: p.id, role: i === 0 ? 'chair' : 'member' })),
    });
    expect(t.statusCode, t.body).toBe(201);
  }
  return id;
}

const convene = (councilId: string, by = officer) =>
  call(ctx, by, 'POST', `/api/councils/${councilId}/meetings`, {
    title: '议事会会议',
    agenda: '议程：村道维修方案',
    startsAt: new Date(ctx.clock.now().getTime() + 3_600_000).toISOString(),
    noticedAt: new Date(ctx.clock.now().getTime() - 5 * DAY).toISOString(),
  });

describe("councils' meetings", () => {
  let councilId: string;
  let first: string;

  it('convenes a 村民议事会 meeting: its members the roster, its own rule (default: more than half), in the meetings list', async () => {
    councilId = await council('villagers_council', '村民议事会', people.slice(0, 5));
    const res = await convene(councilId);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    first = m.id;
    expect(m).toMatchObject({
      meetingType: 'villagers_council',
      councilId,
      divisionCode: VILLAGE,
      turnout: { members: 5, present: 0 },
      quorum: { rule: 'villagers_council.quorum', required: 3, present: 0, met: false },
    });
    expect(m.quorum.check.article).toContain('村民议事会');
    const listed = (await call(ctx, officer, 'GET', '/api/meetings')).json().items;
    expect(listed.find((x: { id: string }) => x.id === m.id)).toMatchObject({
      councilId,
      meetingType: 'villagers_council',
    });
    // not through the general notice, not by another village, not without a current term
    const direct = await call(ctx, officer, 'POST', '/api/meetings', {
      meetingType: 'villagers_council',
      bodyCode: VILLAGE,
      title: 'x',
      agenda: 'x',
      startsAt: new Date(ctx.clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect([direct.statusCode, direct.json().code]).toEqual([400, 'validation_failed']);
    expect((await convene(councilId, stranger)).statusCode).toBe(404);
    const empty = await council('red_white_council', '红白理事会', []);
    const none = await convene(empty);
    expect([none.statusCode, none.json().code]).toEqual([409, 'deliberation_roster_empty']);
  });

  it('counts the quorum and decides by the rule: more than half present, more than half of those present', async () => {
    expect((await call(ctx, officer, 'POST', `/api/meetings/${first}/open`)).statusCode).toBe(200);
    const outsider = await call(ctx, officer, 'POST', `/api/meetings/${first}/attendance`, {
      residentId: people[5].id,
    });
    expect(outsider.json().code).toBe('deliberation_not_on_roster');
    for (const p of people.slice(0, 2))
      await call(ctx, officer, 'POST', `/api/meetings/${first}/attendance`, { residentId: p.id });
    expect((await call(ctx, officer, 'GET', `/api/meetings/${first}/quorum`)).json().quorum).toMatchObject({
      required: 3,
      present: 2,
      met: false,
    });
    await call(ctx, officer, 'POST', `/api/meetings/${first}/attendance`, { residentId: people[2].id });
    const motion = await call(ctx, officer, 'POST', `/api/meetings/${first}/motions`, {
      title: '村道维修',
      method: 'hands',
    });
    expect(motion.statusCode, motion.body).toBe(201);
    const tally = await call(ctx, officer, 'POST', `/api/motions/${motion.json().id}/tally`, {
      yes: 2,
      no: 1,
      abstain: 0,
    });
    expect(tally.statusCode, tally.body).toBe(200);
    const m = (await call(ctx, officer, 'GET', `/api/meetings/${first}`)).json();
    expect(m.quorum).toMatchObject({ required: 3, present: 3, met: true });
    expect(m.motions[0].result).toMatchObject({ passed: true, rule: 'villagers_council.decision' });
  });

  it("lets county staff change a council type's rule (audited); new meetings take it, past ones keep theirs", async () => {
    const body = {
      noticeDays: 3,
      proxiesAllowed: false,
      maxProxies: 0,
      ownRule: { quorum: 'two_thirds_or_more', decision: 'more_than_half', base: 'present' },
    };
    expect((await call(ctx, officer, 'PUT', '/api/deliberation/rules/villagers_council', body)).statusCode).toBe(403);
    const statutory = await call(ctx, county, 'PUT', '/api/deliberation/rules/villagers', body);
    expect([statutory.statusCode, statutory.json().code]).toEqual([400, 'validation_failed']);
    const res = await call(ctx, county, 'PUT', '/api/deliberation/rules/villagers_council', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownRule).toEqual(body.ownRule);
    const { rows } = await ctx.db.owner.query(
      `SELECT before, after FROM audit_log WHERE action = 'deliberation.rule_update' AND entity_id = 'villagers_council'`,
    );
    expect(rows).toHaveLength(1);
    expect((rows[0] as { before: { ownRule: { quorum: string } } }).before.ownRule.quorum).toBe('more_than_half');
    const later = (await convene(councilId)).json();
    expect(later.quorum).toMatchObject({ required: 4 }); // 2/3 of 5, rounded up
    expect((await call(ctx, officer, 'GET', `/api/meetings/${first}`)).json().quorum).toMatchObject({ required: 3 });
    // the rules list shows it; a body without ownRule keeps it
    await call(ctx, county, 'PUT', '/api/deliberation/rules/villagers_council', {
      ...body,
      ownRule: undefined,
      noticeDays: 2,
    });
    const list = (await call(ctx, county, 'GET', '/api/deliberation/rules')).json().items;
    expect(list.find((r: { meetingType: string }) => r.meetingType === 'villagers_council')).toMatchObject({
      noticeDays: 2,
      ownRule: body.ownRule,
    });
    expect(list.find((r: { meetingType: string }) => r.meetingType === 'villagers')).toMatchObject({ ownRule: null });
  });
});
