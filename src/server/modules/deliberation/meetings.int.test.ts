import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { residentActor } from '../../../../test/fixtures';
import { createPointsContext } from '../points/points.harness';
import { type Person, bodyMembers, partyMembers, populate } from './deliberation.fixtures';

const VILLAGE = '421081107212'; // 百子庵村
const OTHER_VILLAGE = '421081107213';
const DAY = 86_400_000;
let ctx: TestContext;
let officer: TestActor, second: TestActor, county: TestActor, stranger: TestActor;
let people: Person[];

const now = () => ctx.clock.now().getTime();
const notice = (meetingType: string, bodyCode = VILLAGE, extra: object = {}) =>
  call(ctx, officer, 'POST', '/api/meetings', {
    meetingType,
    bodyCode,
    title: `${meetingType} 会议`,
    agenda: '议程：修建村道',
    startsAt: new Date(now() + 3_600_000).toISOString(),
    noticedAt: new Date(now() - 20 * DAY).toISOString(),
    ...extra,
  });
const open = async (meetingType: string, bodyCode = VILLAGE) => {
  const res = await notice(meetingType, bodyCode);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await call(ctx, officer, 'POST', `/api/meetings/${id}/open`)).statusCode).toBe(200);
  return res.json() as { id: string; signinCode: string };
};
const signIn = (meetingId: string, residentId: string, by = officer, proxyHolderId?: string) =>
  call(ctx, by, 'POST', `/api/meetings/${meetingId}/attendance`, {
    residentId,
    ...(proxyHolderId ? { proxyHolderId } : {}),
  });
