/**
 * Point → polygon lookup over many polygons (grids): flatbush over bounding boxes, then an exact
 * even-odd ray-casting test (holes excluded). Coordinates are kept in flat typed arrays, with
 * longitude scaled by cos(mid-latitude) so that box distances (flatbush `neighbors`) are true
 * planar distances; nearest() then refines them with exact point-to-edge distances.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { type LngLat, planarArea, pointInGeometry, polygonsOf } from './geo.polygon';
import type { Outline } from './geo.county';

export interface IndexedPolygon {
  id: string;
  polygon: Polygon | MultiPolygon;
}

const KM_PER_DEGREE_LAT = 110.57;

export class PolygonIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly areas: Float64Array;
  private readonly tree: Flatbush | null;
  private readonly kx: number;
  private readonly coords: Float64Array; // x, y pairs (x scaled by kx)
  private readonly ringEnd: Uint32Array; // vertex index one past each ring's last vertex
  private readonly partRings: Uint32Array; // first ring of each part, plus a sentinel
  private readonly itemParts: Uint32Array; // first part of each item, plus a sentinel
  private readonly boxes: Float64Array; // minX, minY, maxX, maxY per item (scaled)

  constructor(items: IndexedPolygon[]) {
    this.size = items.length;
    this.ids = items.map((i) => i.id);
    this.areas = Float64Array.from(items, (i) => planarArea(i.polygon));
    let minLat = Infinity,
      maxLat = -Infinity,
      vertices = 0,
      rings = 0,
      parts = 0;
    for (const { polygon } of items) {
      for (const part of polygonsOf(polygon)) {
        parts++;
        for (const ring of part) {
          rings++;
          vertices += ring.length;
          for (const p of ring) {
            if (p[1] < minLat) minLat = p[1];
            if (p[1] > maxLat) maxLat = p[1];
          }
        }
      }
    }
    this.kx = Number.isFinite(minLat) ? Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) : 1;
    this.coords = new Float64Array(vertices * 2);
    this.ringEnd = new Uint32Array(rings);
    this.partRings = new Uint32Array(parts + 1);
    this.itemParts = new Uint32Array(items.length + 1);
    this.boxes = new Float64Array(items.length * 4);
    this.tree = items.length > 0 ? new Flatbush(items.length) : null;
    let v = 0,
      r = 0,
      pt = 0;
    items.forEach(({ polygon }, i) => {
      this.itemParts[i] = pt;
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (const part of polygonsOf(polygon)) {
        this.partRings[pt++] = r;
        for (const ring of part) {
          for (const p of ring) {
            const x = p[0] * this.kx,
              y = p[1];
            this.coords[v * 2] = x;
            this.coords[v * 2 + 1] = y;
            v++;
            if (x < minX) minX = x;
            if (y < minY) minY = y;
            if (x > maxX) maxX = x;
            if (y > maxY) maxY = y;
          }
          this.ringEnd[r++] = v;
        }
      }
      this.boxes.set([minX, minY, maxX, maxY], i * 4);
      this.tree?.add(minX, minY, maxX, maxY);
    });
    this.itemParts[items.length] = pt;
    this.partRings[parts] = r;
    this.tree?.finish();
  }

  /** The id of the polygon containing the point; among overlapping ones the smallest (then lowest id). */
  find([lng, lat]: LngLat): string | null {
    if (!this.tree) return null;
    this.queryX = lng * this.kx;
    this.queryY = lat;
    this.best = -1;
    this.tree.search(this.queryX, this.queryY, this.queryX, this.queryY, this.visit);
    return this.best < 0 ? null : this.ids[this.best];
  }

  // find() state, kept on the instance so a lookup allocates no closure
  private queryX = 0;
  private queryY = 0;
  private best = -1;
  private readonly visit = (i: number): boolean => {
    if ((this.best < 0 || this.isBefore(i, this.best)) && this.contains(i, this.queryX, this.queryY)) this.best = i;
    return false;
  };

  /** The id of the polygon nearest to the point (0 km when it contains it), or null when empty. */
  nearest(point: LngLat): string | null {
    return this.nearestIds(point, 1)[0] ?? null;
  }

  /** Up to k polygon ids in order of exact distance (ties: smaller area, then id). */
  nearestIds(point: LngLat, k: number, maxKm = Infinity): string[] {
    return this.nearestWithDistance(point, k, maxKm).map((n) => n.id);
  }

  nearestWithDistance([lng, lat]: LngLat, k: number, maxKm = Infinity): { id: string; km: number }[] {
    if (!this.tree || k <= 0) return [];
    const x = lng * this.kx,
      y = lat;
    const maxDistance = maxKm / KM_PER_DEGREE_LAT;
    for (let n = Math.max(8, k * 2); ; n *= 4) {
      const candidates = this.tree.neighbors(x, y, n, maxDistance);
      const scored = candidates
        .map((i) => ({ i, d: this.distance(i, x, y) }))
        .filter((s) => s.d <= maxDistance)
        .sort((a, b) => a.d - b.d || (this.isBefore(a.i, b.i) ? -1 : 1));
      const exhausted = candidates.length < n;
      const bound = exhausted ? Infinity : this.boxDistance(candidates[candidates.length - 1], x, y);
      if (exhausted || (scored.length >= k && scored[k - 1].d <= bound)) {
        return scored.slice(0, k).map((s) => ({ id: this.ids[s.i], km: s.d * KM_PER_DEGREE_LAT }));
      }
    }
  }

  /** find(), else the nearest polygon within maxKm (a point in a gap between grids, or just outside). */
  findOrNearest(point: LngLat, maxKm = Infinity): string | null {
    return this.find(point) ?? this.nearestIds(point, 1, maxKm)[0] ?? null;
  }

  private isBefore(a: number, b: number): boolean {
    if (this.areas[a] !== this.areas[b]) return this.areas[a] < this.areas[b];
    return this.ids[a] < this.ids[b];
  }

  private contains(item: number, x: number, y: number): boolean {
    for (let part = this.itemParts[item]; part < this.itemParts[item + 1]; part++) {
      const first = this.partRings[part],
        last = this.partRings[part + 1];
      if (!this.inRing(first, x, y)) continue;
      let inHole = false;
      for (let ring = first + 1; ring < last && !inHole; ring++) inHole = this.inRing(ring, x, y);
      if (!inHole) return true;
    }
    return false;
  }

  private inRing(ring: number, x: number, y: number): boolean {
    const c = this.coords;
    const start = ring === 0 ? 0 : this.ringEnd[ring - 1],
      end = this.ringEnd[ring];
    let inside = false;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const xi = c[i * 2],
        yi = c[i * 2 + 1],
        xj = c[j * 2],
        yj = c[j * 2 + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  /** Exact planar distance in scaled degrees (0 inside). */
  private distance(item: number, x: number, y: number): number {
    if (this.contains(item, x, y)) return 0;
    const c = this.coords;
    let best = Infinity;
    const firstRing = this.partRings[this.itemParts[item]],
      lastRing = this.partRings[this.itemParts[item + 1]];
    for (let ring = firstRing; ring < lastRing; ring++) {
      const start = ring === 0 ? 0 : this.ringEnd[ring - 1],
        end = this.ringEnd[ring];
      for (let i = start, j = end - 1; i < end; j = i++) {
        const ax = c[j * 2],
          ay = c[j * 2 + 1],
          dx = c[i * 2] - ax,
          dy = c[i * 2 + 1] - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        const ex = ax + t * dx - x,
          ey = ay + t * dy - y;
        const d = ex * ex + ey * ey;
        if (d < best) best = d;
      }
    }
    return Math.sqrt(best);
  }

  private boxDistance(item: number, x: number, y: number): number {
    const b = this.boxes,
      o = item * 4;
    const dx = Math.max(b[o] - x, x - b[o + 2], 0),
      dy = Math.max(b[o + 1] - y, y - b[o + 3], 0);
    return Math.sqrt(dx * dx + dy * dy);
  }
}

/** Whether a WGS-84 point lies inside a county outline (holes excluded). */
export function pointInCounty(outline: Outline, point: LngLat): boolean {
  return pointInGeometry(outline, point);
}
