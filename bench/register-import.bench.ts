/**
 * Register import at Shishou's real scale: 200,000 households and ~560,000 residents written as
 * CSV registers (from the deterministic demo generator) and imported through the same streamed
 * pipeline as the console's wizard (all-or-nothing: validated in full, then written in one
 * transaction). Then party members and links are loaded and county-level subtree counts timed.
 * Run: npx tsx bench/register-import.bench.ts [scale]   (BENCH_DATABASE_URL=postgres://… for PostgreSQL;
 * without it, PGlite in a temporary folder)
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { coverageReport } from '../src/server/modules/organisation/coverage.service';
import { generateDemo } from '../src/server/modules/organisation/demo';
import * as write from '../src/server/modules/organisation/organisation.write';
import { runImport } from '../src/server/modules/organisation/registers.service';
import type { Database } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';

const scale = Number(process.argv[2] ?? 1);
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-register-bench-'));
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function writeCsv(file: string, header: string, rows: Iterable<string[]>): Promise<number> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  let n = 0;
  for (const r of rows) {
    if (!out.write(`${r.map(quote).join(',')}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

async function openDb(): Promise<{ db: Database; drop?: () => Promise<void>; kind: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { db: await openPglite(path.join(dir, 'pgdata')), kind: 'pglite' };
  const name = `cocreate_bench_reg_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    db: await openPostgres(u.toString()),
    kind: 'postgresql',
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { db, drop, kind } = await openDb();
const deps = createDeps(loadConfig({ COCREATE_SECRET: 'bench-secret-0123456789abcdef0123456789', DATA_DIR: dir }), db, {
  info() {},
  warn() {},
  error() {},
});
await migrate(db);
await importCounty(db, '421081', 'bench');
const data = generateDemo({ countyCode: '421081', scale, seed: 1 });
await db.ownerTransaction(async (tx) => {
  const c = { tx, crypto: deps.crypto };
  await write.writeGrids(c, [...data.grids()]);
  await write.writeCompounds(c, [...data.compounds()]);
  await write.writeBuildings(c, [...data.buildings()]);
});
const households = await writeCsv(
  path.join(dir, 'households.csv'),
  '户编码,地址,经度,纬度',
  (function* () {
    for (const h of data.households())
      yield [h.code, h.address, h.point ? String(h.point[0]) : '', h.point ? String(h.point[1]) : ''];
  })(),
);
const relationZh: Record<string, string> = {
  householder: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  other: '其他',
};
const residents = await writeCsv(
  path.join(dir, 'residents.csv'),
  '户编码,姓名,身份证号,手机号,与户主关系',
  (function* () {
    for (const r of data.residents())
      yield [r.householdCode, r.name, r.idNumber, r.phone ?? '', relationZh[r.relation]];
  })(),
);

async function timedImport(sheet: string, file: string) {
  const started = Date.now();
  peakRss = process.memoryUsage().rss;
  const size = statSync(file).size;
  const r = await runImport(
    deps,
    'cli',
    sheet,
    () => ({ kind: 'csv', stream: createReadStream(file), totalBytes: size }),
    'all-or-nothing',
  );
  if (r.errorCount)
    console.log(`${sheet}: first errors`, JSON.stringify(r.errors.slice(0, 3)), JSON.stringify(r.fileErrors));
  return {
    sheet,
    rows: r.totalRows,
    imported: r.importedRows,
    errors: r.errorCount,
    seconds: (Date.now() - started) / 1000,
    fileMB: Number((size / 1048576).toFixed(1)),
    peakRssMB: Math.round(peakRss / 1048576),
  };
}

const results = [
  await timedImport('households', path.join(dir, 'households.csv')),
  await timedImport('residents', path.join(dir, 'residents.csv')),
];
for (const r of results)
  console.log(
    `${kind} ${r.sheet}: ${r.imported}/${r.rows} rows in ${r.seconds.toFixed(1)} s (${r.fileMB} MB file, peak RSS ${r.peakRssMB} MB, ${r.errors} errors)`,
  );

await db.ownerTransaction(async (tx) => {
  const c = { tx, crypto: deps.crypto };
  await write.writePartyOrgs(c, [...data.partyOrgs()]);
  const batch = <T>(items: Iterable<T>, f: (rows: T[]) => Promise<Set<string>>) =>
    (async () => {
      let b: T[] = [];
      const touched = new Set<string>();
      for (const i of items) {
        b.push(i);
        if (b.length === 2000) {
          for (const g of await f(b)) touched.add(g);
          b = [];
        }
      }
      if (b.length) for (const g of await f(b)) touched.add(g);
      return touched;
    })();
  await batch(data.partyMembers(), (rows) => write.writePartyMembers(c, rows));
  const touched = await batch(data.links(), (rows) => write.writeLinks(c, rows));
  await write.refreshCoverage(tx, touched);
});
const county = {
  kind: 'user' as const,
  userId: 'bench',
  userKind: 'staff' as const,
  displayName: 'bench',
  homeDivisionCode: null,
  ip: null,
  grants: [{ role: 'county_officer' as const, scopeCode: '421081', departmentCode: null }],
};
const times: number[] = [];
let report: Awaited<ReturnType<typeof coverageReport>> | undefined;
for (let i = 0; i < 21; i++) {
  const t = performance.now();
  report = await coverageReport(deps, county, '421081');
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
clearInterval(sampler);
console.log(
  `${kind} county coverage report (households ${report!.households}, covered ${report!.covered}, ${report!.percent}%): median ${times[10].toFixed(2)} ms, max ${times[20].toFixed(2)} ms`,
);
await db.close();
await drop?.();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    backend: kind,
    scale,
    households,
    residents,
    imports: results,
    coverageMedianMs: Number(times[10].toFixed(2)),
  }),
);
