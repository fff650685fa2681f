import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countyOutline, PolygonIndex, voronoiCells } from './index';
import { areaKm2, type LngLat, randomPointIn } from './geo.polygon';

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('PolygonIndex', () => {
  const cells = Array.from({ length: 100 }, (_, i) => ({
    id: `g${i}`,
    polygon: square(112 + (i % 10) * 0.01, 29 + Math.floor(i / 10) * 0.01, 0.01),
  }));

  it('finds the containing polygon and null outside', () => {
    const index = new PolygonIndex(cells);
    expect(index.find([112.015, 29.005])).toBe('g1');
    expect(index.find([112.095, 29.095])).toBe('g99');
    expect(index.find([111.5, 29.5])).toBeNull();
    expect(new PolygonIndex([]).find([112, 29])).toBeNull();
  });

  it('prefers the smallest of overlapping polygons, then the lowest id, whatever the input order', () => {
    const big = { id: 'big', polygon: square(0, 0, 10) };
    const small = { id: 'small', polygon: square(1, 1, 2) };
    const twin = { id: 'a-twin', polygon: square(1, 1, 2) };
    expect(new PolygonIndex([big, small]).find([2, 2])).toBe('small');
    expect(new PolygonIndex([small, twin, big]).find([2, 2])).toBe('a-twin');
    expect(new PolygonIndex([twin, small, big]).find([2, 2])).toBe('a-twin');
    expect(new PolygonIndex([big, small]).find([5, 5])).toBe('big');
  });

  it('respects holes and multipolygons', () => {
    const donut: Polygon = {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 10).coordinates[0],
        [
          [4, 4],
          [4, 6],
          [6, 6],
          [6, 4],
          [4, 4],
        ],
      ],
    };
    const index = new PolygonIndex([
      { id: 'donut', polygon: donut },
      {
        id: 'multi',
        polygon: { type: 'MultiPolygon', coordinates: [square(20, 0, 1).coordinates, square(30, 0, 1).coordinates] },
      },
    ]);
    expect(index.find([5, 5])).toBeNull();
    expect(index.find([2, 5])).toBe('donut');
    expect(index.find([30.5, 0.5])).toBe('multi');
    expect(index.nearest([5, 5])).toBe('donut');
    expect(index.nearest([25.2, 0.5])).toBe('multi');
  });

  it('returns the nearest polygons by exact distance, beyond what boxes suggest', () => {
    // A thin diagonal triangle whose box covers the point but whose edge is far from it.
    const triangle: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 10],
          [10, 9.9],
          [0, 0],
        ],
      ],
    };
    const index = new PolygonIndex([
      { id: 'triangle', polygon: triangle },
      { id: 'near', polygon: square(8, 2, 0.5) },
    ]);
    expect(index.find([7, 3])).toBeNull();
    expect(index.nearest([7, 3])).toBe('near');
    expect(index.nearestIds([7, 3], 2)).toEqual(['near', 'triangle']);
    expect(index.findOrNearest([7, 3], 0.001)).toBeNull();
    expect(index.nearestWithDistance([8.25, 1.5], 1)[0].km).toBeCloseTo(0.5 * 110.57, 0);
    const grid = new PolygonIndex(cells);
    expect(grid.nearest([111.99, 29.005])).toBe('g0');
    expect(grid.nearestIds([112.05, 29.105], 3)).toEqual(['g94', 'g95', 'g93']);
  });

  it('agrees with @turf/boolean-point-in-polygon on Voronoi cells of the Shishou outline', () => {
    const outline = countyOutline('421081');
    if (!outline) throw new Error('outline missing');
    const random = lcg(5);
    const sites = Array.from({ length: 40 }, () => randomPointIn(outline, random) as LngLat);
    const pieces = voronoiCells(sites, outline);
    const items = pieces.flatMap((p, i) => p.map((polygon, k) => ({ id: `v${i}-${k}`, polygon })));
    const total = items.reduce((a, i) => a + areaKm2(i.polygon), 0);
    expect(total / areaKm2(outline)).toBeCloseTo(1, 3);
    const index = new PolygonIndex(items);
    for (let n = 0; n < 3000; n++) {
      const p: LngLat = [112.2 + random() * 0.62, 29.48 + random() * 0.48];
      const expected = items.filter((i) => booleanPointInPolygon(p, i.polygon)).map((i) => i.id);
      const booleanInOutline = booleanPointInPolygon(p, outline);
      expect(expected.length).toBeLessThanOrEqual(1);
      expect(index.find(p)).toBe(expected[0] ?? null);
      expect(expected.length === 1).toBe(booleanInOutline);
    }
  });
});
