/**
 * Points shop under a rush: N residents (2,000) each send one redemption at the same moment for an
 * item with S in stock (100), through the service layer (`redeem`: balance row FOR UPDATE, points
 * person → hold, conditional stock UPDATE, pickup code, audit — one transaction each) on a pool of
 * POOL connections. Checks: exactly S succeed, no balance or stock below zero, the ledger sums to
 * zero, reconciliation is clean. The last line is JSON.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/points-redemption.bench.ts   (PGlite without it)
 * Knobs: BENCH_REQUESTS (2000), BENCH_STOCK (100), BENCH_POOL (32).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { reconcile } from '../src/server/modules/points/reconcile';
import { redeem } from '../src/server/modules/points/redemption.service';
import { createItem } from '../src/server/modules/points/shop.service';
import type { UserActor } from '../src/server/platform/actor';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { AppError } from '../src/server/platform/errors';
import { openBenchDatabase } from './bench-db';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const REQUESTS = env('BENCH_REQUESTS', 2000);
const STOCK = env('BENCH_STOCK', 100);
const POOL = env('BENCH_POOL', 32);
const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
const PRICE = 10;
const silent = { info() {}, warn() {}, error() {} };

const openBackend = () =>
  openBenchDatabase('points', { pool: POOL, pgliteNote: 'PGlite in memory (one session: requests are serialised)' });

/** Residents, their person accounts and one balanced funding transaction, in bulk as the owner. */
async function seed(db: Database): Promise<string[]> {
  return db.ownerTransaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (kind, display_name, phone_index, home_division_code)
       SELECT 'resident', '压测居民' || i, 'bench-points-' || i, $2 FROM generate_series(1, $1::int) i RETURNING id`,
      [REQUESTS, VILLAGE],
    );
    await tx.query(
      `INSERT INTO points_accounts (key, kind, user_id, created_at) SELECT 'person:' || id, 'person', id, now() FROM users WHERE phone_index LIKE 'bench-points-%'`,
    );
    await tx.query(`INSERT INTO points_balances (account_id) SELECT id FROM points_accounts WHERE kind = 'person'`);
    await tx.query(
      `INSERT INTO points_accounts (key, kind, division_code, created_at) VALUES ('issuer:' || $1, 'issuer', $1, now())`,
      [VILLAGE],
    );
    const t = await tx.query<{ id: number }>(
      `INSERT INTO points_transactions (kind, memo, created_at) VALUES ('award', '压测入账', now()) RETURNING id`,
    );
    await tx.query(
      `INSERT INTO points_entries (transaction_id, account_id, amount, created_at)
       SELECT $1::bigint, id, $2::bigint, now() FROM points_accounts WHERE kind = 'person'
       UNION ALL SELECT $1::bigint, id, -($2::bigint * $3::bigint), now() FROM points_accounts WHERE key = 'issuer:' || $4`,
      [t.rows[0].id, PRICE * 3, REQUESTS, VILLAGE],
    );
    return rows.map((r) => r.id);
  });
}

async function main() {
  const machine = {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
  const b = await openBackend();
  try {
    console.log(`machine: ${JSON.stringify(machine)}\nbackend: ${b.settings}`);
    await migrate(b.db);
    await importCounty(b.db, '421081', 'bench');
    const config = loadConfig({ COCREATE_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'silent' });
    const deps = createDeps(config, b.db, silent);
    const ids = await seed(b.db);
    const staffId = (
      await b.db.owner.query<{ id: string }>(
        `INSERT INTO users (kind, username, display_name, password_hash) VALUES ('staff', 'bench-town', '压测镇干部', 'x') RETURNING id`,
      )
    ).rows[0].id;
    const staff: UserActor = {
      kind: 'user',
      userId: staffId,
      userKind: 'staff',
      displayName: '压测镇干部',
      homeDivisionCode: null,
      grants: [{ role: 'town_officer', scopeCode: TOWN, departmentCode: null }],
      ip: '127.0.0.1',
    };
    const item = await createItem(deps, staff, {
      divisionCode: TOWN,
      name: '电饭煲',
      pricePoints: PRICE,
      stock: STOCK,
    });
    const actors: UserActor[] = ids.map((userId, i) => ({
      kind: 'user',
      userId,
      userKind: 'resident',
      displayName: `压测居民${i + 1}`,
      homeDivisionCode: VILLAGE,
      grants: [],
      ip: '127.0.0.1',
    }));
    console.log(
      `seeded ${ids.length} residents with ${PRICE * 3} points each; item stock ${STOCK}; firing ${REQUESTS} redemptions at once`,
    );

    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.allSettled(
      actors.map(async (a) => {
        const t = performance.now();
        try {
          return await redeem(deps, a, { itemId: item.id });
        } finally {
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const outcomes: Record<string, number> = {};
    for (const r of results) {
      const key =
        r.status === 'fulfilled'
          ? 'reserved'
          : r.reason instanceof AppError
            ? r.reason.code
            : `error: ${String((r.reason as Error)?.message ?? r.reason).slice(0, 80)}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    const q = async (sql: string) => Number((await b.db.owner.query<{ n: number }>(sql)).rows[0].n);
    const negativeBalances = await q('SELECT count(*) AS n FROM points_balances WHERE balance < 0');
    const negativeStock = await q('SELECT count(*) AS n FROM points_items WHERE stock < 0');
    const ledgerSum = await q('SELECT coalesce(sum(amount), 0) AS n FROM points_entries');
    const stockLeft = await q(`SELECT stock AS n FROM points_items WHERE id = '${item.id}'`);
    const rec = await reconcile(b.db.owner);
    latencies.sort((x, y) => x - y);
    const pct = (p: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]);
    const succeeded = outcomes.reserved ?? 0;
    console.log(
      `outcomes ${JSON.stringify(outcomes)}; stock left ${stockLeft}; reconcile ${rec.ok ? 'clean' : JSON.stringify(rec.mismatches.slice(0, 5))}`,
    );
    console.log(
      `${REQUESTS} requests in ${seconds.toFixed(2)} s = ${(REQUESTS / seconds).toFixed(0)} req/s; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`,
    );
    const ok = succeeded === STOCK && negativeBalances === 0 && negativeStock === 0 && ledgerSum === 0 && rec.ok;
    console.log(
      JSON.stringify({
        requests: REQUESTS,
        succeeded,
        negativeBalances,
        negativeStock,
        ledgerSum,
        seconds: Math.round(seconds * 100) / 100,
        requestsPerSecond: Math.round(REQUESTS / seconds),
        p50Ms: pct(50),
        p95Ms: pct(95),
        maxMs: pct(100),
        stock: STOCK,
        stockLeft,
        reconciled: rec.ok,
        outcomes,
        backend: b.kind,
        pool: b.kind === 'postgresql' ? POOL : 1,
        machine,
      }),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await b.db.close();
    await b.drop();
  }
}

await main();
