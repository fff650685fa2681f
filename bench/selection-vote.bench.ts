/**
 * A county-wide public vote (评选 群众投票): VOTERS verified residents (100,000) of 10 villages of
 * 高基庙镇 vote through the service layer (`castVote`: the selection and the voter's register
 * person read, the vote upserted with its event in one statement, an audit row — one transaction
 * each) arriving open-loop at RATE votes/s (500: the burst rate, held for the whole run, which is
 * harsher than an hour with bursts), plus CHANGES re-votes by people who already voted. Latency is
 * measured from each vote's scheduled arrival, so queueing counts. Checks: one row per voter,
 * every row holds the voter's last choice, the tally sums to the voters, one event and one audit
 * row per accepted request. The last line is JSON.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/selection-vote.bench.ts   (PGlite without it)
 * Knobs: BENCH_VOTERS (100000), BENCH_RATE (500), BENCH_CHANGES (2000), BENCH_POOL (20).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { writeGrids } from '../src/server/modules/organisation/organisation.write';
import { createSelection } from '../src/server/modules/selections/selections.service';
import { castVote } from '../src/server/modules/selections/votes.service';
import type { UserActor } from '../src/server/platform/actor';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { AppError } from '../src/server/platform/errors';
import { openBenchDatabase } from './bench-db';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const VOTERS = env('BENCH_VOTERS', 100_000);
const RATE = env('BENCH_RATE', 500);
const CHANGES = env('BENCH_CHANGES', 2000);
const POOL = env('BENCH_POOL', 20);
const TOWN = '421081107'; // 高基庙镇
const NOMINEES = 5;
const silent = { info() {}, warn() {}, error() {} };

const openBackend = () => openBenchDatabase('vote', { pool: POOL });

/** Ten villages with a grid each, VOTERS residents in households of 4, an account linked to each. */
async function seed(
  db: Database,
  deps: ReturnType<typeof createDeps>,
): Promise<{ users: string[]; villages: string[] }> {
  const villages = (
    await db.owner.query<{ code: string }>(`SELECT code FROM divisions WHERE parent_code = $1 ORDER BY code LIMIT 10`, [
      TOWN,
    ])
  ).rows.map((r) => r.code);
  await db.ownerTransaction(async (tx) => {
    await writeGrids(
      { tx, crypto: deps.crypto },
      villages.map((v, i) => ({ code: `${v}001`, name: `压测网格${i}`, polygon: null, synthetic: true })),
    );
    // household h (4 residents each) lies in village h % 10, numbered h / 10 there
    const grids = villages.map((v) => `${v}001`);
    const hhCode = `($1::text[])[(h % $2) + 1] || lpad((h / $2)::text, 7, '0')`;
    await tx.query(
      `INSERT INTO households (code, grid_code, address)
       SELECT ${hhCode}, ($1::text[])[(h % $2) + 1], '压测户' || h FROM generate_series(0, ($3::int + 3) / 4 - 1) h`,
      [grids, grids.length, VOTERS],
    );
    await tx.query(
      `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, gender, birth_date, relation)
       SELECT ${hhCode}, '压测居民' || i, 'x', 'bench-' || i, 'x', 'M', '1980-01-01', 'householder'
         FROM generate_series(0, $3::int - 1) i, LATERAL (SELECT i / 4 AS h) x`,
      [grids, grids.length, VOTERS],
    );
    await tx.query(
      `INSERT INTO users (kind, display_name, phone_index, resident_id)
       SELECT 'resident', name, 'bench-vote-' || id, id FROM residents WHERE id_index LIKE 'bench-%'`,
    );
  });
  const users = await db.owner.query<{ id: string }>(
    `SELECT id FROM users WHERE phone_index LIKE 'bench-vote-%' ORDER BY id`,
  );
  return { users: users.rows.map((r) => r.id), villages };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];

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
    const t0 = performance.now();
    const { users, villages } = await seed(b.db, deps);
    console.log(
      `seeded ${users.length} verified residents in ${villages.length} villages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
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
    const now = Date.now();
    const sel = await createSelection(deps, staff, {
      kind: 'outstanding_cocreator',
      title: '压测评选',
      divisionCode: TOWN,
      quota: 3,
      panelWeight: 50,
      criteria: [{ name: '综合', weight: 100, minScore: 0, maxScore: 10 }],
      panel: [staffId],
      nominationEndsAt: new Date(now + 60_000).toISOString(),
      votingStartsAt: new Date(now + 60_000).toISOString(),
      votingEndsAt: new Date(now + 6 * 3_600_000).toISOString(),
    });
    // nominees and the voting phase straight in the tables (the phases before the vote are not what is measured)
    const residents = (
      await b.db.owner.query<{ id: string; name: string; hh: string }>(
        `SELECT id, name, household_code AS hh FROM residents ORDER BY id LIMIT ${NOMINEES}`,
      )
    ).rows;
    const nominees: string[] = [];
    for (const r of residents)
      nominees.push(
        (
          await b.db.owner.query<{ id: string }>(
            `INSERT INTO selection_nominees (selection_id, resident_id, name, place_code, route, statement, nominated_by, status, created_at)
         VALUES ($1, $2, $3, left($4, 12), 'organisation', '压测', $5, 'eligible', now()) RETURNING id`,
            [sel.id, r.id, r.name, r.hh, staffId],
          )
        ).rows[0].id,
      );
    await b.db.owner.query(
      `UPDATE selections SET phase = 'voting', voting_starts_at = now() - interval '1 minute' WHERE id = $1`,
      [sel.id],
    );

    // the schedule: every voter once, then CHANGES re-votes by the first voters, arriving at RATE per second
    const plan = [
      ...users.map((u, i) => ({ u, n: nominees[i % NOMINEES] })),
      ...users.slice(0, CHANGES).map((u, i) => ({ u, n: nominees[(i + 1) % NOMINEES] })),
    ];
    const expected = new Map<string, string>();
    const latencies: number[] = [];
    const outcomes: Record<string, number> = {};
    console.log(`${plan.length} votes (${users.length} voters, ${CHANGES} changes) at ${RATE}/s`);
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < plan.length; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const { u, n } = plan[i];
      const actor: UserActor = {
        kind: 'user',
        userId: u,
        userKind: 'resident',
        displayName: 'v',
        homeDivisionCode: null,
        grants: [],
        ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
      };
      // a voter's change is only sent after their first vote has answered (as a person would)
      const run = async () => {
        try {
          await castVote(deps, actor, sel.id, { nomineeId: n });
          expected.set(u, n);
          outcomes.ok = (outcomes.ok ?? 0) + 1;
        } catch (e) {
          const k = e instanceof AppError ? e.code : `error: ${String((e as Error)?.message ?? e).slice(0, 80)}`;
          outcomes[k] = (outcomes[k] ?? 0) + 1;
        } finally {
          latencies.push(performance.now() - due);
        }
      };
      pending.push(run());
      if (pending.length >= 5000) await Promise.all(pending.splice(0, 2500));
    }
    await Promise.all(pending);
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((x, y) => x - y);
    const q = async (sql: string) => Number((await b.db.owner.query<{ n: number }>(sql, [sel.id])).rows[0].n);
    const rows = await q('SELECT count(*) AS n FROM selection_votes WHERE selection_id = $1');
    const distinctVoters = await q(
      'SELECT count(DISTINCT voter_resident_id) AS n FROM selection_votes WHERE selection_id = $1',
    );
    const events = await q(`SELECT count(*) AS n FROM selection_vote_events WHERE selection_id = $1`);
    const audits = await q(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'selections.vote' AND entity_id = $1::text`,
    );
    const stored = await b.db.owner.query<{ userId: string; nomineeId: string }>(
      `SELECT user_id AS "userId", nominee_id AS "nomineeId" FROM selection_votes WHERE selection_id = $1`,
      [sel.id],
    );
    const wrong = stored.rows.filter((r) => expected.get(r.userId) !== r.nomineeId).length;
    const byVillage = await b.db.owner.query<{ v: string; n: number }>(
      `SELECT village_code AS v, count(*)::int AS n FROM selection_votes WHERE selection_id = $1 GROUP BY 1 ORDER BY 1`,
      [sel.id],
    );
    const ok =
      rows === users.length &&
      distinctVoters === rows &&
      wrong === 0 &&
      events === plan.length &&
      (outcomes.ok ?? 0) === plan.length &&
      pct(latencies, 99) < 100;
    console.log(
      `outcomes ${JSON.stringify(outcomes)}; rows ${rows}, events ${events}, audit rows ${audits}, rows not holding the last choice ${wrong}`,
    );
    console.log(`votes by village: ${byVillage.rows.map((r) => r.n).join(', ')}`);
    console.log(
      `${plan.length} votes in ${seconds.toFixed(1)} s = ${(plan.length / seconds).toFixed(0)}/s; latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${pct(latencies, 100).toFixed(0)} ms`,
    );
    console.log(
      JSON.stringify({
        voters: users.length,
        changes: CHANGES,
        requests: plan.length,
        rate: RATE,
        seconds: Math.round(seconds * 10) / 10,
        rows,
        distinctVoters,
        events,
        audits,
        wrong,
        outcomes,
        p50Ms: Math.round(pct(latencies, 50) * 10) / 10,
        p95Ms: Math.round(pct(latencies, 95) * 10) / 10,
        p99Ms: Math.round(pct(latencies, 99) * 10) / 10,
        maxMs: Math.round(pct(latencies, 100)),
        ok,
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
