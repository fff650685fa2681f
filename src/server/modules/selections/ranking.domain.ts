/**
 * The published ranking formula (评选排名), pure and exact. For each nominee:
 *
 * 1. A panel member's total = Σ over criteria of weight × (score − min) / (max − min): 0–100, the
 *    weights summing to 100. A member who declared a conflict with the nominee, or did not score
 *    every criterion of that nominee, is left out for that nominee.
 * 2. panel = the mean of the members' totals; with the trimmed mean on and at least 3 totals, the
 *    highest and the lowest one are dropped first. No totals: 0.
 * 3. vote = 100 × the nominee's votes / the most votes any ranked nominee got (0 when nobody voted).
 *    Votes are online votes and paper votes confirmed by a second person.
 * 4. combined = (panelWeight × panel + (100 − panelWeight) × vote) / 100.
 *
 * Order: combined, then panel, then votes (all higher first), then the earlier nomination, then the
 * nominee id. The first `quota` are selected. Everything is a fraction: no rounding anywhere.
 */
import { add, cmp, div, type Fraction, frac, mul, sum, ZERO } from './fraction';

export interface Criterion {
  position: number;
  weight: number;
  minScore: number;
  maxScore: number;
}

export interface RankingInput {
  quota: number;
  panelWeight: number;
  trimmedMean: boolean;
  criteria: readonly Criterion[];
  /** The nominees to rank (eligible ones), with when they were nominated. */
  nominees: readonly { id: string; nominatedAt: string }[];
  scores: readonly { nomineeId: string; userId: string; criterion: number; score: number }[];
  conflicts: readonly { nomineeId: string; userId: string }[];
  votes: ReadonlyMap<string, number>;
}

export interface RankedNominee {
  position: number;
  nomineeId: string;
  panelScore: Fraction;
  votes: number;
  combined: Fraction;
  selected: boolean;
}

/** One member's weighted total of one nominee, or null when a criterion is missing. */
export function memberTotal(criteria: readonly Criterion[], scores: ReadonlyMap<number, number>): Fraction | null {
  const parts: Fraction[] = [];
  for (const c of criteria) {
    const s = scores.get(c.position);
    if (s === undefined) return null;
    parts.push(frac(c.weight * (s - c.minScore), c.maxScore - c.minScore));
  }
  return sum(parts);
}

export function panelScore(totals: readonly Fraction[], trimmed: boolean): Fraction {
  let used = [...totals];
  if (trimmed && used.length >= 3) used = [...used].sort(cmp).slice(1, -1);
  return used.length === 0 ? ZERO : div(sum(used), frac(used.length));
}

export function rank(input: RankingInput): RankedNominee[] {
  const conflicted = new Set(input.conflicts.map((c) => `${c.nomineeId}|${c.userId}`));
  const byPair = new Map<string, Map<number, number>>();
  for (const s of input.scores) {
    if (conflicted.has(`${s.nomineeId}|${s.userId}`)) continue;
    const key = `${s.nomineeId}|${s.userId}`;
    const m = byPair.get(key) ?? new Map<number, number>();
    m.set(s.criterion, s.score);
    byPair.set(key, m);
  }
  const totals = new Map<string, Fraction[]>();
  for (const [key, scores] of byPair) {
    const total = memberTotal(input.criteria, scores);
    if (!total) continue;
    const nomineeId = key.slice(0, key.indexOf('|'));
    totals.set(nomineeId, [...(totals.get(nomineeId) ?? []), total]);
  }
  const maxVotes = Math.max(0, ...input.nominees.map((n) => input.votes.get(n.id) ?? 0));
  const rows = input.nominees.map((n) => {
    const panel = panelScore(totals.get(n.id) ?? [], input.trimmedMean);
    const votes = input.votes.get(n.id) ?? 0;
    const vote = maxVotes === 0 ? ZERO : frac(100 * votes, maxVotes);
    const combined = div(add(mul(frac(input.panelWeight), panel), mul(frac(100 - input.panelWeight), vote)), frac(100));
    return { nominee: n, panel, votes, combined };
  });
  rows.sort(
    (a, b) =>
      cmp(b.combined, a.combined) ||
      cmp(b.panel, a.panel) ||
      b.votes - a.votes ||
      (a.nominee.nominatedAt < b.nominee.nominatedAt ? -1 : a.nominee.nominatedAt > b.nominee.nominatedAt ? 1 : 0) ||
      (a.nominee.id < b.nominee.id ? -1 : a.nominee.id > b.nominee.id ? 1 : 0),
  );
  return rows.map((r, i) => ({
    position: i + 1,
    nomineeId: r.nominee.id,
    panelScore: r.panel,
    votes: r.votes,
    combined: r.combined,
    selected: i < input.quota,
  }));
}
