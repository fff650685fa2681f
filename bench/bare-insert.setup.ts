/**
 * Setting up one backend for bench/case-intake.bench.ts: a fresh database (PGlite in a temp dir, or
 * CREATE DATABASE on the PostgreSQL server), migrated, Shishou (421081) imported, four grids around the
 * county seat, staff to notify, resident sessions; then the real app and the bare app, both listening
 * on 127.0.0.1 with a random port. The app's database handle counts and times every SQL statement.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { outboxHandlers, startWorkers } from '../src/server/workers';
import { deliverOutbox } from '../src/server/platform/outbox/outbox';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { insertAssignment } from '../src/server/modules/access/access.repo';
import { importCounty } from '../src/server/init';
import { newToken } from '../src/server/modules/identity/identity.domain';
import { insertSession, insertUser } from '../src/server/modules/identity/identity.repo';
import { writeGrids } from '../src/server/modules/organisation/organisation.write';
import type { Role } from '../src/server/platform/actor';
import type { Database, Queryable, QueryOptions } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';
import { BARE_TABLE, bareInsert, startBareApp } from './bare-insert';

const SEAT: [number, number] = [112.419609, 29.723349];
const square = ([x, y]: [number, number], d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ],
  ],
});
const silent = { info() {}, warn() {}, error() {} };

/**
 * CPU time (ms) used so far by the processes of a PostgreSQL server on this machine (all backends
 * of the cluster, from /proc); null when the server is not local or /proc is unavailable.
 */
export function postgresCpuMs(): number | null {
  try {
    let ticks = 0;
    let found = false;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const f = stat.slice(close + 2).split(' ');
      // utime + stime, and cutime + cstime: backends that exited during the run (idle pool
      // connections closing) leave their time with the postmaster that reaped them
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      found = true;
    }
    return found ? (ticks * 1000) / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Counts and times the statements the app runs (outside and inside transactions) while switched on. */
function profiled(db: Database) {
  const stats = new Map<string, { n: number; ms: number }>();
  let on = false;
  let transactions = 0;
  let lockHeldMs = 0; // from the audit chain's advisory lock until commit
  let cpu = process.cpuUsage();
  let cpuMs = 0;
  const record = (sql: string, ms: number) => {
    if (!on) return;
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    const s = stats.get(key) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    stats.set(key, s);
  };
  const timed = (q: Queryable): Queryable => ({
    async query(sql, params, options) {
      const t = performance.now();
      try {
        return await q.query(sql, params, options);
      } finally {
        record(sql, performance.now() - t);
      }
    },
  });
  const wrapped: Database = {
    kind: db.kind,
    owner: db.owner,
    ownerTransaction: (fn) => db.ownerTransaction(fn),
    close: () => db.close(),
    query: (sql, params, options) => timed(db).query(sql, params, options),
    async transaction(fn) {
      if (on) transactions++;
      let lockedAt = 0;
      const result = await db.transaction((tx) =>
        fn({
          async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
            const r = await timed(tx).query<T>(sql, params, options);
            if (sql.includes('pg_advisory_xact_lock')) lockedAt = performance.now();
            return r;
          },
        }),
      );
      if (on && lockedAt) lockHeldMs += performance.now() - lockedAt;
      return result;
    },
  };
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    db: wrapped,
    profile: {
      reset: () => {
        stats.clear();
        transactions = 0;
        lockHeldMs = 0;
        cpuMs = 0;
      },
      start: () => {
        on = true;
        cpu = process.cpuUsage();
      },
      stop: () => {
        on = false;
        const d = process.cpuUsage(cpu);
        cpuMs += (d.user + d.system) / 1000;
      },
      report: (requests: number) => ({
        /** CPU of the server process (app, pg client, PGlite's WASM engine) per request. */
        cpuMsPerRequest: r2(cpuMs / requests),
        auditLockHeldMsPerRequest: r2(lockHeldMs / requests),
        queriesPerRequest: r2([...stats.values()].reduce((s, x) => s + x.n, 0) / requests),
        transactionsPerRequest: r2(transactions / requests),
        top: [...stats.entries()]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 12)
          .map(([sql, s]) => ({ sql, perRequest: r2(s.n / requests), msPerRequest: r2(s.ms / requests) })),
      }),
    },
  };
}

