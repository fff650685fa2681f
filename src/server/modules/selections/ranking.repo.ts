/** SQL of published rankings and objections (公示). */
import type { Queryable } from '../../platform/db/db';
import type { ObjectionOutcome } from './selections.labels';

export interface StoredRank {
  position: number;
  nomineeId: string;
  panelScore: string;
  votes: number;
  combined: string;
  selected: boolean;
}

export async function insertRanking(
  q: Queryable,
  selectionId: string,
  revision: number,
  rows: readonly StoredRank[],
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO selection_rankings (selection_id, revision, position, nominee_id, panel_score, votes, combined, selected, published_at)
     SELECT $1, $2, * , $9 FROM unnest($3::int[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::boolean[])`,
    [
      selectionId,
      revision,
      rows.map((r) => r.position),
      rows.map((r) => r.nomineeId),
      rows.map((r) => r.panelScore),
      rows.map((r) => r.votes),
      rows.map((r) => r.combined),
      rows.map((r) => r.selected),
      now.toISOString(),
    ],
  );
  await q.query('UPDATE selections SET ranking_revision = $2 WHERE id = $1', [selectionId, revision]);
}

/** The ranking as published (the latest revision, or a given one). */
export async function rankingOf(q: Queryable, selectionId: string, revision: number): Promise<StoredRank[]> {
  const { rows } = await q.query<StoredRank>(
    `SELECT position, nominee_id AS "nomineeId", panel_score AS "panelScore", votes, combined, selected
       FROM selection_rankings WHERE selection_id = $1 AND revision = $2 ORDER BY position`,
    [selectionId, revision],
  );
  return rows;
}

export interface ObjectionRow {
  id: string;
  selectionId: string;
  nomineeId: string | null;
  nomineeName: string | null;
  userId: string;
  reason: string;
  createdAt: Date;
  outcome: ObjectionOutcome | null;
  answer: string | null;
  answeredAt: Date | null;
}

const OBJECTION = `o.id, o.selection_id AS "selectionId", o.nominee_id AS "nomineeId", n.name AS "nomineeName", o.user_id AS "userId",
  o.reason, o.created_at AS "createdAt", o.outcome, o.answer, o.answered_at AS "answeredAt"`;

export async function insertObjection(
  q: Queryable,
  o: { selectionId: string; nomineeId: string | null; userId: string; reason: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO selection_objections (selection_id, nominee_id, user_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [o.selectionId, o.nomineeId, o.userId, o.reason, o.now.toISOString()],
  );
  return rows[0].id;
}

export async function getObjection(q: Queryable, id: string, lock = false): Promise<ObjectionRow | null> {
  const { rows } = await q.query<ObjectionRow>(
    `SELECT ${OBJECTION} FROM selection_objections o LEFT JOIN selection_nominees n ON n.id = o.nominee_id WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Objections of a selection, newest first (all, or only one person's). */
export async function objectionsOf(q: Queryable, selectionId: string, userId?: string): Promise<ObjectionRow[]> {
  const { rows } = await q.query<ObjectionRow>(
    `SELECT ${OBJECTION} FROM selection_objections o LEFT JOIN selection_nominees n ON n.id = o.nominee_id
      WHERE o.selection_id = $1 AND ($2::uuid IS NULL OR o.user_id = $2) ORDER BY o.created_at DESC, o.id LIMIT 500`,
    [selectionId, userId ?? null],
  );
  return rows;
}

export async function answerObjection(
  q: Queryable,
  id: string,
  a: { outcome: ObjectionOutcome; answer: string; by: string; now: Date },
): Promise<void> {
  await q.query(
    'UPDATE selection_objections SET outcome = $2, answer = $3, answered_by = $4, answered_at = $5 WHERE id = $1',
    [id, a.outcome, a.answer, a.by, a.now.toISOString()],
  );
}
