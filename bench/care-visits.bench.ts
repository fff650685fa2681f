/**
 * 九必问 visits at the seed's scale: 20,000 people in special difficulty over 400 grids (one grid
 * worker each, 50 persons), with a year of visit obligations (weekly for high, monthly for key,
 * quarterly for general: ~240,000 closed rows) and one open obligation each. Times, through the
 * service layer (the audit row of each read included):
 *  - a grid worker's due-visit list (first page of 50, `status=due`), random workers;
 *  - the county's monthly visit rate per grid (`visitRates`, 400 rows) for the current month.
 * The last line is JSON.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/care-visits.bench.ts   (PGlite without it)
 * Knobs: BENCH_PERSONS (20000), BENCH_GRIDS (400), BENCH_RUNS (200).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { dueVisits, visitRates } from '../src/server/modules/care/visits.service';
import { dueList, monthlyRates, monthlyRatesSql } from '../src/server/modules/care/care.repo';
import { cstMonth, DUE_WINDOW_MS, monthRange } from '../src/server/modules/care/schedule.domain';
import type { UserActor } from '../src/server/platform/actor';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { openBenchDatabase } from './bench-db';
import { time } from './timing';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PERSONS = env('BENCH_PERSONS', 20_000);
const GRIDS = env('BENCH_GRIDS', 400);
const RUNS = env('BENCH_RUNS', 200);
const COUNTY = '421081';
const silent = { info() {}, warn() {}, error() {} };

const openBackend = () => openBenchDatabase('care', { pool: 8 });

/** Grids, households, residents, workers, persons, a year of obligations, the open ones; as the owner. */
async function seed(db: Database, now: Date): Promise<{ grids: string[]; workers: string[] }> {
  return db.ownerTransaction(async (tx) => {
    const villages = (
      await tx.query<{ code: string }>(`SELECT code FROM divisions WHERE code LIKE $1 AND level = 5 ORDER BY code`, [
        `${COUNTY}%`,
      ])
    ).rows.map((r) => r.code);
    const grids = Array.from(
      { length: GRIDS },
      (_, i) => `${villages[i % villages.length]}${String(Math.floor(i / villages.length) + 1).padStart(3, '0')}`,
    );
    await tx.query(
      `INSERT INTO divisions (code, name, kind, level, parent_code, source) SELECT g, '网格' || g, 'grid', 6, left(g, 12), 'bench' FROM unnest($1::text[]) g`,
      [grids],
    );
    const per = Math.ceil(PERSONS / GRIDS);
    await tx.query(
      `INSERT INTO households (code, grid_code, address)
       SELECT g || '000' || lpad(n::text, 4, '0'), g, '压测地址' || n FROM unnest($1::text[]) g, generate_series(1, $2::int) n`,
      [grids, per],
    );
    await tx.query(
      `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, gender, birth_date, relation)
       SELECT code, '压测' || right(code, 6), 'x', 'bench-' || code, 'x', 'F', '1940-01-01', 'householder' FROM households WHERE grid_code = ANY ($1::text[])`,
      [grids],
    );
    const workers = (
      await tx.query<{ id: string }>(
        `INSERT INTO users (kind, username, display_name, password_hash)
         SELECT 'staff', 'bench-gw-' || g, '网格员' || g, 'x' FROM unnest($1::text[]) WITH ORDINALITY AS t(g, i) ORDER BY i RETURNING id`,
        [grids],
      )
    ).rows.map((r) => r.id);
    await tx.query(
      `INSERT INTO care_persons (resident_id, grid_code, categories, tier, worker_id, consent_by, consent_on, registered_at)
       SELECT r.id, r.grid_code, ARRAY['elderly_alone'],
              CASE WHEN n % 10 = 0 THEN 'high' WHEN n % 10 < 5 THEN 'key' ELSE 'general' END,
              w.id, 'self', '2026-01-01', '2026-01-01'
         FROM (SELECT id, grid_code, row_number() OVER (ORDER BY id) AS n FROM residents WHERE id_index LIKE 'bench-%') r
         JOIN users w ON w.username = 'bench-gw-' || r.grid_code`,
    );
    // a year of met obligations: weekly (high), monthly (key), quarterly (general); 1 in 10 met late
    await tx.query(
      `INSERT INTO care_dues (person_id, grid_code, worker_id, tier, reason, opened_at, due_at, closed_at, outcome)
       SELECT p.id, p.grid_code, p.worker_id, p.tier, 'visited', d - step, d,
              CASE WHEN random() < 0.9 THEN d - interval '3 days' ELSE d + interval '2 days' END, 'met'
         FROM care_persons p
         CROSS JOIN LATERAL (SELECT CASE p.tier WHEN 'high' THEN interval '7 days' WHEN 'key' THEN interval '1 month' ELSE interval '3 months' END AS step) s
         CROSS JOIN LATERAL generate_series(timestamptz '2026-01-01 00:00+08' + s.step, $1::timestamptz - interval '1 day', s.step) d`,
      [now],
    );
    // the open obligation of each: from three weeks overdue to three months ahead
    await tx.query(
      `INSERT INTO care_dues (person_id, grid_code, worker_id, tier, reason, opened_at, due_at)
       SELECT id, grid_code, worker_id, tier, 'visited', $1::timestamptz - interval '30 days',
              $1::timestamptz + (random() * 110 - 20) * interval '1 day' FROM care_persons`,
      [now],
    );
    await tx.query(
      `INSERT INTO care_visits (person_id, grid_code, worker_id, visited_at, answers, created_at)
       SELECT id, grid_code, worker_id, $1::timestamptz - interval '20 days', '[]', $1 FROM care_persons`,
      [now],
    );
    return { grids, workers };
  });
}

