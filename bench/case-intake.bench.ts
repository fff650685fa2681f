/**
 * HTTP intake throughput: POST /api/cases on the real app (validated, located, routed, audited,
 * timeline, follower, notification queued in the outbox) against a bare Fastify route that validates
 * a similar body and inserts one row (bench/bare-insert.ts), same database, same pool size, same run,
 * 50 keep-alive connections from a separate load process on loopback.
 * Run: npx tsx bench/case-intake.bench.ts   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
 * Knobs: BENCH_SECONDS (10 per measured run), BENCH_ROUNDS (2, alternating intake/bare),
 * BENCH_CONNECTIONS (50), BENCH_POOL (10, the app's default pool), BENCH_MAX_REQUESTS (200000 per run),
 * BENCH_RESIDENTS (6000 signed-in residents, taking turns: each stays under the app's default limit of
 * 20 reports per person per hour, which stays on), BENCH_SKIP_PGLITE=1 (PostgreSQL only, e.g. under --cpu-prof).
 * Each round also runs the intake with the case rollups (#17) off — their triggers disabled and no
 * worker — against the intake with them on (triggers queue, the server's outbox worker applies every
 * 2 s, as a running server does): the goal is ≥ 90 % of the throughput without them.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const SECONDS = env('BENCH_SECONDS', 10);
const ROUNDS = env('BENCH_ROUNDS', 2);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
const POOL = env('BENCH_POOL', 10);
const MAX_REQUESTS = env('BENCH_MAX_REQUESTS', 200_000);
const RESIDENTS = env('BENCH_RESIDENTS', 6000);
const SEAT: [number, number] = [112.419609, 29.723349]; // 石首市 county seat
const SPREAD = 0.02; // reports fall in the 0.04° square of four grids around the seat

interface LoadJob {
  url: string;
  seconds: number;
  connections: number;
  maxRequests: number;
  cookies: string[];
  keyPrefix: string;
}
interface LoadResult {
  requests: number;
  ok: number;
  statuses: Record<string, number>;
  seconds: number;
  latencies: number[];
  loadCpuMs: number;
  pgCpuMs: number | null;
}

// ---- the load process: N connections, each sending its next request when the last one answered ----
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let issued = 0;
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuMs();
  const start = performance.now();
  const end = start + job.seconds * 1000;
  const post = (conn: number, i: number) =>
    new Promise<number>((resolve) => {
      const body = JSON.stringify({
        description: `路灯不亮了，晚上很黑（压测 ${i}）`,
        categoryCode: i % 2 ? '06010' : '01037',
        lng: SEAT[0] + (Math.random() * 2 - 1) * SPREAD * 0.95,
        lat: SEAT[1] + (Math.random() * 2 - 1) * SPREAD * 0.95,
      });
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: job.cookies[i % job.cookies.length],
            'x-requested-with': 'bench',
            'idempotency-key': `${job.keyPrefix}-${conn}-${i}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: job.connections }, async (_, conn) => {
      while (performance.now() < end && issued < job.maxRequests) {
        const i = issued++;
        const t = performance.now();
        const status = await post(conn, i);
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const pg1 = postgresCpuMs();
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return {
    requests: latencies.length,
    ok: (statuses[201] ?? 0) + (statuses[200] ?? 0),
    statuses,
    seconds,
    latencies,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    pgCpuMs: pg0 === null || pg1 === null ? null : pg1 - pg0,
  };
}

/** Runs one load in a child process (its own event loop and CPU time, not the server's). */
function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load'], { serialization: 'advanced' });
    child.once('message', (r) => resolve(r as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`load process exited with ${code}`));
    });
    child.send(job);
  });
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

function summarise(runs: LoadResult[]) {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const pgCpu = runs.every((r) => r.pgCpuMs !== null) ? runs.reduce((s, r) => s + r.pgCpuMs!, 0) : null;
  return {
    /** CPU per request of the load generator, and of the PostgreSQL server when it runs on this machine. */
    loadCpuMsPerRequest: Math.round((100 * runs.reduce((s, r) => s + r.loadCpuMs, 0)) / requests) / 100,
    pgCpuMsPerRequest: pgCpu === null ? null : Math.round((100 * pgCpu) / requests) / 100,
    requestsPerSecond: r1(requests / seconds),
    perRound: runs.map((r) => r1(r.requests / r.seconds)),
    requests,
    statuses,
    p50: r1(pct(all, 50)),
    p95: r1(pct(all, 95)),
    p99: r1(pct(all, 99)),
    max: r1(all[all.length - 1] ?? NaN),
  };
}

