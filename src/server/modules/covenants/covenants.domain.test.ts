import { describe, expect, it } from 'vitest';
import { type Article, checkLimits, checkNumbering, diffArticles, limitsArticle } from './covenants.domain';
import { ORIGINAL_ARTICLES, REVISED_ARTICLES } from './covenants.demo-text';

const art = (number: number, body: string, extra: Partial<Article> = {}): Article => ({
  number,
  chapter: '',
  body,
  maxTables: null,
  maxDays: null,
  ...extra,
});
const v = (...bodies: string[]) => bodies.map((b, i) => art(i + 1, b));
const kinds = (older: Article[], newer: Article[]) =>
  diffArticles(older, newer).map((c) => `${c.kind}:${c.from ?? '-'}→${c.to ?? '-'}`);

const A = '村民应当爱党爱国，拥护党的领导';
const B = '红白事宴席不超过二十桌，办事不超过三天';
const C = '生活垃圾分类投放到指定地点，不乱扔乱倒';
const D = '邻里之间互谅互让，互帮互助';
const E = '积极参加啄木鸟志愿活动，发现问题及时反映';

describe('checkNumbering', () => {
  it('takes articles numbered 1..n in any order and sorts them', () => {
    const r = checkNumbering([art(2, B), art(1, A)]);
    expect(r.ok && r.value.map((a) => a.number)).toEqual([1, 2]);
  });
  it('refuses a gap, a repeat, a list not starting at 1 and an empty article', () => {
    expect(checkNumbering([art(1, A), art(3, B)])).toMatchObject({
      ok: false,
      code: 'covenants_article_numbering',
      details: { expected: 2, got: 3 },
    });
    expect(checkNumbering([art(1, A), art(1, B)])).toMatchObject({ ok: false, code: 'covenants_article_numbering' });
    expect(checkNumbering([art(2, A)])).toMatchObject({ ok: false, details: { expected: 1, got: 2 } });
    expect(checkNumbering([art(1, '  ')])).toMatchObject({ ok: false, code: 'covenants_article_empty' });
  });
});

describe('diffArticles', () => {
  it('lists nothing for identical versions (whitespace does not count)', () => {
    expect(diffArticles(v(A, B, C), v(A, `${B} `, C))).toEqual([]);
  });
  it('an article inserted renumbers the ones after it (renumbered, not changed)', () => {
    expect(kinds(v(A, B, C), v(A, E, B, C))).toEqual(['added:-→2', 'renumbered:2→3', 'renumbered:3→4']);
  });
  it('an article removed renumbers the ones after it', () => {
    expect(kinds(v(A, B, C, D), v(A, C, D))).toEqual(['removed:2→-', 'renumbered:3→2', 'renumbered:4→3']);
  });
  it('an article moved is told apart from those merely renumbered', () => {
    // D moved from the end to second place: B and C shift by one (renumbered), D is moved
    expect(kinds(v(A, B, C, D), v(A, D, B, C))).toEqual(['moved:4→2', 'renumbered:2→3', 'renumbered:3→4']);
  });
  it('text changed in place is changed, with both texts', () => {
    const changed = diffArticles(v(A, B, C), v(A, '红白事宴席不超过十五桌，办事不超过两天', C));
    expect(changed).toMatchObject([{ kind: 'changed', from: 2, to: 2, before: { body: B }, after: { number: 2 } }]);
  });
  it('a changed limit is a change even when the text is the same', () => {
    const older = [art(1, B, { maxTables: 20, maxDays: 3 })];
    expect(kinds(older, [art(1, B, { maxTables: 15, maxDays: 3 })])).toEqual(['changed:1→1']);
  });
  it('text changed and renumbered together is one change, not a removal and an addition', () => {
    expect(kinds(v(A, B, C), v(E, A, '生活垃圾分类投放到指定地点，不得乱扔乱倒', D))).toEqual([
      'added:-→1',
      'removed:2→-',
      'renumbered:1→2',
      'changed:3→3',
      'added:-→4',
    ]);
  });
  it('a rewritten article unlike the old one is a removal and an addition', () => {
    expect(kinds(v(A, B), v(A, D))).toEqual(['removed:2→-', 'added:-→2']);
  });
  it('the demo revision: limits and bride price changed, 啄木鸟 added, the last three renumbered', () => {
    expect(kinds(ORIGINAL_ARTICLES, REVISED_ARTICLES)).toEqual([
      'changed:9→9',
      'changed:10→10',
      'added:-→24',
      'renumbered:24→25',
      'renumbered:25→26',
      'renumbered:26→27',
    ]);
    expect(REVISED_ARTICLES).toHaveLength(27);
  });
});

describe('红白事 limits', () => {
  const rule = art(9, B, { maxTables: 15, maxDays: 2 });
  it('finds the first article declaring a limit', () => {
    expect(limitsArticle([art(1, A), rule, art(10, C, { maxDays: 1 })])?.number).toBe(9);
    expect(limitsArticle([art(1, A)])).toBeNull();
  });
  it('the limit itself is within it; one more is over', () => {
    expect(checkLimits({ tables: 15, days: 2 }, rule)).toEqual({ overTables: false, overDays: false });
    expect(checkLimits({ tables: 16, days: 2 }, rule)).toEqual({ overTables: true, overDays: false });
    expect(checkLimits({ tables: 3, days: 3 }, rule)).toEqual({ overTables: false, overDays: true });
  });
  it('no article, or a limit not declared, flags nothing', () => {
    expect(checkLimits({ tables: 99, days: 9 }, null)).toEqual({ overTables: false, overDays: false });
    expect(checkLimits({ tables: 99, days: 2 }, art(1, B, { maxDays: 2 }))).toEqual({
      overTables: false,
      overDays: false,
    });
  });
});
