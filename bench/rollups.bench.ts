/**
 * Case rollups at county scale (#17 item 5): N synthetic cases over three years in one county,
 * written straight into `cases` with SQL (generate_series; synthetic.testing.ts: every state, three
 * grids a village, categories skewed to the first, departments), then:
 *  - the rollup's messages: the first BENCH_APPLY messages (1,000 cases each) applied through the
 *    outbox as a running server would (incremental throughput);
 *  - a full rebuild from the raw cases (`rollups rebuild`), and a full `rollups verify`;
 *  - migration 0031's fill of the town grains run again over the rebuilt fine rows (verify checks it);
 *  - county panels, the indicators of every town, category or department for a period, from the rollup
 *    (`sumByGroup`, what GET /api/rollups/cases runs) and by GROUP BY over the raw cases
 *    (`countByGroup`, what GET /api/indicators runs), alternating, p50/p95 over BENCH_RUNS runs each,
 *    for the last month, the last year, the month so far and a quarter cut mid-month; and that both
 *    give the same figures.
 * The last line is JSON.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/rollups.bench.ts   (PGlite without it)
 * Knobs: BENCH_CASES (1000000; 10000000 for the issue's scale), BENCH_RUNS (30), BENCH_APPLY (20).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { importCounty } from '../src/server/init';
import { COUNT_KEYS, type Dimension } from '../src/server/modules/indicators';
import { countByGroup } from '../src/server/modules/indicators/indicators.repo';
import { countsOf } from '../src/server/modules/rollups/rollups.domain';
import { rebuildRollups, verifyRollups } from '../src/server/modules/rollups';
import { sumByGroup } from '../src/server/modules/rollups/rollups.repo';
import { casesChangedHandler } from '../src/server/modules/rollups/rollups.service';
import { ensureGrids, generateCases } from '../src/server/modules/rollups/synthetic.testing';
import type { Queryable } from '../src/server/platform/db/db';
import type { Deps } from '../src/server/platform/deps';
import { migrate } from '../src/server/platform/db/migrate';
import { deliverOutbox } from '../src/server/platform/outbox/outbox';
import { openBenchDatabase } from './bench-db';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const CASES = env('BENCH_CASES', 1_000_000);
const RUNS = env('BENCH_RUNS', 30);
const APPLY = env('BENCH_APPLY', 20);
const CHUNK = 1_000_000;
const COUNTY = '421081';
const FIRST_DAY = '2024-01-01';
const DAYS = 3 * 365;
const NOW = new Date('2027-01-01T00:00:00+08:00');

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const r1 = (x: number) => Math.round(x * 10) / 10;
const stats = (ms: number[]) => ({ p50: r1(pct(ms, 50)), p95: r1(pct(ms, 95)), max: r1(Math.max(...ms)) });
const seconds = (t0: number) => r1((performance.now() - t0) / 1000);

/** Empties the town grains and runs migration 0031's INSERT statements again. */
async function backfillTownGrains(q: Queryable) {
  const sql = readFileSync(new URL('../migrations/0031_rollups_town_grains.sql', import.meta.url), 'utf8');
  const inserts = sql.split(';').filter((st) => /^\s*INSERT INTO/m.test(st.replace(/^\s*--.*$/gm, '')));
  await q.query(
    'TRUNCATE case_rollups_town_category_day, case_rollups_town_category_month, case_rollups_town_department_day, case_rollups_town_department_month',
  );
  for (const st of inserts) await q.query(st);
}

