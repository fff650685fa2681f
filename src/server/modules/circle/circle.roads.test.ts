import { describe, expect, it } from 'vitest';
import { parseRoadFile } from './circle.roads';

const feature = (geometry: unknown) => ({ type: 'Feature', properties: {}, geometry });
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const inShishou = ([x, y]: [number, number]) => x > 112 && x < 113 && y > 29 && y < 30;

describe('reading a road file', () => {
  it('takes LineStrings and MultiLineStrings, a lone Feature or a bare geometry', () => {
    const r = parseRoadFile(
      file(
        feature({
          type: 'LineString',
          coordinates: [
            [112.4, 29.7],
            [112.41, 29.7],
            [112.41, 29.71],
          ],
        }),
        feature({
          type: 'MultiLineString',
          coordinates: [
            [
              [112.4, 29.7],
              [112.4, 29.72],
            ],
            [
              [112.5, 29.7],
              [112.51, 29.7, 12],
            ],
          ],
        }),
      ),
      inShishou,
    );
    expect(r).toMatchObject({ total: 0, errors: [], segments: 4 });
    expect(r.lines).toHaveLength(3);
    expect(r.lines[2][1]).toEqual([112.51, 29.7]); // the altitude is dropped
    expect(
      parseRoadFile(
        JSON.stringify(
          feature({
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          }),
        ),
      ).lines,
    ).toHaveLength(1);
    expect(
      parseRoadFile(
        JSON.stringify({
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        }),
      ).lines,
    ).toHaveLength(1);
  });
  it('names every bad feature and keeps no line when any is bad', () => {
    const r = parseRoadFile(
      file(
        feature({
          type: 'LineString',
          coordinates: [
            [112.4, 29.7],
            [112.41, 29.7],
          ],
        }),
        feature({ type: 'Polygon', coordinates: [] }),
        feature({
          type: 'LineString',
          coordinates: [
            [112.4, 29.7],
            ['a', 29.7],
          ],
        }),
        feature(null),
        { type: 'Feature' },
        feature({
          type: 'LineString',
          coordinates: [
            [200, 29.7],
            [112.4, 29.7],
          ],
        }),
      ),
      inShishou,
    );
    expect(r.errors.map((e) => e.feature)).toEqual([1, 2, 3, 4, 5]);
    expect(r.total).toBe(5);
    expect(parseRoadFile('[]').errors).toEqual([
      { feature: -1, reason: 'not a GeoJSON FeatureCollection with features' },
    ]);
    expect(parseRoadFile(file()).total).toBe(1);
  });
});
