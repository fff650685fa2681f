import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { type Person, bodyMembers, partyMembers, populate, runVote } from '../deliberation/deliberation.fixtures';
import { createPointsContext } from '../points/points.harness';

const VILLAGE = '421081107212'; // 百子庵村
let OTHER: string; // another village of the same town
let ctx: TestContext;
let officer: TestActor, second: TestActor, otherOfficer: TestActor, county: TestActor;
let resident: TestActor, outsider: TestActor;
let people: Person[];
let others: Person[];

const articles = (...bodies: string[]) => bodies.map((body, i) => ({ number: i + 1, body }));
const LIMITS = '红白事宴席不超过 15 桌，办事时间不超过 2 天';

/** A matter of the village taken through its resolution step (四议两公开 steps 1–4) through the API. */
async function resolvedMatter(title: string): Promise<string> {
  const id = (
    await call(ctx, officer, 'POST', '/api/matters', {
      divisionCode: VILLAGE,
      title,
      summary: '修订村规民约',
      decisionBody: 'representatives',
    })
  ).json().id as string;
  const staff = { officer, second };
  const consult = await runVote(ctx, staff, 'committees', people.slice(0, 5), { yes: 5, no: 0, abstain: 0 });
  const review = await runVote(ctx, staff, 'party', people.slice(0, 6), { yes: 6, no: 0, abstain: 0 });
  const reps = [...people.slice(0, 3), ...people.slice(5, 15)];
  const resolve = await runVote(ctx, staff, 'representatives', reps, { yes: 12, no: 1, abstain: 0 });
  for (const [event, v] of [
    ['consult', consult],
    ['review', review],
    ['resolve', resolve],
  ] as const) {
    const res = await call(ctx, officer, 'POST', `/api/matters/${id}/steps`, { event, motionId: v.motionId });
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  ctx = await createPointsContext();
  const { rows } = await ctx.db.owner.query<{ code: string }>(
    `SELECT code FROM divisions WHERE parent_code = '421081107' AND level = 5 AND code <> $1 ORDER BY code LIMIT 1`,
    [VILLAGE],
  );
  OTHER = rows[0].code;
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  second = await staffActor(ctx, 'grid_worker', VILLAGE);
  otherOfficer = await staffActor(ctx, 'village_officer', OTHER);
  county = await staffActor(ctx, 'county_officer', '421081');
  people = (await populate(ctx, VILLAGE, { households: 12, adultsPer: 2, phones: ['13913000211'] })).people;
  others = (await populate(ctx, OTHER, { households: 2, adultsPer: 1, phones: ['13913000212'] })).people;
  await bodyMembers(ctx, VILLAGE, 'village_committee', people.slice(0, 3));
  await bodyMembers(ctx, VILLAGE, 'party_committee', people.slice(2, 5));
  await partyMembers(ctx, VILLAGE, people.slice(0, 8));
  await bodyMembers(ctx, VILLAGE, 'representatives', people.slice(5, 17));
  resident = await residentActor(ctx, '13913000211');
  outsider = await residentActor(ctx, '13913000212');
});
afterAll(async () => {
  await ctx.close();
});

let covenantId: string;
let firstId: string;
let matterId: string;

