/**
 * The walking network of the service circle (pure, no I/O): road lines in planar metres become an
 * undirected graph (CSR arrays); lines are split so no edge is longer than MAX_EDGE_M, and a point
 * (home, facility) joins the network at its nearest vertex, so the join costs at most MAX_EDGE_M / 2
 * of precision plus its straight offset, which is added to its distance. Distances from many
 * facilities at once are one multi-source Dijkstra (a binary heap on typed arrays).
 */
import Flatbush from 'flatbush';

/** A point in planar metres (see `Projection`). */
export type XY = readonly [number, number];

export const MAX_EDGE_M = 100;

/** Equirectangular projection about a reference latitude: metres east and north (error < 0.1 % across a county). */
export class Projection {
  private readonly kx: number;
  private static readonly KY = 110_574;
  constructor(refLat: number) {
    this.kx = 111_320 * Math.cos((refLat * Math.PI) / 180);
  }
  toXY(lng: number, lat: number): [number, number] {
    return [lng * this.kx, lat * Projection.KY];
  }
  toLngLat(x: number, y: number): [number, number] {
    return [x / this.kx, y / Projection.KY];
  }
}

export interface RoadGraph {
  nodes: number;
  x: Float64Array;
  y: Float64Array;
  offsets: Uint32Array; // CSR: the edges of node i are offsets[i] .. offsets[i + 1]
  targets: Uint32Array;
  weights: Float64Array; // metres
  index: Flatbush; // over the nodes (points): neighbors() is an exact nearest vertex
  edges: number; // undirected edges
}

/** Builds the graph from lines (each a list of planar points); vertices closer than 1 cm are one node. */
export function buildGraph(lines: readonly (readonly XY[])[]): RoadGraph {
  const ids = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  const node = (x: number, y: number) => {
    const key = `${Math.round(x * 100)},${Math.round(y * 100)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = xs.length;
      ids.set(key, id);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [ax, ay] = line[i - 1];
      const [bx, by] = line[i];
      const len = Math.hypot(bx - ax, by - ay);
      const pieces = Math.max(1, Math.ceil(len / MAX_EDGE_M));
      let prev = node(ax, ay);
      for (let k = 1; k <= pieces; k++) {
        const next = k === pieces ? node(bx, by) : node(ax + ((bx - ax) * k) / pieces, ay + ((by - ay) * k) / pieces);
        if (next !== prev) {
          from.push(prev);
          to.push(next);
          w.push(len / pieces);
        }
        prev = next;
      }
    }
  }
  const n = xs.length;
  const degree = new Uint32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    degree[from[e] + 1]++;
    degree[to[e] + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const offsets = degree;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(from.length * 2);
  const weights = new Float64Array(from.length * 2);
  for (let e = 0; e < from.length; e++) {
    targets[fill[from[e]]] = to[e];
    weights[fill[from[e]]++] = w[e];
    targets[fill[to[e]]] = from[e];
    weights[fill[to[e]]++] = w[e];
  }
  const index = new Flatbush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    nodes: n,
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    offsets,
    targets,
    weights,
    index,
    edges: from.length,
  };
}

/** The nearest vertex of each point and the straight distance to it (metres). */
export function snap(g: RoadGraph, xs: Float64Array, ys: Float64Array): { node: Uint32Array; offset: Float64Array } {
  const node = new Uint32Array(xs.length);
  const offset = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const [v] = g.index.neighbors(xs[i], ys[i], 1);
    node[i] = v;
    offset[i] = Math.hypot(g.x[v] - xs[i], g.y[v] - ys[i]);
  }
  return { node, offset };
}

/**
 * Multi-source Dijkstra: the network distance of every vertex to the nearest source, each source a
 * vertex with a starting cost. Vertices farther than `limit` keep Infinity (the search stops there).
 */
export function multiSourceDistances(
  g: RoadGraph,
  sources: readonly { node: number; cost: number }[],
  limit = Infinity,
): Float64Array {
  const dist = new Float64Array(g.nodes).fill(Infinity);
  const heap = new MinHeap(Math.max(16, sources.length * 2));
  for (const s of sources) {
    if (s.cost < dist[s.node] && s.cost <= limit) {
      dist[s.node] = s.cost;
      heap.push(s.node, s.cost);
    }
  }
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    if (d > dist[u]) continue;
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      const nd = d + g.weights[e];
      if (nd < dist[v] && nd <= limit) {
        dist[v] = nd;
        heap.push(v, nd);
      }
    }
  }
  return dist;
}

/** A binary min-heap of (item, key) in typed arrays, with lazy deletion by the caller. */
class MinHeap {
  private items: Uint32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
  }
  push(item: number, key: number) {
    if (this.size === this.items.length) {
      const items = new Uint32Array(this.size * 2);
      const keys = new Float64Array(this.size * 2);
      items.set(this.items);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.items[i] = this.items[p];
      this.keys[i] = this.keys[p];
      i = p;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  topKey() {
    return this.keys[0];
  }
  pop(): number {
    const top = this.items[0];
    const n = --this.size;
    if (n === 0) return top;
    const item = this.items[n];
    const key = this.keys[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.items[i] = this.items[c];
      this.keys[i] = this.keys[c];
      i = c;
    }
    this.items[i] = item;
    this.keys[i] = key;
    return top;
  }
}
