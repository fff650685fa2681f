/**
 * Service-circle coverage benchmark (pure arithmetic, one thread): a Shishou-sized county of
 * 200,000 household points, 40 facility kinds and a generated road grid of ≥ 100,000 edges.
 * Measures the network build (graph + snapping the homes), the full recompute (one multi-source
 * Dijkstra per kind + the per-village tallies) and one facility change (its kind recomputed),
 * and a what-if.
 *   npx tsx bench/circle.bench.ts [--homes 200000] [--kinds 40] [--grid 250] [--spacing 100]
 * Prints a human summary and, last, one JSON line.
 */
import os from 'node:os';
import { CoverageModel, type Homes, tally } from '../src/server/modules/circle/circle.domain';
import { buildGraph, type XY } from '../src/server/modules/circle/circle.graph';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const HOMES = arg('homes', 200_000);
const KINDS = arg('kinds', 40);
const GRID = arg('grid', 250); // vertices per side
const SPACING = arg('spacing', 100); // metres
const VILLAGES = 300;

let seed = 4242;
const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
const side = (GRID - 1) * SPACING;

// the road grid: one line per row and per column, jittered vertices so edges are not all equal
const lines: XY[][] = [];
const jitter = () => (random() - 0.5) * SPACING * 0.2;
const vx = Array.from({ length: GRID * GRID }, (_, i) => (i % GRID) * SPACING + jitter());
const vy = Array.from({ length: GRID * GRID }, (_, i) => Math.floor(i / GRID) * SPACING + jitter());
for (let r = 0; r < GRID; r++)
  lines.push(Array.from({ length: GRID }, (_, c) => [vx[r * GRID + c], vy[r * GRID + c]] as XY));
for (let c = 0; c < GRID; c++)
  lines.push(Array.from({ length: GRID }, (_, r) => [vx[r * GRID + c], vy[r * GRID + c]] as XY));

const homes: Homes = {
  xs: Float64Array.from({ length: HOMES }, () => random() * side),
  ys: Float64Array.from({ length: HOMES }, () => random() * side),
  people: Uint32Array.from({ length: HOMES }, () => 1 + Math.floor(random() * 5)),
  village: new Uint32Array(HOMES),
  villages: Array.from({ length: VILLAGES }, (_, i) => `421081${String(100000 + i)}`),
};
const per = Math.sqrt(VILLAGES);
for (let i = 0; i < HOMES; i++)
  homes.village[i] = Math.min(
    VILLAGES - 1,
    Math.floor((homes.xs[i] / side) * per) * per + Math.floor((homes.ys[i] / side) * per),
  );
const kinds = Array.from({ length: KINDS }, (_, k) => ({
  walk: [300, 500, 1000][k % 3],
  facilities: Array.from({ length: 20 + ((k * 37) % 180) }, () => [random() * side, random() * side] as XY),
}));

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

const [graph, buildMs] = time(() => buildGraph(lines));
const [model, snapMs] = time(() => new CoverageModel(homes, graph, 1.4));
const [dists, recomputeMs] = time(() =>
  kinds.map((k) => {
    const d = model.distances(k.facilities);
    tally(homes, d, k.walk);
    return d;
  }),
);
// one facility added to kind 7: that kind's distances and tallies again
const changed = kinds[7];
changed.facilities.push([side / 3, side / 3]);
const [, changeMs] = time(() => tally(homes, model.distances(changed.facilities), changed.walk));
const [gained, whatIfMs] = time(() => model.gain(dists[8], [side / 2, side / 2], kinds[8].walk));

const result = {
  homes: HOMES,
  kinds: KINDS,
  nodes: graph.nodes,
  edges: graph.edges,
  buildMs: Math.round(buildMs),
  snapMs: Math.round(snapMs),
  recomputeMs: Math.round(recomputeMs),
  fullMs: Math.round(buildMs + snapMs + recomputeMs),
  oneChangeMs: Math.round(changeMs),
  whatIfMs: Math.round(whatIfMs * 10) / 10,
  whatIfGained: gained.length,
  rssMb: Math.round(process.memoryUsage().rss / 1e6),
  cpus: os.cpus().length,
  node: process.version,
};
console.log(
  `graph ${graph.nodes} nodes / ${graph.edges} edges built in ${result.buildMs} ms; ${HOMES} homes snapped in ${result.snapMs} ms\n` +
    `full recompute of ${KINDS} kinds ${result.recomputeMs} ms (with build and snap ${result.fullMs} ms)\n` +
    `one facility change ${result.oneChangeMs} ms; what-if ${result.whatIfMs} ms (${gained.length} homes gained)`,
);
console.log(JSON.stringify(result));
