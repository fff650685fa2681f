/** What the cases demo (cases.demo.ts) reads: the demo's people and homes, and whether it ran. */
import type { Queryable } from '../../platform/db/db';

export async function demoUserIds(q: Queryable, usernames: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; username: string }>(
    'SELECT id, username FROM users WHERE username = ANY($1) AND is_demo',
    [usernames],
  );
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** The first households of a village that have a point on the map (a report placed at home needs one). */
export async function placedHouseholds(q: Queryable, village: string, n: number): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT code FROM households WHERE grid_code LIKE $1 || '%' AND lng IS NOT NULL ORDER BY code LIMIT $2`,
    [village, n],
  );
  return rows.map((r) => r.code);
}

export async function reportsBy(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE reporter_id = $1', [
    userId,
  ]);
  return rows[0].n;
}

/** The village's first grid and the mean of its outline's corners (a point inside a simple grid). */
export async function firstGridPoint(
  q: Queryable,
  village: string,
): Promise<{ grid: string; point: [number, number] } | null> {
  const { rows } = await q.query<{ grid_code: string; polygon: { coordinates: number[][][] } }>(
    `SELECT grid_code, polygon FROM grid_areas WHERE grid_code LIKE $1 || '%' ORDER BY grid_code LIMIT 1`,
    [village],
  );
  if (!rows[0]) return null;
  const ring = rows[0].polygon.coordinates[0].slice(0, -1);
  const mean = (i: number) => ring.reduce((a, p) => a + p[i], 0) / ring.length;
  return { grid: rows[0].grid_code, point: [mean(0), mean(1)] };
}
