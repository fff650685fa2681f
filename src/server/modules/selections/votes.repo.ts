/**
 * SQL of the public vote. One row per verified resident and selection (the primary key is the
 * database's guarantee of one vote each); every cast, change, paper entry and confirmation is also
 * appended to selection_vote_events, the vote's audit trail.
 */
import type { Queryable } from '../../platform/db/db';

export interface OnlineVote {
  selectionId: string;
  userId: string;
  nomineeId: string;
  ip: string | null;
  device: string | null;
  at: Date;
}

/**
 * What became of one online vote of a group: 'cast' or 'change' (written), 'superseded' (a later
 * vote of the same person in the same group was written instead), or why it was refused (the
 * service then names the rule): 'not_found', 'not_a_voter', 'window', 'nominee', 'paper'.
 */
export type VoteVerdict =
  | 'cast'
  | 'change'
  | 'superseded'
  | 'not_found'
  | 'not_a_voter'
  | 'window'
  | 'nominee'
  | 'paper';

/**
 * Casts or changes a group of online votes in ONE statement (group commit on the vote path). Each
 * vote is checked in the statement against the selection (read FOR SHARE: closing the vote waits
 * for the statements in flight, and later ones see it closed), the voter's register person (of the
 * area) and the nominee; the accepted ones are upserted on (selection, person) — the primary key
 * that makes it one vote each — in person order (no deadlock between groups), each with its event.
 */
