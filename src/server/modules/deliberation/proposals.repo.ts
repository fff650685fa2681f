/** 共谋 proposals, their supports (one per resident record) and comments. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';

export type ProposalSource = 'resident' | 'party_member' | 'branch' | 'committee';
export type ProposalState = 'open' | 'answered' | 'adopted' | 'declined';

export interface ProposalRow {
  id: string;
  divisionCode: string;
  source: ProposalSource;
  title: string;
  body: string;
  state: ProposalState;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  supports: number;
}

const COLS = `p.id, p.division_code AS "divisionCode", p.source, p.title, p.body, p.state, p.answer,
  p.answered_at AS "answeredAt", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id) AS supports`;

export async function insertProposal(
  q: Queryable,
  p: { divisionCode: string; source: ProposalSource; title: string; body: string; authorId: string; at: Date },
): Promise<ProposalRow> {
  const { rows } = await q.query<ProposalRow>(
    `INSERT INTO proposals AS p (division_code, source, title, body, author_id, state, created_at)
     VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING ${COLS}`,
    [p.divisionCode, p.source, p.title, p.body, p.authorId, p.at],
  );
  return rows[0];
}

export async function proposalById(q: Queryable, id: string, lock = false): Promise<ProposalRow | null> {
  const { rows } = await q.query<ProposalRow>(
    `SELECT ${COLS} FROM proposals p WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export const proposalKey = (p: ProposalRow): KeyValue[] => [p.createdAt.toISOString(), p.id];

export async function proposalsIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<ProposalRow[]> {
  const { rows } = await q.query<ProposalRow>(
    `SELECT ${COLS} FROM proposals p
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE p.division_code LIKE s || '%')
        AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3::timestamptz, $4::uuid))
      ORDER BY p.created_at DESC, p.id DESC LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

/** Adds a support; false when this resident record already supports it. */
export async function support(
  q: Queryable,
  id: string,
  residentId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO proposal_supports (proposal_id, resident_id, user_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [id, residentId, userId, at],
  );
  return (rowCount ?? 0) > 0;
}

/** Supporters who are adults of the village, and those among them who are its representatives. */
export async function supportFigures(
  q: Queryable,
  id: string,
  village: string,
): Promise<{ adultSupporters: number; adults: number; representativeSupporters: number; representatives: number }> {
  const { rows } = await q.query<{
    adultSupporters: number;
    adults: number;
    representativeSupporters: number;
    representatives: number;
  }>(
    `SELECT (SELECT count(*)::int FROM proposal_supports s JOIN residents r ON r.id = s.resident_id
              WHERE s.proposal_id = $1 AND r.birth_date <= current_date - interval '18 years') AS "adultSupporters",
            (SELECT count(*)::int FROM residents r WHERE r.household_code LIKE $2::text || '%'
              AND r.birth_date <= current_date - interval '18 years') AS adults,
            (SELECT count(*)::int FROM proposal_supports s JOIN body_members b ON b.resident_id = s.resident_id
              AND b.village_code = $2 AND b.body = 'representatives' WHERE s.proposal_id = $1) AS "representativeSupporters",
            (SELECT count(*)::int FROM body_members b WHERE b.village_code = $2 AND b.body = 'representatives') AS representatives`,
    [id, village],
  );
  return rows[0];
}

export interface CommentRow {
  id: string;
  author: string;
  body: string;
  createdAt: Date;
}

export async function insertComment(
  q: Queryable,
  c: { proposalId: string; userId: string; author: string; body: string; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO proposal_comments (proposal_id, user_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [c.proposalId, c.userId, c.author, c.body, c.at],
  );
}

export async function commentsOf(q: Queryable, id: string): Promise<CommentRow[]> {
  const { rows } = await q.query<CommentRow>(
    `SELECT id, author, body, created_at AS "createdAt" FROM proposal_comments WHERE proposal_id = $1 ORDER BY created_at, id LIMIT 500`,
    [id],
  );
  return rows;
}

export async function answer(
  q: Queryable,
  id: string,
  a: { state: ProposalState; answer: string; by: string; at: Date },
): Promise<void> {
  await q.query(`UPDATE proposals SET state = $2, answer = $3, answered_by = $4, answered_at = $5 WHERE id = $1`, [
    id,
    a.state,
    a.answer,
    a.by,
    a.at,
  ]);
}
