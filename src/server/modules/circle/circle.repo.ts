/** SQL of the service circle: homes (from the register), kinds, facilities, the road network, settings. */
import type { Queryable } from '../../platform/db/db';
import type { CircleLevel } from './circle.labels';

export interface HomeRow {
  code: string;
  address: string;
  compound: string | null;
  lng: number;
  lat: number;
  people: number;
}

/**
 * Every household of the county with a point (its own, else its building's), with its people count
 * and compound name; households with neither point are counted apart.
 */
export async function loadHomes(q: Queryable, countyCode: string): Promise<{ rows: HomeRow[]; withoutPoint: number }> {
  const { rows } = await q.query<HomeRow>(
    `SELECT h.code, h.address, c.name AS compound, COALESCE(h.lng, b.lng) AS lng, COALESCE(h.lat, b.lat) AS lat,
            COALESCE(r.people, 0)::int AS people
     FROM households h
     LEFT JOIN buildings b ON b.code = h.building_code
     LEFT JOIN compounds c ON c.code = b.compound_code
     LEFT JOIN (SELECT household_code, count(*) AS people FROM residents GROUP BY household_code) r ON r.household_code = h.code
     WHERE h.code LIKE $1 || '%' AND COALESCE(h.lng, b.lng) IS NOT NULL AND COALESCE(h.lat, b.lat) IS NOT NULL
     ORDER BY h.code`,
    [countyCode],
  );
  const missing = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM households h LEFT JOIN buildings b ON b.code = h.building_code
     WHERE h.code LIKE $1 || '%' AND (COALESCE(h.lng, b.lng) IS NULL OR COALESCE(h.lat, b.lat) IS NULL)`,
    [countyCode],
  );
  return { rows, withoutPoint: missing.rows[0].n };
}

// ---- kinds ----

export interface KindRow {
  key: string;
  name: string;
  nameEn: string;
  level: CircleLevel;
  walkM: number;
  source: string;
}

export async function listKinds(q: Queryable): Promise<KindRow[]> {
  const { rows } = await q.query<KindRow>(
    `SELECT key, name, name_en AS "nameEn", level, walk_m AS "walkM", source FROM circle_kinds ORDER BY sort, key`,
  );
  return rows;
}

export async function upsertKind(q: Queryable, k: KindRow): Promise<void> {
  await q.query(
    `INSERT INTO circle_kinds (key, name, name_en, level, walk_m, source, sort)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT COALESCE(max(sort), 0) + 10 FROM circle_kinds))
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
       walk_m = EXCLUDED.walk_m, source = EXCLUDED.source`,
    [k.key, k.name, k.nameEn, k.level, k.walkM, k.source],
  );
}

// ---- facilities ----

export interface FacilityRow {
  id: string;
  kindKey: string;
  name: string;
  lng: number;
  lat: number;
}
const FACILITY = `id, kind_key AS "kindKey", name, lng, lat`;

export async function listFacilities(q: Queryable): Promise<FacilityRow[]> {
  const { rows } = await q.query<FacilityRow>(`SELECT ${FACILITY} FROM circle_facilities ORDER BY kind_key, name, id`);
  return rows;
}

export async function findFacility(q: Queryable, id: string): Promise<FacilityRow | null> {
  const { rows } = await q.query<FacilityRow>(`SELECT ${FACILITY} FROM circle_facilities WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertFacilities(
  q: Queryable,
  items: readonly Omit<FacilityRow, 'id'>[],
  now: Date,
  isDemo = false,
): Promise<FacilityRow[]> {
  if (items.length === 0) return [];
  const { rows } = await q.query<FacilityRow>(
    `INSERT INTO circle_facilities (kind_key, name, lng, lat, is_demo, created_at)
     SELECT k, n, x, y, $5, $6 FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS t(k, n, x, y)
     RETURNING ${FACILITY}`,
    [
      items.map((i) => i.kindKey),
      items.map((i) => i.name),
      items.map((i) => i.lng),
      items.map((i) => i.lat),
      isDemo,
      now,
    ],
  );
  return rows;
}

export async function updateFacility(q: Queryable, f: FacilityRow): Promise<FacilityRow | null> {
  const { rows } = await q.query<FacilityRow>(
    `UPDATE circle_facilities SET kind_key = $2, name = $3, lng = $4, lat = $5 WHERE id = $1 RETURNING ${FACILITY}`,
    [f.id, f.kindKey, f.name, f.lng, f.lat],
  );
  return rows[0] ?? null;
}

export async function deleteFacility(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query('DELETE FROM circle_facilities WHERE id = $1', [id]);
  return (r.rowCount ?? 0) > 0;
}

// ---- roads and settings ----

export async function loadRoads(q: Queryable, countyCode: string): Promise<number[][][] | null> {
  const { rows } = await q.query<{ lines: number[][][] }>('SELECT lines FROM circle_roads WHERE county_code = $1', [
    countyCode,
  ]);
  return rows[0]?.lines ?? null;
}

export async function roadsInfo(
  q: Queryable,
  countyCode: string,
): Promise<{ segments: number; importedAt: Date } | null> {
  const { rows } = await q.query<{ segments: number; importedAt: Date }>(
    'SELECT segments, imported_at AS "importedAt" FROM circle_roads WHERE county_code = $1',
    [countyCode],
  );
  return rows[0] ?? null;
}

export async function replaceRoads(q: Queryable, countyCode: string, lines: number[][][], segments: number, now: Date) {
  await q.query(
    `INSERT INTO circle_roads (county_code, lines, segments, imported_at) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (county_code) DO UPDATE SET lines = EXCLUDED.lines, segments = EXCLUDED.segments, imported_at = EXCLUDED.imported_at`,
    [countyCode, JSON.stringify(lines), segments, now],
  );
}

export async function detourFactor(q: Queryable, countyCode: string): Promise<number | null> {
  const { rows } = await q.query<{ f: number }>(
    'SELECT detour_factor AS f FROM circle_settings WHERE county_code = $1',
    [countyCode],
  );
  return rows[0]?.f ?? null;
}

export async function setDetourFactor(q: Queryable, countyCode: string, f: number) {
  await q.query(
    `INSERT INTO circle_settings (county_code, detour_factor) VALUES ($1, $2)
     ON CONFLICT (county_code) DO UPDATE SET detour_factor = EXCLUDED.detour_factor`,
    [countyCode, f],
  );
}
