/**
 * The 九必问 register import at the seed's scale (issue #14): 20,000 people in special difficulty over
 * 400 grids (one grid worker each), half already in the resident register (matched by the ID number's
 * blind index), half new (a household made for each), imported from one xlsx by a county officer
 * through the service (dry run, then all-or-nothing in one transaction), then the same file again
 * (every row an update). Then, on the register the import made (one open obligation each, no visit
 * history yet), the grid worker's due-visit list and the county's monthly rate, timed as
 * bench/care-visits.bench.ts times them (that bench seeds a year of history straight in SQL).
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/care-import.bench.ts   (PGlite without it)
 * Knobs: BENCH_PERSONS (20000), BENCH_GRIDS (400), BENCH_RUNS (200). The last line is JSON.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Writable } from 'node:stream';
import { createDeps } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { importCounty } from '../src/server/init';
import { importCareRegister } from '../src/server/modules/care/care-import.service';
import { CARE_IMPORT_SHEET, type CareImportRow } from '../src/server/modules/care/care-import.sheets';
import { cstMonth } from '../src/server/modules/care/schedule.domain';
import { dueVisits, visitRates } from '../src/server/modules/care/visits.service';
import { makeIdNumber } from '../src/server/modules/organisation/id-number';
import { writeHouseholds, writeResidents } from '../src/server/modules/organisation/organisation.write';
import type { UserActor } from '../src/server/platform/actor';
import { migrate } from '../src/server/platform/db/migrate';
import { writeXlsx } from '../src/server/platform/sheets';
import { openBenchDatabase } from './bench-db';
import { loadAverage, time } from './timing';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PERSONS = env('BENCH_PERSONS', 20_000);
const GRIDS = env('BENCH_GRIDS', 400);
const RUNS = env('BENCH_RUNS', 200);
const COUNTY = '421081';
const silent = { info() {}, warn() {}, error() {} };
const TIERS = ['high', 'key', 'key', 'key', 'key', 'general', 'general', 'general', 'general', 'general'] as const;

const actor = (userId: string, role: 'grid_worker' | 'county_officer', scopeCode: string): UserActor => ({
  kind: 'user',
  userId,
  userKind: 'staff',
  displayName: 'bench',
  homeDivisionCode: null,
  grants: [{ role, scopeCode, departmentCode: null }],
  ip: '127.0.0.1',
});

async function xlsx(rows: Partial<CareImportRow>[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  await writeXlsx(CARE_IMPORT_SHEET, rows as CareImportRow[], out, { lang: 'zh' });
  return Buffer.concat(chunks);
}

async function main() {
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version };
  const b = await openBenchDatabase('careimp', { pool: 8 });
  try {
    console.log(`machine: ${JSON.stringify(machine)}\nbackend: ${b.settings}\nload: ${await loadAverage()}`);
    await migrate(b.db);
    await importCounty(b.db, COUNTY, 'bench');
    const deps = createDeps(
      loadConfig({ COCREATE_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'silent' }),
      b.db,
      silent,
    );
    const per = Math.ceil(PERSONS / GRIDS);
    // grids, a grid worker each, a county officer; half the persons already in the resident register
    const { grids, workers, officer } = await b.db.ownerTransaction(async (tx) => {
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
      const workers = (
        await tx.query<{ id: string }>(
          `INSERT INTO users (kind, username, display_name, password_hash)
           SELECT 'staff', 'bench-gw-' || g, '网格员' || g, 'x' FROM unnest($1::text[]) WITH ORDINALITY AS t(g, i) ORDER BY i RETURNING id`,
          [grids],
        )
      ).rows.map((r) => r.id);
      await tx.query(
        `INSERT INTO role_assignments (user_id, role, scope_code) SELECT u, 'grid_worker', g FROM unnest($1::uuid[], $2::text[]) AS t(u, g)`,
        [workers, grids],
      );
      const officer = (
        await tx.query<{ id: string }>(
          `INSERT INTO users (kind, username, display_name, password_hash) VALUES ('staff', 'bench-county', '县级', 'x') RETURNING id`,
        )
      ).rows[0].id;
      await tx.query(`INSERT INTO role_assignments (user_id, role, scope_code) VALUES ($1, 'county_officer', $2)`, [
        officer,
        COUNTY,
      ]);
      return { grids, workers, officer };
    });
    const rows: Partial<CareImportRow>[] = [];
    const known = { households: [] as { code: string; address: string; point: null }[], residents: [] as never[] };
    for (let i = 0; i < PERSONS; i++) {
      const g = i % GRIDS;
      const n = Math.floor(i / GRIDS) + 1;
      const birth = new Date(Date.UTC(1930, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '');
      const idNumber = makeIdNumber('421081', birth, i % 1000);
      const name = `压测${i}`;
      const inRegister = i % 2 === 0;
      if (inRegister) {
        const code = `${grids[g]}000${5000 + n}`; // the import numbers its new households after the highest
        known.households.push({ code, address: `压测地址${i}`, point: null });
        (known.residents as unknown[]).push({
          householdCode: code,
          name,
          idNumber,
          phone: null,
          relation: 'householder',
        });
      }
      rows.push({
        name,
        idNumber,
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        village: grids[g].slice(0, 12),
        grid: grids[g],
        categories: i % 3 ? '独居老人' : '独居老人、低保低收入',
        tier: TIERS[i % TIERS.length],
        consent: true,
        consentOn: '2026-01-05',
        address: inRegister ? undefined : `压测新址${i}`,
      });
    }
    // one birth date per person: the ID numbers never repeat
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      if (seen.has(r.idNumber!)) throw new Error(`repeated ID number at ${i}`);
      seen.add(r.idNumber!);
    }
    await b.db.ownerTransaction(async (tx) => {
      const c = { tx, crypto: deps.crypto };
      for (let i = 0; i < known.households.length; i += 2000) {
        await writeHouseholds(c, known.households.slice(i, i + 2000));
        await writeResidents(c, (known.residents as never[]).slice(i, i + 2000));
      }
    });
    await b.db.owner.query('ANALYZE');
    const file = await xlsx(rows);
    console.log(
      `file: ${rows.length} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB xlsx; load ${await loadAverage()}`,
    );
    const county = actor(officer, 'county_officer', COUNTY);
    const timed = async (label: string, mode: 'dry-run' | 'all-or-nothing') => {
      const t = performance.now();
      const r = await importCareRegister(deps, county, file, 'xlsx', mode);
      const s = (performance.now() - t) / 1000;
      console.log(
        `${label}: ${r.importedRows}/${r.totalRows} rows, ${r.errorCount} errors, ${s.toFixed(1)} s; load ${await loadAverage()}`,
      );
      if (r.errorCount) console.log(JSON.stringify(r.errors.slice(0, 5)));
      return { seconds: Math.round(s * 10) / 10, rowsPerSecond: Math.round(r.totalRows / s), errors: r.errorCount };
    };
    const dry = await timed('dry run', 'dry-run');
    const first = await timed('import (10,000 matched, 10,000 new)', 'all-or-nothing');
    const again = await timed('re-import (every row an update)', 'all-or-nothing');
    const counts = (
      await b.db.query<{ persons: number; open: number; residents: number }>(
        `SELECT (SELECT count(*) FROM care_persons)::int AS persons,
                (SELECT count(*) FROM care_dues WHERE closed_at IS NULL)::int AS open,
                (SELECT count(*) FROM residents)::int AS residents`,
      )
    ).rows[0];
    console.log(`after: ${JSON.stringify(counts)}`);
    await b.db.owner.query('VACUUM ANALYZE');
    const now = deps.clock.now();
    let listed = 0;
    const due = await time(RUNS, async (i) => {
      const k = (i * 7919) % grids.length;
      listed += (await dueVisits(deps, actor(workers[k], 'grid_worker', grids[k]), { status: 'due', limit: 50 })).items
        .length;
    });
    const month = cstMonth(now);
    const rates = await time(Math.max(50, RUNS / 4), () => visitRates(deps, county, { month, scope: COUNTY }));
    const load = await loadAverage();
    const result = {
      backend: b.settings,
      persons: PERSONS,
      dryRun: dry,
      import: first,
      reimport: again,
      counts,
      dueList: { ...due, avgRows: Math.round(listed / RUNS) },
      countyRate: rates,
      load,
    };
    console.log(
      `due-visit list: p50 ${due.p50} ms, p95 ${due.p95} ms; county monthly rate: p50 ${rates.p50} ms, p95 ${rates.p95} ms; load ${load}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await b.db.close();
    await b.drop();
  }
}

await main();
