import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countyOutline, countyPlaces, gcj02ToWgs84, pointInCounty, wgs84ToGcj02 } from './index';
import { areaKm2, bboxOf, ringSignedArea } from './geo.polygon';

describe('county data shipped with the product', () => {
  it('loads the Shishou outline (WGS-84, holes kept) and nothing for other counties', () => {
    const outline = countyOutline('421081');
    expect(outline?.type).toBe('Polygon');
    if (outline?.type !== 'Polygon') return;
    expect(outline.coordinates.map((r) => r.length)).toEqual([1019, 17, 21]); // closed rings
    for (const ring of outline.coordinates) expect(ring[0]).toEqual(ring[ring.length - 1]);
    // RFC 7946 after loading (the file itself has a clockwise outer ring and counter-clockwise holes)
    expect(outline.coordinates.map((r) => Math.sign(ringSignedArea(r)))).toEqual([1, -1, -1]);
    expect(areaKm2(outline)).toBeGreaterThan(1380);
    expect(areaKm2(outline)).toBeLessThan(1430);
    expect(bboxOf(outline).map((x) => Math.round(x * 100) / 100)).toEqual([112.22, 29.5, 112.8, 29.95]);
    expect(countyOutline('110101')).toBeNull();
    expect(countyOutline('../x')).toBeNull();
    expect(countyPlaces('110101')).toEqual([]);
  });

  it('has 20 places, all inside the outline, and credits its sources', () => {
    const outline = countyOutline('421081');
    const places = countyPlaces('421081');
    expect(places).toHaveLength(20);
    expect(places.filter((p) => p.kind === 'town_seat')).toHaveLength(13);
    for (const p of places) expect(outline && pointInCounty(outline, p.point)).toBe(true);
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/421081');
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
  });
});

describe('GCJ-02 ↔ WGS-84', () => {
  it('matches the shipped conversion of the county seat to within a metre', () => {
    // shishou-places.gcj02.geojson (original, AMap) → shishou-places.geojson (WGS-84)
    const wgs = gcj02ToWgs84([112.425454, 29.720938]);
    expect(Math.abs(wgs[0] - 112.419609)).toBeLessThan(1e-5);
    expect(Math.abs(wgs[1] - 29.723349)).toBeLessThan(1e-5);
    const back = wgs84ToGcj02(wgs);
    expect(Math.abs(back[0] - 112.425454)).toBeLessThan(2e-6);
    expect(Math.abs(back[1] - 29.720938)).toBeLessThan(2e-6);
  });
});
