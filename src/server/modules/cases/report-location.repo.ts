/** Registered places a report may be located at (我家): households with a point, from the household, its building or its grid. */
import type { Queryable } from '../../platform/db/db';

export interface RegisteredPlace {
  householdCode: string;
  address: string;
  gridCode: string;
  gridName: string;
  /** the household's point, else its building's, else the centre of its grid's box; null when none is known */
  point: [number, number] | null;
}

const SELECT = `
  SELECT h.code, h.address, h.grid_code, d.name AS grid_name,
         COALESCE(h.lng, b.lng, (ga.min_lng + ga.max_lng) / 2) AS lng, COALESCE(h.lat, b.lat, (ga.min_lat + ga.max_lat) / 2) AS lat
    FROM households h
    JOIN divisions d ON d.code = h.grid_code
    LEFT JOIN buildings b ON b.code = h.building_code
    LEFT JOIN grid_areas ga ON ga.grid_code = h.grid_code`;

type Row = {
  code: string;
  address: string;
  grid_code: string;
  grid_name: string;
  lng: number | null;
  lat: number | null;
};
const toPlace = (r: Row): RegisteredPlace => ({
  householdCode: r.code,
  address: r.address,
  gridCode: r.grid_code,
  gridName: r.grid_name,
  point: r.lng !== null && r.lat !== null ? [Number(r.lng), Number(r.lat)] : null,
});

/** The households a resident account belongs to (matched by the phone it signed in with), as in the app's 我的家. */
export async function householdsOfUser(q: Queryable, userId: string): Promise<RegisteredPlace[]> {
  const { rows } = await q.query<Row>(
    `${SELECT} WHERE h.code IN (SELECT r.household_code FROM residents r JOIN users u ON u.phone_index = r.phone_index WHERE u.id = $1) ORDER BY h.code`,
    [userId],
  );
  return rows.map(toPlace);
}

export async function householdPlace(q: Queryable, code: string): Promise<RegisteredPlace | null> {
  const { rows } = await q.query<Row>(`${SELECT} WHERE h.code = $1`, [code]);
  return rows[0] ? toPlace(rows[0]) : null;
}

/**
 * The located building of a grid nearest a point, with its compound (小区) or villager group, and the
 * straight-line distance in metres (equirectangular: exact enough within a grid).
 */
export async function nearestBuilding(
  q: Queryable,
  gridCode: string,
  [x, y]: [number, number],
): Promise<{ name: string; compound: string | null; metres: number } | null> {
  const k = Math.cos((y * Math.PI) / 180);
  const { rows } = await q.query<{ name: string; compound: string | null; lng: number; lat: number }>(
    `SELECT b.name, c.name AS compound, b.lng, b.lat FROM buildings b LEFT JOIN compounds c ON c.code = b.compound_code
      WHERE b.grid_code = $1 AND b.lng IS NOT NULL AND b.lat IS NOT NULL
      ORDER BY power((b.lng - $2) * $4, 2) + power(b.lat - $3, 2), b.code LIMIT 1`,
    [gridCode, x, y, k],
  );
  const b = rows[0];
  if (!b) return null;
  const metres = Math.hypot((Number(b.lng) - x) * k, Number(b.lat) - y) * 111_195;
  return { name: b.name, compound: b.compound, metres };
}
