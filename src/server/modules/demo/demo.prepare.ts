/**
 * What the demo (`npm start`) needs in its database, whatever ran on it before (`init --county`,
 * `init --all`, `serve`, `migrate`, an earlier demo): every step is idempotent.
 */
import type { Deps } from '../../platform/deps';
import { ensureCounty } from '../../init';
import { type DemoLoadResult, loadDemoPopulation } from '../organisation';
import { DEMO_COUNTY } from './demo.accounts';
import { countyHasHouseholds } from './demo.repo';
import { seedDemoAccounts } from './demo.seed';

export interface DemoPrepared {
  /** Counties whose divisions were imported now (the others were present and only set up). */
  imported: string[];
  accountsCreated: number;
  population: DemoLoadResult | null;
}

export async function prepareDemo(deps: Deps, onPopulationStart: () => void = () => {}): Promise<DemoPrepared> {
  const { db, config, crypto } = deps;
  const imported: string[] = [];
  // The demo accounts live in Shishou; the population is generated for COUNTY_CODE.
  for (const code of new Set([config.countyCode, DEMO_COUNTY])) {
    if (await ensureCounty(db, code, 'demo')) imported.push(code);
  }
  const accountsCreated = await seedDemoAccounts(db, crypto, DEMO_COUNTY);
  let population: DemoLoadResult | null = null;
  if (!(await countyHasHouseholds(db.owner, config.countyCode))) {
    onPopulationStart();
    population = await loadDemoPopulation(db, crypto, { countyCode: config.countyCode, scale: config.demoScale });
  }
  return { imported, accountsCreated, population };
}