async function createDatabase(kind: 'pglite' | 'postgresql', serverUrl: string | undefined, pool: number) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-bench-'));
    const db = await openPglite(path.join(dir, 'pgdata'));
    const { rows } = await db.owner.query<{ v: string }>('SELECT version() AS v');
    return {
      db,
      url: undefined,
      settings: `PGlite (${rows[0].v.split(',')[0]}), file-backed in ${dir}; one session, queries serialised`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cocreate_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const show: string[] = [];
  for (const s of [
    'server_version',
    'fsync',
    'synchronous_commit',
    'full_page_writes',
    'shared_buffers',
    'max_connections',
  ]) {
    show.push(`${s}=${Object.values((await admin.query(`SHOW ${s}`)).rows[0])[0]}`);
  }
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), pool);
  return {
    db,
    url: u.toString(),
    settings: `PostgreSQL ${show.join(', ')}, app and bare pools ${pool} each (fsync=off means commits do not wait for the disk: figures are optimistic for a durable server)`,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function setUpBackend(
  kind: 'pglite' | 'postgresql',
  serverUrl: string | undefined,
  pool: number,
  residents: number,
) {
  const { db: raw, url, settings, drop } = await createDatabase(kind, serverUrl, pool);
  await migrate(raw);
  await importCounty(raw, '421081', 'bench');
  const villages = (
    await raw.owner.query<{ code: string }>(
      `SELECT code FROM divisions WHERE parent_code = '421081001' ORDER BY code LIMIT 4`,
    )
  ).rows.map((r) => r.code);
  const offsets: [number, number][] = [
    [-0.01, -0.01],
    [0.01, -0.01],
    [-0.01, 0.01],
    [0.01, 0.01],
  ];
  const config = loadConfig({
    COCREATE_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000000000',
    SESSION_IDLE_MINUTES: '1440',
  });
  const { db, profile } = profiled(raw);
  const deps = createDeps(config, db, silent);
  const now = new Date();
  const cookies = await raw.ownerTransaction(async (tx) => {
    await writeGrids(
      { tx, crypto: deps.crypto },
      villages.map((v, i) => ({
        code: `${v}001`,
        name: `压测网格 ${i + 1}`,
        synthetic: true,
        polygon: square([SEAT[0] + offsets[i][0], SEAT[1] + offsets[i][1]], 0.01),
      })),
    );
    const staff: [Role, string, string | null][] = [
      ['town_officer', '421081001', null],
      ['county_officer', '421081', null],
      ['department_handler', '421081', '421081-zjj'],
      ...villages.map((v): [Role, string, null] => ['grid_worker', `${v}001`, null]),
    ];
    for (const [i, [role, scopeCode, departmentCode]] of staff.entries()) {
      const userId = await insertUser(tx, {
        kind: 'staff',
        username: `bench${i}`,
        displayName: `压测 ${role}`,
        passwordHash: 'x',
      }); // cannot sign in
      await insertAssignment(tx, { userId, role, scopeCode, departmentCode, grantedBy: null });
    }
    const out: string[] = [];
    for (let i = 0; i < residents; i++) {
      const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
      const userId = await insertUser(tx, {
        kind: 'resident',
        displayName: `居民${i}`,
        phoneCipher: deps.crypto.encrypt(phone),
        phoneIndex: deps.crypto.blindIndex('phone', phone),
        phoneMasked: `139****${phone.slice(-4)}`,
      });
      const { token, hash } = newToken();
      await insertSession(tx, {
        tokenHash: hash,
        userId,
        stage: 'active',
        now,
        expiresAt: new Date(now.getTime() + 12 * 3_600_000),
        ip: '127.0.0.1',
        userAgent: 'bench',
      });
      out.push(`cc_session=${token}`);
    }
    return out;
  });
  await raw.owner.exec(BARE_TABLE);
  const app = await buildApp(deps, { demo: false });
  let stopWorkers: (() => void) | null = null;
  const intakeUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}/api/cases`;
  const bareDb = bareInsert(raw, url, pool);
  const bare = await startBareApp(bareDb.insert);
  return {
    settings,
    cookies,
    intakeUrl,
    bareUrl: bare.url,
    profile,
    countCases: async () => (await raw.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n,
    /**
     * The rollups (#17) on or off for what follows: on, the statement triggers on cases queue the
     * changed cases and the server's workers run (outbox delivery every 2 s applies them), as in a
     * running server; off, the triggers are disabled and no worker runs (the intake as it was before).
     */
    async rollups(on: boolean) {
      stopWorkers?.();
      stopWorkers = null;
      const mode = on ? 'ENABLE' : 'DISABLE';
      for (const t of ['cases_rollups_insert', 'cases_rollups_update', 'cases_rollups_delete'])
        await raw.owner.exec(`ALTER TABLE cases ${mode} TRIGGER ${t}`);
      if (on) stopWorkers = startWorkers(deps);
    },
    /** Rollup messages not applied yet, and how long applying them all (no other topic) takes now. */
    async drainRollups() {
      const pending = async () =>
        (
          await raw.owner.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM outbox WHERE topic = 'rollups.cases_changed' AND processed_at IS NULL",
          )
        ).rows[0].n;
      const backlog = await pending();
      const t = performance.now();
      const topic = 'rollups.cases_changed';
      const handlers = { [topic]: (await outboxHandlers(deps))[topic] }; // the rollups' messages alone
      while ((await pending()) > 0) await deliverOutbox(deps.db, handlers, deps.clock.now());
      return { backlog, drainSeconds: Math.round((performance.now() - t) / 100) / 10 };
    },
    async close() {
      stopWorkers?.();
      await app.close();
      await bare.app.close();
      await bareDb.close();
      await raw.close();
      await drop();
    },
  };
}
