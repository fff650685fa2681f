/** Motions (议题) and their tallies, with the turnout kept from the moment the tally was entered. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { MotionKind, MotionState, VoteMethod } from './deliberation.labels';
import type { Tally, Turnout } from './quorum.domain';

export interface MotionRow {
  id: string;
  meetingId: string;
  seq: number;
  title: string;
  kind: MotionKind;
  method: VoteMethod;
  state: MotionState;
  tally: Tally | null;
  turnout: Turnout | null;
  passed: boolean | null;
  enteredBy: string | null;
  enteredAt: Date | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
}

interface Raw extends Omit<MotionRow, 'tally'> {
  yes: number | null;
  no: number | null;
  abstain: number | null;
  yesArea: number | null;
  noArea: number | null;
  abstainArea: number | null;
}

const COLS = `id, meeting_id AS "meetingId", seq, title, kind, method, state, yes, no, abstain, yes_area AS "yesArea",
  no_area AS "noArea", abstain_area AS "abstainArea", turnout, passed, entered_by AS "enteredBy", entered_at AS "enteredAt",
  confirmed_by AS "confirmedBy", confirmed_at AS "confirmedAt"`;

function toMotion({ yes, no, abstain, yesArea, noArea, abstainArea, ...m }: Raw): MotionRow {
  const tally: Tally | null =
    yes === null || no === null || abstain === null
      ? null
      : {
          yes,
          no,
          abstain,
          ...(yesArea !== null
            ? { yesAreaDm2: yesArea, noAreaDm2: noArea ?? 0, abstainAreaDm2: abstainArea ?? 0 }
            : {}),
        };
  return { ...m, tally };
}

export async function insertMotion(
  q: Queryable,
  m: { meetingId: string; title: string; kind: MotionKind; method: VoteMethod },
): Promise<MotionRow> {
  const { rows } = await q.query<Raw>(
    `INSERT INTO motions (meeting_id, seq, title, kind, method, state)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM motions WHERE meeting_id = $1), $2, $3, $4, 'open') RETURNING ${COLS}`,
    [m.meetingId, m.title, m.kind, m.method],
  );
  return toMotion(rows[0]);
}

export async function motionById(q: Queryable, id: string, lock = false): Promise<MotionRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${COLS} FROM motions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toMotion(rows[0]) : null;
}

export async function motionsOf(q: Queryable, meetingId: string): Promise<MotionRow[]> {
  const { rows } = await q.query<Raw>(`SELECT ${COLS} FROM motions WHERE meeting_id = $1 ORDER BY seq`, [meetingId]);
  return rows.map(toMotion);
}

/** Records the tally (entered; or decided at once for a show of hands) with the turnout it was counted against. */
export async function recordTally(
  q: Queryable,
  id: string,
  t: { tally: Tally; turnout: Turnout; state: MotionState; passed: boolean | null; by: string; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE motions SET yes = $2, no = $3, abstain = $4, yes_area = $5, no_area = $6, abstain_area = $7, turnout = $8,
       state = $9, passed = $10, entered_by = $11, entered_at = $12 WHERE id = $1`,
    [
      id,
      t.tally.yes,
      t.tally.no,
      t.tally.abstain,
      t.tally.yesAreaDm2 ?? null,
      t.tally.noAreaDm2 ?? null,
      t.tally.abstainAreaDm2 ?? null,
      JSON.stringify(t.turnout),
      t.state,
      t.passed,
      t.by,
      t.at,
    ],
  );
}

export async function confirmTally(q: Queryable, id: string, passed: boolean, by: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE motions SET state = 'decided', passed = $2, confirmed_by = $3, confirmed_at = $4 WHERE id = $1`,
    [id, passed, by, at],
  );
}
