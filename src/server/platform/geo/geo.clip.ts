/**
 * Intersects many convex polygons (Voronoi cells) with one large region quickly. polyclip-ts is
 * exact but slow on big inputs (it works in BigNumber), so the region is first cut into a quadtree
 * of small tiles; a cell is then intersected only with the tiles it overlaps, and tiles lying wholly
 * inside or outside the cell skip the exact clip. Pieces from several tiles are merged by a union.
 */
import { intersection, union, type Geom } from 'polyclip-ts';
import { pointInRing } from './geo.polygon';

export type XY = [number, number];
export type ClipPolygon = XY[][]; // rings, first outer
export type ClipMulti = ClipPolygon[];
type Box = [number, number, number, number];

interface Tile {
  box: Box;
  polygon: ClipPolygon;
  convex: boolean; // one ring, convex: clipped by Sutherland–Hodgman instead of polyclip
}

function signedArea(ring: XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2; // positive = counter-clockwise
}

function isConvex(polygon: ClipPolygon): boolean {
  if (polygon.length !== 1) return false;
  const ring = polygon[0];
  const n = ring.length - 1; // closed ring
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i],
      b = ring[(i + 1) % n],
      c = ring[(i + 2) % n];
    const o = orient(a[0], a[1], b[0], b[1], c[0], c[1]);
    if (o === 0) continue;
    if (sign === 0) sign = Math.sign(o);
    else if (Math.sign(o) !== sign) return false;
  }
  return true;
}

/** Convex ∩ convex (Sutherland–Hodgman); null when empty. Input rings closed, output closed. */
function clipConvexConvex(subject: XY[], clip: XY[]): XY[] | null {
  const ccw = signedArea(clip) > 0 ? 1 : -1;
  let out = subject.slice(0, -1);
  for (let i = 0; i < clip.length - 1 && out.length > 0; i++) {
    const a = clip[i],
      b = clip[i + 1];
    const inside = (p: XY) => ccw * orient(a[0], a[1], b[0], b[1], p[0], p[1]) >= 0;
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const p = input[k],
        q = input[(k + 1) % input.length];
      const pin = inside(p),
        qin = inside(q);
      if (pin) out.push(p);
      if (pin !== qin) {
        const dp = orient(a[0], a[1], b[0], b[1], p[0], p[1]),
          dq = orient(a[0], a[1], b[0], b[1], q[0], q[1]);
        const t = dp / (dp - dq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  if (out.length < 3 || signedArea([...out, out[0]]) === 0) return null;
  return [...out, out[0]];
}

function boxOfRings(rings: XY[][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const vertexCount = (m: ClipMulti) => m.reduce((n, p) => n + p.reduce((k, r) => k + r.length, 0), 0);
const rect = ([x0, y0, x1, y1]: Box): ClipPolygon => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Conservative: touching or collinear segments count as crossing. */
function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const o1 = orient(a[0], a[1], b[0], b[1], c[0], c[1]),
    o2 = orient(a[0], a[1], b[0], b[1], d[0], d[1]);
  const o3 = orient(c[0], c[1], d[0], d[1], a[0], a[1]),
    o4 = orient(c[0], c[1], d[0], d[1], b[0], b[1]);
  return o1 * o2 <= 0 && o3 * o4 <= 0;
}

function ringsCross(cell: XY[], rings: XY[][]): boolean {
  for (let i = 0, j = cell.length - 1; i < cell.length; j = i++) {
    for (const ring of rings) {
      for (let k = 0, l = ring.length - 1; k < ring.length; l = k++) {
        if (segmentsCross(cell[j], cell[i], ring[l], ring[k])) return true;
      }
    }
  }
  return false;
}

export class RegionClipper {
  private readonly tiles: Tile[] = [];

  constructor(region: ClipMulti, maxVertices = 64, maxDepth = 7) {
    this.split(region, boxOfRings(region.flat()), maxVertices, maxDepth);
  }

  get tileCount(): number {
    return this.tiles.length;
  }

  private split(pieces: ClipMulti, box: Box, maxVertices: number, depth: number): void {
    if (pieces.length === 0) return;
    if (vertexCount(pieces) <= maxVertices || depth === 0) {
      for (const polygon of pieces) this.tiles.push({ box: boxOfRings(polygon), polygon, convex: isConvex(polygon) });
      return;
    }
    const [x0, y0, x1, y1] = box;
    const mx = (x0 + x1) / 2,
      my = (y0 + y1) / 2;
    const quads: Box[] = [
      [x0, y0, mx, my],
      [mx, y0, x1, my],
      [x0, my, mx, y1],
      [mx, my, x1, y1],
    ];
    for (const q of quads) this.split(intersection(pieces as Geom, rect(q)) as ClipMulti, q, maxVertices, depth - 1);
  }

  /** The region ∩ a convex polygon (one closed ring, either orientation). */
  clipConvex(cell: XY[]): ClipMulti {
    const cellBox = boxOfRings([cell]);
    const parts: ClipMulti = [];
    for (const tile of this.tiles) {
      if (!overlaps(tile.box, cellBox)) continue;
      const rings = tile.polygon;
      if (!ringsCross(cell, rings)) {
        if (pointInRing(rings[0][0][0], rings[0][0][1], cell)) {
          parts.push(rings); // the whole tile lies inside the cell
          continue;
        }
        const [cx, cy] = cell[0];
        if (!pointInRing(cx, cy, rings[0])) continue; // disjoint
        const holes = rings.slice(1);
        if (!holes.some((h) => pointInRing(h[0][0], h[0][1], cell))) {
          if (holes.some((h) => pointInRing(cx, cy, h))) continue; // the cell lies in a hole
          return [[cell]]; // the cell lies inside this tile, so inside no other
        }
      }
      if (tile.convex) {
        const ring = clipConvexConvex(cell, rings[0]);
        if (ring) parts.push([ring]);
      } else {
        parts.push(...(intersection([cell], rings as Geom) as ClipMulti));
      }
    }
    if (parts.length <= 1) return parts;
    return union(parts as Geom) as ClipMulti;
  }
}
