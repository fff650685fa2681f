/**
 * The 头雁 records' rules, pure: real dates, terms and periods in order, overlapping posts, the
 * 擂台赛 ranking in exact integer arithmetic, and progress averages. Expected failures are values.
 */
import type { Body, Post } from './leaders.labels';

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not), in 1900–2199 (records of living people). */
export function isRealDate(day: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** The first of `fields` that is not a real date, or null. */
export function badDate(fields: Record<string, string | undefined>): { field: string; value: string } | null {
  for (const [field, value] of Object.entries(fields))
    if (value !== undefined && !isRealDate(value)) return { field, value };
  return null;
}

/** The posts each body has: 党组织 书记/副书记/委员, 村（居）委会 主任/副主任/委员. */
export const BODY_POSTS: Record<Body, readonly Post[]> = {
  party: ['secretary', 'deputy_secretary', 'member'],
  committee: ['director', 'deputy_director', 'member'],
};
/** Posts one person holds at a time in a village's body. */
const SINGLE_HOLDER: readonly Post[] = ['secretary', 'director'];

export interface PostTerm {
  id: string;
  personId: string;
  body: Body;
  post: Post;
  termStart: string;
  termEnd: string;
}

const intersect = (a: PostTerm, b: PostTerm) => a.termStart <= b.termEnd && b.termStart <= a.termEnd;

/**
 * Posts of one village flagged as overlapping: a person holding two posts of the same body at once,
 * or two people holding the same single-holder post (书记, 主任) at once. Flagged, not refused: the
 * records may be corrected either way (a term recorded too long, or a handover).
 */
export function overlappingPosts(posts: readonly PostTerm[]): Set<string> {
  const flagged = new Set<string>();
  for (let i = 0; i < posts.length; i++)
    for (let j = i + 1; j < posts.length; j++) {
      const [a, b] = [posts[i], posts[j]];
      if (a.body !== b.body || !intersect(a, b)) continue;
      const samePerson = a.personId === b.personId;
      const contested = !samePerson && a.post === b.post && SINGLE_HOLDER.includes(a.post);
      if (samePerson || contested) flagged.add(a.id).add(b.id);
    }
  return flagged;
}

/** Is a post active on `day`? */
export const activeOn = (p: { termStart: string; termEnd: string }, day: string) =>
  p.termStart <= day && day <= p.termEnd;

/** A tiered-management period: it ends after it starts, the review falls on or after its start. */
export function periodProblem(p: { periodStart: string; periodEnd: string; reviewOn: string }): boolean {
  return p.periodEnd < p.periodStart || p.reviewOn < p.periodStart;
}

/** Reviews are listed as due from this many days ahead. */
export const REVIEW_WINDOW_DAYS = 30;
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---- 擂台赛 ----

export interface Criterion {
  position: number;
  name: string;
  minScore: number;
  maxScore: number;
}

export interface ScoreLine {
  position: number;
  score: number;
}

/** A judge's sheet for one entrant: each criterion exactly once, each score within its range. */
export type SheetProblem =
  | { kind: 'incomplete'; missing: string[]; extra: string[] }
  | { kind: 'out_of_range'; criterion: string; min: number; max: number; score: number };

export function checkSheet(criteria: readonly Criterion[], lines: readonly ScoreLine[]): SheetProblem | null {
  const seen = new Set<number>();
  const extra: string[] = [];
  for (const l of lines) {
    if (seen.has(l.position) || !criteria.some((c) => c.position === l.position)) extra.push(String(l.position));
    seen.add(l.position);
  }
  const missing = criteria.filter((c) => !seen.has(c.position)).map((c) => c.name);
  if (missing.length || extra.length) return { kind: 'incomplete', missing, extra };
  for (const l of lines) {
    const c = criteria.find((x) => x.position === l.position) as Criterion;
    if (!Number.isInteger(l.score) || l.score < c.minScore || l.score > c.maxScore)
      return { kind: 'out_of_range', criterion: c.name, min: c.minScore, max: c.maxScore, score: l.score };
  }
  return null;
}

/** An exact score: total / judges (bigint; judges > 0, or 0/1 when nobody scored). */
export interface Exact {
  total: bigint;
  judges: bigint;
}
/** -1, 0, 1 by value, exactly (cross-multiplied). */
export const compareExact = (a: Exact, b: Exact) => {
  const l = a.total * b.judges;
  const r = b.total * a.judges;
  return l < r ? -1 : l > r ? 1 : 0;
};
/** Rounded half up to `places` decimals, for display only. */
export function exactText(e: Exact, places = 2): string {
  const scale = 10n ** BigInt(places);
  const neg = e.total < 0n;
  const abs = neg ? -e.total : e.total;
  const v = (abs * scale * 2n + e.judges) / (2n * e.judges);
  const s = v.toString().padStart(places + 1, '0');
  return `${neg && v !== 0n ? '-' : ''}${s.slice(0, -places)}.${s.slice(-places)}`;
}

export interface RankedEntrant {
  entrantId: string;
  name: string;
  /** Competition ranking: equal scores share a position (1, 2, 2, 4). */
  position: number;
  judges: number;
  score: Exact;
}

/**
 * The ranking: an entrant's score is the mean of the judges' totals (the sum of a judge's criterion
 * scores), counting only judges who scored every criterion; an entrant nobody scored ranks last with
 * 0. Higher first; equal means share a position; among equals, by name for display.
 */
export function rankEntrants(
  criteria: readonly Criterion[],
  entrants: readonly { id: string; name: string }[],
  scores: readonly { entrantId: string; judgeId: string; position: number; score: number }[],
): RankedEntrant[] {
  const sheets = new Map<string, Map<string, bigint[]>>();
  for (const s of scores) {
    const byJudge = sheets.get(s.entrantId) ?? new Map<string, bigint[]>();
    byJudge.set(s.judgeId, [...(byJudge.get(s.judgeId) ?? []), BigInt(s.score)]);
    sheets.set(s.entrantId, byJudge);
  }
  const rows = entrants.map((e) => {
    const totals = [...(sheets.get(e.id)?.values() ?? [])]
      .filter((v) => v.length === criteria.length)
      .map((v) => v.reduce((a, b) => a + b, 0n));
    const score: Exact = totals.length
      ? { total: totals.reduce((a, b) => a + b, 0n), judges: BigInt(totals.length) }
      : { total: 0n, judges: 1n };
    return { entrant: e, score, judges: totals.length };
  });
  rows.sort(
    (a, b) =>
      (b.judges > 0 ? 1 : 0) - (a.judges > 0 ? 1 : 0) ||
      compareExact(b.score, a.score) ||
      (a.entrant.name < b.entrant.name ? -1 : a.entrant.name > b.entrant.name ? 1 : 0) ||
      (a.entrant.id < b.entrant.id ? -1 : 1),
  );
  const out: RankedEntrant[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev && prev.judges > 0 === r.judges > 0 && compareExact(prev.score, r.score) === 0;
    out.push({
      entrantId: r.entrant.id,
      name: r.entrant.name,
      position: tied ? prev.position : i + 1,
      judges: r.judges,
      score: r.score,
    });
  });
  return out;
}

// ---- 双提升 ----

/** The mean progress of a group, exactly, as percent text with one decimal ('0.0' for none). */
export function meanProgress(sum: number, count: number): string {
  return count === 0 ? '0.0' : exactText({ total: BigInt(sum), judges: BigInt(count) }, 1);
}
