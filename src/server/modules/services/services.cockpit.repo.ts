/**
 * The services module's counts for the cockpit (#17): one read per period, each through the place
 * and date indexes (service_activities_place, errands_place); counts only.
 */
import type { Queryable } from '../../platform/db/db';

export interface ActivityCounts {
  held: number;
  hours: number;
  people: number;
}

/** Activities held (published, starting in [from, to)) under the scope, hours confirmed on them, people credited. */
export async function activityCounts(q: Queryable, pattern: string, from: Date, to: Date): Promise<ActivityCounts> {
  const { rows } = await q.query<ActivityCounts>(
    `WITH held AS (
       SELECT id FROM service_activities
        WHERE division_code LIKE $1 AND starts_at >= $2 AND starts_at < $3 AND state = 'published')
     SELECT (SELECT count(*) FROM held)::int AS held,
            coalesce(sum(s.hours), 0)::float8 AS hours,
            count(DISTINCT s.user_id)::int AS people
       FROM service_signups s
      WHERE s.activity_id IN (SELECT id FROM held) AND s.confirmed_at IS NOT NULL`,
    [pattern, from, to],
  );
  return rows[0];
}

/** Per child place (`code` cut to `len`): hours confirmed on the activities held in [from, to). */
export async function hoursByChild(q: Queryable, pattern: string, len: number, from: Date, to: Date) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(a.division_code, $4) AS code, min(d.name) AS name, coalesce(sum(s.hours), 0)::float8 AS value
       FROM service_activities a
       JOIN divisions d ON d.code = left(a.division_code, $4)
       LEFT JOIN service_signups s ON s.activity_id = a.id AND s.confirmed_at IS NOT NULL
      WHERE a.division_code LIKE $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND a.state = 'published'
        AND length(a.division_code) >= $4
      GROUP BY 1`,
    [pattern, from, to, len],
  );
  return rows;
}

export interface ErrandCounts {
  asked: number;
  done: number;
  onTime: number;
  rated: number;
  satisfied: number;
  banners: number;
  praises: number;
}

/** Errands asked, done (on time: by their due time), rated (4–5 stars: satisfied) and thanked in [from, to). */
export async function errandCounts(q: Queryable, pattern: string, from: Date, to: Date): Promise<ErrandCounts> {
  const { rows } = await q.query<ErrandCounts>(
    `SELECT count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS asked,
            count(*) FILTER (WHERE state = 'done' AND finished_at >= $2 AND finished_at < $3)::int AS done,
            count(*) FILTER (WHERE state = 'done' AND finished_at >= $2 AND finished_at < $3
                               AND finished_at <= due_at)::int AS "onTime",
            count(*) FILTER (WHERE rated_at >= $2 AND rated_at < $3)::int AS rated,
            count(*) FILTER (WHERE rated_at >= $2 AND rated_at < $3 AND rating >= 4)::int AS satisfied,
            count(*) FILTER (WHERE thanked_at >= $2 AND thanked_at < $3 AND thanks = 'banner')::int AS banners,
            count(*) FILTER (WHERE thanked_at >= $2 AND thanked_at < $3 AND thanks = 'praise')::int AS praises
       FROM errands
      WHERE division_code LIKE $1 AND created_at < $3`,
    [pattern, from, to],
  );
  return rows[0];
}

/** Per child place: errands done in [from, to). */
export async function errandsDoneByChild(q: Queryable, pattern: string, len: number, from: Date, to: Date) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(e.division_code, $4) AS code, min(d.name) AS name, count(*)::int AS value
       FROM errands e JOIN divisions d ON d.code = left(e.division_code, $4)
      WHERE e.division_code LIKE $1 AND e.state = 'done' AND e.finished_at >= $2 AND e.finished_at < $3
        AND length(e.division_code) >= $4
      GROUP BY 1`,
    [pattern, from, to, len],
  );
  return rows;
}

export interface PartnerCounts {
  units: number;
  cadres: number;
}

/** Partner units with a cadre reporting under the scope, and those cadres, as of the period's last day (YYYY-MM-DD). */
export async function partnerCounts(q: Queryable, pattern: string, lastDay: string): Promise<PartnerCounts> {
  const { rows } = await q.query<PartnerCounts>(
    `SELECT count(DISTINCT unit_id)::int AS units, count(*)::int AS cadres
       FROM service_cadres WHERE community_code LIKE $1 AND since <= $2::date`,
    [pattern, lastDay],
  );
  return rows[0];
}

/** 一社一品: the villages and communities under the scope with their signature service (a state: no history). */
export async function signatureCount(q: Queryable, pattern: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM signature_services WHERE division_code LIKE $1`,
    [pattern],
  );
  return rows[0].n;
}

/** Whether the scope has any activity, errand, cadre or signature service at all (else 尚无数据). */
export async function servicesPresence(q: Queryable, pattern: string) {
  const { rows } = await q.query<{ activities: boolean; errands: boolean; partners: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM service_activities WHERE division_code LIKE $1) AS activities,
            EXISTS (SELECT 1 FROM errands WHERE division_code LIKE $1) AS errands,
            (EXISTS (SELECT 1 FROM service_cadres WHERE community_code LIKE $1)
             OR EXISTS (SELECT 1 FROM signature_services WHERE division_code LIKE $1)) AS partners`,
    [pattern],
  );
  return rows[0];
}
