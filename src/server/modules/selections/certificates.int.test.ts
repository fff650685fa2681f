/**
 * 荣誉证书 through HTTP on a real database: refused before the results are final (409 naming the
 * rule), issued once to each winner (numbered, audited; issuing again adds none), the PDF (A4
 * landscape, the Chinese font embedded as a subset, the words really in it), the public check by
 * number (name masked, 404 for a wrong number), who may download, and the honours of a person
 * (resident app and console) and of a party branch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../platform/actor';
import { pdfText } from '../../../../test/pdf-text';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { residentActor } from '../points/points.harness';
import { certificatePdf } from './certificates.service';
import {
  BRANCH,
  createSelectionsContext,
  type RegisterPerson,
  seedRegister,
  TOWN,
  VILLAGE,
} from './selections.harness';

let ctx: TestContext;
let cleanup: () => void;
let people: RegisterPerson[];
let town: TestActor, villageOfficer: TestActor, otherTown: TestActor, panelist: TestActor;
const r: TestActor[] = [];
const HOUR = 3_600_000;
const later = (h: number) => new Date(ctx.clock.now().getTime() + h * HOUR).toISOString();
const api = (a: TestActor | null, method: string, url: string, body?: unknown) => call(ctx, a, method, url, body);
const code = (res: { json: () => { code?: string } }) => res.json().code;

/** A selection of the town with a one-member panel scoring alone (no vote weight) and no publicity days. */
async function selection(kind: string, title: string, quota: number): Promise<string> {
  const res = await api(town, 'POST', '/api/selections', {
    kind,
    title,
    divisionCode: TOWN,
    quota,
    endorsementsRequired: 1,
    panelWeight: 100,
    publicityDays: 0,
    criteria: [{ name: '实绩', weight: 100, minScore: 0, maxScore: 10 }],
    panel: [panelist.userId],
    nominationEndsAt: later(24),
    votingStartsAt: later(48),
    votingEndsAt: later(72),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Checks every nominee eligible, scores them as given and runs the selection to 公示. */
async function toPublicity(id: string, scores: Record<string, number>) {
  const go = async () => (await api(town, 'POST', `/api/selections/${id}/advance`, { reason: '测试提前' })).json();
  expect((await go()).phase).toBe('eligibility');
  for (const n of Object.keys(scores))
    await api(town, 'POST', `/api/selections/${id}/nominees/${n}/check`, { eligible: true, note: '符合' });
  expect((await go()).phase).toBe('scoring');
  for (const [n, score] of Object.entries(scores))
    await api(panelist, 'PUT', `/api/selections/${id}/nominees/${n}/scores`, { scores: [{ criterion: 1, score }] });
  expect((await go()).phase).toBe('voting');
  expect((await go()).phase).toBe('publicity');
}

let id: string;
let branchId: string;
const nominee: Record<string, string> = {};
let numbers: string[] = [];

beforeAll(async () => {
  ({ ctx, cleanup } = await createSelectionsContext());
  ctx.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  ({ people } = await seedRegister(ctx, 4, '13966'));
  town = await staffActor(ctx, 'town_officer', TOWN);
  villageOfficer = await staffActor(ctx, 'village_officer', VILLAGE);
  otherTown = await staffActor(ctx, 'town_officer', '421081001');
  panelist = await staffActor(ctx, 'grid_worker', `${VILLAGE}001`);
  for (const p of people.slice(0, 3)) r.push(await residentActor(ctx, p.phone!));

  id = await selection('outstanding_cocreator', '2026年度高基庙镇优秀共同缔造员', 2);
  for (const [k, who] of [
    ['a', r[0]],
    ['b', r[1]],
    ['c', r[2]],
  ] as const) {
    const res = await api(who, 'POST', `/api/selections/${id}/nominees`, { route: 'self', statement: '服务群众' });
    expect(res.statusCode, res.body).toBe(201);
    nominee[k] = res.json().id;
  }
  await toPublicity(id, { [nominee.a]: 7, [nominee.b]: 9, [nominee.c]: 3 });

  branchId = await selection('red_flag_branch', '2026年度红旗党支部', 1);
  const org = await api(villageOfficer, 'POST', `/api/selections/${branchId}/nominees`, {
    route: 'organisation',
    statement: '支部堡垒作用突出',
    partyOrgCode: BRANCH,
    orgName: '高基庙镇党委',
  });
  expect(org.statusCode, org.body).toBe(201);
  nominee.branch = org.json().id;
  await toPublicity(branchId, { [nominee.branch]: 8 });
}, 120_000);

afterAll(async () => {
  await ctx.close().catch(() => {});
  cleanup();
});

describe('certificates of a selection', () => {
  it('are refused while the results are not final, naming the rule', async () => {
    const early = await api(town, 'POST', `/api/selections/${id}/certificates`);
    expect([early.statusCode, code(early)]).toEqual([409, 'selection_results_not_final']);
    expect(early.json().message).toContain('公示期结束');
    const zero = await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM selection_certificates');
    expect(zero.rows[0].n).toBe(0);
  });

  it('are issued once to each winner, numbered by year, with one audit row', async () => {
    expect((await api(town, 'GET', `/api/selections/${id}`)).json().actions).not.toContain('certify');
    for (const s of [id, branchId])
      expect((await api(town, 'POST', `/api/selections/${s}/advance`, {})).json().phase).toBe('results');
    expect((await api(town, 'GET', `/api/selections/${id}`)).json().actions).toEqual(['certify']);
    expect((await api(r[0], 'GET', `/api/selections/${id}`)).json().actions).toEqual([]);
    expect((await api(r[0], 'POST', `/api/selections/${id}/certificates`)).statusCode).toBe(403);
    expect((await api(otherTown, 'POST', `/api/selections/${id}/certificates`)).statusCode).toBe(404);
    const first = await api(town, 'POST', `/api/selections/${id}/certificates`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().issued).toBe(2);
    const items = first.json().items as { number: string; nomineeId: string; rank: number; name: string }[];
    expect(items.map((c) => [c.nomineeId, c.rank, c.number])).toEqual([
      [nominee.b, 1, 'SEL-2026-0001'],
      [nominee.a, 2, 'SEL-2026-0002'],
    ]);
    expect(items[0].name).toBe(people[1].name);
    numbers = items.map((c) => c.number);

    const again = await Promise.all([1, 2, 3].map(() => api(town, 'POST', `/api/selections/${id}/certificates`)));
    expect(again.map((x) => [x.statusCode, x.json().issued])).toEqual([
      [200, 0],
      [200, 0],
      [200, 0],
    ]);
    expect((await api(town, 'POST', `/api/selections/${branchId}/certificates`)).json().items[0].number).toBe(
      'SEL-2026-0003',
    );
    const stored = await ctx.db.owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM selection_certificates WHERE selection_id = $1',
      [id],
    );
    expect(stored.rows[0].n).toBe(2);
    const audited = await ctx.db.owner.query<{ entity_id: string; actor_id: string }>(
      `SELECT entity_id, actor_id FROM audit_log WHERE action = 'selections.certify' ORDER BY id`,
    );
    expect(audited.rows.map((a) => [a.entity_id, a.actor_id])).toEqual([
      [id, town.userId],
      [branchId, town.userId],
    ]);
    await expect(
      ctx.db.owner.query("UPDATE selection_certificates SET rank = 9 WHERE number = 'SEL-2026-0001'"),
    ).rejects.toThrow();
    expect((await api(r[2], 'GET', `/api/selections/${id}/certificates`)).json().items).toHaveLength(2);
  });

  it('download as an A4 landscape PDF with the Chinese font embedded and the words in it', async () => {
    const res = await api(town, 'GET', `/api/selection-certificates/${numbers[0]}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${numbers[0]}.pdf`);
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(20_000);
    const raw = body.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/); // a subset (tag + name)
    expect(raw).toContain('/FontFile3');
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(body.length).toBeLessThan(1_000_000); // the 8 MB font is subset

    const winner: UserActor = {
      kind: 'user',
      userId: r[1].userId,
      userKind: 'resident',
      displayName: people[1].name,
      homeDivisionCode: null,
      grants: [],
      ip: null,
    };
    const { pdf } = await certificatePdf(ctx.deps, winner, numbers[0], 'https://cc.example', { compress: false });
    const text = pdfText(pdf).join('');
    for (const words of [
      '石首市',
      '荣誉证书',
      `${people[1].name}：`,
      '2026年度高基庙镇优秀共同缔造员',
      '优秀共同缔造员',
      '（第1名）。特发此证',
      '高基庙镇',
      `证书编号：${numbers[0]}`,
      `https://cc.example/api/public/selection-certificates/${numbers[0]}`,
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/2026年11月\d+日/);
  });

  it('are downloaded by the winner, not by another resident or staff elsewhere', async () => {
    expect((await api(r[1], 'GET', `/api/selection-certificates/${numbers[0]}/pdf`)).statusCode).toBe(200);
    for (const who of [r[0], r[2], otherTown]) {
      const res = await api(who, 'GET', `/api/selection-certificates/${numbers[0]}/pdf`);
      expect([res.statusCode, code(res)]).toEqual([404, 'selection_certificate_not_found']);
    }
    expect((await api(null, 'GET', `/api/selection-certificates/${numbers[0]}/pdf`)).statusCode).toBe(401);
  });

  it('are checked publicly by number: the name masked, the selection and the date', async () => {
    const ok = await api(null, 'GET', `/api/public/selection-certificates/${numbers[0]}`);
    expect(ok.statusCode, ok.body).toBe(200);
    const name = people[1].name;
    expect(ok.json()).toMatchObject({
      number: numbers[0],
      valid: true,
      name: `${name[0]}${'*'.repeat([...name].length - 1)}`,
      selectionTitle: '2026年度高基庙镇优秀共同缔造员',
      kind: 'outstanding_cocreator',
      rank: 1,
    });
    expect(JSON.stringify(ok.json())).not.toContain(name);
    expect((await api(null, 'GET', '/api/public/selection-certificates/SEL-2026-0003')).json().name).toBe(
      '百子庵村党支部',
    );
    const wrong = await api(null, 'GET', '/api/public/selection-certificates/SEL-2026-9999');
    expect([wrong.statusCode, code(wrong)]).toEqual([404, 'selection_certificate_not_found']);
    expect(wrong.json().message).toContain('SEL-2026-9999');
  });

  it('show as honours: the resident’s own, a person’s and a branch’s in the console', async () => {
    const mine = await api(r[1], 'GET', '/api/selection-certificates/mine');
    expect(mine.json().items.map((c: { number: string }) => c.number)).toEqual([numbers[0]]);
    expect((await api(r[2], 'GET', '/api/selection-certificates/mine')).json().items).toEqual([]);
    const residentId = (
      await ctx.db.owner.query<{ id: string }>('SELECT resident_id AS id FROM selection_nominees WHERE id = $1', [
        nominee.a,
      ])
    ).rows[0].id;
    const person = await api(villageOfficer, 'GET', `/api/selection-certificates?residentId=${residentId}`);
    expect(person.json().items.map((c: { number: string }) => c.number)).toEqual([numbers[1]]);
    expect((await api(otherTown, 'GET', `/api/selection-certificates?residentId=${residentId}`)).json().items).toEqual(
      [],
    );
    const branch = await api(town, 'GET', `/api/selection-certificates?partyOrgCode=${BRANCH}`);
    expect(branch.json().items).toMatchObject([{ number: 'SEL-2026-0003', name: '百子庵村党支部', rank: 1 }]);
    expect((await api(r[0], 'GET', `/api/selection-certificates?partyOrgCode=${BRANCH}`)).statusCode).toBe(403);
    expect(code(await api(town, 'GET', '/api/selection-certificates'))).toBe('validation_failed');
  });
});