async function main() {
  const machine = {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    node: process.version,
    load: os.loadavg(),
  };
  const b = await openBenchDatabase('rollups');
  try {
    console.log(`machine: ${JSON.stringify(machine)}\nbackend: ${b.settings}`);
    await migrate(b.db);
    await importCounty(b.db, COUNTY, 'bench');
    await ensureGrids(b.db.owner, COUNTY, 3);

    let t0 = performance.now();
    for (let offset = 0; offset < CASES; offset += CHUNK)
      await generateCases(b.db.owner, {
        county: COUNTY,
        count: Math.min(CHUNK, CASES - offset),
        offset,
        firstDay: FIRST_DAY,
        days: DAYS,
      });
    const generated = seconds(t0);
    await b.db.owner.query('VACUUM ANALYZE cases');
    console.log(`generated ${CASES} cases in ${generated} s`);

    const s = casesChangedHandler({} as Deps);
    t0 = performance.now();
    const applied = await deliverOutbox(b.db, { [s.topic]: s.handler }, NOW, APPLY);
    const applySeconds = seconds(t0);
    const perSecond = Math.round((applied.delivered * 1000) / applySeconds);
    console.log(
      `applied ${applied.delivered} messages (${applied.delivered * 1000} cases) in ${applySeconds} s: ${perSecond} cases/s`,
    );
    await b.db.owner.query(
      `UPDATE outbox SET processed_at = now() WHERE topic = 'rollups.cases_changed' AND processed_at IS NULL`,
    );

    t0 = performance.now();
    const rebuilt = await rebuildRollups(b.db, { from: null, to: null });
    const rebuildSeconds = seconds(t0);
    await b.db.owner.query('VACUUM ANALYZE case_rollups');
    console.log(`rebuilt: ${rebuilt.cases} cases → ${rebuilt.rows} rollup rows in ${rebuildSeconds} s`);

    // migration 0031's fill of the town grains from the fine one (a database that had rollups before it):
    // emptied and filled again by the migration's own statements, then checked by verify below
    t0 = performance.now();
    await backfillTownGrains(b.db.owner);
    await b.db.owner.query('VACUUM ANALYZE');
    console.log(`town grains refilled by migration 0031's statements in ${seconds(t0)} s`);

    t0 = performance.now();
    const verified = await verifyRollups(b.db, { from: null, to: null });
    const verifySeconds = seconds(t0);
    console.log(`verify: ${verified.differences.length} differences in ${verifySeconds} s`);

    const periods = {
      month: { from: '2026-12-01', to: '2027-01-01' },
      year: { from: '2026-01-01', to: '2027-01-01' },
      // the cockpit's default: this month up to today (no whole month: day rows only)
      'month so far': { from: '2026-12-01', to: '2026-12-17' },
      // a quarter that starts and ends mid-month (whole months plus edge days)
      'mid-month quarter': { from: '2026-08-15', to: '2026-11-15' },
    };
    const panels: Record<string, unknown> = {};
    const cases: [Dimension, keyof typeof periods][] = (['town', 'category', 'department'] as const).flatMap((d) =>
      (Object.keys(periods) as (keyof typeof periods)[]).map((p): [Dimension, keyof typeof periods] => [d, p]),
    );
    for (const [dimension, name] of cases) {
      const days = periods[name];
      const slice = { scope: COUNTY, departments: null };
      const p = {
        from: new Date(`${days.from}T00:00:00+08:00`),
        to: new Date(`${days.to}T00:00:00+08:00`),
      };
      const rolled = () => sumByGroup(b.db, dimension, { ...slice, ...days });
      const raw = () => countByGroup(b.db, dimension, { ...slice, ...p });
      const [a, c] = [await rolled(), await raw()]; // warm both once, and compare
      const same =
        a.length === c.length &&
        a.every((g, i) => {
          const x = countsOf(g.sums);
          return (
            g.key === c[i].key &&
            COUNT_KEYS.every((k) => (k === 'handlingHours' ? Math.abs(x[k] - c[i][k]) < 1e-6 : x[k] === c[i][k]))
          );
        });
      const msRollup: number[] = [];
      const msRaw: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        await rolled();
        msRollup.push(performance.now() - t);
        t = performance.now();
        await raw();
        msRaw.push(performance.now() - t);
      }
      const rollup = stats(msRollup);
      const rawStats = stats(msRaw);
      panels[`${dimension}/${name}`] = {
        groups: a.length,
        same,
        rollup,
        raw: rawStats,
        speedupP50: r1(rawStats.p50 / rollup.p50),
        speedupP95: r1(rawStats.p95 / rollup.p95),
      };
      console.log(`county panel by ${dimension}, ${name}: ${JSON.stringify(panels[`${dimension}/${name}`])}`);
    }
    const sizes = (
      await b.db.owner.query<Record<string, string>>(
        `SELECT pg_size_pretty(pg_total_relation_size('cases')) AS cases, pg_size_pretty(pg_total_relation_size('case_rollups')) AS rollups,
                pg_size_pretty(pg_total_relation_size('case_rollup_facts')) AS facts`,
      )
    ).rows[0];
    console.log(
      JSON.stringify({
        backend: b.settings,
        machine,
        cases: CASES,
        generatedSeconds: generated,
        apply: { messages: applied.delivered, seconds: applySeconds, casesPerSecond: perSecond },
        rebuild: { rows: rebuilt.rows, seconds: rebuildSeconds },
        verify: { differences: verified.differences.length, seconds: verifySeconds },
        sizes,
        panels,
      }),
    );
  } finally {
    await b.db.close();
    await b.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
