/**
 * Maps without tiles (天地图 is not configured; works offline): GeoJSON drawn as SVG with a simple
 * equirectangular projection whose x is scaled by cos(latitude). The county outline and places ship
 * with the product (src/server/platform/geo/data/<county>/); the web build bundles them lazily.
 */
export type LngLat = [number, number];
export type Ring = LngLat[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The grid map layer (GET /api/grids/map): the server's contract. */
export type { GridFeature, GridMap as GridCollection } from '../../src/server/modules/organisation/organisation.schema';

export interface CountyPlace {
  code: string;
  name: string;
  kind: string;
  point: LngLat;
}

export const VIEW_WIDTH = 1000;

export interface Projection {
  width: number;
  height: number;
  project: (p: LngLat) => [number, number];
  invert: (x: number, y: number) => LngLat;
}

export function ringsOf(g: AreaGeometry): Ring[] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** A projection fitting the given points into a VIEW_WIDTH-wide box with a margin. */
export function fitProjection(points: LngLat[], aspectMax = 1.2): Projection | null {
  if (points.length === 0) return null;
  let minLng = Infinity,
    maxLng = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const [lng, lat] of points) {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const pad = Math.max(maxLng - minLng, maxLat - minLat, 0.002) * 0.04;
  minLng -= pad;
  maxLng += pad;
  minLat -= pad;
  maxLat += pad;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = VIEW_WIDTH / ((maxLng - minLng) * k);
  const height = Math.min((maxLat - minLat) * scale, VIEW_WIDTH * aspectMax);
  const s = Math.min(scale, height / (maxLat - minLat));
  const offsetX = (VIEW_WIDTH - (maxLng - minLng) * k * s) / 2;
  return {
    width: VIEW_WIDTH,
    height,
    project: ([lng, lat]) => [offsetX + (lng - minLng) * k * s, (maxLat - lat) * s],
    invert: (x, y) => [minLng + (x - offsetX) / (k * s), maxLat - y / s],
  };
}

export function pathOf(g: AreaGeometry, proj: Projection): string {
  return ringsOf(g)
    .map(
      (ring) =>
        ring
          .map((p, i) => {
            const [x, y] = proj.project(p);
            return `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
          })
          .join('') + 'Z',
    )
    .join('');
}

/** The centre of a polygon's largest ring (its vertex mean): where a label goes. */
export function labelPoint(g: AreaGeometry): LngLat {
  const ring = ringsOf(g).reduce((a, b) => (b.length > a.length ? b : a), [] as Ring);
  const n = ring.length || 1;
  return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
}

/** Even-odd point-in-polygon on the rings (holes included). */
export function contains(g: AreaGeometry, [x, y]: LngLat): boolean {
  let inside = false;
  for (const ring of ringsOf(g)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Coverage colour: red (low) → amber → green (full); grey when there are no households. */
export function coverageColor(percent: number | null): string {
  if (percent === null) return '#e9ecef';
  if (percent >= 98) return '#389e0d';
  if (percent >= 95) return '#73d13d';
  if (percent >= 90) return '#d4b106';
  if (percent >= 80) return '#fa8c16';
  return '#cf1322';
}

const outlineFiles = import.meta.glob('../../src/server/platform/geo/data/*/*-county.geojson', {
  query: '?raw',
  import: 'default',
});
const placeFiles = import.meta.glob('../../src/server/platform/geo/data/*/*-places.geojson', {
  query: '?raw',
  import: 'default',
});

function fileFor(files: Record<string, () => Promise<unknown>>, countyCode: string) {
  const key = Object.keys(files).find((k) => k.includes(`/data/${countyCode}/`));
  return key ? files[key] : null;
}

interface RawGeometry {
  type: string;
  coordinates: unknown;
}
interface RawDoc {
  type: string;
  geometry?: RawGeometry | null;
  features?: RawDoc[];
  properties?: Record<string, unknown> | null;
  coordinates?: unknown;
}

/** The county's outline shipped with the product, or null. */
export async function loadCountyOutline(countyCode: string): Promise<AreaGeometry | null> {
  const load = fileFor(outlineFiles, countyCode);
  if (!load) return null;
  const doc = JSON.parse(String(await load())) as RawDoc;
  const geoms: (RawGeometry | null | undefined)[] =
    doc.type === 'FeatureCollection'
      ? (doc.features ?? []).map((f) => f.geometry)
      : [doc.geometry ?? (doc as RawGeometry)];
  const polys = geoms.flatMap((g) =>
    g?.type === 'Polygon' ? [g.coordinates as Ring[]] : g?.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [],
  );
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** The county's named places (county seat, town seats), or []. */
export async function loadCountyPlaces(countyCode: string): Promise<CountyPlace[]> {
  const load = fileFor(placeFiles, countyCode);
  if (!load) return [];
  const doc = JSON.parse(String(await load())) as RawDoc;
  return (doc.features ?? []).flatMap((f) =>
    f.geometry?.type === 'Point'
      ? [
          {
            code: String(f.properties?.code ?? ''),
            name: String(f.properties?.name ?? ''),
            kind: String(f.properties?.kind ?? ''),
            point: f.geometry.coordinates as LngLat,
          },
        ]
      : [],
  );
}

/** The demo's default location: the county seat of Shishou (used when the places file has none). */
export const DEFAULT_POINT: LngLat = [112.419609, 29.723349];
