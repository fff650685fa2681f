/** The beehive's counts for the cockpit (#17): stations by place (beehive_stations_division), check-ins by day (counts only). */
import type { Queryable } from '../../platform/db/db';

export interface StationCounts {
  beehives: number;
  otherStations: number;
  checkins: number;
  workers: number;
}

/**
 * Under the scope: red beehive stations and other service points set up before `to`, check-ins on
 * the days [firstDay, lastDay] (CST days), new-employment workers registered at its stations before `to`.
 */
export async function stationCounts(
  q: Queryable,
  pattern: string,
  to: Date,
  firstDay: string,
  lastDay: string,
): Promise<StationCounts> {
  const { rows } = await q.query<StationCounts>(
    `WITH s AS (SELECT id, kind, created_at FROM beehive_stations WHERE division_code LIKE $1)
     SELECT (SELECT count(*) FROM s WHERE kind = 'beehive' AND created_at < $2)::int AS beehives,
            (SELECT count(*) FROM s WHERE kind <> 'beehive' AND created_at < $2)::int AS "otherStations",
            (SELECT coalesce(sum(c.count), 0) FROM beehive_checkins c JOIN s ON s.id = c.station_id
              WHERE c.day BETWEEN $3::date AND $4::date)::int AS checkins,
            (SELECT count(*) FROM beehive_workers w JOIN s ON s.id = w.station_id WHERE w.created_at < $2)::int AS workers`,
    [pattern, to, firstDay, lastDay],
  );
  return rows[0];
}

/** Per child place (code cut to `len`): check-ins on the days [firstDay, lastDay]. */
export async function checkinsByChild(q: Queryable, pattern: string, len: number, firstDay: string, lastDay: string) {
  const { rows } = await q.query<{ code: string; name: string; value: number }>(
    `SELECT left(s.division_code, $2) AS code, min(d.name) AS name, coalesce(sum(c.count), 0)::int AS value
       FROM beehive_stations s
       JOIN divisions d ON d.code = left(s.division_code, $2)
       JOIN beehive_checkins c ON c.station_id = s.id AND c.day BETWEEN $3::date AND $4::date
      WHERE s.division_code LIKE $1 AND length(s.division_code) >= $2
      GROUP BY 1`,
    [pattern, len, firstDay, lastDay],
  );
  return rows;
}

export async function anyStation(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM beehive_stations WHERE division_code LIKE $1 LIMIT 1`, [pattern]);
  return rows.length > 0;
}
