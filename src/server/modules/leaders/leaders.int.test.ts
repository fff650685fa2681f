/**
 * The 头雁 records through HTTP on a real database: people linked to the register or by name (phones
 * masked), posts with overlaps flagged, tiered management and its review, due reviews, a reserve
 * cadre's plan, 双提升 progress, a contest scored and ranked, talks; and bad input refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { seedVillage, V } from '../care/care.fixtures';

const TOWN = '421081107';
let ctx: TestContext;
let org: TestActor;
let judge2: TestActor;
let residents: Record<string, string>;
let secretary: string;
let byName: string;

const count = async (table: string) =>
  (await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  residents = await seedVillage(ctx, '13922000001');
  org = await staffActor(ctx, 'org_officer', '421081');
  judge2 = await staffActor(ctx, 'org_officer', TOWN);
});
afterAll(async () => {
  await ctx?.close();
});

describe('people and posts', () => {
  it('records a register person (masked identifiers) and a person by name (phone encrypted, shown masked)', async () => {
    const a = await call(ctx, org, 'POST', '/api/leaders/people', {
      villageCode: V,
      residentId: residents['王秀兰'],
      education: 'college',
      teams: ['secretary', 'committee'],
    });
    expect(a.statusCode, a.body).toBe(201);
    secretary = a.json().id;
    const b = await call(ctx, org, 'POST', '/api/leaders/people', {
      villageCode: V,
      name: '刘备用',
      gender: 'M',
      birthDate: '1995-04-01',
      phone: '13922000009',
      education: 'bachelor',
      teams: ['reserve'],
      mentor: '王秀兰',
    });
    expect(b.statusCode, b.body).toBe(201);
    byName = b.json().id;
    const again = await call(ctx, org, 'POST', '/api/leaders/people', {
      villageCode: V,
      residentId: residents['王秀兰'],
      education: 'college',
      teams: [],
    });
    expect(again.json().code).toBe('leaders_already_recorded');
    const town = await call(ctx, org, 'POST', '/api/leaders/people', {
      villageCode: TOWN,
      name: 'x',
      education: 'college',
      teams: [],
    });
    expect(town.json().code).toBe('leaders_not_village');
    const outside = await call(ctx, org, 'POST', '/api/leaders/people', {
      villageCode: '421081107211',
      residentId: residents['李德福'],
      education: 'college',
      teams: [],
    });
    expect([400, 404]).toContain(outside.statusCode);

    const rec = await call(ctx, org, 'GET', `/api/leaders/people/${secretary}`);
    expect(rec.statusCode).toBe(200);
    expect(rec.json().person).toMatchObject({ name: '王秀兰', onRegister: true, phoneMasked: '139****0001' });
    expect(rec.json().person.idMasked).toMatch(/^4210\*+\d{4}$/);
    const other = await call(ctx, org, 'GET', `/api/leaders/people/${byName}`);
    expect(other.json().person).toMatchObject({ phoneMasked: '139****0009', onRegister: false, mentor: '王秀兰' });
    expect(other.body).not.toContain('13922000009');
    const { rows } = await ctx.db.owner.query<{ phone_cipher: string }>(
      `SELECT phone_cipher FROM leader_people WHERE id = $1`,
      [byName],
    );
    expect(rows[0].phone_cipher).not.toContain('13922000009');
  });

  it('flags overlapping posts and refuses a term ending before it starts, writing nothing', async () => {
    const ok = await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/posts`, {
      body: 'party',
      post: 'secretary',
      termStart: '2021-10-01',
      termEnd: '2026-09-30',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const clash = await call(ctx, org, 'POST', `/api/leaders/people/${byName}/posts`, {
      body: 'party',
      post: 'secretary',
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
    });
    expect(clash.statusCode).toBe(201);
    const before = await count('leader_posts');
    for (const [termStart, termEnd, code] of [
      ['2026-05-01', '2026-04-30', 'leaders_term_invalid'],
      ['2026-02-30', '2026-04-30', 'leaders_date_invalid'],
    ]) {
      const bad = await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/posts`, {
        body: 'committee',
        post: 'director',
        termStart,
        termEnd,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe(code);
    }
    const wrongBody = await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/posts`, {
      body: 'committee',
      post: 'secretary',
      termStart: '2021-01-01',
      termEnd: '2022-01-01',
    });
    expect(wrongBody.statusCode).toBe(400);
    expect(await count('leader_posts')).toBe(before);
    const en = await call(
      ctx,
      org,
      'POST',
      `/api/leaders/people/${secretary}/posts`,
      { body: 'party', post: 'member', termStart: '2026-05-01', termEnd: '2026-04-30' },
      { 'accept-language': 'en' },
    );
    expect(en.json().message).toContain('ends');
    const list = await call(ctx, org, 'GET', `/api/leaders/people?scope=${V}`);
    const posts = list.json().items.flatMap((p: { posts: { overlap: boolean }[] }) => p.posts);
    expect(posts).toHaveLength(2);
    expect(posts.every((p: { overlap: boolean }) => p.overlap)).toBe(true);
  });

  it('records training, a plan with goals and 双提升, and sums progress per village', async () => {
    expect(
      (
        await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/trainings`, {
          course: '村书记示范培训',
          hours: 24,
          trainedOn: '2026-01-12',
        })
      ).statusCode,
    ).toBe(201);
    const goal = await call(ctx, org, 'POST', `/api/leaders/people/${byName}/goals`, {
      goal: '牵头一个产业项目',
      dueOn: '2026-02-01',
    });
    expect(goal.statusCode).toBe(201);
    expect((await call(ctx, org, 'PATCH', `/api/leaders/goals/${goal.json().id}`, { progress: 40 })).statusCode).toBe(
      200,
    );
    expect((await call(ctx, org, 'PATCH', `/api/leaders/goals/${goal.json().id}`, { progress: 101 })).statusCode).toBe(
      400,
    );
    for (const [id, progress] of [
      [secretary, 100],
      [byName, 50],
    ] as const)
      expect(
        (
          await call(ctx, org, 'PUT', `/api/leaders/people/${id}/upgrades`, {
            kind: 'education',
            target: '本科',
            progress,
          })
        ).statusCode,
      ).toBe(200);
    const rec = (await call(ctx, org, 'GET', `/api/leaders/people/${byName}`)).json();
    expect(rec.goals).toEqual([expect.objectContaining({ progress: 40, overdue: true })]);
    const up = (await call(ctx, org, 'GET', `/api/leaders/upgrades?scope=${TOWN}`)).json();
    expect(up.rows).toEqual([
      expect.objectContaining({ code: V, education: { people: 2, mean: '75.0' }, ability: { people: 0, mean: '0.0' } }),
    ]);
    const teams = (await call(ctx, org, 'GET', '/api/leaders/teams')).json();
    expect(teams.rows).toEqual([expect.objectContaining({ code: TOWN })]);
    expect(teams.total).toMatchObject({ secretary: 1, committee: 1, reserve: 1, rural_talent: 0 });
  });
});

describe('tiered management', () => {
  it('refuses a review date before the period, records one, lists it due and reviews it once', async () => {
    const before = await count('leader_tiers');
    const bad = await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/tiers`, {
      direction: 'negative',
      tier: 'town',
      reason: '工作推进慢',
      periodStart: '2026-03-01',
      periodEnd: '2026-08-31',
      reviewOn: '2026-02-28',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('leaders_period_invalid');
    const notSecretary = await call(ctx, org, 'POST', `/api/leaders/people/${byName}/tiers`, {
      direction: 'positive',
      tier: 'county',
      reason: '培养',
      periodStart: '2026-03-01',
      periodEnd: '2026-08-31',
      reviewOn: '2026-03-31',
    });
    expect(notSecretary.json().code).toBe('leaders_not_secretary');
    expect(await count('leader_tiers')).toBe(before);
    const ok = await call(ctx, org, 'POST', `/api/leaders/people/${secretary}/tiers`, {
      direction: 'negative',
      tier: 'town',
      reason: '工作推进慢',
      periodStart: '2026-03-01',
      periodEnd: '2026-08-31',
      reviewOn: '2026-03-31',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const due = (await call(ctx, judge2, 'GET', '/api/leaders/tiers/due')).json();
    expect(due.items).toEqual([expect.objectContaining({ id: ok.json().id, due: true, personName: '王秀兰' })]);
    const review = await call(ctx, org, 'POST', `/api/leaders/tiers/${ok.json().id}/review`, {
      outcome: 'lift',
      note: '整改到位',
    });
    expect(review.statusCode).toBe(200);
    expect(
      (await call(ctx, org, 'POST', `/api/leaders/tiers/${ok.json().id}/review`, { outcome: 'end' })).json().code,
    ).toBe('leaders_already_reviewed');
    expect((await call(ctx, org, 'GET', '/api/leaders/tiers/due')).json().items).toEqual([]);
  });
});

describe('contests and talks', () => {
  let contest: string;
  let entrants: { id: string; name: string }[];
  const sheet = (entrantId: string, a: number, b: number) => ({
    entrantId,
    scores: [
      { position: 1, score: a },
      { position: 2, score: b },
    ],
  });

  it('scores within range, once per judge, and ranks with ties sharing a place', async () => {
    const flat = await call(ctx, org, 'POST', '/api/leaders/contests', {
      scopeCode: TOWN,
      title: 'x',
      heldOn: '2026-03-01',
      entrantKind: 'village',
      criteria: [{ name: '发展', minScore: 5, maxScore: 5 }],
      entrants: [{ name: '甲' }],
    });
    expect(flat.json().code).toBe('leaders_criteria_invalid');
    const c = await call(ctx, org, 'POST', '/api/leaders/contests', {
      scopeCode: TOWN,
      title: '2026 年村书记擂台赛',
      heldOn: '2026-03-08',
      entrantKind: 'village',
      criteria: [
        { name: '发展', minScore: 0, maxScore: 50 },
        { name: '治理', minScore: 0, maxScore: 50 },
      ],
      entrants: [{ name: '百子庵村', villageCode: V }, { name: '甲村' }, { name: '乙村' }],
    });
    expect(c.statusCode, c.body).toBe(201);
    contest = c.json().id;
    entrants = (await call(ctx, org, 'GET', `/api/leaders/contests/${contest}`)).json().entrants;
    const [e1, e2, e3] = ['百子庵村', '甲村', '乙村'].map((n) => entrants.find((e) => e.name === n)?.id as string);
    const before = await count('leader_contest_scores');
    const out = await call(ctx, org, 'POST', `/api/leaders/contests/${contest}/scores`, sheet(e1, 40, 51));
    expect(out.statusCode).toBe(400);
    expect(out.json()).toMatchObject({ code: 'leaders_score_out_of_range' });
    expect(out.json().message).toContain('治理');
    const partial = await call(ctx, org, 'POST', `/api/leaders/contests/${contest}/scores`, {
      entrantId: e1,
      scores: [{ position: 1, score: 3 }],
    });
    expect(partial.json().code).toBe('leaders_scores_incomplete');
    expect(await count('leader_contest_scores')).toBe(before);
    for (const [judge, e, a, b] of [
      [org, e1, 40, 45],
      [org, e2, 30, 30],
      [org, e3, 35, 25],
      [judge2, e1, 41, 44],
      [judge2, e2, 31, 29],
      [judge2, e3, 30, 30],
    ] as const) {
      const r = await call(ctx, judge, 'POST', `/api/leaders/contests/${contest}/scores`, sheet(e, a, b));
      expect(r.statusCode, r.body).toBe(201);
    }
    const twice = await call(ctx, org, 'POST', `/api/leaders/contests/${contest}/scores`, sheet(e1, 1, 1));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('leaders_already_scored');
    const detail = (await call(ctx, org, 'GET', `/api/leaders/contests/${contest}`)).json();
    expect(detail.scoredByMe.sort()).toEqual([e1, e2, e3].sort());
    expect(
      detail.ranking.map((r: { name: string; position: number; score: string }) => [r.name, r.position, r.score]),
    ).toEqual([
      ['百子庵村', 1, '85.00'],
      ['乙村', 2, '60.00'],
      ['甲村', 2, '60.00'],
    ]);
  });

  it('records and lists talks', async () => {
    const t = await call(ctx, org, 'POST', '/api/leaders/talks', {
      scopeCode: V,
      speaker: '宣讲团 张老师',
      topic: '共同缔造与乡村振兴',
      place: '百子庵村党群服务中心',
      heldOn: '2026-03-05',
      audience: 80,
    });
    expect(t.statusCode, t.body).toBe(201);
    const list = (await call(ctx, judge2, 'GET', '/api/leaders/talks')).json();
    expect(list.items).toEqual([expect.objectContaining({ audience: 80, scopeName: '百子庵村委会' })]);
  });
});

describe('forged input', () => {
  it('answers a forged cursor or an impossible date with a 400, never a 500', async () => {
    const forged = Buffer.from(JSON.stringify(['not-a-date', '00000000-0000-0000-0000-000000000000'])).toString(
      'base64url',
    );
    for (const url of ['/api/leaders/tiers/due', '/api/leaders/contests', '/api/leaders/talks', '/api/leaders/people'])
      expect((await call(ctx, org, 'GET', `${url}?cursor=${forged}`)).statusCode, url).toBe(
        url.endsWith('people') ? 200 : 400,
      );
    const year0 = await call(ctx, org, 'POST', '/api/leaders/talks', {
      scopeCode: V,
      speaker: 'a',
      topic: 'b',
      place: 'c',
      heldOn: '0000-01-01',
      audience: 1,
    });
    expect(year0.json().code).toBe('leaders_date_invalid');
  });
});

describe('audit', () => {
  it('audits every view of a record with ids only', async () => {
    const { rows } = await ctx.db.owner.query<{ action: string; body: string }>(
      `SELECT action, (coalesce(before::text, '') || coalesce(after::text, '')) AS body FROM audit_log WHERE action LIKE 'leaders.%'`,
    );
    expect(rows.filter((r) => r.action === 'leaders.person_view').length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expect(r.body).not.toMatch(/王秀兰|刘备用|13922000009/);
  });
});
