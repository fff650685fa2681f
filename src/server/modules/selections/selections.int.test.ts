/**
 * 评选 end to end through HTTP: a selection created, 自荐 and 举荐 (by residents, by an
 * organisation), ineligible nominations refused by rule, the eligibility check, panel scoring
 * with a declared conflict, the public vote (one per person, changeable until close, hidden until
 * close, paper votes confirmed by a second person, vote-buying signs), the ranking published for
 * 公示, an objection upheld (a new revision), results; and `cocreate selections recompute`
 * reproducing the published ranking exactly (and noticing a tampered score); the nominee list paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../../test/cli-run';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { residentActor } from '../points/points.harness';
import {
  createSelectionsContext,
  OTHER_VILLAGE,
  type RegisterPerson,
  seedRegister,
  TOWN,
  VILLAGE,
} from './selections.harness';

let ctx: TestContext;
let cliEnv: Record<string, string>;
let cleanup: () => void;
let people: RegisterPerson[];
let outsider: RegisterPerson;
let town: TestActor, town2: TestActor, villageOfficer: TestActor, otherOfficer: TestActor, p1: TestActor, p2: TestActor;
const r: TestActor[] = [];
let stranger: TestActor;
let id: string;
const nominee: Record<string, string> = {};

const HOUR = 3_600_000;
const api = (a: TestActor, method: string, url: string, body?: unknown) =>
  call(ctx, a, method, `/api/selections${url}`, body);
const code = (res: { json: () => { code?: string } }) => res.json().code;
const later = (h: number) => new Date(ctx.clock.now().getTime() + h * HOUR).toISOString();

const newSelection = (extra: object = {}) => ({
  kind: 'outstanding_cocreator',
  title: '2026年度高基庙镇优秀共同缔造员',
  divisionCode: TOWN,
  quota: 2,
  endorsementsRequired: 2,
  panelWeight: 60,
  criteria: [
    { name: '群众口碑', weight: 60, minScore: 0, maxScore: 10 },
    { name: '工作实绩', weight: 40, minScore: 1, maxScore: 5 },
  ],
  panel: [p1.userId, p2.userId],
  nominationEndsAt: later(24),
  votingStartsAt: later(48),
  votingEndsAt: later(72),
  ...extra,
});

beforeAll(async () => {
  ({ ctx, cliEnv, cleanup } = await createSelectionsContext());
  ctx.clock.set(new Date('2026-11-23T09:00:00+08:00')); // a Monday
  ({ people, outsider } = await seedRegister(ctx, 6, '13977'));
  town = await staffActor(ctx, 'town_officer', TOWN);
  town2 = await staffActor(ctx, 'town_officer', TOWN);
  villageOfficer = await staffActor(ctx, 'village_officer', VILLAGE);
  otherOfficer = await staffActor(ctx, 'village_officer', OTHER_VILLAGE);
  p1 = await staffActor(ctx, 'grid_worker', `${VILLAGE}001`);
  p2 = await staffActor(ctx, 'village_officer', VILLAGE);
  for (const p of people.slice(0, 5)) r.push(await residentActor(ctx, p.phone!)); // people[5] has no account: votes on paper
  stranger = await residentActor(ctx, outsider.phone!);
}, 120_000);

afterAll(async () => {
  await ctx.close().catch(() => {});
  cleanup();
});

describe('a selection from nomination to results', () => {
  it('is created by staff running the place, with weights adding up to 100', async () => {
    const bad = await api(
      town,
      'POST',
      '',
      newSelection({ criteria: [{ name: '口碑', weight: 90, minScore: 0, maxScore: 10 }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(code(bad)).toBe('selection_weights_invalid');
    expect(code(await api(town, 'POST', '', newSelection({ votingEndsAt: later(1) })))).toBe('selection_dates_invalid');
    expect((await api(otherOfficer, 'POST', '', newSelection())).statusCode).toBe(403);
    expect((await api(r[0], 'POST', '', newSelection())).statusCode).toBe(403);
    const created = await api(town, 'POST', '', newSelection());
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({
      phase: 'nomination',
      subject: 'person',
      voteWeight: 40,
      actions: ['advance'],
    });
    expect((await api(r[0], 'GET', `/${id}`)).json().actions).toEqual(['nominate', 'endorse']);
    expect((await api(stranger, 'GET', `/${id}`)).statusCode).toBe(404);
    expect((await api(r[0], 'GET', '')).json().items.map((s: { id: string }) => s.id)).toContain(id);
    const forged = Buffer.from(JSON.stringify(['2026-11-23T01:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    expect(code(await api(town, 'GET', `/console?cursor=${forged}`))).toBe('cursor_invalid');
  });

  it('takes 自荐 and 举荐, refusing ineligible nominees by rule', async () => {
    const self = await api(r[0], 'POST', `/${id}/nominees`, {
      route: 'self',
      statement: '我常年义务清扫村道',
      evidence: '照片三张',
    });
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json()).toMatchObject({ name: people[0].name, status: 'nominated', route: 'self' });
    nominee.a = self.json().id;
    const neighbour = {
      route: 'residents',
      statement: '热心调解邻里纠纷',
      name: people[2].name,
      phone: people[2].phone,
    };
    const proposed = await api(r[1], 'POST', `/${id}/nominees`, neighbour);
    expect(proposed.json()).toMatchObject({ status: 'proposed', endorsements: 1 });
    nominee.c = proposed.json().id;
    expect(code(await api(r[3], 'POST', `/${id}/nominees`, neighbour))).toBe('selection_already_nominated');
    const endorsed = await api(r[3], 'POST', `/${id}/nominees/${nominee.c}/endorse`);
    expect(endorsed.json()).toMatchObject({ status: 'nominated', endorsements: 2 });
    expect(code(await api(r[3], 'POST', `/${id}/nominees/${nominee.c}/endorse`))).toBe('selection_already_endorsed');
    const refused = async (body: object, who = r[1]) => {
      const res = await api(who, 'POST', `/${id}/nominees`, { route: 'residents', statement: '推荐', ...body });
      return [res.statusCode, res.json().details?.rule ?? code(res)];
    };
    expect(await refused({ name: outsider.name, phone: outsider.phone })).toEqual([422, 'outside_area']);
    expect(await refused({ name: '查无此人', phone: people[3].phone })).toEqual([422, 'not_in_register']);
    expect(await refused({ partyOrgCode: `${VILLAGE}-01` })).toEqual([422, 'wrong_subject']);
    expect(await refused({ name: people[3].name, phone: people[3].phone }, stranger)).toEqual([404, 'not_found']); // not their area
    const byOrg = await api(villageOfficer, 'POST', `/${id}/nominees`, {
      route: 'organisation',
      statement: '村两委推荐',
      name: people[4].name,
      phone: people[4].phone,
      orgName: '百子庵村党支部',
    });
    expect(byOrg.json()).toMatchObject({ status: 'nominated', orgName: '百子庵村党支部' });
    nominee.e = byOrg.json().id;
    const residentAsOrg = { route: 'organisation', statement: 'x', name: people[3].name, phone: people[3].phone };
    expect((await api(r[1], 'POST', `/${id}/nominees`, residentAsOrg)).statusCode).toBe(403);
  });

  it('refuses a non-member in a party-members-only selection', async () => {
    const pioneer = await api(town, 'POST', '', newSelection({ kind: 'pioneer_post', title: '党员先锋岗' }));
    expect(pioneer.json().partyMemberRequired).toBe(true);
    const res = await api(r[1], 'POST', `/${pioneer.json().id}/nominees`, { route: 'self', statement: '申请' });
    expect([res.statusCode, res.json().details.rule]).toEqual([422, 'not_party_member']);
    expect(
      (await api(r[0], 'POST', `/${pioneer.json().id}/nominees`, { route: 'self', statement: '申请' })).statusCode,
    ).toBe(201);
  });

  it('moves to the eligibility check only early with a reason; staff check each nominee', async () => {
    const early = await api(town, 'POST', `/${id}/advance`, {});
    expect([early.statusCode, code(early)]).toEqual([409, 'selection_phase_early']);
    expect((await api(town, 'POST', `/${id}/advance`, { reason: '提名已齐' })).json().phase).toBe('eligibility');
    expect(code(await api(town, 'POST', `/${id}/advance`, {}))).toBe('selection_unchecked_nominees');
    for (const [k, eligible] of [
      ['a', true],
      ['c', true],
      ['e', false],
    ] as const) {
      const res = await api(town, 'POST', `/${id}/nominees/${nominee[k]}/check`, {
        eligible,
        note: eligible ? '符合条件' : '材料不全',
      });
      expect(res.json().status).toBe(eligible ? 'eligible' : 'ineligible');
    }
    expect(
      (await api(r[0], 'POST', `/${id}/nominees/${nominee.a}/check`, { eligible: true, note: 'x' })).statusCode,
    ).toBe(403);
    expect((await api(town, 'POST', `/${id}/advance`, {})).json().phase).toBe('scoring');
  });

  it('scores by the panel: conflicts excluded, ranges enforced, every sheet needed', async () => {
    const sheet = (s1: number, s2: number) => ({
      scores: [
        { criterion: 1, score: s1 },
        { criterion: 2, score: s2 },
      ],
    });
    expect((await api(p1, 'POST', `/${id}/nominees/${nominee.a}/conflict`, { reason: '亲属' })).statusCode).toBe(200);
    const conflicted = await api(p1, 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(10, 5));
    expect([conflicted.statusCode, code(conflicted)]).toEqual([409, 'selection_conflict_declared']);
    const out = await api(p2, 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(11, 5));
    expect([out.statusCode, code(out), out.json().details.criterion]).toEqual([
      400,
      'selection_score_out_of_range',
      '群众口碑',
    ]);
    expect(code(await api(p2, 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(5, 0)))).toBe(
      'selection_score_out_of_range',
    );
    expect(code(await api(r[0], 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(5, 3)))).toBe(
      'selection_not_panel',
    );
    expect((await api(p2, 'PUT', `/${id}/nominees/${nominee.e}/scores`, sheet(5, 3))).statusCode).toBe(404); // ineligible
    await api(p2, 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(6, 3));
    expect(code(await api(town, 'POST', `/${id}/advance`, { reason: '提前' }))).toBe('selection_scoring_incomplete');
    await api(p2, 'PUT', `/${id}/nominees/${nominee.a}/scores`, sheet(10, 5)); // replaces the sheet
    await api(p1, 'PUT', `/${id}/nominees/${nominee.c}/scores`, sheet(5, 3));
    const last = await api(p2, 'PUT', `/${id}/nominees/${nominee.c}/scores`, sheet(7, 4));
    expect(last.json().items.find((x: { nomineeId: string }) => x.nomineeId === nominee.c).scores).toHaveLength(2);
    const votingEarly = await api(town, 'POST', `/${id}/advance`, {});
    expect(code(votingEarly)).toBe('selection_phase_early');
    expect((await api(town, 'POST', `/${id}/advance`, { reason: '评审完毕，提前开放投票' })).json().phase).toBe(
      'voting',
    );
  });

  it('takes one vote per person, changeable until close, hidden until close', async () => {
    expect(code(await api(r[0], 'GET', `/${id}/results`))).toBe('selection_results_hidden');
    const first = await api(r[0], 'POST', `/${id}/vote`, { nomineeId: nominee.c });
    expect(first.json()).toMatchObject({ changed: false });
    const second = await api(r[0], 'POST', `/${id}/vote`, { nomineeId: nominee.a, device: 'phone-A' });
    expect(second.json()).toMatchObject({ changed: true, nomineeId: nominee.a });
    expect((await api(r[0], 'GET', `/${id}/my-vote`)).json().vote.nomineeId).toBe(nominee.a);
    // the same person voting at once from many requests: still one vote
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => api(r[1], 'POST', `/${id}/vote`, { nomineeId: nominee.c })),
    );
    expect(burst.every((b) => b.statusCode === 200)).toBe(true);
    for (const v of [r[2], r[3], r[4]]) await api(v, 'POST', `/${id}/vote`, { nomineeId: nominee.c });
    expect(code(await api(stranger, 'POST', `/${id}/vote`, { nomineeId: nominee.c }))).toBe('selection_not_a_voter');
    expect((await api(r[0], 'POST', `/${id}/vote`, { nomineeId: nominee.e })).statusCode).toBe(404);
    const rows = await ctx.db.owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM selection_votes WHERE selection_id = $1',
      [id],
    );
    expect(rows.rows[0].n).toBe(5);
    expect((await api(town, 'GET', `/${id}`)).json().turnout).toBe(5);
    // the database itself refuses a second row for one person
    await expect(
      ctx.db.owner.query(
        `INSERT INTO selection_votes (selection_id, voter_resident_id, nominee_id, village_code, channel, user_id, cast_at)
         SELECT selection_id, voter_resident_id, nominee_id, village_code, channel, user_id, cast_at FROM selection_votes WHERE selection_id = $1 LIMIT 1`,
        [id],
      ),
    ).rejects.toThrow(/duplicate key|unique/i);
  });

  it('counts a paper vote once a second person confirms it', async () => {
    const ballot = { voterName: people[5].name, voterIdNumber: people[5].idNumber, nomineeId: nominee.a };
    const entered = await api(town, 'POST', `/${id}/paper-votes`, ballot);
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({ confirmed: false, actions: [] });
    expect(code(await api(town, 'POST', `/${id}/paper-votes`, ballot))).toBe('selection_vote_exists');
    const again = { voterName: people[0].name, voterIdNumber: people[0].idNumber, nomineeId: nominee.c };
    expect(code(await api(town, 'POST', `/${id}/paper-votes`, again))).toBe('selection_vote_exists'); // voted online
    const outside = { voterName: outsider.name, voterIdNumber: outsider.idNumber, nomineeId: nominee.c };
    expect(code(await api(town, 'POST', `/${id}/paper-votes`, outside))).toBe('selection_not_a_voter');
    const rid = entered.json().residentId;
    expect(code(await api(town, 'POST', `/${id}/paper-votes/${rid}/confirm`))).toBe('selection_paper_confirm_self');
    expect((await api(town2, 'GET', `/${id}/paper-votes`)).json().items[0].actions).toEqual(['confirm']);
    expect((await api(town2, 'POST', `/${id}/paper-votes/${rid}/confirm`)).json().confirmed).toBe(true);
    expect(code(await api(town2, 'POST', `/${id}/paper-votes/${rid}/confirm`))).toBe('selection_paper_confirmed');
  });

  it('flags many votes from one address in a short time to the supervisor, rejecting none', async () => {
    for (let i = 0; i < 20; i++)
      await api(r[2], 'POST', `/${id}/vote`, { nomineeId: i % 2 ? nominee.a : nominee.c, device: 'phone-Z' });
    const signs = await api(town, 'GET', `/${id}/vote-signs`);
    expect(signs.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ by: 'device', value: 'phone-Z', votes: 20 })]),
    );
    expect((await api(r[0], 'GET', `/${id}/vote-signs`)).statusCode).toBe(403);
  });

  it('publishes the ranking when voting closes; later votes are refused', async () => {
    expect(code(await api(town, 'POST', `/${id}/advance`, {}))).toBe('selection_phase_early');
    const published = await api(town, 'POST', `/${id}/advance`, { reason: '投票提前结束' });
    expect(published.json()).toMatchObject({ phase: 'publicity', rankingRevision: 1 });
    const closed = await api(r[3], 'POST', `/${id}/vote`, { nomineeId: nominee.a });
    expect([closed.statusCode, code(closed)]).toEqual([409, 'selection_vote_closed']);
    const res = (await api(r[0], 'GET', `/${id}/results`)).json();
    // a: panel (p2 only; p1 conflicted) 100, votes 3 (r0, r2's last change, the confirmed paper vote);
    // c: panel (p1 30 + 20 = 50, p2 42 + 30 = 72) / 2 = 61, votes 3 (r1, r3, r4); both vote scores 100
    // a: 0.6 × 100 + 0.4 × 100 = 100; c: 0.6 × 61 + 0.4 × 100 = 76.6
    const rows = res.ranking.map((x: { nomineeId: string; combined: string; votes: number; selected: boolean }) => [
      x.nomineeId,
      x.combined,
      x.votes,
      x.selected,
    ]);
    expect(rows).toEqual([
      [nominee.a, '100/1', 3, true],
      [nominee.c, '383/5', 3, true],
    ]);
    expect([res.ranking[1].panelScore, res.ranking[1].combinedDisplay]).toEqual(['61/1', '76.60']);
    expect(res.byVillage).toHaveLength(2);
    expect(res.byVillage).toEqual(
      expect.arrayContaining([
        { villageCode: VILLAGE, villageName: '百子庵村委会', nomineeId: nominee.a, votes: 3 },
        { villageCode: VILLAGE, villageName: '百子庵村委会', nomineeId: nominee.c, votes: 3 },
      ]),
    );
  });

  it('answers objections during 公示; an upheld one republishes; results only after the period', async () => {
    const o = await api(r[3], 'POST', `/${id}/objections`, {
      nomineeId: nominee.a,
      reason: '自荐材料中的照片不是本人',
    });
    expect(o.statusCode, o.body).toBe(201);
    const general = await api(r[4], 'POST', `/${id}/objections`, { reason: '希望公布评审打分细则' });
    expect(code(await api(town, 'POST', `/${id}/advance`, {}))).toBe('selection_publicity_running');
    expect((await api(r[3], 'GET', `/${id}/objections`)).json().items).toHaveLength(1); // only their own
    expect((await api(town, 'GET', `/${id}/objections`)).json().items).toHaveLength(2);
    expect(
      (await api(r[3], 'POST', `/${id}/objections/${o.json().id}/answer`, { outcome: 'dismissed', answer: 'x' }))
        .statusCode,
    ).toBe(403);
    const upheld = await api(town, 'POST', `/${id}/objections/${o.json().id}/answer`, {
      outcome: 'upheld',
      answer: '经核实，照片非本人，取消资格',
    });
    expect(upheld.json()).toMatchObject({ outcome: 'upheld' });
    expect(
      code(await api(town, 'POST', `/${id}/objections/${o.json().id}/answer`, { outcome: 'dismissed', answer: 'x' })),
    ).toBe('selection_objection_answered');
    const res = (await api(r[0], 'GET', `/${id}/results`)).json();
    expect([res.revision, res.ranking.map((x: { nomineeId: string }) => x.nomineeId)]).toEqual([2, [nominee.c]]);
    for (let day = 0; day < 10; day++) {
      // 5 working days later (sessions stay alive: each is used once a day)
      ctx.clock.advance(20 * HOUR);
      for (const a of [town, r[4]]) await call(ctx, a, 'GET', '/api/me');
    }
    expect(code(await api(r[4], 'POST', `/${id}/objections`, { reason: '公示期后补充异议' }))).toBe(
      'selection_publicity_over',
    );
    expect(code(await api(town, 'POST', `/${id}/advance`, {}))).toBe('selection_objections_open');
    await api(town, 'POST', `/${id}/objections/${general.json().id}/answer`, {
      outcome: 'dismissed',
      answer: '细则已在公示栏公布',
    });
    expect((await api(town, 'POST', `/${id}/advance`, {})).json().phase).toBe('results');
    const audited = await ctx.db.owner.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'selections.%' GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(audited.rows.map((x) => [x.action, x.n]))).toMatchObject({
      'selections.paper_vote': 1,
      'selections.paper_confirm': 1,
      'selections.publish': 1,
      'selections.answer': 2,
    });
  });

  it('pages its nominees in nomination order (keyset), of one status when asked', async () => {
    // the test clock stands still: the three share one nomination time, and the id breaks the tie
    const first = (await api(r[4], 'GET', `/${id}/nominees?limit=2`)).json();
    expect([first.items.length, first.more]).toEqual([2, true]);
    const rest = (await api(r[4], 'GET', `/${id}/nominees?limit=2&cursor=${first.next}`)).json();
    expect([rest.items.length, rest.more, rest.next]).toEqual([1, false, null]);
    const ids = [...first.items, ...rest.items].map((n: { id: string }) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.toSorted()).toEqual([nominee.a, nominee.c, nominee.e].toSorted());
    const ineligible = (await api(town, 'GET', `/${id}/nominees?status=ineligible`)).json();
    expect(ineligible.items.map((n: { id: string }) => n.id)).toEqual([nominee.e]);
    const forged = Buffer.from(JSON.stringify(['2026-11-23T01:00:00.000Z', 'x'])).toString('base64url');
    expect(code(await api(town, 'GET', `/${id}/nominees?cursor=${forged}`))).toBe('cursor_invalid');
    expect((await api(town, 'GET', `/${id}/nominees?status=winner`)).statusCode).toBe(400);
  });

  it('keeps every vote cast, changed, entered and confirmed as an append-only event', async () => {
    const ev = await ctx.db.owner.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM selection_vote_events WHERE selection_id = $1 GROUP BY kind ORDER BY kind',
      [id],
    );
    // online: 2 + 8 + 3 + 20 requests; r[1]'s 8 at once may share a group (the last one is written)
    const changes = ev.rows.find((x) => x.kind === 'change')!.n;
    expect(changes).toBeGreaterThanOrEqual(21);
    expect(changes).toBeLessThanOrEqual(28);
    expect(ev.rows).toEqual([
      { kind: 'cast', n: 5 },
      { kind: 'change', n: changes },
      { kind: 'paper_confirmed', n: 1 },
      { kind: 'paper_entered', n: 1 },
    ]);
    await expect(
      ctx.db.owner.query('DELETE FROM selection_vote_events WHERE selection_id = $1', [id]),
    ).rejects.toThrow();
  });

  it('`selections recompute` reproduces the published ranking exactly, and notices a changed input', async () => {
    await ctx.close(); // PGlite: one process opens the folder at a time
    const ok = await runCommand(`selections recompute ${id}`, cliEnv);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('equals the published one (1 rows)');
    const { openDatabase } = await import('../../platform/db/open');
    const { loadConfig } = await import('../../config');
    const db = await openDatabase(loadConfig({ ...cliEnv, LOG_LEVEL: 'silent' }), { migrate: false });
    await db.owner.query('UPDATE selection_scores SET score = 1 WHERE nominee_id = $1 AND criterion = 1', [nominee.c]);
    await db.close();
    const changed = await runCommand(`selections recompute ${id}`, cliEnv);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('differs');
    expect((await runCommand('selections recompute not-an-id', cliEnv)).code).toBe(2);
  });
});
