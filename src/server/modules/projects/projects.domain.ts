/**
 * Livelihood projects' pure rules: progress rolled up the accountability tree (Decidim's results:
 * a parent's progress is the weighted mean of its children's), the status computed from the due
 * dates, the funding check in integer fen, the milestones' dates, the representatives' ratings summed up.
 */
import type { ProjectStatus } from './projects.labels';
import { RATING_MAX, RATING_MIN } from './projects.labels';

/** A node of the accountability tree: a leaf carries its own progress (0–100), a parent its children. */
export type ProgressNode = { weight: number; progress: number } | { weight: number; children: readonly ProgressNode[] };

/**
 * Progress of a node in whole percent: a leaf's own, a parent's the weighted mean of its children's
 * (weights ≥ 1; a parent without children is at 0). Computed exactly (each level keeps its
 * fraction) and rounded once, half up, so 3 × 33 % + 1 × 100 % is 50 %, never 49.
 */
export function rollUp(node: ProgressNode): number {
  const [num, den] = fraction(node);
  return den === 0 ? 0 : Math.floor((2 * num + den) / (2 * den));
}

/** Progress as an exact fraction num/den of percent (integers only). */
function fraction(node: ProgressNode): [number, number] {
  if (!('children' in node)) return [node.progress, 1];
  let num = 0;
  let den = 0;
  // Σ wᵢ·(nᵢ/dᵢ) / Σ wᵢ over a common denominator: the product of the children's denominators
  const parts = node.children.map(fraction);
  const common = parts.reduce((d, [, di]) => d * (di || 1), 1);
  node.children.forEach((c, i) => {
    const [ni, di] = parts[i];
    num += c.weight * (di === 0 ? 0 : (ni * common) / di);
    den += c.weight;
  });
  return den === 0 ? [0, 0] : [num, den * common];
}

export interface MilestoneFacts {
  dueOn: string;
  progress: number;
}

/**
 * The status on a day (YYYY-MM-DD, China time): done at 100 %; delayed when the project's due
 * date has passed, or a milestone's has while it is short of 100 %; planned before the start day
 * while nothing has moved; in progress otherwise.
 */
export function projectStatus(
  p: { startsOn: string; dueOn: string; progress: number },
  milestones: readonly MilestoneFacts[],
  today: string,
): ProjectStatus {
  if (p.progress >= 100) return 'done';
  if (today > p.dueOn || milestones.some((m) => m.progress < 100 && today > m.dueOn)) return 'delayed';
  if (today < p.startsOn && p.progress === 0) return 'planned';
  return 'in_progress';
}

/** Null when the funding sources add up to the budget exactly (fen); else the two sums. */
export function fundsProblem(budgetFen: number, amounts: readonly number[]): { sumFen: number } | null {
  const sumFen = amounts.reduce((s, a) => s + a, 0);
  return sumFen === budgetFen ? null : { sumFen };
}

/** Fen shown as yuan with two decimals (1234567 → "12345.67"). */
export const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

export const isRealDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

/** The first milestone due before the project starts, if any. */
export const milestoneBeforeStart = <M extends { dueOn: string }>(startsOn: string, ms: readonly M[]) =>
  ms.find((m) => m.dueOn < startsOn) ?? null;

export const progressInRange = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
export const ratingInRange = (n: number) => Number.isInteger(n) && n >= RATING_MIN && n <= RATING_MAX;

export interface RatingSummary {
  count: number;
  /** Means in tenths (4.3 → 43), null without ratings: integers, so the web formats them. */
  progressTenths: number | null;
  qualityTenths: number | null;
  /** How many ratings gave each score 1–5 for quality. */
  qualityHistogram: number[];
}

/** The representatives' ratings summed up (means rounded half up to a tenth). */
export function summariseRatings(ratings: readonly { progress: number; quality: number }[]): RatingSummary {
  const n = ratings.length;
  const tenths = (sum: number) => (n === 0 ? null : Math.floor((20 * sum + n) / (2 * n)));
  const histogram = [0, 0, 0, 0, 0];
  for (const r of ratings) histogram[r.quality - 1]++;
  return {
    count: n,
    progressTenths: tenths(ratings.reduce((s, r) => s + r.progress, 0)),
    qualityTenths: tenths(ratings.reduce((s, r) => s + r.quality, 0)),
    qualityHistogram: histogram,
  };
}

/** China Standard Time day of an instant. */
export const cstDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