async function main() {
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version };
  const b = await openBackend();
  try {
    console.log(`machine: ${JSON.stringify(machine)}\nbackend: ${b.settings}`);
    await migrate(b.db);
    await importCounty(b.db, COUNTY, 'bench');
    const deps = createDeps(
      loadConfig({ COCREATE_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'silent' }),
      b.db,
      silent,
    );
    const now = deps.clock.now();
    const t0 = performance.now();
    const { grids, workers } = await seed(b.db, now);
    await b.db.owner.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load (index-only scans)
    const counts = (
      await b.db.query<{ persons: number; dues: number }>(
        `SELECT (SELECT count(*) FROM care_persons)::int AS persons, (SELECT count(*) FROM care_dues)::int AS dues`,
      )
    ).rows[0];
    console.log(
      `seeded ${counts.persons} persons, ${counts.dues} obligations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const actor = (userId: string, role: 'grid_worker' | 'county_officer', scopeCode: string): UserActor => ({
      kind: 'user',
      userId,
      userKind: 'staff',
      displayName: 'bench',
      homeDivisionCode: null,
      grants: [{ role, scopeCode, departmentCode: null }],
      ip: '127.0.0.1',
    });
    let rows = 0;
    const due = await time(RUNS, async (i) => {
      const k = (i * 7919) % grids.length;
      rows += (await dueVisits(deps, actor(workers[k], 'grid_worker', grids[k]), { status: 'due', limit: 50 })).items
        .length;
    });
    // the same list without its audit row: the query alone
    const query = await time(RUNS, async (i) => {
      const k = (i * 7919) % grids.length;
      const window = { now, highKey: DUE_WINDOW_MS.key, general: DUE_WINDOW_MS.general, overdueOnly: false };
      await dueList(b.db, workers[k], [grids[k]], window, 50, null);
    });
    const county = actor(workers[0], 'county_officer', COUNTY);
    const month = cstMonth(now);
    let rate = null as unknown;
    const rates = await time(Math.max(50, RUNS / 4), async () => {
      rate = (await visitRates(deps, county, { month, scope: COUNTY })).total;
    });
    const range0 = monthRange(month)!;
    const rateQuery = await time(Math.max(50, RUNS / 4), () => monthlyRates(b.db, COUNTY, range0.from, range0.to));
    console.log(`rate query alone: ${JSON.stringify(rateQuery)}`);
    if (process.env.BENCH_EXPLAIN) {
      const range = monthRange(month)!;
      const plan = await b.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${monthlyRatesSql(COUNTY, range.from, range.to)}`,
      );
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const result = {
      backend: b.settings,
      persons: counts.persons,
      obligations: counts.dues,
      dueList: { ...due, avgRows: Math.round(rows / RUNS), queryAlone: query },
      countyRate: { ...rates, month, total: rate },
    };
    console.log(
      `due-visit list (first page): p50 ${due.p50} ms, p95 ${due.p95} ms; county monthly rate: p50 ${rates.p50} ms, p95 ${rates.p95} ms`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await b.db.close();
    await b.drop();
  }
}

await main();
