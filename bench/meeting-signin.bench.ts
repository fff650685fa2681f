/**
 * A villagers' meeting of N adults (1,500) signing in by code in bursts (50 a second), through the
 * service layer (`codeSignIn`: code → meeting, account → resident record, roster check, attendance
 * insert keyed by (meeting, resident), audit, live quorum — one transaction each) on a pool of POOL
 * connections; a tenth of them sign in twice. Meanwhile the live quorum panel is polled every 250 ms.
 * Checks: every person present exactly once (none lost, none doubled), the panel's final count equals
 * the roster. The last line is JSON.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/meeting-signin.bench.ts   (PGlite without it)
 * Knobs: BENCH_ADULTS (1500), BENCH_BURST (50 per second), BENCH_POOL (32).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { changeMeeting, createMeeting, liveQuorum } from '../src/server/modules/deliberation/meetings.service';
import { codeSignIn } from '../src/server/modules/deliberation/signins.service';
import type { UserActor } from '../src/server/platform/actor';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { AppError } from '../src/server/platform/errors';
import { codeSignInStats } from '../src/server/modules/deliberation/signins.writer';
import { openBenchDatabase } from './bench-db';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const ADULTS = env('BENCH_ADULTS', 1500);
const BURST = env('BENCH_BURST', 50);
const POOL = env('BENCH_POOL', 32);
const VILLAGE = '421081107212'; // 百子庵村
const GRID = `${VILLAGE}901`;
const silent = { info() {}, warn() {}, error() {} };

const openBackend = () => openBenchDatabase('signin', { pool: POOL });

/** ADULTS adults in ADULTS/3 households of a new grid, each with a resident account linked to the record. */
async function seed(db: Database): Promise<string[]> {
  return db.ownerTransaction(async (tx) => {
    await tx.query(
      `INSERT INTO divisions (code, name, kind, level, parent_code, source) VALUES ($1, '压测网格', 'grid', 6, $2, 'bench')`,
      [GRID, VILLAGE],
    );
    await tx.query(
      `INSERT INTO households (code, grid_code, address)
       SELECT $1 || '000' || lpad(i::text, 4, '0'), $1, '压测' || i FROM generate_series(1, ceil($2::int / 3.0)::int) i`,
      [GRID, ADULTS],
    );
    await tx.query(
      `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, gender, birth_date, relation)
       SELECT $1 || '000' || lpad((1 + (i - 1) / 3)::text, 4, '0'), '压测村民' || i, 'x', 'bench-' || i, '4210**********0000',
              CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, '1970-01-01', '家庭成员'
         FROM generate_series(1, $2::int) i`,
      [GRID, ADULTS],
    );
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (kind, display_name, phone_index, home_division_code, resident_id)
       SELECT 'resident', r.name, 'bench-signin-' || r.id, $1, r.id FROM residents r WHERE r.household_code LIKE $2 || '%'
       RETURNING id`,
      [VILLAGE, GRID],
    );
    return rows.map((r) => r.id);
  });
}

const actor = (userId: string, role?: 'village_officer'): UserActor => ({
  kind: 'user',
  userId,
  userKind: role ? 'staff' : 'resident',
  displayName: 'bench',
  homeDivisionCode: VILLAGE,
  grants: role ? [{ role, scopeCode: VILLAGE, departmentCode: null }] : [],
  ip: '127.0.0.1',
});

async function main() {
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version };
  const b = await openBackend();
  try {
    await migrate(b.db);
    await importCounty(b.db, '421081', 'bench');
    const config = loadConfig({ COCREATE_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'silent' });
    const deps = createDeps(config, b.db, silent);
    const users = await seed(b.db);
    const staffId = (
      await b.db.owner.query<{ id: string }>(
        `INSERT INTO users (kind, username, display_name, password_hash) VALUES ('staff', 'bench-village', '压测村干部', 'x') RETURNING id`,
      )
    ).rows[0].id;
    const staff = actor(staffId, 'village_officer');
    const now = Date.now();
    const m = await createMeeting(deps, staff, {
      meetingType: 'villagers',
      bodyCode: VILLAGE,
      title: '压测村民会议',
      agenda: '签到压测',
      startsAt: new Date(now + 60_000).toISOString(),
      noticedAt: new Date(now - 10 * 86_400_000).toISOString(),
    });
    await changeMeeting(deps, staff, m.id, 'open');
    const roster = m.turnout.members;
    console.log(
      `machine ${JSON.stringify(machine)}; backend ${b.kind}; roster ${roster} (of ${users.length} accounts)`,
    );

    // a tenth sign in twice (a second scan): the second must not count
    const requests = [...users, ...users.filter((_, i) => i % 10 === 0)];
    const latencies: number[] = [];
    const byBurst: number[][] = [];
    const outcomes: Record<string, number> = {};
    let completed = 0;
    let polling = true;
    const pollLatencies: number[] = [];
    let lastPanel = 0;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        lastPanel = (await liveQuorum(deps, staff, m.id)).turnout.present;
        pollLatencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < requests.length; i += BURST) {
      const burstAt = started + (i / BURST) * 1000;
      const wait = burstAt - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const burst: number[] = [];
      byBurst.push(burst);
      for (const userId of requests.slice(i, i + BURST))
        inFlight.push(
          (async () => {
            const t = performance.now();
            try {
              const r = await codeSignIn(deps, actor(userId), { code: m.signinCode });
              const k = r.alreadySignedIn ? 'already' : 'signed_in';
              outcomes[k] = (outcomes[k] ?? 0) + 1;
            } catch (e) {
              const k = e instanceof AppError ? e.code : `error: ${String((e as Error).message).slice(0, 60)}`;
              outcomes[k] = (outcomes[k] ?? 0) + 1;
            } finally {
              latencies.push(performance.now() - t);
              burst.push(performance.now() - t);
              completed++;
            }
          })(),
        );
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 600));
    polling = false;
    await poller;
    const rows = Number(
      (
        await b.db.owner.query<{ n: number }>('SELECT count(*) AS n FROM meeting_attendance WHERE meeting_id = $1', [
          m.id,
        ])
      ).rows[0].n,
    );
    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const pct = (xs: number[], p: number) => {
      const s = sorted(xs);
      return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
    };
    // where the tail is: the slowest sign-in of each burst (the first ones open the pool's connections)
    const groups = codeSignInStats(deps);
    console.log(`group writer: ${groups?.items ?? 0} sign-ins in ${groups?.flushes ?? 0} groups`);
    console.log(`slowest per burst (ms): ${byBurst.map((b) => Math.round(Math.max(...b))).join(' ')}`);
    const ok = rows === roster && outcomes.signed_in === roster && lastPanel === roster;
    console.log(
      `${requests.length} sign-ins (${users.length} people, ${requests.length - users.length} repeats) in ${seconds.toFixed(1)} s; ` +
        `attendance rows ${rows}; panel shows ${lastPanel}; outcomes ${JSON.stringify(outcomes)}`,
    );
    console.log(
      JSON.stringify({
        backend: b.kind,
        pool: b.kind === 'postgresql' ? POOL : 1,
        roster,
        requests: requests.length,
        completed,
        attendanceRows: rows,
        panelFinal: lastPanel,
        seconds: Math.round(seconds * 10) / 10,
        p50Ms: pct(latencies, 50),
        p99Ms: pct(latencies, 99),
        maxMs: pct(latencies, 100),
        pollP99Ms: pct(pollLatencies, 99),
        outcomes,
        ok,
        machine,
      }),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await b.db.close();
    await b.drop();
  }
}

await main();
