/**
 * Planar polygon helpers on GeoJSON coordinates (lng/lat treated as a plane: fine for a county).
 * Rings are arrays of positions whose first and last positions are equal (GeoJSON); the helpers
 * also accept open rings.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type LngLat = [number, number];
export type Ring = Position[];
export type Bbox = [number, number, number, number]; // minLng, minLat, maxLng, maxLat

/** Signed shoelace area (positive = counter-clockwise with y pointing north). */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Even-odd ray casting over one ring; points exactly on an edge may go either way. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0],
      yi = ring[i][1],
      xj = ring[j][0],
      yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygonRings(x: number, y: number, rings: Ring[]): boolean {
  if (rings.length === 0 || !pointInRing(x, y, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (pointInRing(x, y, rings[h])) return false;
  return true;
}

export function polygonsOf(geometry: Polygon | MultiPolygon): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function pointInGeometry(geometry: Polygon | MultiPolygon, [x, y]: LngLat): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygonRings(x, y, rings));
}

/** Planar area in squared degrees (outer rings minus holes); only for comparing sizes. */
export function planarArea(geometry: Polygon | MultiPolygon): number {
  let area = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      area += (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring));
    });
  }
  return area;
}

/** Approximate area in km² (equirectangular at the geometry's mean latitude). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  const [, minLat, , maxLat] = bboxOf(geometry);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  return planarArea(geometry) * k * 111.32 * 110.57;
}

export function bboxOf(geometry: Polygon | MultiPolygon): Bbox {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Closes the ring, drops repeated positions, and orients it (ccw = counter-clockwise). */
export function normaliseRing(ring: Ring, ccw: boolean, digits = 7): Ring | null {
  const f = 10 ** digits;
  const out: Ring = [];
  for (const p of ring) {
    const q: Position = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3 || ringSignedArea(out) === 0) return null;
  if (ringSignedArea(out) > 0 !== ccw) out.reverse();
  out.push([out[0][0], out[0][1]]);
  return out;
}

/** RFC 7946 polygon: closed rings, outer ring counter-clockwise, holes clockwise, rounded. */
export function rfc7946Polygon(rings: Ring[], digits = 7): Polygon | null {
  const outer = rings[0] && normaliseRing(rings[0], true, digits);
  if (!outer) return null;
  const holes = rings
    .slice(1)
    .map((r) => normaliseRing(r, false, digits))
    .filter((r): r is Ring => r !== null);
  return { type: 'Polygon', coordinates: [outer, ...holes] };
}

/** Squared planar distance from a point to a segment, in the units given (scale x first). */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px,
    ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Distance from a point to a polygon in km (0 inside), equirectangular around the point:
 * good to metres over a county.
 */
export function distanceKm(geometry: Polygon | MultiPolygon, point: LngLat): number {
  if (pointInGeometry(geometry, point)) return 0;
  const kx = Math.cos((point[1] * Math.PI) / 180) * 111.32,
    ky = 110.57;
  let best = Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const d = segmentDistance2(
          point[0] * kx,
          point[1] * ky,
          ring[j][0] * kx,
          ring[j][1] * ky,
          ring[i][0] * kx,
          ring[i][1] * ky,
        );
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}

/** A uniformly random point inside the geometry by rejection sampling; null if it keeps missing. */
export function randomPointIn(geometry: Polygon | MultiPolygon, random: () => number, tries = 2000): LngLat | null {
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  for (let i = 0; i < tries; i++) {
    const p: LngLat = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (pointInGeometry(geometry, p)) return p;
  }
  return null;
}

/** RFC 7946 winding without rounding: outer rings counter-clockwise, holes clockwise (copies). */
export function rewind<T extends Polygon | MultiPolygon>(geometry: T): T {
  const fix = (rings: Ring[]) =>
    rings.map((ring, i) => (ringSignedArea(ring) > 0 === (i === 0) ? ring.slice() : ring.slice().reverse()));
  return (
    geometry.type === 'Polygon'
      ? { ...geometry, coordinates: fix(geometry.coordinates) }
      : { ...geometry, coordinates: geometry.coordinates.map(fix) }
  ) as T;
}
