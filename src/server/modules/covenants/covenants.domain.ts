/**
 * 村规民约 / 居民公约, pure: the numbering of a version's articles, the article-level diff between two
 * versions (added, removed, changed, renumbered, moved) and the 红白事 limits check of an event against
 * the article that declares them. No I/O; expected failures are values.
 */
import { type Result, fail, ok } from '../../platform/errors';

export interface Article {
  number: number;
  chapter: string;
  body: string;
  maxTables: number | null;
  maxDays: number | null;
}

/** Articles are numbered 1..n without gaps or repeats (第一条 … 第n条), each with some text. */
export function checkNumbering(articles: readonly Article[]): Result<Article[]> {
  const sorted = [...articles].sort((a, b) => a.number - b.number);
  for (const [i, a] of sorted.entries()) {
    if (a.number !== i + 1) return fail('covenants_article_numbering', { expected: i + 1, got: a.number });
    if (!a.body.trim()) return fail('covenants_article_empty', { number: a.number });
  }
  return ok(sorted);
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'renumbered' | 'moved';

export interface ArticleChange {
  kind: ChangeKind;
  /** The article's number in the older version (null when added). */
  from: number | null;
  /** Its number in the newer version (null when removed). */
  to: number | null;
  before: Article | null;
  after: Article | null;
}

const norm = (s: string) => s.replace(/\s+/g, '');
const limitsOf = (a: Article) => `${a.maxTables ?? ''}/${a.maxDays ?? ''}`;
const sameText = (a: Article, b: Article) => norm(a.body) === norm(b.body) && limitsOf(a) === limitsOf(b);

/** Dice coefficient over character bigrams: how alike two texts are (0..1). */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = norm(s);
    const m = new Map<string, number>();
    for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? (norm(a) === norm(b) ? 1 : 0) : (2 * both) / total;
}

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/** How alike two texts must be for a rewritten article to count as the same article changed. */
export const CHANGED_THRESHOLD = 0.5;

/**
 * The article-level diff from `older` to `newer`. Articles are matched first by identical text (and
 * limits): a match keeping its place among the others but with another number is `renumbered` (an
 * article inserted or removed before it), one out of order is `moved`. The rest are paired by text
 * similarity (≥ CHANGED_THRESHOLD, the closest first, then the nearest number): `changed`. What is left
 * is `removed` or `added`. Unchanged articles are not listed. Ordered by the newer numbering, a removed
 * article just before the article now holding its old number.
 */
export function diffArticles(older: readonly Article[], newer: readonly Article[]): ArticleChange[] {
  const freeOld = new Set(older.map((_, i) => i));
  const pairs: { o: number; n: number }[] = [];
  newer.forEach((b, n) => {
    const same = older.findIndex((a, o) => freeOld.has(o) && sameText(a, b) && a.number === b.number);
    const o = same >= 0 ? same : older.findIndex((a, i) => freeOld.has(i) && sameText(a, b));
    if (o >= 0) {
      freeOld.delete(o);
      pairs.push({ o, n });
    }
  });
  const matchedNew = new Set(pairs.map((p) => p.n));
  const byOld = [...pairs].sort((x, y) => x.o - y.o);
  const inOrder = longestIncreasing(byOld.map((p) => newer[p.n].number));
  const changes: ArticleChange[] = [];
  byOld.forEach((p, i) => {
    const before = older[p.o];
    const after = newer[p.n];
    const kind: ChangeKind | null = !inOrder.has(i) ? 'moved' : before.number !== after.number ? 'renumbered' : null;
    if (kind) changes.push({ kind, from: before.number, to: after.number, before, after });
  });
  const candidates: { o: number; n: number; score: number; distance: number }[] = [];
  newer.forEach((b, n) => {
    if (matchedNew.has(n)) return;
    for (const o of freeOld) {
      const score = similarity(older[o].body, b.body);
      if (score >= CHANGED_THRESHOLD) candidates.push({ o, n, score, distance: Math.abs(older[o].number - b.number) });
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance);
  for (const c of candidates) {
    if (!freeOld.has(c.o) || matchedNew.has(c.n)) continue;
    freeOld.delete(c.o);
    matchedNew.add(c.n);
    changes.push({
      kind: 'changed',
      from: older[c.o].number,
      to: newer[c.n].number,
      before: older[c.o],
      after: newer[c.n],
    });
  }
  newer.forEach((b, n) => {
    if (!matchedNew.has(n)) changes.push({ kind: 'added', from: null, to: b.number, before: null, after: b });
  });
  for (const o of freeOld)
    changes.push({ kind: 'removed', from: older[o].number, to: null, before: older[o], after: null });
  const position = (c: ArticleChange) => (c.to !== null ? c.to : (c.from ?? 0) - 0.5);
  return changes.sort((x, y) => position(x) - position(y));
}

/** The first article declaring a 红白事 limit (tables or days), or null. */
export function limitsArticle(articles: readonly Article[]): Article | null {
  return (
    [...articles].sort((a, b) => a.number - b.number).find((a) => a.maxTables !== null || a.maxDays !== null) ?? null
  );
}

export interface LimitsCheck {
  overTables: boolean;
  overDays: boolean;
}

/** An event over a limit is recorded with its flags, never refused (上限: the number itself is within it). */
export function checkLimits(event: { tables: number; days: number }, article: Article | null): LimitsCheck {
  return {
    overTables: article?.maxTables != null && event.tables > article.maxTables,
    overDays: article?.maxDays != null && event.days > article.maxDays,
  };
}
