/**
 * Setting up the division tree and what hangs on it, in the import's transaction: the divisions
 * module imports the tree and the county's departments; the case categories (GB/T 47678.5) are the
 * cases module's. `cocreate init`, `serve`, the demo, the tests and the benchmarks come through here.
 */
import { DEFAULT_PROBLEM_WORDS, loadTaxonomy, seedCategories, seedProblemWords } from './modules/cases';
import * as divisions from './modules/divisions';
import type { Database, Queryable } from './platform/db/db';

/**
 * Inserts the standard case categories a county is missing (never overwrites an edited one), and the
 * first list of problems in plain words the resident app offers (once: officers edit it afterwards).
 */
async function seedCaseCategories(tx: Queryable): Promise<void> {
  await seedCategories(tx, loadTaxonomy());
  await seedProblemWords(tx, DEFAULT_PROBLEM_WORDS);
}

export { loadCountyRows, type ImportSummary, type NationalSummary } from './modules/divisions';

export const importCounty = (db: Database, countyCode: string, actorLabel = 'cli') =>
  divisions.importCounty(db, countyCode, actorLabel, seedCaseCategories);

export const importNational = (db: Database, opts: Omit<divisions.NationalOptions, 'setUp'> = {}) =>
  divisions.importNational(db, { ...opts, setUp: seedCaseCategories });

/**
 * A province installation's tree (#17 item 6): the province (or a city: 2 or 4 digits) with every
 * county, town and village in it, the case categories, and every county's standard departments, so
 * the rollups it receives from its counties read with names.
 */
export const importProvince = (db: Database, code: string, opts: Pick<divisions.NationalOptions, 'onProgress'> = {}) =>
  divisions.importNational(db, { ...opts, within: code, setUp: seedCaseCategories, everyCountysDepartments: true });

export const ensureCountySetUp = (db: Database, countyCode: string) =>
  divisions.ensureCountySetUp(db, countyCode, seedCaseCategories);

export const ensureCounty = (db: Database, countyCode: string, actorLabel: string) =>
  divisions.ensureCounty(db, countyCode, actorLabel, seedCaseCategories);
