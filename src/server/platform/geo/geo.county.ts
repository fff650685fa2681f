/**
 * County outlines and named places (WGS-84 GeoJSON). The product ships its data under
 * ./data/<county code>/ (see the README there for sources); `loadOutline`/`loadPlaces` read any file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { type LngLat, rewind } from './geo.polygon';
import { fromRoot } from '../../paths';

export type Outline = Polygon | MultiPolygon;

export interface CountyPlace {
  code: string; // national statistical code
  name: string;
  kind: string; // county_seat | town_seat | village_committee | residents_committee
  point: LngLat; // WGS-84
}

const DATA_DIR = fromRoot('src/server/platform/geo/data');

interface GeoJsonLike {
  type: string;
  geometry?: Geometry | null;
  features?: GeoJsonLike[];
  properties?: Record<string, unknown> | null;
}

function readJson(file: string): GeoJsonLike {
  return JSON.parse(readFileSync(file, 'utf8')) as GeoJsonLike;
}

function geometriesOf(doc: GeoJsonLike): Geometry[] {
  if (doc.type === 'FeatureCollection') return (doc.features ?? []).flatMap(geometriesOf);
  if (doc.type === 'Feature') return doc.geometry ? [doc.geometry] : [];
  return [doc as unknown as Geometry];
}

/**
 * Reads a (Multi)Polygon from a GeoJSON geometry, Feature or FeatureCollection (polygons merged),
 * rewound to RFC 7946 (the shipped Shishou file has a clockwise outer ring).
 */
export function loadOutline(file: string): Outline {
  const polygons = geometriesOf(readJson(file)).flatMap((g) =>
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
  );
  if (polygons.length === 0) throw new Error(`no polygon in ${file}`);
  return rewind(
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons },
  );
}

/** Reads the Point features of a FeatureCollection as places (properties code, name, kind). */
export function loadPlaces(file: string): CountyPlace[] {
  const doc = readJson(file);
  return (doc.features ?? []).flatMap((f) => {
    if (f.geometry?.type !== 'Point') return [];
    const p = f.properties ?? {};
    const [lng, lat] = f.geometry.coordinates;
    return [
      {
        code: String(p.code ?? ''),
        name: String(p.name ?? ''),
        kind: String(p.kind ?? ''),
        point: [lng, lat] as LngLat,
      },
    ];
  });
}

function countyFile(code: string, suffix: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const dir = path.join(DATA_DIR, code);
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir)
    .sort()
    .find((f) => f.endsWith(suffix));
  return name ? path.join(dir, name) : null;
}

const outlines = new Map<string, Outline | null>();
const places = new Map<string, CountyPlace[]>();

/** The county's WGS-84 outline shipped with the product, or null when none is shipped. */
export function countyOutline(code: string): Outline | null {
  if (!outlines.has(code)) {
    const file = countyFile(code, '-county.geojson');
    outlines.set(code, file ? loadOutline(file) : null);
  }
  return outlines.get(code) ?? null;
}

/** The county's known places (seats of the county, towns and some villages); [] when none. */
export function countyPlaces(code: string): CountyPlace[] {
  if (!places.has(code)) {
    const file = countyFile(code, '-places.geojson');
    places.set(code, file ? loadPlaces(file) : []);
  }
  return places.get(code) ?? [];
}
