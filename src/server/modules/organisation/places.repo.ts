import type { Polygon } from 'geojson';
import type { Queryable } from '../../platform/db/db';
import type { BuildingRecord, CompoundRecord, GridRecord, HouseholdRecord } from './records';

const col = <T, K>(rows: readonly T[], f: (r: T) => K) => rows.map(f);

/** Grids are level-6 divisions plus an optional polygon. */
export async function upsertGrids(q: Queryable, rows: readonly (GridRecord & { isDemo?: boolean })[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO divisions (code, name, kind, level, parent_code, source, is_demo)
     SELECT code, name, 'grid', 6, left(code, 12), 'cocreate', demo FROM unnest($1::text[], $2::text[], $3::boolean[]) AS t(code, name, demo)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    [col(rows, (r) => r.code), col(rows, (r) => r.name), col(rows, (r) => r.isDemo ?? false)],
  );
  const withPolygon = rows.filter((r) => r.polygon);
  if (withPolygon.length) {
    const boxes = withPolygon.map((r) => bbox(r.polygon!));
    await q.query(
      `INSERT INTO grid_areas (grid_code, polygon, min_lng, min_lat, max_lng, max_lat, synthetic)
       SELECT * FROM unnest($1::text[], $2::jsonb[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::boolean[])
       ON CONFLICT (grid_code) DO UPDATE SET polygon = EXCLUDED.polygon, min_lng = EXCLUDED.min_lng, min_lat = EXCLUDED.min_lat,
         max_lng = EXCLUDED.max_lng, max_lat = EXCLUDED.max_lat, synthetic = EXCLUDED.synthetic`,
      [
        col(withPolygon, (r) => r.code),
        col(withPolygon, (r) => JSON.stringify(r.polygon)),
        boxes.map((b) => b[0]),
        boxes.map((b) => b[1]),
        boxes.map((b) => b[2]),
        boxes.map((b) => b[3]),
        col(withPolygon, (r) => r.synthetic),
      ],
    );
  }
}

export function bbox(p: Polygon): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of p.coordinates)
    for (const [x, y] of ring) {
      a = Math.min(a, x);
      b = Math.min(b, y);
      c = Math.max(c, x);
      d = Math.max(d, y);
    }
  return [a, b, c, d];
}

export async function upsertCompounds(
  q: Queryable,
  rows: readonly (CompoundRecord & { isDemo?: boolean })[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO compounds (code, village_code, name, kind, is_demo)
     SELECT code, left(code, 12), name, kind, demo FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS t(code, name, kind, demo)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
    [col(rows, (r) => r.code), col(rows, (r) => r.name), col(rows, (r) => r.kind), col(rows, (r) => r.isDemo ?? false)],
  );
}

export async function upsertBuildings(
  q: Queryable,
  rows: readonly (BuildingRecord & { isDemo?: boolean })[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO buildings (code, grid_code, name, compound_code, lng, lat, is_demo)
     SELECT code, left(code, 15), name, compound, lng, lat, demo
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::boolean[]) AS t(code, name, compound, lng, lat, demo)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, compound_code = EXCLUDED.compound_code, lng = EXCLUDED.lng, lat = EXCLUDED.lat`,
    [
      col(rows, (r) => r.code),
      col(rows, (r) => r.name),
      col(rows, (r) => r.compoundCode),
      col(rows, (r) => r.point?.[0] ?? null),
      col(rows, (r) => r.point?.[1] ?? null),
      col(rows, (r) => r.isDemo ?? false),
    ],
  );
}

export async function upsertHouseholds(
  q: Queryable,
  rows: readonly (HouseholdRecord & { isDemo?: boolean })[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO households (code, grid_code, building_code, address, lng, lat, is_demo)
     SELECT code, left(code, 15), CASE WHEN substr(code, 16, 3) = '000' THEN NULL ELSE left(code, 18) END, address, lng, lat, demo
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::boolean[]) AS t(code, address, lng, lat, demo)
     ON CONFLICT (code) DO UPDATE SET address = EXCLUDED.address, lng = EXCLUDED.lng, lat = EXCLUDED.lat`,
    [
      col(rows, (r) => r.code),
      col(rows, (r) => r.address),
      col(rows, (r) => r.point?.[0] ?? null),
      col(rows, (r) => r.point?.[1] ?? null),
      col(rows, (r) => r.isDemo ?? false),
    ],
  );
}

/** Which of these codes exist (for import checks of parents). */
export async function existingCodes(
  q: Queryable,
  table: 'divisions' | 'buildings' | 'households' | 'compounds',
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const { rows } = await q.query<{ code: string }>(`SELECT code FROM ${table} WHERE code = ANY($1::text[])`, [codes]);
  return new Set(rows.map((r) => r.code));
}

/** The outline of every grid under any of `prefixes` (import checks, the point → grid index). */
export async function gridPolygonsUnder(
  q: Queryable,
  prefixes: readonly string[],
): Promise<{ gridCode: string; polygon: Polygon }[]> {
  const { rows } = await q.query<{ grid_code: string; polygon: Polygon }>(
    'SELECT grid_code, polygon FROM grid_areas WHERE grid_code LIKE ANY($1::text[])',
    [prefixes.map((p) => `${p}%`)],
  );
  return rows.map((r) => ({ gridCode: r.grid_code, polygon: r.polygon }));
}

export async function gridPolygons(q: Queryable, codes: readonly string[]): Promise<Map<string, Polygon>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<{ grid_code: string; polygon: Polygon }>(
    'SELECT grid_code, polygon FROM grid_areas WHERE grid_code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.grid_code, r.polygon]));
}

export interface GridFeatureRow {
  code: string;
  name: string;
  polygon: Polygon;
  synthetic: boolean;
  households: number;
  covered: number;
}

export async function gridFeatures(q: Queryable, prefix: string): Promise<GridFeatureRow[]> {
  const { rows } = await q.query<{
    code: string;
    name: string;
    polygon: Polygon;
    synthetic: boolean;
    households: number | null;
    covered: number | null;
  }>(
    `SELECT d.code, d.name, a.polygon, a.synthetic, c.households, c.covered
       FROM grid_areas a JOIN divisions d ON d.code = a.grid_code LEFT JOIN grid_coverage c ON c.grid_code = a.grid_code
      WHERE a.grid_code LIKE $1 ORDER BY a.grid_code`,
    [`${prefix}%`],
  );
  return rows.map((r) => ({ ...r, households: r.households ?? 0, covered: r.covered ?? 0 }));
}

export interface HouseholdRow {
  code: string;
  gridCode: string;
  gridName: string;
  address: string;
  lng: number | null;
  lat: number | null;
  members: number;
}

export async function findHousehold(q: Queryable, code: string): Promise<HouseholdRow | null> {
  const { rows } = await q.query<{
    code: string;
    grid_code: string;
    grid_name: string;
    address: string;
    lng: number | null;
    lat: number | null;
    members: number;
  }>(
    `SELECT h.code, h.grid_code, d.name AS grid_name, h.address, h.lng, h.lat, (SELECT count(*)::int FROM residents r WHERE r.household_code = h.code) AS members
       FROM households h JOIN divisions d ON d.code = h.grid_code WHERE h.code = $1`,
    [code],
  );
  const r = rows[0];
  return r
    ? {
        code: r.code,
        gridCode: r.grid_code,
        gridName: r.grid_name,
        address: r.address,
        lng: r.lng,
        lat: r.lat,
        members: r.members,
      }
    : null;
}
