import { describe, expect, it } from 'vitest';
import { CoverageModel, type Homes, tally, uncovered } from './circle.domain';
import { buildGraph, multiSourceDistances, Projection, type XY } from './circle.graph';

// a hand-made network in planar metres: an L from the origin east 300 m then north 400 m, a
// 1 km branch north from the origin, and an island road far away that reaches nothing
const ROADS: XY[][] = [
  [
    [0, 0],
    [300, 0],
    [300, 400],
  ],
  [
    [0, 0],
    [0, 1000],
  ],
  [
    [5000, 5000],
    [5100, 5000],
  ],
];
const HOME_POINTS: XY[] = [
  [0, 0], // at the origin
  [300, 400], // at the end of the L
  [310, 400], // 10 m off it
  [0, 1000], // at the end of the branch
  [5000, 5000], // on the island
];
const homes: Homes = {
  xs: Float64Array.from(HOME_POINTS, (p) => p[0]),
  ys: Float64Array.from(HOME_POINTS, (p) => p[1]),
  people: Uint32Array.of(1, 2, 3, 4, 5),
  village: Uint32Array.of(0, 0, 0, 1, 1),
  villages: ['v1', 'v2'],
};
const FACILITY: XY = [300, -20]; // 20 m south of the corner (300, 0)

describe('the walking network', () => {
  it('splits lines into edges of at most 100 m and merges shared vertices', () => {
    const g = buildGraph(ROADS);
    expect(g.edges).toBe(3 + 4 + 10 + 1);
    expect(g.nodes).toBe(4 + 4 + 10 + 2);
  });
  it('finds exact multi-source distances and stops at a limit', () => {
    const g = buildGraph(ROADS);
    const origin = g.index.neighbors(0, 0, 1)[0];
    const end = g.index.neighbors(0, 1000, 1)[0];
    const corner = g.index.neighbors(300, 400, 1)[0];
    const d = multiSourceDistances(g, [
      { node: origin, cost: 0 },
      { node: end, cost: 50 },
    ]);
    expect(d[corner]).toBeCloseTo(700, 9);
    expect(d[g.index.neighbors(0, 600, 1)[0]]).toBeCloseTo(450, 9); // from the end: 400 + 50
    const limited = multiSourceDistances(g, [{ node: origin, cost: 0 }], 500);
    expect(limited[corner]).toBe(Infinity);
    expect(limited[g.index.neighbors(300, 200, 1)[0]]).toBeCloseTo(500, 9);
  });
});

describe('coverage by the road network', () => {
  const model = new CoverageModel(homes, buildGraph(ROADS), 1.4);
  const dist = model.distances([FACILITY]);
  it('adds the home and facility offsets to the network distance; an island is unreachable', () => {
    expect(model.usesNetwork).toBe(true);
    expect(dist[0]).toBeCloseTo(320, 4); // 300 along the road + 20 to the facility
    expect(dist[1]).toBeCloseTo(420, 4);
    expect(dist[2]).toBeCloseTo(430, 4);
    expect(dist[3]).toBeCloseTo(1320, 4);
    expect(dist[4]).toBe(Infinity);
  });
  it('tallies homes and people within the walking distance per village, and lists the uncovered', () => {
    expect(tally(homes, dist, 425)).toEqual([
      { villageCode: 'v1', homes: 3, covered: 2, people: 6, peopleCovered: 3 },
      { villageCode: 'v2', homes: 2, covered: 0, people: 9, peopleCovered: 0 },
    ]);
    expect(uncovered(homes, dist, 425, () => true)).toEqual([4, 3, 2]);
    expect(uncovered(homes, dist, 425, (v) => v === 'v1')).toEqual([2]);
  });
  it('says what one new facility would cover', () => {
    expect(model.gain(dist, [0, 990], 425)).toEqual([3]);
    expect(model.gain(dist, [320, 400], 425)).toEqual([2]); // 20 m + 10 m away
    expect(model.gain(dist, [5000, 5000], 425)).toEqual([4]);
  });
  it('uses the nearest of several facilities', () => {
    const d = model.distances([FACILITY, [0, 1000]]);
    expect(d[3]).toBeCloseTo(0, 6);
    expect(d[0]).toBeCloseTo(320, 4);
    expect(Array.from(model.distances([]))).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity]);
  });
});

describe('coverage without a road network', () => {
  it('takes the straight line times the detour factor', () => {
    const model = new CoverageModel(homes, null, 1.5);
    expect(model.usesNetwork).toBe(false);
    const d = model.distances([FACILITY]);
    expect(d[0]).toBeCloseTo(Math.hypot(300, 20) * 1.5, 3);
    expect(d[1]).toBeCloseTo(420 * 1.5, 3);
    expect(model.gain(d, [0, 900], 200)).toEqual([3]); // 100 m × 1.5 = 150 m
  });
});

describe('the projection', () => {
  it('turns 0.01° of latitude into about 1.1 km and back', () => {
    const p = new Projection(29.7);
    const [x1, y1] = p.toXY(112.4, 29.7);
    const [x2, y2] = p.toXY(112.4, 29.71);
    expect(Math.hypot(x2 - x1, y2 - y1)).toBeCloseTo(1105.74, 1);
    expect(p.toLngLat(x1, y1)[0]).toBeCloseTo(112.4, 9);
  });
});