export async function castOnlineGroup(q: Queryable, votes: readonly OnlineVote[]): Promise<VoteVerdict[]> {
  const input = JSON.stringify(
    votes.map((v, n) => ({
      n,
      selection_id: v.selectionId,
      user_id: v.userId,
      nominee_id: v.nomineeId,
      ip: v.ip,
      device: v.device,
      at: v.at.toISOString(),
    })),
  );
  const { rows } = await q.query<{ n: number; verdict: VoteVerdict }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(n int, selection_id uuid, user_id uuid, nominee_id uuid, ip text, device text, at timestamptz)),
     s AS MATERIALIZED (
       SELECT id, division_code, phase, voting_starts_at, voting_ends_at, voting_closed_at FROM selections
        WHERE id IN (SELECT selection_id FROM input) FOR SHARE),
     checked AS MATERIALIZED (
       SELECT i.*, p.resident_id, p.household_code,
              CASE WHEN s.id IS NULL THEN 'not_found'
                   WHEN p.resident_id IS NULL OR p.household_code NOT LIKE s.division_code || '%' THEN 'not_a_voter'
                   WHEN s.phase <> 'voting' OR s.voting_closed_at IS NOT NULL OR i.at >= s.voting_ends_at OR i.at < s.voting_starts_at THEN 'window'
                   WHEN nm.id IS NULL OR nm.status <> 'eligible' THEN 'nominee'
                   ELSE 'ok' END AS verdict
         FROM input i
         LEFT JOIN s ON s.id = i.selection_id
         LEFT JOIN LATERAL (
           SELECT r.id AS resident_id, r.household_code FROM users u
             JOIN residents r ON r.id = coalesce(u.resident_id,
                  (SELECT x.id FROM residents x WHERE x.phone_index = u.phone_index ORDER BY x.id LIMIT 1))
            WHERE u.id = i.user_id AND u.disabled_at IS NULL) p ON true
         LEFT JOIN selection_nominees nm ON nm.id = i.nominee_id AND nm.selection_id = i.selection_id),
     latest AS MATERIALIZED (
       SELECT DISTINCT ON (selection_id, resident_id) * FROM checked WHERE verdict = 'ok' ORDER BY selection_id, resident_id, n DESC),
     v AS (
       INSERT INTO selection_votes AS sv (selection_id, voter_resident_id, nominee_id, village_code, channel, user_id, cast_at)
       SELECT selection_id, resident_id, nominee_id, left(household_code, 12), 'online', user_id, at FROM latest
        ORDER BY selection_id, resident_id
       ON CONFLICT (selection_id, voter_resident_id) DO UPDATE
         SET nominee_id = EXCLUDED.nominee_id, user_id = EXCLUDED.user_id, cast_at = EXCLUDED.cast_at, changes = sv.changes + 1
       WHERE sv.channel = 'online'
       RETURNING selection_id, voter_resident_id, changes),
     e AS (
       INSERT INTO selection_vote_events (selection_id, voter_resident_id, nominee_id, kind, user_id, ip, device, at)
       SELECT l.selection_id, l.resident_id, l.nominee_id, CASE WHEN v.changes = 0 THEN 'cast' ELSE 'change' END, l.user_id, l.ip, l.device, l.at
         FROM latest l JOIN v ON v.selection_id = l.selection_id AND v.voter_resident_id = l.resident_id)
     SELECT c.n, CASE WHEN c.verdict <> 'ok' THEN c.verdict
                      WHEN NOT EXISTS (SELECT 1 FROM latest l WHERE l.n = c.n) THEN 'superseded'
                      WHEN v.changes IS NULL THEN 'paper'
                      WHEN v.changes = 0 THEN 'cast' ELSE 'change' END AS verdict
       FROM checked c LEFT JOIN v ON v.selection_id = c.selection_id AND v.voter_resident_id = c.resident_id
      ORDER BY c.n`,
    [input],
    { name: 'selections_cast_online_group' },
  );
  return rows.map((r) => r.verdict);
}

/** Enters a paper vote (counted once a second person confirms it); false when the person has a vote already. */
export async function enterPaper(
  q: Queryable,
  v: { selectionId: string; residentId: string; nomineeId: string; villageCode: string; enteredBy: string; now: Date },
): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>(
    `WITH v AS (
       INSERT INTO selection_votes (selection_id, voter_resident_id, nominee_id, village_code, channel, entered_by, cast_at)
       VALUES ($1, $2, $3, $4, 'paper', $5, $6) ON CONFLICT DO NOTHING RETURNING 1),
     e AS (
       INSERT INTO selection_vote_events (selection_id, voter_resident_id, nominee_id, kind, user_id, at)
       SELECT $1, $2, $3, 'paper_entered', $5, $6 FROM v)
     SELECT EXISTS (SELECT 1 FROM v) AS ok`,
    [v.selectionId, v.residentId, v.nomineeId, v.villageCode, v.enteredBy, v.now.toISOString()],
  );
  return rows[0].ok;
}

export interface PaperVote {
  residentId: string;
  voterName: string;
  nomineeId: string;
  nomineeName: string;
  villageCode: string;
  enteredBy: string;
  enteredByName: string;
  confirmedBy: string | null;
  castAt: Date;
}

export async function paperVotes(q: Queryable, selectionId: string, residentId?: string): Promise<PaperVote[]> {
  const { rows } = await q.query<PaperVote>(
    `SELECT v.voter_resident_id AS "residentId", r.name AS "voterName", v.nominee_id AS "nomineeId", n.name AS "nomineeName",
            v.village_code AS "villageCode", v.entered_by AS "enteredBy", u.display_name AS "enteredByName",
            v.confirmed_by AS "confirmedBy", v.cast_at AS "castAt"
       FROM selection_votes v JOIN residents r ON r.id = v.voter_resident_id JOIN selection_nominees n ON n.id = v.nominee_id
       JOIN users u ON u.id = v.entered_by
      WHERE v.selection_id = $1 AND v.channel = 'paper' AND ($2::uuid IS NULL OR v.voter_resident_id = $2)
      ORDER BY v.cast_at, v.voter_resident_id LIMIT 1000`,
    [selectionId, residentId ?? null],
  );
  return rows;
}

export async function confirmPaper(
  q: Queryable,
  selectionId: string,
  residentId: string,
  by: string,
  now: Date,
): Promise<void> {
  await q.query(
    `WITH v AS (UPDATE selection_votes SET confirmed_by = $3 WHERE selection_id = $1 AND voter_resident_id = $2 RETURNING nominee_id)
     INSERT INTO selection_vote_events (selection_id, voter_resident_id, nominee_id, kind, user_id, at)
     SELECT $1, $2, nominee_id, 'paper_confirmed', $3, $4 FROM v`,
    [selectionId, residentId, by, now.toISOString()],
  );
}

/** The person's own vote (their nominee), if any. */
export async function voteOf(
  q: Queryable,
  selectionId: string,
  residentId: string,
): Promise<{ nomineeId: string; channel: 'online' | 'paper'; castAt: Date } | null> {
  const { rows } = await q.query<{ nomineeId: string; channel: 'online' | 'paper'; castAt: Date }>(
    `SELECT nominee_id AS "nomineeId", channel, cast_at AS "castAt" FROM selection_votes WHERE selection_id = $1 AND voter_resident_id = $2`,
    [selectionId, residentId],
  );
  return rows[0] ?? null;
}

/** Counted votes (online, and paper confirmed by a second person) per nominee. */
export async function tally(q: Queryable, selectionId: string): Promise<Map<string, number>> {
  const { rows } = await q.query<{ nomineeId: string; n: number }>(
    `SELECT nominee_id AS "nomineeId", count(*)::int AS n FROM selection_votes
      WHERE selection_id = $1 AND (channel = 'online' OR confirmed_by IS NOT NULL) GROUP BY nominee_id`,
    [selectionId],
  );
  return new Map(rows.map((r) => [r.nomineeId, r.n]));
}

/** Counted votes per village and nominee (results by village). */
export async function tallyByVillage(
  q: Queryable,
  selectionId: string,
): Promise<{ villageCode: string; villageName: string; nomineeId: string; votes: number }[]> {
  const { rows } = await q.query<{ villageCode: string; villageName: string; nomineeId: string; votes: number }>(
    `SELECT v.village_code AS "villageCode", coalesce(d.name, v.village_code) AS "villageName", v.nominee_id AS "nomineeId", count(*)::int AS votes
       FROM selection_votes v LEFT JOIN divisions d ON d.code = v.village_code
      WHERE v.selection_id = $1 AND (v.channel = 'online' OR v.confirmed_by IS NOT NULL)
      GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    [selectionId],
  );
  return rows;
}

