/**
 * Problems in plain words (issue #11): the seeded list residents read, county officers' edits
 * (audited, nothing half-written), and that a term never belongs to two problems, whatever its spacing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { DEFAULT_PROBLEM_WORDS } from './problem-words.seed';

let ctx: TestContext;
let county: TestActor, village: TestActor;

interface Word {
  id: string;
  word: string;
  synonyms: string[];
  categoryCode: string;
  sortOrder: number;
  enabled: boolean;
}
const list = async (actor: TestActor | null, q = ''): Promise<Word[]> =>
  (await call(ctx, actor, 'GET', `/api/problem-words${q}`)).json();
const audits = async (id: string) =>
  (
    await ctx.db.owner.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [id])
  ).rows.map((r) => r.action);

beforeAll(async () => {
  ctx = await createTestContext();
  county = await staffActor(ctx, 'county_officer', '421081');
  village = await staffActor(ctx, 'village_officer', '421081107212');
});
afterAll(async () => {
  await ctx.close();
});

describe('problem words', () => {
  it('seeds the first list in order, each mapped to a category of the tree, readable without signing in', async () => {
    const words = await list(null);
    expect(words.map((w) => w.word)).toEqual(DEFAULT_PROBLEM_WORDS.map((w) => w.word));
    expect(words.length).toBeGreaterThanOrEqual(20);
    const categories: { code: string }[] = (await call(ctx, null, 'GET', '/api/categories')).json();
    const codes = new Set(categories.map((c) => c.code));
    for (const w of words) expect(codes.has(w.categoryCode)).toBe(true);
    expect(words.find((w) => w.word === '犬只扰民')?.synonyms).toContain('狗');
  });

  it('lets county officers add and edit an entry (audited); others may not', async () => {
    const body = {
      word: '化粪池满了',
      synonyms: [' 化粪池 ', '粪水外溢', '化粪池'],
      categoryCode: '03003',
      sortOrder: 5,
    };
    expect((await call(ctx, village, 'POST', '/api/problem-words', body)).statusCode).toBe(403);
    expect((await call(ctx, null, 'POST', '/api/problem-words', body)).statusCode).toBe(401);
    const res = await call(ctx, county, 'POST', '/api/problem-words', body);
    expect(res.statusCode).toBe(201);
    const created: Word = res.json();
    expect(created).toMatchObject({
      word: '化粪池满了',
      synonyms: ['化粪池', '粪水外溢'],
      enabled: true,
      sortOrder: 5,
    });
    expect((await list(null))[0].word).toBe('化粪池满了');

    const off = await call(ctx, county, 'PATCH', `/api/problem-words/${created.id}`, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect((await list(null)).some((w) => w.id === created.id)).toBe(false);
    expect((await list(county, '?includeDisabled=true')).some((w) => w.id === created.id)).toBe(true);
    expect((await list(village, '?includeDisabled=true')).some((w) => w.id === created.id)).toBe(false);
    expect(await audits(created.id)).toEqual(['problem_words.create', 'problem_words.edit']);
    expect((await call(ctx, village, 'PATCH', `/api/problem-words/${created.id}`, { enabled: true })).statusCode).toBe(
      403,
    );
  });

  it('refuses a term another entry has, as word or synonym, in any spacing or width, and writes nothing', async () => {
    const before = await list(county, '?includeDisabled=true');
    for (const clash of [
      { word: '小狗乱叫', synonyms: ['狗'] }, // 犬只扰民's synonym
      { word: ' 路灯不亮 ', synonyms: [] }, // a word
      { word: '垃圾满地', synonyms: ['垃 圾'] }, // spacing
      { word: '狗咬人了', synonyms: ['ｄｏｇ', '犬'] }, // full width and a synonym of another
    ]) {
      const res = await call(ctx, county, 'POST', '/api/problem-words', { ...clash, categoryCode: '06038' });
      expect(res.statusCode, clash.word).toBe(409);
      expect(res.json().code).toBe('problem_word_term_taken');
    }
    const lamp = before.find((w) => w.word === '路灯不亮')!;
    const taken = await call(ctx, county, 'PATCH', `/api/problem-words/${lamp.id}`, { synonyms: ['路灯', '噪音'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('噪音扰民');
    // its own terms may be kept or reordered
    const same = await call(ctx, county, 'PATCH', `/api/problem-words/${lamp.id}`, { synonyms: ['灯不亮', '路灯'] });
    expect(same.statusCode).toBe(200);
    expect(await list(county, '?includeDisabled=true')).toHaveLength(before.length);
  });

  it('answers bad input with a 4xx naming the problem', async () => {
    const lamp = (await list(null)).find((w) => w.word === '路灯不亮')!;
    const cases: [string, string, unknown, number, string?][] = [
      ['POST', '/api/problem-words', { word: '新问题', categoryCode: '99999' }, 400, 'unknown_category'],
      ['POST', '/api/problem-words', { word: '新问题', categoryCode: '01' }, 400, 'unknown_category'], // a major class
      ['POST', '/api/problem-words', { word: '   ', categoryCode: '01037' }, 400],
      ['POST', '/api/problem-words', { word: '新问题' }, 400],
      ['PATCH', `/api/problem-words/${lamp.id}`, { sortOrder: -1 }, 400],
      [
        'PATCH',
        '/api/problem-words/00000000-0000-4000-8000-000000000000',
        { enabled: false },
        404,
        'unknown_problem_word',
      ],
      ['PATCH', '/api/problem-words/not-a-uuid', { enabled: false }, 400],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await call(ctx, county, method, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code) expect(res.json().code).toBe(code);
    }
  });
});