async function main() {
  const { setUpBackend } = await import('./bare-insert.setup');
  const os = await import('node:os');
  const machine = {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
  console.log(
    `machine: ${JSON.stringify(machine)}; ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per target, pool ${POOL}`,
  );
  const results: Record<string, unknown>[] = [];
  const backends: ('pglite' | 'postgresql')[] = [
    ...(process.env.BENCH_SKIP_PGLITE ? [] : ['pglite' as const]),
    ...(process.env.BENCH_DATABASE_URL ? ['postgresql' as const] : []),
  ];
  for (const kind of backends) {
    const b = await setUpBackend(kind, process.env.BENCH_DATABASE_URL, POOL, RESIDENTS);
    try {
      console.log(`\n[${kind}] ${b.settings}`);
      const job = (url: string, tag: string, seconds: number): LoadJob => ({
        url,
        seconds,
        connections: CONNECTIONS,
        maxRequests: MAX_REQUESTS,
        cookies: b.cookies,
        keyPrefix: `${kind}-${tag}-${Date.now()}`,
      });
      await load(job(b.intakeUrl, 'warm', 2)); // JIT, grid index, category and pool warm-up
      await load(job(b.bareUrl, 'warm', 2));
      b.profile.reset();
      const intake: LoadResult[] = [];
      const bare: LoadResult[] = [];
      const noRollups: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await b.rollups(true);
        b.profile.start();
        intake.push(await load(job(b.intakeUrl, `i${round}`, SECONDS)));
        b.profile.stop();
        await b.rollups(false);
        noRollups.push(await load(job(b.intakeUrl, `n${round}`, SECONDS)));
        bare.push(await load(job(b.bareUrl, `b${round}`, SECONDS)));
      }
      await b.rollups(true);
      const drained = await b.drainRollups();
      const i = summarise(intake);
      const n = summarise(noRollups);
      const s = summarise(bare);
      const rollupRatio = r1((100 * i.requestsPerSecond) / n.requestsPerSecond);
      console.log(
        `  without rollups ${n.requestsPerSecond} req/s (rounds ${n.perRound.join(', ')}), p50 ${n.p50} ms, p99 ${n.p99} ms; with / without = ${rollupRatio} % (goal ≥ 90 %: ${rollupRatio >= 90 ? 'met' : 'NOT met'}); rollup backlog at the end ${drained.backlog} messages, applied in ${drained.drainSeconds} s`,
      );
      const created = await b.countCases();
      const profile = b.profile.report(i.requests);
      console.log(
        `  intake  ${i.requestsPerSecond} req/s (rounds ${i.perRound.join(', ')}), p50 ${i.p50} ms, p95 ${i.p95} ms, p99 ${i.p99} ms, max ${i.max} ms, statuses ${JSON.stringify(i.statuses)}`,
      );
      console.log(
        `  bare    ${s.requestsPerSecond} req/s (rounds ${s.perRound.join(', ')}), p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms, statuses ${JSON.stringify(s.statuses)}`,
      );
      const ratio = r1((100 * i.requestsPerSecond) / s.requestsPerSecond);
      console.log(
        `  CPU per request: intake server ${profile.cpuMsPerRequest} ms, PostgreSQL ${i.pgCpuMsPerRequest ?? '?'} ms, load generator ${i.loadCpuMsPerRequest} ms; bare PostgreSQL ${s.pgCpuMsPerRequest ?? '?'} ms, load generator ${s.loadCpuMsPerRequest} ms`,
      );
      console.log(
        `  intake / bare = ${ratio} %  (goal ≥ 50 %; p99 goal < 50 ms: ${i.p99 < 50 ? 'met' : 'NOT met'}); cases in the database: ${created}`,
      );
      console.log(
        `  per intake request: ${profile.queriesPerRequest} SQL statements, ${profile.transactionsPerRequest} transactions, server CPU ${profile.cpuMsPerRequest} ms,` +
          ` audit-chain lock held ${profile.auditLockHeldMsPerRequest} ms (lock → commit; one holder at a time ⇒ ceiling ≈ ${r1(1000 / profile.auditLockHeldMsPerRequest)} req/s); statements by time (incl. waiting for a pool connection):`,
      );
      for (const q of profile.top)
        console.log(
          `    ${String(q.perRequest).padStart(5)}/req ${String(q.msPerRequest).padStart(6)} ms/req  ${q.sql}`,
        );
      results.push({
        backend: kind,
        settings: b.settings,
        connections: CONNECTIONS,
        pool: POOL,
        seconds: SECONDS,
        rounds: ROUNDS,
        intake: { ...i, perRound: undefined },
        bare: { ...s, perRound: undefined },
        ratioPercent: ratio,
        withoutRollups: { ...n, perRound: undefined },
        rollupRatioPercent: rollupRatio,
        rollupBacklog: drained,
        queriesPerRequest: profile.queriesPerRequest,
        serverCpuMsPerRequest: profile.cpuMsPerRequest,
        auditLockHeldMsPerRequest: profile.auditLockHeldMsPerRequest,
      });
    } finally {
      await b.close();
    }
  }
  console.log(JSON.stringify({ bench: 'case-intake', machine, results }));
}

const { postgresCpuMs } = await import('./bare-insert.setup');

if (process.argv[2] === '--load') {
  process.once('message', async (job: LoadJob) => {
    process.send!(await runLoad(job), () => process.exit(0));
  });
} else {
  await main();
}
