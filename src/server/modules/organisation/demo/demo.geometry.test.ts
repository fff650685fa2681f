import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countyOutline, countyPlaces } from '../../../platform/geo/geo.county';
import { PolygonIndex, pointInCounty } from '../../../platform/geo/geo.point-index';
import { areaKm2, pointInGeometry, randomPointIn, ringSignedArea } from '../../../platform/geo/geo.polygon';
import { countyDivisions } from './demo.divisions';
import { buildDemoGeometry } from './demo.geometry';
import { generateDemo } from './index';
import { mulberry32 } from './demo.random';

const outline = countyOutline('421081');
if (!outline) throw new Error('Shishou outline missing');
const demo = generateDemo({ countyCode: '421081', scale: 0.01, seed: 3 });
const grids = [...demo.grids()].map((g) => ({ id: g.code, polygon: g.polygon as Polygon }));
const rebuilt = buildDemoGeometry(countyDivisions('421081'), outline, countyPlaces('421081'), 3); // uncached

describe('synthetic demo geometry', () => {
  it('is rebuilt identically from the same seed', () => {
    expect(JSON.stringify(rebuilt.grids.map((g) => [g.code, g.polygon]))).toBe(
      JSON.stringify(grids.map((g) => [g.id, g.polygon])),
    );
  });

  it('has valid RFC 7946 polygons covering nearly the whole county', () => {
    let area = 0;
    for (const { polygon } of grids) {
      polygon.coordinates.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(ringSignedArea(ring) > 0).toBe(i === 0); // outer ccw, holes cw
      });
      area += areaKm2(polygon);
    }
    expect(area / areaKm2(outline)).toBeGreaterThan(0.99);
    expect(area / areaKm2(outline)).toBeLessThanOrEqual(1.0001);
  });

  it('keeps grids inside the outline and apart from each other (sampled)', () => {
    const index = new PolygonIndex(grids);
    const random = mulberry32(99);
    for (const [n, { id, polygon }] of grids.entries()) {
      for (let k = 0; k < (n % 4 === 0 ? 3 : 1); k++) {
        const p = randomPointIn(polygon, random);
        expect(p).not.toBeNull();
        if (!p) continue;
        expect(pointInCounty(outline, p)).toBe(true);
        const containing = grids.filter((g) => pointInGeometry(g.polygon, p)).map((g) => g.id);
        expect(containing).toEqual([id]);
        expect(index.find(p)).toBe(id);
      }
    }
  });

  it('puts every building and household inside its own grid, and real seats where known', () => {
    const byCode = new Map(grids.map((g) => [g.id, g.polygon]));
    for (const b of demo.buildings())
      expect(b.point && pointInGeometry(byCode.get(b.code.slice(0, 15)) as Polygon, b.point)).toBe(true);
    for (const h of demo.households())
      expect(h.point && pointInGeometry(byCode.get(h.code.slice(0, 15)) as Polygon, h.point)).toBe(true);
    const geometry = rebuilt;
    expect(geometry.villageSites.get('421081107212')).toBeDefined();
    expect(geometry.villageSites.get('421081102216')).toEqual([112.433176, 29.792324]);
    expect(geometry.townSeats.get('421081107')).toEqual([112.424217, 29.641949]);
    expect(geometry.townSeats.size).toBe(15);
  });
});
