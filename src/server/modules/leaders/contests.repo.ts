/** SQL of 擂台赛 contests (criteria, entrants, judges' scores) and the 宣讲团's talks. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { Criterion } from './leaders.domain';
import type { ContestBody, TalkBody } from './leaders.schema';

export interface ContestRow {
  id: string;
  scopeCode: string;
  title: string;
  heldOn: string;
  entrantKind: 'village' | 'secretary';
  entrants: number;
}

const CONTEST_SELECT = `SELECT c.id, c.scope_code AS "scopeCode", c.title, to_char(c.held_on, 'YYYY-MM-DD') AS "heldOn",
    c.entrant_kind AS "entrantKind", (SELECT count(*)::int FROM leader_contest_entrants e WHERE e.contest_id = c.id) AS entrants
  FROM leader_contests c`;

export async function insertContest(
  q: Queryable,
  c: ContestBody,
  by: string | null,
  at: Date,
  isDemo = false,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_contests (scope_code, title, held_on, entrant_kind, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [c.scopeCode, c.title, c.heldOn, c.entrantKind, by, at, isDemo],
  );
  const id = rows[0].id;
  await q.query(
    `INSERT INTO leader_contest_criteria (contest_id, position, name, min_score, max_score)
     SELECT $1, x.ord, x.name, x.lo, x.hi
       FROM unnest($2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS x (name, lo, hi, ord)`,
    [id, c.criteria.map((k) => k.name), c.criteria.map((k) => k.minScore), c.criteria.map((k) => k.maxScore)],
  );
  await q.query(
    `INSERT INTO leader_contest_entrants (contest_id, name, village_code, person_id)
     SELECT $1, x.name, x.village, x.person FROM unnest($2::text[], $3::text[], $4::uuid[]) AS x (name, village, person)`,
    [
      id,
      c.entrants.map((e) => e.name),
      c.entrants.map((e) => e.villageCode ?? null),
      c.entrants.map((e) => e.personId ?? null),
    ],
  );
  return id;
}

export async function findContest(q: Queryable, id: string): Promise<ContestRow | null> {
  const { rows } = await q.query<ContestRow>(`${CONTEST_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export const contestKey = (c: ContestRow) => [c.heldOn, c.id] as const;

export async function listContests(q: Queryable, scopes: string[], limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [scopes.map((s) => `${s}%`), limit];
  let cursor = '';
  if (after) {
    params.push(after[0], after[1]);
    cursor = ` AND (c.held_on, c.id) < ($3::date, $4::uuid)`;
  }
  const { rows } = await q.query<ContestRow>(
    `${CONTEST_SELECT} WHERE c.scope_code LIKE ANY ($1::text[])${cursor} ORDER BY c.held_on DESC, c.id DESC LIMIT $2 + 1`,
    params,
  );
  return rows;
}

export async function criteriaOf(q: Queryable, contestId: string): Promise<Criterion[]> {
  const { rows } = await q.query<Criterion>(
    `SELECT position, name, min_score AS "minScore", max_score AS "maxScore"
       FROM leader_contest_criteria WHERE contest_id = $1 ORDER BY position`,
    [contestId],
  );
  return rows;
}

export async function entrantsOf(q: Queryable, contestId: string) {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM leader_contest_entrants WHERE contest_id = $1 ORDER BY name, id`,
    [contestId],
  );
  return rows;
}

export async function scoresOf(q: Queryable, contestId: string) {
  const { rows } = await q.query<{ entrantId: string; judgeId: string; position: number; score: number }>(
    `SELECT entrant_id AS "entrantId", judge_id AS "judgeId", position, score
       FROM leader_contest_scores WHERE contest_id = $1`,
    [contestId],
  );
  return rows;
}

/** Writes a judge's sheet; the number of rows written (fewer than the sheet: the judge had scored). */
export async function insertSheet(
  q: Queryable,
  s: { contestId: string; entrantId: string; judgeId: string; lines: { position: number; score: number }[]; at: Date },
): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO leader_contest_scores (entrant_id, judge_id, position, contest_id, score, scored_at)
     SELECT $1, $2, x.position, $3, x.score, $4 FROM unnest($5::int[], $6::int[]) AS x (position, score)
     ON CONFLICT DO NOTHING`,
    [s.entrantId, s.judgeId, s.contestId, s.at, s.lines.map((l) => l.position), s.lines.map((l) => l.score)],
  );
  return rowCount ?? 0;
}

export async function hasScored(q: Queryable, entrantId: string, judgeId: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM leader_contest_scores WHERE entrant_id = $1 AND judge_id = $2 LIMIT 1`,
    [entrantId, judgeId],
  );
  return rows.length > 0;
}

export async function insertTalk(q: Queryable, t: TalkBody, by: string | null, at: Date, isDemo = false) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_talks (scope_code, speaker, topic, place, held_on, audience, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [t.scopeCode, t.speaker, t.topic, t.place, t.heldOn, t.audience, by, at, isDemo],
  );
  return rows[0].id;
}

export interface TalkRow {
  id: string;
  scopeCode: string;
  scopeName: string;
  speaker: string;
  topic: string;
  place: string;
  heldOn: string;
  audience: number;
}
export const talkKey = (t: TalkRow) => [t.heldOn, t.id] as const;

export async function listTalks(q: Queryable, scopes: string[], limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [scopes.map((s) => `${s}%`), limit];
  let cursor = '';
  if (after) {
    params.push(after[0], after[1]);
    cursor = ` AND (t.held_on, t.id) < ($3::date, $4::uuid)`;
  }
  const { rows } = await q.query<TalkRow>(
    `SELECT t.id, t.scope_code AS "scopeCode", d.name AS "scopeName", t.speaker, t.topic, t.place,
            to_char(t.held_on, 'YYYY-MM-DD') AS "heldOn", t.audience
       FROM leader_talks t JOIN divisions d ON d.code = t.scope_code
      WHERE t.scope_code LIKE ANY ($1::text[])${cursor} ORDER BY t.held_on DESC, t.id DESC LIMIT $2 + 1`,
    params,
  );
  return rows;
}
