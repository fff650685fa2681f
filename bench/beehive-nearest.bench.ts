/**
 * "Nearest station open now" over HTTP: the server listening on a local port, N stations (2,000,
 * random points in the Shishou outline, a third of them closed at night), R sequential GET
 * /api/beehive/stations/nearest requests from random positions in the county (GCJ-02, as a phone
 * sends them) after a warm-up. Prints p50/p95/p99 and, last, one JSON line.
 * Run: npx tsx bench/beehive-nearest.bench.ts   (BENCH_DATABASE_URL=postgres://… for PostgreSQL)
 * Knobs: BENCH_STATIONS (2000), BENCH_REQUESTS (3000).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { buildApp } from '../src/server/app';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { insertStation } from '../src/server/modules/beehive/stations.repo';
import { newCheckinCode } from '../src/server/modules/beehive/stations.service';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';
import { countyOutline, randomPointIn, wgs84ToGcj02 } from '../src/server/platform/geo';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const STATIONS = env('BENCH_STATIONS', 2000);
const REQUESTS = env('BENCH_REQUESTS', 3000);
const silent = { info() {}, warn() {}, error() {} };

let seed = 99;
const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;

async function open(): Promise<{ db: Database; kind: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { db: await openPglite(undefined), kind: 'pglite' };
  return { db: await openPostgres(url), kind: 'postgresql' };
}

const { db, kind } = await open();
await migrate(db);
await importCounty(db, '421081', 'bench');
const outline = countyOutline('421081')!;
const day = Array.from({ length: 7 }, () => [[8 * 60, 20 * 60] as [number, number]]);
const always = Array.from({ length: 7 }, () => [[0, 1440] as [number, number]]);
await db.ownerTransaction(async (tx) => {
  for (let i = 0; i < STATIONS; i++) {
    const [lng, lat] = randomPointIn(outline, random)!;
    await insertStation(
      tx,
      {
        kind: 'beehive',
        name: `站点${i}`,
        divisionCode: '421081',
        address: '',
        lng,
        lat,
        hours: i % 3 ? always : day,
        services: ['charging'],
        responsibleOrg: '',
        partyOrgCode: null,
        checkinCode: newCheckinCode(),
      },
      new Date(),
    );
  }
});
const config = loadConfig({
  COCREATE_SECRET: randomBytes(24).toString('hex'),
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PUBLIC_READ_PER_MINUTE: '1000000000', // one client asks thousands of times a minute
});
const app = await buildApp(createDeps(config, db, silent), { demo: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const positions = Array.from({ length: REQUESTS + 200 }, () => wgs84ToGcj02(randomPointIn(outline, random)!));
let next = 0;
const ask = async () => {
  const [lng, lat] = positions[next++];
  const t = performance.now();
  const res = await fetch(`${base}/api/beehive/stations/nearest?lng=${lng}&lat=${lat}&coordSystem=gcj02`);
  await res.json();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
};
for (let i = 0; i < 200; i++) await ask();
const times: number[] = [];
for (let i = 0; i < REQUESTS; i++) times.push(await ask());
times.sort((a, b) => a - b);
const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 100) / 100;
const result = {
  backend: kind,
  stations: STATIONS,
  requests: REQUESTS,
  p50Ms: q(0.5),
  p95Ms: q(0.95),
  p99Ms: q(0.99),
  cpus: os.cpus().length,
  node: process.version,
};
console.log(
  `nearest open station over HTTP, ${STATIONS} stations on ${kind}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`,
);
console.log(JSON.stringify(result));
await app.close();
await db.close();
