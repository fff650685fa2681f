/**
 * Coverage arithmetic of the 15-minute service circle (pure): for every home, the walking distance to
 * the nearest facility of a kind — by the road network when one is imported (home offset + network
 * distance + facility offset, one multi-source Dijkstra per kind), else the straight line × the
 * detour factor — and the tallies per village: homes and people covered within the kind's walking
 * distance, the uncovered homes, and what one new facility would add.
 */
import Flatbush from 'flatbush';
import { multiSourceDistances, type RoadGraph, snap, type XY } from './circle.graph';

export interface Homes {
  xs: Float64Array; // planar metres
  ys: Float64Array;
  people: Uint32Array;
  /** index into `villages` of each home */
  village: Uint32Array;
  villages: readonly string[];
}

export interface VillageTally {
  villageCode: string;
  homes: number;
  covered: number;
  people: number;
  peopleCovered: number;
}

/** Used when no road network is imported: walking distance ≈ straight line × this factor. */
export const DEFAULT_DETOUR_FACTOR = 1.4;

export class CoverageModel {
  private readonly snapped: { node: Uint32Array; offset: Float64Array } | null;

  constructor(
    readonly homes: Homes,
    readonly graph: RoadGraph | null,
    readonly detourFactor: number,
  ) {
    this.snapped = graph && graph.nodes > 0 ? snap(graph, homes.xs, homes.ys) : null;
  }

  get usesNetwork(): boolean {
    return this.snapped !== null;
  }

  /** Walking distance (metres) of every home to the nearest of `facilities`; Infinity when none is reachable. */
  distances(facilities: readonly XY[]): Float32Array {
    const n = this.homes.xs.length;
    const out = new Float32Array(n).fill(Infinity);
    if (facilities.length === 0 || n === 0) return out;
    if (this.snapped && this.graph) {
      const fx = Float64Array.from(facilities, (f) => f[0]);
      const fy = Float64Array.from(facilities, (f) => f[1]);
      const fs = snap(this.graph, fx, fy);
      const sources = Array.from(fs.node, (node, i) => ({ node, cost: fs.offset[i] }));
      const d = multiSourceDistances(this.graph, sources);
      const { node, offset } = this.snapped;
      for (let i = 0; i < n; i++) out[i] = offset[i] + d[node[i]];
      return out;
    }
    const index = new Flatbush(facilities.length);
    for (const [x, y] of facilities) index.add(x, y, x, y);
    index.finish();
    const { xs, ys } = this.homes;
    for (let i = 0; i < n; i++) {
      const [f] = index.neighbors(xs[i], ys[i], 1);
      out[i] = Math.hypot(facilities[f][0] - xs[i], facilities[f][1] - ys[i]) * this.detourFactor;
    }
    return out;
  }

  /** Homes a new facility at `p` would bring within `walkM` that `current` leaves out (indices). */
  gain(current: Float32Array, p: XY, walkM: number): number[] {
    const gained: number[] = [];
    const { xs, ys } = this.homes;
    if (this.snapped && this.graph) {
      const fs = snap(this.graph, Float64Array.of(p[0]), Float64Array.of(p[1]));
      const d = multiSourceDistances(this.graph, [{ node: fs.node[0], cost: fs.offset[0] }], walkM);
      const { node, offset } = this.snapped;
      for (let i = 0; i < current.length; i++)
        if (current[i] > walkM && offset[i] + d[node[i]] <= walkM) gained.push(i);
      return gained;
    }
    for (let i = 0; i < current.length; i++)
      if (current[i] > walkM && Math.hypot(p[0] - xs[i], p[1] - ys[i]) * this.detourFactor <= walkM) gained.push(i);
    return gained;
  }
}

/** Homes and people covered within `walkM`, per village (every village with homes appears). */
export function tally(homes: Homes, dist: Float32Array, walkM: number): VillageTally[] {
  const rows = homes.villages.map((villageCode) => ({
    villageCode,
    homes: 0,
    covered: 0,
    people: 0,
    peopleCovered: 0,
  }));
  for (let i = 0; i < dist.length; i++) {
    const r = rows[homes.village[i]];
    r.homes++;
    r.people += homes.people[i];
    if (dist[i] <= walkM) {
      r.covered++;
      r.peopleCovered += homes.people[i];
    }
  }
  return rows.filter((r) => r.homes > 0);
}

/** Indices of the homes left out (beyond `walkM`), farthest first, of the villages accepted by `inScope`. */
export function uncovered(
  homes: Homes,
  dist: Float32Array,
  walkM: number,
  inScope: (village: string) => boolean,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < dist.length; i++) if (dist[i] > walkM && inScope(homes.villages[homes.village[i]])) out.push(i);
  return out.sort((a, b) => dist[b] - dist[a]);
}
