/**
 * Voronoi partition of a region: cells of the given sites (d3-delaunay, computed in a local
 * equirectangular plane so cells are fair in kilometres), each intersected with the region
 * (polyclip-ts; holes in the region are kept). Output polygons follow RFC 7946.
 */
import { Delaunay } from 'd3-delaunay';
import type { Polygon } from 'geojson';
import { type ClipMulti, RegionClipper, type XY } from './geo.clip';
import type { Outline } from './geo.county';
import { bboxOf, type LngLat, pointInPolygonRings, polygonsOf, rfc7946Polygon } from './geo.polygon';

function toClipMulti(region: Outline): ClipMulti {
  return polygonsOf(region).map((rings) => rings.map((ring) => ring.map(([x, y]) => [x, y] as XY)));
}

/**
 * For each site, the polygons of its Voronoi cell inside the region ([] when the cell misses the
 * region, e.g. a duplicate site). Pieces are ordered: the one containing the site first, then by size.
 */
export function voronoiCells(sites: LngLat[], region: Outline, digits = 7): Polygon[][] {
  if (sites.length === 0) return [];
  const [minX, minY, maxX, maxY] = bboxOf(region);
  const lat0 = (minY + maxY) / 2;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const pad = Math.max(maxX - minX, maxY - minY);
  const delaunay = Delaunay.from(
    sites,
    (p) => p[0] * kx,
    (p) => p[1],
  );
  const voronoi = delaunay.voronoi([(minX - pad) * kx, minY - pad, (maxX + pad) * kx, maxY + pad]);
  const clipper = new RegionClipper(toClipMulti(region));
  return sites.map((site, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return [];
    const ring: XY[] = cell.map(([x, y]) => [x / kx, y]);
    const pieces = clipper
      .clipConvex(ring)
      .map((rings) => rfc7946Polygon(rings, digits))
      .filter((p): p is Polygon => p !== null);
    return orderPieces(pieces, site);
  });
}

function orderPieces(pieces: Polygon[], site: LngLat): Polygon[] {
  const size = (p: Polygon) => Math.abs(ringArea(p.coordinates[0]));
  return pieces
    .map((p) => ({ p, home: pointInPolygonRings(site[0], site[1], p.coordinates), size: size(p) }))
    .sort((a, b) => Number(b.home) - Number(a.home) || b.size - a.size)
    .map((x) => x.p);
}

function ringArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}
