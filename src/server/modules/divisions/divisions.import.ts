/**
 * `cocreate init --county CODE`: imports one county-level unit, its ancestors, its towns and its
 * village-level units from the national codes, in one transaction (all or nothing), audited.
 */
import type { Database, Queryable } from '../../platform/db/db';
import { auditSystem } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors';
import { ensureStandardDepartments } from './departments';
import { kindOf, levelOf, parentOf } from './divisions.domain';
import { countiesUnder, type NewDivision, findDivision, refreshChildCounts, upsertDivisions } from './divisions.repo';
import { type SourceRow, SOURCE_EDITION, readSource } from './divisions.source';

export interface ImportSummary {
  county: { code: string; name: string };
  towns: number;
  villages: number;
  byKind: Record<string, number>;
}

async function collect(it: AsyncGenerator<SourceRow>, limit = Infinity): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of it) {
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}

const toNew = (r: SourceRow): NewDivision => ({
  code: r.code,
  name: r.name,
  kind: kindOf(r.code),
  level: levelOf(r.code),
  parentCode: parentOf(r.code),
});

/** Loads the rows for one county from the source files, or throws unknown_division. */
export async function loadCountyRows(countyCode: string): Promise<NewDivision[]> {
  if (!/^\d{6}$/.test(countyCode))
    throw new AppError('unknown_division', { code: countyCode, hint: 'county codes have 6 digits' });
  const [county] = await collect(readSource('areas', countyCode), 1);
  if (!county || county.code !== countyCode) throw new AppError('unknown_division', { code: countyCode });
  const [province] = await collect(readSource('provinces', countyCode.slice(0, 2)), 1);
  const [city] = await collect(readSource('cities', countyCode.slice(0, 4)), 1);
  const towns = await collect(readSource('streets', countyCode));
  const villages = await collect(readSource('villages', countyCode));
  return [province, city, county, ...towns, ...villages].filter((r): r is SourceRow => Boolean(r)).map(toNew);
}

/**
 * What other modules hang on the division tree, run in the import's transaction (idempotent). The
 * divisions module knows none of them: src/server/init.ts passes the case categories.
 */
export type DivisionsSetUp = (tx: Queryable) => Promise<void>;

/**
 * What a county needs besides its divisions: the standard departments (role assignments and case
 * routing point at them) and `setUp` (the case categories). Idempotent; every import path runs it,
 * and the demo and the server run it for their county, so no order of init, demo and serve misses it.
 */
export async function setUpCounty(tx: Queryable, countyCode: string, setUp: DivisionsSetUp): Promise<void> {
  await ensureStandardDepartments(tx, countyCode);
  await setUp(tx);
}

/** Sets up a county whose divisions are present (false, doing nothing, when they are not). */
export async function ensureCountySetUp(db: Database, countyCode: string, setUp: DivisionsSetUp): Promise<boolean> {
  return db.ownerTransaction(async (tx) => {
    if (!(await findDivision(tx, countyCode))) return false;
    await setUpCounty(tx, countyCode, setUp);
    return true;
  });
}

/** Imports a county unless its divisions are present; sets it up either way. True if imported. */
export async function ensureCounty(
  db: Database,
  countyCode: string,
  actorLabel: string,
  setUp: DivisionsSetUp,
): Promise<boolean> {
  if (await ensureCountySetUp(db, countyCode, setUp)) return false;
  await importCounty(db, countyCode, actorLabel, setUp);
  return true;
}

export async function importCounty(
  db: Database,
  countyCode: string,
  actorLabel: string,
  setUp: DivisionsSetUp,
): Promise<ImportSummary> {
  const rows = await loadCountyRows(countyCode);
  const byKind: Record<string, number> = {};
  for (const r of rows) if (r.level >= 4) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const county = rows.find((r) => r.code === countyCode)!;
  await db.ownerTransaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await upsertDivisions(tx, rows.slice(i, i + 1000));
    await refreshChildCounts(tx, countyCode.slice(0, 2));
    await setUpCounty(tx, countyCode, setUp);
    await auditSystem(tx, actorLabel, {
      action: 'divisions.import',
      entityType: 'division',
      entityId: countyCode,
      scopeCode: countyCode,
      after: { source: SOURCE_EDITION, rows: rows.length, byKind },
    });
  });
  return {
    county: { code: county.code, name: county.name },
    towns: rows.filter((r) => r.level === 4).length,
    villages: rows.filter((r) => r.level === 5).length,
    byKind,
  };
}

export interface NationalSummary {
  byLevel: Record<number, number>;
  /** The county set up (departments, categories) with the tree, if it was in it. */
  countySetUp: string | null;
  seconds: number;
}

export interface NationalOptions {
  onProgress?: (done: number) => void;
  actorLabel?: string;
  /** The deployment's county (COUNTY_CODE): set up in the same transaction when the tree holds it. */
  countyCode?: string;
  /** Only the part of the tree under this code prefix (e.g. '42' for Hubei), with its ancestors. */
  within?: string;
  /** Run once with the tree, and with the county (see DivisionsSetUp). */
  setUp: DivisionsSetUp;
  /**
   * Also the standard departments of every county-level unit imported: a province installation
   * (`init --province 42`) names the departments of the counties whose rollups it receives.
   */
  everyCountysDepartments?: boolean;
}

const inTree = (code: string, within: string) => code.startsWith(within) || within.startsWith(code);

/**
 * `cocreate init --all`: the whole national tree (2023: 31 provinces, 2,978 county-level,
 * 41,352 town-level and 620,573 village-level units), streamed in batches in one transaction.
 */
export async function importNational(db: Database, opts: NationalOptions): Promise<NationalSummary> {
  const { onProgress = () => {}, actorLabel = 'cli', countyCode, within = '', setUp, everyCountysDepartments } = opts;
  const started = Date.now();
  const byLevel: Record<number, number> = {};
  let countySetUp: string | null = null;
  await db.ownerTransaction(async (tx) => {
    let batch: NewDivision[] = [];
    let done = 0;
    const flush = async () => {
      await upsertDivisions(tx, batch);
      done += batch.length;
      batch = [];
      onProgress(done);
    };
    for (const file of ['provinces', 'cities', 'areas', 'streets', 'villages'] as const) {
      for await (const row of readSource(file, within.slice(0, 2))) {
        if (within && !inTree(row.code, within)) continue;
        const d = toNew(row);
        byLevel[d.level] = (byLevel[d.level] ?? 0) + 1;
        batch.push(d);
        if (batch.length >= 5000) await flush();
      }
      if (batch.length) await flush();
    }
    await refreshChildCounts(tx, within.slice(0, 2));
    await setUp(tx);
    if (everyCountysDepartments)
      for (const county of await countiesUnder(tx, within)) await ensureStandardDepartments(tx, county);
    if (countyCode && (await findDivision(tx, countyCode))) {
      await setUpCounty(tx, countyCode, setUp);
      countySetUp = countyCode;
    }
    await auditSystem(tx, actorLabel, {
      action: 'divisions.import_national',
      entityType: 'division',
      entityId: within || null,
      scopeCode: within || null,
      after: { source: SOURCE_EDITION, byLevel, countySetUp },
    });
  });
  return { byLevel, countySetUp, seconds: (Date.now() - started) / 1000 };
}