/** Votes cast so far (the turnout, shown before close without saying for whom). */
export async function turnout(q: Queryable, selectionId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM selection_votes WHERE selection_id = $1',
    [selectionId],
  );
  return rows[0].n;
}

export interface VoteSign {
  by: 'ip' | 'device';
  value: string;
  votes: number;
  from: Date;
  to: Date;
}

/**
 * Vote-buying signs: addresses and devices from which at least `threshold` votes (casts and
 * changes) came within any `windowMinutes` — the densest window of each, most votes first.
 */
export async function voteSigns(
  q: Queryable,
  selectionId: string,
  threshold: number,
  windowMinutes: number,
): Promise<VoteSign[]> {
  const { rows } = await q.query<VoteSign>(
    `WITH e AS (
       SELECT 'ip' AS by, ip AS value, at FROM selection_vote_events WHERE selection_id = $1 AND ip IS NOT NULL AND kind IN ('cast', 'change')
       UNION ALL
       SELECT 'device', device, at FROM selection_vote_events WHERE selection_id = $1 AND device IS NOT NULL AND kind IN ('cast', 'change')),
     w AS (
       SELECT by, value, at, count(*) OVER (PARTITION BY by, value ORDER BY at RANGE BETWEEN make_interval(mins => $3) PRECEDING AND CURRENT ROW) AS n
         FROM e),
     best AS (SELECT DISTINCT ON (by, value) by, value, n, at FROM w WHERE n >= $2 ORDER BY by, value, n DESC, at)
     SELECT by, value, n::int AS votes, at - make_interval(mins => $3) AS "from", at AS "to" FROM best ORDER BY n DESC, by, value LIMIT 200`,
    [selectionId, threshold, windowMinutes],
  );
  return rows;
}
