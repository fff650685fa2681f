/**
 * Code sign-ins written in groups (signins.writer): one statement records the attendance of many
 * people at once, the other seals their audit rows as a batch (audit.batch). SQL only.
 */
import { auditCtes, auditParams, type SealedAudit } from '../../platform/audit/audit.batch';
import type { Queryable } from '../../platform/db/db';
import type { MeetingState } from './deliberation.labels';

export interface GroupSignIn {
  meetingId: string;
  residentId: string;
  recordedBy: string;
  at: Date;
}

/** What became of one sign-in of a group: recorded, already present (earlier or earlier in the group), or the meeting not open. */
export type GroupVerdict = { kind: 'signed_in' } | { kind: 'already' } | { kind: 'state'; state: MeetingState };

/**
 * Records the group's attendance in one statement: the meetings are share-locked (closing one waits,
 * and a meeting no longer open refuses its sign-ins), the first sign-in of each person is inserted
 * (the primary key makes a repeat, here or earlier, a no-op) and each item learns its verdict.
 */
export async function signInGroup(q: Queryable, items: readonly GroupSignIn[]): Promise<GroupVerdict[]> {
  const input = JSON.stringify(
    items.map((s, n) => ({
      n,
      meeting_id: s.meetingId,
      resident_id: s.residentId,
      recorded_by: s.recordedBy,
      at: s.at.toISOString(),
    })),
  );
  const { rows } = await q.query<{ n: number; state: MeetingState; inserted: boolean }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(n int, meeting_id uuid, resident_id uuid, recorded_by uuid, at timestamptz)),
     m AS MATERIALIZED (
       SELECT id, state FROM meetings WHERE id IN (SELECT meeting_id FROM input) ORDER BY id FOR SHARE),
     firsts AS MATERIALIZED (
       SELECT DISTINCT ON (i.meeting_id, i.resident_id) i.* FROM input i JOIN m ON m.id = i.meeting_id AND m.state = 'open'
        ORDER BY i.meeting_id, i.resident_id, i.n),
     ins AS (
       INSERT INTO meeting_attendance (meeting_id, resident_id, via, proxy_holder_id, recorded_by, signed_at)
       SELECT meeting_id, resident_id, 'code', NULL, recorded_by, at FROM firsts ORDER BY meeting_id, resident_id
       ON CONFLICT DO NOTHING RETURNING meeting_id, resident_id)
     SELECT i.n, m.state,
            EXISTS (SELECT 1 FROM firsts f JOIN ins ON ins.meeting_id = f.meeting_id AND ins.resident_id = f.resident_id
                     WHERE f.n = i.n) AS inserted
       FROM input i JOIN m ON m.id = i.meeting_id
      ORDER BY i.n`,
    [input],
    { name: 'deliberation_sign_in_group' },
  );
  if (rows.length !== items.length) throw new Error(`signInGroup answered ${rows.length} of ${items.length} sign-ins`);
  return rows.map((r) =>
    r.state !== 'open' ? { kind: 'state', state: r.state } : { kind: r.inserted ? 'signed_in' : 'already' },
  );
}

/** Writes a batch of sealed audit rows (nothing else) in one statement. */
export async function insertSealedAudit(q: Queryable, sealed: SealedAudit): Promise<void> {
  await q.query(`WITH ${auditCtes('$1', '$2', '$3')} SELECT ok FROM au_lock`, auditParams(sealed), {
    name: 'deliberation_sign_in_audit',
  });
}
