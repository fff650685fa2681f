/**
 * Loads the synthetic demo population into a database, streamed in batches through the same
 * writers as the register import, every row flagged is_demo, in one transaction.
 */
import type { Database } from '../../../platform/db/db';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto';
import { auditSystem } from '../../../platform/audit/audit';
import { markDemoGrids, refreshVillageChildCounts } from '../../divisions';
import { invalidateGridIndex } from '../grid-index';
import * as write from '../organisation.write';
import { generateDemo, type DemoSummary } from './demo.dataset';

const BATCH = 2000;

async function inBatches<T>(
  items: Iterable<T>,
  fn: (batch: T[]) => Promise<Set<string>>,
  touched: Set<string>,
  onCount?: (n: number) => void,
): Promise<number> {
  let batch: T[] = [];
  let n = 0;
  for (const item of items) {
    batch.push(item);
    if (batch.length >= BATCH) {
      for (const g of await fn(batch)) touched.add(g);
      n += batch.length;
      onCount?.(n);
      batch = [];
    }
  }
  if (batch.length) for (const g of await fn(batch)) touched.add(g);
  return n + batch.length;
}

export interface DemoLoadResult {
  summary: DemoSummary;
  counts: Record<string, number>;
  seconds: number;
}

export async function loadDemoPopulation(
  db: Database,
  crypto: FieldCrypto,
  opts: { countyCode: string; scale: number; seed?: number },
  onProgress: (stage: string, n: number) => void = () => {},
): Promise<DemoLoadResult> {
  const started = Date.now();
  const data = generateDemo({ countyCode: opts.countyCode, scale: opts.scale, seed: opts.seed ?? 1 });
  const counts: Record<string, number> = {};
  await db.ownerTransaction(async (tx) => {
    const c: write.WriteContext = { tx, crypto, isDemo: true };
    const touched = new Set<string>();
    const stage = async <T>(
      name: string,
      items: Iterable<T>,
      fn: (c: write.WriteContext, rows: T[]) => Promise<Set<string>>,
    ) => {
      counts[name] = await inBatches(
        items,
        (b) => fn(c, b),
        touched,
        (n) => onProgress(name, n),
      );
      onProgress(name, counts[name]);
    };
    await stage('grids', data.grids(), write.writeGrids);
    await stage('compounds', data.compounds(), write.writeCompounds);
    await stage('buildings', data.buildings(), write.writeBuildings);
    await stage('households', data.households(), write.writeHouseholds);
    await stage('residents', data.residents(), write.writeResidents);
    await stage('partyOrgs', data.partyOrgs(), write.writePartyOrgs);
    await stage('partyMembers', data.partyMembers(), write.writePartyMembers);
    await stage('links', data.links(), write.writeLinks);
    await markDemoGrids(tx, opts.countyCode);
    await refreshVillageChildCounts(tx, opts.countyCode);
    await write.refreshCoverage(tx, touched);
    await auditSystem(tx, 'demo-seed', {
      action: 'demo.load_population',
      entityType: 'division',
      entityId: opts.countyCode,
      scopeCode: opts.countyCode,
      after: { scale: opts.scale, counts, synthetic: true },
    });
  });
  invalidateGridIndex(db);
  return { summary: data.summary(), counts, seconds: (Date.now() - started) / 1000 };
}
