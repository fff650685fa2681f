/**
 * Point → grid lookup benchmark: 100,000 synthetic grid polygons (Voronoi cells of random points
 * over the Shishou outline's bounding box, ~6 vertices each), PolygonIndex build time, find() and
 * nearest() throughput for random points in one process, and memory.
 *   npx tsx bench/geo-point-index.bench.ts [--n 100000] [--lookups 1000000]
 * Prints a human summary and, last, one JSON line.
 */
import { Delaunay } from 'd3-delaunay';
import type { Polygon } from 'geojson';
import os from 'node:os';
import { countyOutline } from '../src/server/platform/geo/geo.county';
import { PolygonIndex } from '../src/server/platform/geo/geo.point-index';
import { bboxOf } from '../src/server/platform/geo/geo.polygon';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 100_000);
const LOOKUPS = arg('lookups', 1_000_000);

let seed = 12345;
const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;

const outline = countyOutline('421081');
if (!outline) throw new Error('Shishou outline missing');
const [minX, minY, maxX, maxY] = bboxOf(outline);

const t0 = performance.now();
const sites = Float64Array.from({ length: N * 2 }, (_, i) =>
  i % 2 === 0 ? minX + random() * (maxX - minX) : minY + random() * (maxY - minY),
);
const voronoi = new Delaunay(sites).voronoi([minX, minY, maxX, maxY]);
const items: { id: string; polygon: Polygon }[] = [];
for (let i = 0; i < N; i++) {
  const ring = voronoi.cellPolygon(i);
  if (ring)
    items.push({
      id: `cell${String(i).padStart(6, '0')}`,
      polygon: { type: 'Polygon', coordinates: [ring.reverse()] },
    });
}
const tessellationMs = performance.now() - t0;
const vertices = items.reduce((n, i) => n + i.polygon.coordinates[0].length, 0);

globalThis.gc?.();
const heapBefore = process.memoryUsage();
const t1 = performance.now();
const index = new PolygonIndex(items);
const buildMs = performance.now() - t1;
globalThis.gc?.();
const heapAfter = process.memoryUsage();

const points = Array.from({ length: 10_000 }, (): [number, number] => [
  minX + random() * (maxX - minX),
  minY + random() * (maxY - minY),
]);
for (let i = 0; i < 20_000; i++) index.find(points[i % points.length]); // warm-up
let found = 0;
const t2 = performance.now();
for (let i = 0; i < LOOKUPS; i++) if (index.find(points[i % points.length]) !== null) found++;
const findMs = performance.now() - t2;

const NEAREST = Math.min(LOOKUPS, 200_000);
const far = points.map(([x, y]): [number, number] => [x + (maxX - minX) * 0.02, y]); // some outside the tessellation
const t3 = performance.now();
for (let i = 0; i < NEAREST; i++) index.nearest(far[i % far.length]);
const nearestMs = performance.now() - t3;

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
const result = {
  bench: 'geo-point-index',
  polygons: items.length,
  avgVertices: Math.round((vertices / items.length) * 10) / 10,
  tessellationMs: Math.round(tessellationMs),
  buildMs: Math.round(buildMs),
  lookups: LOOKUPS,
  found,
  findPerSecond: Math.round(LOOKUPS / (findMs / 1000)),
  nearestPerSecond: Math.round(NEAREST / (nearestMs / 1000)),
  indexMemoryMb: {
    heap: mb(heapAfter.heapUsed - heapBefore.heapUsed),
    arrayBuffers: mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers),
  },
  rssMb: mb(process.memoryUsage().rss),
  gcExposed: typeof globalThis.gc === 'function',
  machine: {
    cpus: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAvg1m: os.loadavg()[0],
  },
};
console.log(
  `${result.polygons} polygons (${result.avgVertices} vertices each): build ${result.buildMs} ms; find ${result.findPerSecond.toLocaleString('en')}/s; nearest ${result.nearestPerSecond.toLocaleString('en')}/s; index ≈ ${mb(heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers)} MB`,
);
console.log(JSON.stringify(result));
