/**
 * `cocreate init --county CODE`: imports one county-level unit, its ancestors, its towns and its
 * village-level units from the national codes, in one transaction (all or nothing), audited.
 */
import type { Database } from '../../platform/db/db';
import { appendAudit } from '../../platform/audit/audit.repo';
import { AppError } from '../../platform/errors';
import { seedCategories } from '../cases/categories.repo';
import { loadTaxonomy } from '../cases/taxonomy';
import { ensureStandardDepartments } from './departments';
import { kindOf, levelOf, parentOf } from './divisions.domain';
import { type NewDivision, refreshChildCounts, upsertDivisions } from './divisions.repo';
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
  if (!/^\d{6}$/.test(countyCode)) throw new AppError('unknown_division', { code: countyCode, hint: 'county codes have 6 digits' });
  const [county] = await collect(readSource('areas', countyCode), 1);
  if (!county || county.code !== countyCode) throw new AppError('unknown_division', { code: countyCode });
  const [province] = await collect(readSource('provinces', countyCode.slice(0, 2)), 1);
  const [city] = await collect(readSource('cities', countyCode.slice(0, 4)), 1);
  const towns = await collect(readSource('streets', countyCode));
  const villages = await collect(readSource('villages', countyCode));
  return [province, city, county, ...towns, ...villages].filter((r): r is SourceRow => Boolean(r)).map(toNew);
}

export async function importCounty(db: Database, countyCode: string, actorLabel = 'cli'): Promise<ImportSummary> {
  const rows = await loadCountyRows(countyCode);
  const byKind: Record<string, number> = {};
  for (const r of rows) if (r.level >= 4) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const county = rows.find((r) => r.code === countyCode)!;
  await db.ownerTransaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await upsertDivisions(tx, rows.slice(i, i + 1000));
    await refreshChildCounts(tx, countyCode.slice(0, 2));
    await ensureStandardDepartments(tx, countyCode);
    await seedCategories(tx, loadTaxonomy());
    await appendAudit(tx, {
      actorId: null, actorLabel, ip: null, action: 'divisions.import', entityType: 'division', entityId: countyCode,
      scopeCode: countyCode, before: null, after: { source: SOURCE_EDITION, rows: rows.length, byKind }, outcome: 'success',
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
  seconds: number;
}

/**
 * `cocreate init --all`: the whole national tree (2023: 31 provinces, 2,978 county-level,
 * 41,352 town-level and 620,573 village-level units), streamed in batches in one transaction.
 */
export async function importNational(db: Database, onProgress: (done: number) => void = () => {}, actorLabel = 'cli'): Promise<NationalSummary> {
  const started = Date.now();
  const byLevel: Record<number, number> = {};
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
      for await (const row of readSource(file)) {
        const d = toNew(row);
        byLevel[d.level] = (byLevel[d.level] ?? 0) + 1;
        batch.push(d);
        if (batch.length >= 5000) await flush();
      }
      if (batch.length) await flush();
    }
    await refreshChildCounts(tx);
    await appendAudit(tx, {
      actorId: null, actorLabel, ip: null, action: 'divisions.import_national', entityType: 'division', entityId: null,
      scopeCode: null, before: null, after: { source: SOURCE_EDITION, byLevel }, outcome: 'success',
    });
  });
  return { byLevel, seconds: (Date.now() - started) / 1000 };
}
