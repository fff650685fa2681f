import { describe, expect, it } from 'vitest';
import { intersection } from 'polyclip-ts';
import { type ClipMulti, RegionClipper, type XY } from './geo.clip';

const area = (m: ClipMulti) =>
  m.reduce(
    (a, poly) =>
      a +
      poly.reduce((b, ring, i) => {
        let s = 0;
        for (let k = 0, j = ring.length - 1; k < ring.length; j = k++)
          s += (ring[j][0] - ring[k][0]) * (ring[j][1] + ring[k][1]);
        return b + (i === 0 ? 1 : -1) * Math.abs(s / 2);
      }, 0),
    0,
  );

describe('RegionClipper', () => {
  // A comb with many teeth and a hole: the quadtree must split it.
  const outer: XY[] = [
    [0, 0],
    [20, 0],
  ];
  for (let x = 20; x > 0; x -= 1) outer.push([x, 10], [x - 0.5, 5]);
  outer.push([0, 10], [0, 0]);
  const hole: XY[] = [
    [2, 1],
    [2, 3],
    [4, 3],
    [4, 1],
    [2, 1],
  ];
  const region: ClipMulti = [[outer, hole]];
  const clipper = new RegionClipper(region, 16);

  it('splits big regions into tiles and matches polyclip exactly', () => {
    expect(clipper.tileCount).toBeGreaterThan(1);
    const cells: XY[][] = [
      [
        [1, 0.5],
        [6, 0.5],
        [6, 8],
        [1, 8],
        [1, 0.5],
      ], // across the hole and teeth
      [
        [2.5, 1.5],
        [3.5, 1.5],
        [3.5, 2.5],
        [2.5, 2.5],
        [2.5, 1.5],
      ], // inside the hole
      [
        [10, 1],
        [11, 1],
        [11, 2],
        [10, 2],
        [10, 1],
      ], // wholly inside
      [
        [-5, -5],
        [30, -5],
        [30, 20],
        [-5, 20],
        [-5, -5],
      ], // around everything
      [
        [30, 30],
        [31, 30],
        [31, 31],
        [30, 30],
      ], // far away
    ];
    for (const cell of cells) {
      expect(area(clipper.clipConvex(cell))).toBeCloseTo(area(intersection([cell], region[0])), 9);
    }
  });
});
