/**
 * Deliberation's counts for the cockpit (#17), through the place and date indexes (meetings_division,
 * matters_division, disclosures_division).
 */
import type { Queryable } from '../../platform/db/db';
import type { MeetingType } from './deliberation.labels';
import type { Turnout } from './quorum.domain';

/** Meetings under the scope held (closed) that started in [from, to), each with its final turnout. */
export async function meetingsHeld(q: Queryable, pattern: string, from: Date, to: Date) {
  const { rows } = await q.query<Turnout & { meetingType: MeetingType }>(
    `SELECT m.meeting_type AS "meetingType",
            count(ro.resident_id) FILTER (WHERE ro.voting)::int AS members,
            count(a.resident_id) FILTER (WHERE ro.voting)::int AS present,
            count(DISTINCT ro.household_code)::int AS households,
            count(DISTINCT ro.household_code) FILTER (WHERE a.resident_id IS NOT NULL)::int AS "householdsPresent",
            coalesce(sum(ro.area_dm2), 0)::float8 AS "areaDm2",
            coalesce(sum(ro.area_dm2) FILTER (WHERE a.resident_id IS NOT NULL), 0)::float8 AS "areaPresentDm2"
       FROM meetings m
       LEFT JOIN meeting_roster ro ON ro.meeting_id = m.id
       LEFT JOIN meeting_attendance a ON a.meeting_id = ro.meeting_id AND a.resident_id = ro.resident_id
      WHERE m.division_code LIKE $1 AND m.starts_at >= $2 AND m.starts_at < $3 AND m.state = 'closed'
      GROUP BY m.id`,
    [pattern, from, to],
  );
  return rows;
}

export interface MatterCounts {
  started: number;
  completed: number;
}

/** 四议两公开 matters under the scope proposed in [from, to), and those whose result was published in it (completed). */
export async function matterCounts(q: Queryable, pattern: string, from: Date, to: Date): Promise<MatterCounts> {
  const { rows } = await q.query<MatterCounts>(
    `SELECT count(*) FILTER (WHERE m.created_at >= $2)::int AS started,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM matter_steps s WHERE s.matter_id = m.id
                                             AND s.to_state = 'completed' AND s.recorded_at >= $2 AND s.recorded_at < $3))::int AS completed
       FROM matters m WHERE m.division_code LIKE $1 AND m.created_at < $3`,
    [pattern, from, to],
  );
  return rows[0];
}

export interface DisclosureCounts {
  published: number;
  onTime: number;
  late: number;
}

/**
 * 村务公开 under the scope published in [from, to); of the periodic ones (general affairs, finances),
 * those on time — within `months` of the village's previous one of the same category (UTC calendar
 * months, as schedule.domain's addMonths), or its first — and those late.
 */
export async function disclosureCounts(
  q: Queryable,
  pattern: string,
  from: Date,
  to: Date,
  months: { affairs: number; finance: number },
): Promise<DisclosureCounts> {
  const { rows } = await q.query<DisclosureCounts>(
    `WITH d AS (
       SELECT category, published_at,
              lag(published_at) OVER (PARTITION BY division_code, category ORDER BY published_at) AS prev
         FROM disclosures WHERE division_code LIKE $1 AND published_at < $3),
     due AS (
       SELECT category, published_at, prev,
              ((prev AT TIME ZONE 'UTC') + make_interval(months => CASE category WHEN 'affairs' THEN $4::int ELSE $5::int END))
                AT TIME ZONE 'UTC' AS due_at
         FROM d WHERE published_at >= $2)
     SELECT count(*)::int AS published,
            count(*) FILTER (WHERE category IN ('affairs', 'finance') AND (prev IS NULL OR published_at <= due_at))::int AS "onTime",
            count(*) FILTER (WHERE category IN ('affairs', 'finance') AND published_at > due_at)::int AS late
       FROM due`,
    [pattern, from, to, months.affairs, months.finance],
  );
  return rows[0];
}

/** Per child place (code cut to `len`): meetings held (closed) that started in [from, to). */
export async function meetingsByChild(q: Queryable, pattern: string, len: number, from: Date, to: Date) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(m.division_code, $4) AS code, min(d.name) AS name, count(*)::int AS value
       FROM meetings m JOIN divisions d ON d.code = left(m.division_code, $4)
      WHERE m.division_code LIKE $1 AND m.starts_at >= $2 AND m.starts_at < $3 AND m.state = 'closed'
        AND length(m.division_code) >= $4
      GROUP BY 1`,
    [pattern, from, to, len],
  );
  return rows;
}

export async function deliberationPresence(q: Queryable, pattern: string) {
  const { rows } = await q.query<{ meetings: boolean; openness: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM meetings WHERE division_code LIKE $1) AS meetings,
            (EXISTS (SELECT 1 FROM matters WHERE division_code LIKE $1)
             OR EXISTS (SELECT 1 FROM disclosures WHERE division_code LIKE $1)) AS openness`,
    [pattern],
  );
  return rows[0];
}
