/** 四议两公开 matters and their step history. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { MatterState } from './deliberation.labels';
import type { DecisionBody } from './matter.machine';

export interface MatterRow {
  id: string;
  divisionCode: string;
  title: string;
  summary: string;
  decisionBody: DecisionBody;
  state: MatterState;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `id, division_code AS "divisionCode", title, summary, decision_body AS "decisionBody", state,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertMatter(
  q: Queryable,
  m: Omit<MatterRow, 'id' | 'state' | 'createdAt' | 'updatedAt'> & { by: string | null; at: Date; isDemo?: boolean },
): Promise<MatterRow> {
  const { rows } = await q.query<MatterRow>(
    `INSERT INTO matters (division_code, title, summary, decision_body, state, proposed_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $6, $7) RETURNING ${COLS}`,
    [m.divisionCode, m.title, m.summary, m.decisionBody, m.by, m.at, m.isDemo ?? false],
  );
  return rows[0];
}

export async function matterById(q: Queryable, id: string, lock = false): Promise<MatterRow | null> {
  const { rows } = await q.query<MatterRow>(`SELECT ${COLS} FROM matters WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] ?? null;
}

export async function setMatterState(q: Queryable, id: string, state: MatterState, at: Date): Promise<void> {
  await q.query(`UPDATE matters SET state = $2, updated_at = $3 WHERE id = $1`, [id, state, at]);
}

export const matterKey = (m: MatterRow): KeyValue[] => [m.createdAt.toISOString(), m.id];

export async function mattersIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<MatterRow[]> {
  const { rows } = await q.query<MatterRow>(
    `SELECT ${COLS} FROM matters m
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE m.division_code LIKE s || '%')
        AND ($3::timestamptz IS NULL OR (m.created_at, m.id) < ($3::timestamptz, $4::uuid))
      ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

export interface StepRow {
  seq: number;
  event: string;
  outcome: 'proposed' | 'passed' | 'returned' | 'rejected' | 'done';
  fromState: MatterState | null;
  toState: MatterState;
  motionId: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  disclosureId: string | null;
  note: string;
  recordedAt: Date;
}

export async function insertStep(
  q: Queryable,
  s: Omit<StepRow, 'seq' | 'meetingId' | 'meetingTitle'> & { matterId: string; by: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO matter_steps (matter_id, seq, event, outcome, from_state, to_state, motion_id, disclosure_id, note, recorded_by, recorded_at)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM matter_steps WHERE matter_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [s.matterId, s.event, s.outcome, s.fromState, s.toState, s.motionId, s.disclosureId, s.note, s.by, s.recordedAt],
  );
}

export async function stepsOf(q: Queryable, matterId: string): Promise<StepRow[]> {
  const { rows } = await q.query<StepRow>(
    `SELECT s.seq, s.event, s.outcome, s.from_state AS "fromState", s.to_state AS "toState", s.motion_id AS "motionId",
            mo.meeting_id AS "meetingId", me.title AS "meetingTitle", s.disclosure_id AS "disclosureId", s.note,
            s.recorded_at AS "recordedAt"
       FROM matter_steps s LEFT JOIN motions mo ON mo.id = s.motion_id LEFT JOIN meetings me ON me.id = mo.meeting_id
      WHERE s.matter_id = $1 ORDER BY s.seq`,
    [matterId],
  );
  return rows;
}

export async function motionUsed(q: Queryable, motionId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM matter_steps WHERE motion_id = $1`, [motionId]);
  return rows.length > 0;
}
