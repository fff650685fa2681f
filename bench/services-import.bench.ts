/**
 * Services (issue #14) at the seed's scale: 156 partner units and 4,000 embedded cadres imported as
 * 台账 (CSV, all-or-nothing, the console's pipeline), 5,000 service activities imported from one xlsx
 * (dry run, import, the same file again), 20,000 sign-ups written through the repo; then the lists timed (p50/p95 of 50 runs):
 * the resident calendar's first page, the county's units with their totals, the cadres with their record.
 * Run: npx tsx bench/services-import.bench.ts   (BENCH_DATABASE_URL=postgres://… for PostgreSQL;
 * without it, PGlite in a temporary folder)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { insertAssignment } from '../src/server/modules/access/access.repo';
import { insertUser } from '../src/server/modules/identity/identity.repo';
import * as acts from '../src/server/modules/services/activities.repo';
import { calendar } from '../src/server/modules/services/activities.service';
import { importPartnerSheet, listCadres, listUnits } from '../src/server/modules/services/units.service';
import { importActivities } from '../src/server/modules/services/activities-import.service';
import { ACTIVITY_IMPORT_SHEET } from '../src/server/modules/services/activities-import.sheets';
import { writeXlsx } from '../src/server/platform/sheets';
import type { UserActor } from '../src/server/platform/actor';
import { migrate } from '../src/server/platform/db/migrate';
import { openBenchDatabase } from './bench-db';

const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-services-bench-'));

const openDb = () => openBenchDatabase('svc', { pgliteDir: path.join(dir, 'pgdata') });

const { db, drop, kind } = await openDb();
const deps = createDeps(loadConfig({ COCREATE_SECRET: 'bench-secret-0123456789abcdef0123456789', DATA_DIR: dir }), db, {
  info() {},
  warn() {},
  error() {},
});
await migrate(db);
await importCounty(db, '421081', 'bench');
const { rows: places } = await db.owner.query<{ code: string; level: number }>(
  `SELECT code, level FROM divisions WHERE code LIKE '421081%' AND level IN (4, 5) ORDER BY code`,
);
const towns = places.filter((p) => p.level === 4).map((p) => p.code);
const villages = places.filter((p) => p.level === 5).map((p) => p.code);
const officerId = await db.ownerTransaction(async (tx) => {
  const id = await insertUser(tx, { kind: 'staff', username: 'bench', displayName: '县级', passwordHash: 'x' });
  await insertAssignment(tx, {
    userId: id,
    role: 'county_officer',
    scopeCode: '421081',
    departmentCode: null,
    grantedBy: null,
  });
  return id;
});
const officer: UserActor = {
  kind: 'user',
  userId: officerId,
  userKind: 'staff',
  displayName: '县级',
  homeDivisionCode: null,
  grants: [{ role: 'county_officer', scopeCode: '421081', departmentCode: null }],
  ip: null,
};

const csv = (header: string, rows: string[][]) => Buffer.from([header, ...rows.map((r) => r.join(','))].join('\n'));
const KINDS = ['机关', '企事业', '两新组织'];
const units = Array.from({ length: 156 }, (_, i) => [
  `U${String(i + 1).padStart(3, '0')}`,
  `共建单位${i + 1}`,
  KINDS[i % 3],
  towns[i % towns.length],
  '',
]);
const cadres = Array.from({ length: 4000 }, (_, i) => [
  `U${String((i % 156) + 1).padStart(3, '0')}`,
  `干部${i + 1}`,
  `199${String(i).padStart(8, '0')}`,
  villages[i % villages.length],
  '',
  '2026-03-01',
  '',
]);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const r = await fn();
  console.log(`${kind} ${label}: ${((Date.now() - t) / 1000).toFixed(2)} s`);
  return r;
}

const u = await timed('import 156 units', () =>
  importPartnerSheet(
    deps,
    officer,
    'units',
    csv('单位编号,单位名称,单位类型,所属区划代码,联系人及电话', units),
    'csv',
    'all-or-nothing',
  ),
);
const c = await timed('import 4,000 cadres', () =>
  importPartnerSheet(
    deps,
    officer,
    'cadres',
    csv('单位编号,姓名,手机号,报到村（社区）代码,网格代码,报到日期,所在工作组', cadres),
    'csv',
    'all-or-nothing',
  ),
);
console.log(
  `${kind} imported ${u.importedRows} units (${u.errorCount} errors), ${c.importedRows} cadres (${c.errorCount} errors)`,
);

// 5,000 activities as the console imports them: one xlsx, a dry run, then every row or none
const start = new Date('2026-01-01T01:00:00Z').getTime();
const day = (i: number) => new Date(start + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
const activityRows = Array.from({ length: 5000 }, (_, i) => ({
  ref: `A${i}`,
  title: `服务活动${i}`,
  kind: 'volunteer',
  divisionCode: villages[i % villages.length],
  organiserKind: i % 10 === 0 ? 'unit' : 'community',
  organiser: i % 10 === 0 ? `U${String((i % 156) + 1).padStart(3, '0')}` : undefined,
  place: '党群服务中心',
  lng: 112.4,
  lat: 29.7,
  day: day(i),
  startsAt: `${String(8 + (i % 4) * 3).padStart(2, '0')}:00`,
  endsAt: `${String(10 + (i % 4) * 3).padStart(2, '0')}:00`,
  capacity: 10,
  audience: 'everyone',
}));
const chunks: Buffer[] = [];
await writeXlsx(
  ACTIVITY_IMPORT_SHEET,
  activityRows as never,
  new Writable({ write: (c, _e, cb) => (chunks.push(Buffer.from(c)), cb()) }),
  {
    lang: 'zh',
  },
);
const activityFile = Buffer.concat(chunks);
const dry = await timed('dry run of 5,000 activities (xlsx)', () =>
  importActivities(deps, officer, activityFile, 'xlsx', 'dry-run'),
);
const a = await timed('import 5,000 activities (xlsx, all-or-nothing)', () =>
  importActivities(deps, officer, activityFile, 'xlsx', 'all-or-nothing'),
);
console.log(`${kind} activities: dry run ${dry.validRows} valid, imported ${a.importedRows} (${a.errorCount} errors)`);
const again = await timed('import the same 5,000 again (every row an update)', () =>
  importActivities(deps, officer, activityFile, 'xlsx', 'all-or-nothing'),
);
console.log(`${kind} re-import: ${again.importedRows} rows, ${again.errorCount} errors`);

await timed('write 20,000 sign-ups', () =>
  db.transaction(async (tx) => {
    const residents: string[] = [];
    for (let i = 0; i < 2000; i++)
      residents.push(
        await insertUser(tx, { kind: 'resident', displayName: `居民${i}`, phoneIndex: `bench-${i}`, phoneMasked: 'x' }),
      );
    const { rows: ids } = await tx.query<{ id: string; startsAt: Date }>(
      `SELECT id, starts_at AS "startsAt" FROM service_activities ORDER BY starts_at, id`,
    );
    for (const [i, { id, startsAt: at }] of ids.entries()) {
      for (let k = 0; k < 4; k++) {
        const s = await acts.upsertSignup(tx, id, residents[(i * 4 + k) % residents.length], 'enrolled', at);
        if (k < 2) await acts.confirmHours(tx, s, { hours: 2, at, by: officerId });
      }
      await acts.addEnrolled(tx, id, 4);
    }
  }),
);

async function p95(label: string, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${kind} ${label}: p50 ${times[24].toFixed(1)} ms, p95 ${times[47].toFixed(1)} ms`);
}
const resident: UserActor = { ...officer, userKind: 'resident', grants: [] };
await p95('calendar, first page of 50 from mid-year', () =>
  calendar(deps, resident, { from: '2026-07-01T00:00:00Z', limit: 50 }),
);
await p95('units with totals, first page of 50', () => listUnits(deps, officer, { limit: 50 }));
await p95('cadres with their record, first page of 50', () => listCadres(deps, officer, { limit: 50 }));
await db.close();
await drop?.();