describe('村规民约: drafts and adoption through 四议两公开', () => {
  it('sets up one covenant per village, drafts a version by articles, refuses bad numbering', async () => {
    const created = await call(ctx, officer, 'POST', '/api/covenants', {
      divisionCode: VILLAGE,
      kind: 'village',
      title: '百子庵村村规民约',
    });
    expect(created.statusCode, created.body).toBe(201);
    covenantId = created.json().id;
    const again = await call(ctx, officer, 'POST', '/api/covenants', {
      divisionCode: VILLAGE,
      kind: 'village',
      title: 'x',
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'covenants_exists']);
    const draft = await call(ctx, officer, 'POST', `/api/covenants/${covenantId}/versions`, { label: '2019年版' });
    expect(draft.statusCode, draft.body).toBe(201);
    firstId = draft.json().id;
    expect(draft.json()).toMatchObject({ state: 'draft', articles: [], actions: ['edit', 'adopt'] });
    const gap = await call(ctx, officer, 'PUT', `/api/covenant-versions/${firstId}/articles`, {
      articles: [
        { number: 1, body: '爱党爱国' },
        { number: 3, body: '遵纪守法' },
      ],
    });
    expect([gap.statusCode, gap.json().code]).toEqual([400, 'covenants_article_numbering']);
    const saved = await call(ctx, officer, 'PUT', `/api/covenant-versions/${firstId}/articles`, {
      articles: [
        ...articles('全体村民应爱党爱国，拥护中国共产党的领导', '遵纪守法，不参与黄赌毒'),
        { number: 3, chapter: '移风易俗', body: LIMITS, maxTables: 15, maxDays: 2 },
        { number: 4, body: '生活垃圾分类投放到指定地点，不乱扔乱倒' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().articles[2]).toMatchObject({ number: 3, chapter: '移风易俗', maxTables: 15, maxDays: 2 });
    const twice = await call(ctx, officer, 'POST', `/api/covenants/${covenantId}/versions`, { label: '又一稿' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'covenants_draft_exists']);
  });

  it('refuses adoption without a matter of the village that passed its resolution, writing nothing', async () => {
    const adopt = (body: object) => call(ctx, officer, 'POST', `/api/covenant-versions/${firstId}/adopt`, body);
    const unknown = await adopt({ matterId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'covenants_matter_not_found']);
    const proposed = (
      await call(ctx, officer, 'POST', '/api/matters', {
        divisionCode: VILLAGE,
        title: '修订村规民约（未决议）',
        summary: '尚未表决',
        decisionBody: 'representatives',
      })
    ).json().id;
    const notResolved = await adopt({ matterId: proposed });
    expect([notResolved.statusCode, notResolved.json().code]).toEqual([409, 'covenants_matter_not_resolved']);
    expect(notResolved.json().message).toContain('党组织已提议');
    const elsewhere = (
      await call(ctx, otherOfficer, 'POST', '/api/matters', {
        divisionCode: OTHER,
        title: '别村事项',
        summary: '别村',
        decisionBody: 'representatives',
      })
    ).json().id;
    const other = await adopt({ matterId: elsewhere });
    expect([other.statusCode, other.json().code]).toEqual([409, 'covenants_matter_other_place']);
    const version = (await call(ctx, officer, 'GET', `/api/covenant-versions/${firstId}`)).json();
    expect(version).toMatchObject({ state: 'draft', matterId: null, adoptedOn: null });
    const board = (await call(ctx, officer, 'GET', '/api/disclosures')).json().items;
    expect(board.filter((d: { title: string }) => d.title.startsWith('公布'))).toEqual([]);
  });

  it('adopts citing the resolved matter: in force, published on the board, audited', async () => {
    matterId = await resolvedMatter('修订《百子庵村村规民约》');
    const tooEarly = await call(ctx, officer, 'POST', `/api/covenant-versions/${firstId}/adopt`, {
      matterId,
      adoptedOn: '2020-01-01',
    });
    expect([tooEarly.statusCode, tooEarly.json().code]).toEqual([400, 'covenants_adoption_date']);
    const res = await call(ctx, officer, 'POST', `/api/covenant-versions/${firstId}/adopt`, { matterId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'in_force',
      matterId,
      matterTitle: '修订《百子庵村村规民约》',
      adoptedOn: '2026-11-25',
      actions: [],
    });
    const board = (await call(ctx, resident, 'GET', '/api/deliberation/board')).json().items;
    expect(board[0]).toMatchObject({ category: 'major', title: '公布百子庵村村规民约（2019年版）' });
    expect(board[0].body).toContain('共 4 条');
    const { rows } = await ctx.db.owner.query(
      `SELECT 1 FROM audit_log WHERE action = 'covenants.adopt' AND entity_id = $1`,
      [firstId],
    );
    expect(rows).toHaveLength(1);
    const edit = await call(ctx, officer, 'PUT', `/api/covenant-versions/${firstId}/articles`, {
      articles: articles('x'),
    });
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'covenants_version_not_draft']);
  });

  it('a new version starts from the one in force; the diff shows the change; adopting supersedes the old', async () => {
    ctx.clock.advance(86_400_000);
    const draft = (
      await call(ctx, officer, 'POST', `/api/covenants/${covenantId}/versions`, { label: '2026年修订' })
    ).json();
    expect(draft.articles).toHaveLength(4);
    const changed = draft.articles.map((a: { number: number; body: string }) =>
      a.number === 4 ? { ...a, body: '生活垃圾分类投放到指定地点，不乱扔乱倒，不向河塘倾倒' } : a,
    );
    await call(ctx, officer, 'PUT', `/api/covenant-versions/${draft.id}/articles`, {
      articles: [...changed, { number: 5, body: '积极参加啄木鸟志愿活动' }],
    });
    const diff = await call(ctx, officer, 'GET', `/api/covenant-versions/diff?from=${firstId}&to=${draft.id}`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json().changes.map((c: { kind: string; to: number }) => `${c.kind}:${c.to}`)).toEqual([
      'changed:4',
      'added:5',
    ]);
    const ahead = await call(ctx, officer, 'POST', `/api/covenant-versions/${draft.id}/adopt`, {
      matterId,
      adoptedOn: '2026-11-27',
    });
    expect([ahead.statusCode, ahead.json().details]).toEqual([400, { date: '2026-11-27', earliest: '2026-11-25' }]);
    const adopted = await call(ctx, officer, 'POST', `/api/covenant-versions/${draft.id}/adopt`, { matterId });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const covenant = (await call(ctx, officer, 'GET', `/api/covenants/${covenantId}`)).json();
    expect(
      covenant.versions.map((v: { state: string; adoptedOn: string; supersededOn: string | null }) => v),
    ).toMatchObject([
      { label: '2026年修订', state: 'in_force', adoptedOn: '2026-11-26', supersededOn: null },
      { label: '2019年版', state: 'superseded', adoptedOn: '2026-11-25', supersededOn: '2026-11-26' },
    ]);
    expect(covenant.actions).toEqual(['draft']);
  });
});

describe('who reads and who edits', () => {
  it('residents read the version in force of their own village, large and numbered; others get nothing', async () => {
    const mine = (await call(ctx, resident, 'GET', '/api/covenants/mine')).json();
    expect(mine).toMatchObject({ title: '百子庵村村规民约', version: { label: '2026年修订' } });
    expect(mine.articles.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect((await call(ctx, outsider, 'GET', '/api/covenants/mine')).json()).toMatchObject({
      version: null,
      articles: [],
    });
  });
  it('staff of another village and residents cannot edit or draft; a draft is hidden from residents', async () => {
    const draft = await call(ctx, officer, 'POST', `/api/covenants/${covenantId}/versions`, { label: '下一稿' });
    const id = draft.json().id;
    const put = (who: TestActor) =>
      call(ctx, who, 'PUT', `/api/covenant-versions/${id}/articles`, { articles: articles('改') });
    expect((await put(otherOfficer)).statusCode).toBe(404);
    expect((await put(resident)).statusCode).toBe(404);
    expect((await put(outsider)).statusCode).toBe(404);
    expect((await call(ctx, otherOfficer, 'GET', `/api/covenants/${covenantId}`)).statusCode).toBe(404);
    expect(
      (await call(ctx, otherOfficer, 'POST', `/api/covenants/${covenantId}/versions`, { label: 'x' })).statusCode,
    ).toBe(404);
    // a resident reads an adopted version but cannot change it
    const adoptedEdit = await call(ctx, resident, 'PUT', `/api/covenant-versions/${firstId}/articles`, {
      articles: articles('改'),
    });
    expect(adoptedEdit.statusCode).toBe(403);
    // the county reads, but does not keep, the village's covenant
    expect((await call(ctx, county, 'GET', `/api/covenants/${covenantId}`)).json().actions).toEqual([]);
    expect((await put(county)).statusCode).toBe(403);
  });
  it('an article reference resolves to its text for the village, not for an outsider', async () => {
    const ref = await call(ctx, resident, 'GET', `/api/covenant-articles/${firstId}/3`);
    expect(ref.statusCode, ref.body).toBe(200);
    expect(ref.json()).toMatchObject({
      versionLabel: '2019年版',
      versionState: 'superseded',
      article: { body: LIMITS },
    });
    const out = await call(ctx, outsider, 'GET', `/api/covenant-articles/${firstId}/3`);
    expect([out.statusCode, out.json().code]).toEqual([404, 'covenants_article_unknown']);
    expect((await call(ctx, resident, 'GET', `/api/covenant-articles/${firstId}/9`)).statusCode).toBe(404);
  });
});

describe('红白事 register and the councils', () => {
  const event = (tables: number, days: number) => ({
    divisionCode: VILLAGE,
    family: '张家',
    kind: 'wedding',
    heldOn: '2026-11-26', // the revision adopted that day is in force
    tables,
    days,
    costFen: 800_000,
  });
  it('records an event over the limit with flags naming the article in force; at the limit, no flag', async () => {
    const over = await call(ctx, officer, 'POST', '/api/family-events', event(16, 3));
    expect(over.statusCode, over.body).toBe(201);
    const inForce = (await call(ctx, officer, 'GET', `/api/covenants/${covenantId}`)).json().versions[1];
    expect(over.json()).toMatchObject({ overTables: true, overDays: true, versionId: inForce.id, articleNumber: 3 });
    const within = (await call(ctx, officer, 'POST', '/api/family-events', event(15, 2))).json();
    expect(within).toMatchObject({ overTables: false, overDays: false, articleNumber: 3 });
    const cited = (await call(ctx, officer, 'GET', `/api/covenant-articles/${over.json().versionId}/3`)).json();
    expect(cited.article).toMatchObject({ maxTables: 15, maxDays: 2 });
    // checked against the version in force on the event's date: the older one the day before, none before any
    const earlier = (
      await call(ctx, officer, 'POST', '/api/family-events', { ...event(16, 1), heldOn: '2026-11-25' })
    ).json();
    expect(earlier).toMatchObject({ versionId: firstId, articleNumber: 3, overTables: true, overDays: false });
    const before = (
      await call(ctx, officer, 'POST', '/api/family-events', { ...event(99, 9), heldOn: '2019-01-01' })
    ).json();
    expect(before).toMatchObject({ versionId: null, articleNumber: null, overTables: false, overDays: false });
    const list = (await call(ctx, officer, 'GET', `/api/family-events?scope=${VILLAGE}`)).json().items;
    expect(list.map((e: { heldOn: string }) => e.heldOn)).toEqual([
      '2026-11-26',
      '2026-11-26',
      '2026-11-25',
      '2019-01-01',
    ]);
    expect((await call(ctx, otherOfficer, 'POST', '/api/family-events', event(1, 1))).statusCode).toBe(403);
    expect((await call(ctx, otherOfficer, 'GET', `/api/family-events?scope=${VILLAGE}`)).json().items).toEqual([]);
  });
  it('keeps councils with terms of residents of the place, one chair, no overlap', async () => {
    const c = await call(ctx, officer, 'POST', '/api/councils', {
      divisionCode: VILLAGE,
      kind: 'red_white_council',
      name: '红白理事会',
    });
    expect(c.statusCode, c.body).toBe(201);
    const term = (members: { residentId: string; role: string }[], startsOn = '2024-01-01', endsOn = '2028-12-31') =>
      call(ctx, officer, 'POST', `/api/councils/${c.json().id}/terms`, { startsOn, endsOn, members });
    const outsiderTerm = await term([{ residentId: others[0].id, role: 'chair' }]);
    expect([outsiderTerm.statusCode, outsiderTerm.json().code]).toEqual([409, 'covenants_not_resident']);
    const twoChairs = await term([
      { residentId: people[0].id, role: 'chair' },
      { residentId: people[1].id, role: 'chair' },
    ]);
    expect([twoChairs.statusCode, twoChairs.json().code]).toEqual([400, 'covenants_term_chair']);
    const ok = await term([
      { residentId: people[0].id, role: 'chair' },
      { residentId: people[1].id, role: 'member' },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      currentTermId: ok.json().terms[0].id,
      terms: [{ members: [{ role: 'chair' }, { role: 'member' }] }],
    });
    const overlap = await term([{ residentId: people[2].id, role: 'chair' }], '2028-06-01', '2033-05-31');
    expect([overlap.statusCode, overlap.json().code]).toEqual([409, 'covenants_term_overlap']);
    const listed = (await call(ctx, county, 'GET', `/api/councils?scope=${VILLAGE}`)).json().items;
    expect(listed).toMatchObject([{ kind: 'red_white_council', actions: [] }]);
  });
});
