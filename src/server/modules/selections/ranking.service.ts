/**
 * The ranking from the stored inputs: used when voting closes (revision 1, published for 公示),
 * when an upheld objection removes a nominee (a new revision), and by `cocreate selections
 * recompute`, which checks that the published ranking is exactly what the inputs give.
 */
import type { Database, Queryable } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { fractionText } from './fraction';
import { conflictsOf, nomineesOf, scoresOf } from './nominees.repo';
import { rank } from './ranking.domain';
import { insertRanking, rankingOf, type StoredRank } from './ranking.repo';
import { criteriaOf, getSelection, type SelectionRow } from './selections.repo';
import { tally } from './votes.repo';

/** The ranking the formula gives for the selection's stored inputs now. */
export async function computeRanking(q: Queryable, s: SelectionRow): Promise<StoredRank[]> {
  const [criteria, nominees, scores, conflicts, votes] = await Promise.all([
    criteriaOf(q, s.id),
    nomineesOf(q, s.id),
    scoresOf(q, s.id),
    conflictsOf(q, s.id),
    tally(q, s.id),
  ]);
  return rank({
    quota: s.quota,
    panelWeight: s.panelWeight,
    trimmedMean: s.trimmedMean,
    criteria,
    nominees: nominees
      .filter((n) => n.status === 'eligible')
      .map((n) => ({ id: n.id, nominatedAt: n.createdAt.toISOString() })),
    scores,
    conflicts,
    votes,
  }).map((r) => ({
    position: r.position,
    nomineeId: r.nomineeId,
    panelScore: fractionText(r.panelScore),
    votes: r.votes,
    combined: fractionText(r.combined),
    selected: r.selected,
  }));
}

/** Computes and stores the next revision of the ranking (in the caller's transaction). */
export async function publishRanking(tx: Queryable, s: SelectionRow, now: Date): Promise<StoredRank[]> {
  const rows = await computeRanking(tx, s);
  await insertRanking(tx, s.id, s.rankingRevision + 1, rows, now);
  return rows;
}

export interface RecomputeResult {
  selectionId: string;
  revision: number;
  published: StoredRank[];
  recomputed: StoredRank[];
  equal: boolean;
  differences: string[];
}

/** Recomputes the latest published ranking from the stored inputs and compares it, row by row. */
export async function recomputeRanking(db: Database, id: string): Promise<RecomputeResult> {
  return db.transaction(async (tx) => {
    const s = await getSelection(tx, id);
    if (!s) throw new AppError('not_found', { what: `selection ${id}` });
    const published = await rankingOf(tx, id, s.rankingRevision);
    const recomputed = s.rankingRevision === 0 ? [] : await computeRanking(tx, s);
    const differences: string[] = [];
    const n = Math.max(published.length, recomputed.length);
    for (let i = 0; i < n; i++) {
      const a = JSON.stringify(published[i] ?? null);
      const b = JSON.stringify(recomputed[i] ?? null);
      if (a !== b) differences.push(`position ${i + 1}: published ${a}, recomputed ${b}`);
    }
    return {
      selectionId: id,
      revision: s.rankingRevision,
      published,
      recomputed,
      equal: differences.length === 0,
      differences,
    };
  });
}