const motion = async (meetingId: string, method: 'hands' | 'paper', kind = 'ordinary') => {
  const res = await call(ctx, officer, 'POST', `/api/meetings/${meetingId}/motions`, {
    title: '修建村道',
    method,
    kind,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const get = async (id: string) => (await call(ctx, officer, 'GET', `/api/meetings/${id}`)).json();

beforeAll(async () => {
  ctx = await createPointsContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  second = await staffActor(ctx, 'village_officer', VILLAGE);
  county = await staffActor(ctx, 'county_officer', '421081');
  stranger = await staffActor(ctx, 'village_officer', OTHER_VILLAGE);
  // 10 households of 2 adults and a child: 20 adults on the villagers' roster
  people = (
    await populate(ctx, VILLAGE, { households: 10, adultsPer: 2, minorsPer: 1, phones: ['13913000101', '13913000102'] })
  ).people;
});
afterAll(async () => {
  await ctx.close();
});

describe('meeting types’ defaults', () => {
  it('only county staff change them, with an audit row', async () => {
    const body = { noticeDays: 7, proxiesAllowed: false, maxProxies: 0 };
    expect((await call(ctx, officer, 'PUT', '/api/deliberation/rules/villagers', body)).statusCode).toBe(403);
    const res = await call(ctx, county, 'PUT', '/api/deliberation/rules/villagers', body);
    expect(res.json()).toMatchObject({ meetingType: 'villagers', noticeDays: 7 });
    const { rows } = await ctx.db.owner.query(
      `SELECT 1 FROM audit_log WHERE action = 'deliberation.rule_update' AND entity_id = 'villagers'`,
    );
    expect(rows).toHaveLength(1);
    await call(ctx, county, 'PUT', '/api/deliberation/rules/villagers', { ...body, noticeDays: 5 });
    expect((await call(ctx, county, 'PUT', '/api/deliberation/rules/nonsense', body)).statusCode).toBe(400);
  });
});

describe('noticing a meeting', () => {
  it('refuses a short notice period, out-of-scope staff, an empty roster, and freezes the adults', async () => {
    const short = await notice('villagers', VILLAGE, { noticedAt: new Date(now() - 2 * DAY).toISOString() });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('deliberation_notice_too_short');
    expect((await notice('villagers', VILLAGE, { noticedAt: new Date(now() + DAY).toISOString() })).statusCode).toBe(
      400,
    );
    const res = await call(ctx, stranger, 'POST', '/api/meetings', {
      meetingType: 'villagers',
      bodyCode: VILLAGE,
      title: 't',
      agenda: 'a',
      startsAt: new Date(now() + DAY * 10).toISOString(),
    });
    expect(res.statusCode).toBe(403);
    const empty = await notice('party');
    expect([empty.statusCode, empty.json().code]).toEqual([409, 'deliberation_roster_empty']);
    expect(await ctx.db.owner.query(`SELECT 1 FROM meetings WHERE meeting_type = 'party'`).then((r) => r.rows)).toEqual(
      [],
    );
    const ok = await notice('villagers');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      state: 'noticed',
      turnout: { members: 20, present: 0, households: 10, householdsPresent: 0 },
      quorum: { rule: 'villagers.quorum.adults', required: 11, present: 0, met: false },
      actions: ['open', 'cancel'],
    });
    expect((await call(ctx, stranger, 'GET', `/api/meetings/${ok.json().id}`)).statusCode).toBe(404);
  });
});

describe('sign-in and quorum', () => {
  it('counts each person once, refuses strangers and closed meetings, and shows the quorum live', async () => {
    const noticed = await notice('villagers');
    expect((await signIn(noticed.json().id, people[0].id)).json().code).toBe('deliberation_meeting_state');
    const m = await open('villagers');
    const first = await signIn(m.id, people[0].id);
    expect(first.json()).toMatchObject({ alreadySignedIn: false, quorum: { present: 1 } });
    const again = await signIn(m.id, people[0].id);
    expect(again.json()).toMatchObject({ alreadySignedIn: true, quorum: { present: 1 } });
    const outsider = (await populate(ctx, OTHER_VILLAGE, { households: 1, adultsPer: 1 })).people[0];
    expect((await signIn(m.id, outsider.id)).json().code).toBe('deliberation_not_on_roster');
    // concurrent sign-ins of the same and of different people: none lost, none doubled
    const burst = await Promise.all([...people.slice(1, 11), ...people.slice(1, 11)].map((p) => signIn(m.id, p.id)));
    expect(burst.every((r) => r.statusCode === 200)).toBe(true);
    const q = (await call(ctx, officer, 'GET', `/api/meetings/${m.id}/quorum`)).json();
    expect(q.turnout).toMatchObject({ members: 20, present: 11, householdsPresent: 6 });
    expect(q.quorum).toMatchObject({ met: true, rule: 'villagers.quorum.adults', required: 11, present: 11 });
    const roster = (await call(ctx, officer, 'GET', `/api/meetings/${m.id}/roster?limit=5`)).json();
    expect(roster.items).toHaveLength(5);
    expect(roster.more).toBe(true);
  });

  it('lets a registered resident sign in by code, and refuses an unregistered one, a wrong code and proxies here', async () => {
    const m = await open('villagers');
    const resident = await residentActor(ctx, '13913000101');
    const ok = await call(ctx, resident, 'POST', '/api/deliberation/sign-in', { code: m.signinCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ meetingId: m.id, residentId: people[0].id, alreadySignedIn: false });
    expect(
      (await call(ctx, resident, 'POST', '/api/deliberation/sign-in', { code: m.signinCode })).json(),
    ).toMatchObject({
      alreadySignedIn: true,
      quorum: { present: 1 },
    });
    const proxy = await call(ctx, resident, 'POST', '/api/deliberation/sign-in', {
      code: m.signinCode,
      onBehalfOf: people[3].id,
    });
    expect([proxy.statusCode, proxy.json().code]).toEqual([409, 'deliberation_proxy_not_allowed']);
    const nobody = await residentActor(ctx, '13913000199');
    expect((await call(ctx, nobody, 'POST', '/api/deliberation/sign-in', { code: m.signinCode })).json().code).toBe(
      'deliberation_not_registered',
    );
    const wrong = m.signinCode === '000000' ? '000001' : '000000';
    expect((await call(ctx, resident, 'POST', '/api/deliberation/sign-in', { code: wrong })).statusCode).toBe(404);
    const mine = (await call(ctx, resident, 'GET', '/api/deliberation/my-meetings')).json();
    expect(mine.items.find((x: { id: string }) => x.id === m.id)).toMatchObject({ present: true });
  });
});

describe('motions and tallies', () => {
  it('refuses a vote without quorum and a tally above attendance, and writes nothing', async () => {
    const m = await open('villagers');
    for (const p of people.slice(0, 10)) await signIn(m.id, p.id); // 10 of 20 adults, 5 of 10 households: no quorum
    const id = await motion(m.id, 'hands');
    const res = await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, { yes: 8, no: 1, abstain: 1 });
    expect([res.statusCode, res.json().code]).toEqual([409, 'deliberation_quorum_not_met']);
    expect(res.json().message).toContain('第二十二条');
    await signIn(m.id, people[10].id);
    const over = await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, { yes: 8, no: 3, abstain: 1 });
    expect([over.statusCode, over.json().code]).toEqual([400, 'deliberation_tally_exceeds_present']);
    expect((await get(m.id)).motions[0]).toMatchObject({ state: 'open', tally: null, result: null });
    const ok = await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, { yes: 6, no: 4, abstain: 1 });
    expect(ok.json()).toMatchObject({
      state: 'decided',
      tally: { yes: 6, no: 4, abstain: 1 },
      result: { passed: true, rule: 'villagers.decision' },
    });
    expect(
      (await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, { yes: 6, no: 4, abstain: 1 })).statusCode,
    ).toBe(409);
  });

  it('a paper ballot is entered by one person and confirmed by another who counts the same', async () => {
    const m = await open('villagers');
    for (const p of people.slice(0, 12)) await signIn(m.id, p.id);
    const id = await motion(m.id, 'paper');
    const tally = { yes: 6, no: 5, abstain: 1 };
    expect((await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, tally)).json()).toMatchObject({
      state: 'entered',
      result: null,
    });
    const self = await call(ctx, officer, 'POST', `/api/motions/${id}/confirm`, tally);
    expect([self.statusCode, self.json().code]).toEqual([403, 'deliberation_same_person_confirm']);
    const differs = await call(ctx, second, 'POST', `/api/motions/${id}/confirm`, { ...tally, yes: 5, no: 6 });
    expect([differs.statusCode, differs.json().code]).toEqual([409, 'deliberation_tally_mismatch']);
    const confirmed = await call(ctx, second, 'POST', `/api/motions/${id}/confirm`, tally);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // 6 of 12 present is not more than half: the motion fails
    const view = await get(m.id);
    expect(view.quorum).toMatchObject({ rule: 'villagers.quorum.adults', required: 11, present: 12, met: true });
    expect(view.motions[0]).toMatchObject({
      state: 'decided',
      tally,
      result: { passed: false, rule: 'villagers.decision' },
      confirmedBy: second.userId,
    });
    expect(view.motions[0].result.explanation.zh).toContain('过半数');
    expect(view.motions[0].result.explanation.en).toContain('more than half');
  });

  it('党员大会: probationary members do not count; passes with more than half of those entitled', async () => {
    await partyMembers(ctx, VILLAGE, people.slice(0, 6));
    await partyMembers(ctx, VILLAGE, people.slice(6, 8), 'probationary');
    const m = await open('party');
    for (const p of people.slice(0, 3)) await signIn(m.id, p.id); // 3 of 6 voting: 半数以上
    await signIn(m.id, people[6].id); // probationary: present, not counted
    expect((await get(m.id)).quorum).toMatchObject({ required: 3, present: 3, met: true });
    const id = await motion(m.id, 'hands');
    expect(
      (await call(ctx, officer, 'POST', `/api/motions/${id}/tally`, { yes: 3, no: 0, abstain: 0 })).json().result,
    ).toMatchObject({ passed: false, rule: 'party.decision' }); // 3 of 6 entitled is not more than half
    const election = await motion(m.id, 'hands', 'election');
    expect(
      (await call(ctx, officer, 'POST', `/api/motions/${election}/tally`, { yes: 3, no: 0, abstain: 0 })).json().code,
    ).toBe('deliberation_quorum_not_met');
  });

  it('业主大会: floor areas from the register, double majority, proxies within the limit', async () => {
    const noArea = await populate(ctx, VILLAGE, { households: 2, adultsPer: 1, compound: 'compound' });
    expect((await notice('owners', noArea.compoundCode!)).json().code).toBe('deliberation_area_missing');
    const owners = await populate(ctx, VILLAGE, {
      households: 6,
      adultsPer: 2,
      compound: 'compound',
      areaDm2: (i) => (i === 0 ? 50_000 : 10_000), // 500 m² and five of 100 m²
    });
    const m = await open('owners', owners.compoundCode!);
    const heads = (await call(ctx, officer, 'GET', `/api/meetings/${m.id}/roster`)).json().items as {
      residentId: string;
    }[];
    expect(heads).toHaveLength(6); // one owner per household
    const [a, b, c, d] = heads.map((h) => h.residentId);
    await signIn(m.id, a);
    await signIn(m.id, b, officer, a); // a holds b's proxy
    await signIn(m.id, c, officer, a);
    await signIn(m.id, d, officer, a);
    const fourth = await signIn(m.id, heads[4].residentId, officer, a);
    expect([fourth.statusCode, fourth.json().code]).toEqual([409, 'deliberation_proxy_limit']);
    const view = await get(m.id);
    // 4 of 6 owners (2/3 以上) holding 800 of 1,000 m² (2/3 以上): quorum by both counts
    expect(view.turnout).toMatchObject({ members: 6, present: 4, areaDm2: 100_000, areaPresentDm2: 80_000 });
    expect(view.quorum).toMatchObject({ met: true });
    expect(view.quorum.check.parts.map((p: { rule: string }) => p.rule)).toEqual([
      'owners.quorum.area',
      'owners.quorum.owners',
    ]);
    const id = await motion(m.id, 'hands', 'major');
    const tally = (body: object) => call(ctx, officer, 'POST', `/api/motions/${id}/tally`, body);
    expect((await tally({ yes: 3, no: 1, abstain: 0 })).json().code).toBe('deliberation_tally_area_required');
    const overArea = await tally({
      yes: 3,
      no: 1,
      abstain: 0,
      yesAreaDm2: 80_000,
      noAreaDm2: 10_000,
      abstainAreaDm2: 0,
    });
    expect(overArea.json()).toMatchObject({
      code: 'deliberation_tally_exceeds_present',
      details: { field: 'area_dm2' },
    });
    // 3 of 4 owners (3/4 以上) and 700 of 800 m² (3/4 以上): a major matter passes
    const res = await tally({ yes: 3, no: 1, abstain: 0, yesAreaDm2: 70_000, noAreaDm2: 10_000, abstainAreaDm2: 0 });
    expect(res.json().result).toMatchObject({ passed: true, rule: 'owners.decision.major.area' });
    expect(res.json().result.check.parts).toHaveLength(2);
  });

  it('村民代表会议 warns on its composition', async () => {
    await bodyMembers(ctx, VILLAGE, 'representatives', people.slice(0, 2));
    const add = (by: TestActor, residentIds: string[]) =>
      call(ctx, by, 'POST', '/api/deliberation/bodies', {
        divisionCode: VILLAGE,
        body: 'representatives',
        residentIds,
      });
    expect((await add(stranger, [people[2].id])).statusCode).toBe(403);
    const outsider = (await populate(ctx, OTHER_VILLAGE, { households: 1, adultsPer: 1 })).people[0];
    expect((await add(officer, [people[2].id, outsider.id])).json().code).toBe('deliberation_not_registered_here');
    expect((await add(officer, [people[2].id])).json()).toEqual({ added: 1 });
    await bodyMembers(ctx, VILLAGE, 'village_committee', people.slice(10, 12));
    const res = await notice('representatives');
    expect(res.json().turnout.members).toBe(5);
    expect(res.json().warnings.map((w: { rule: string }) => w.rule)).toContain('representatives.share');
  });
});
