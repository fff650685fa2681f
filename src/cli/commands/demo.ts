import { seedDemoAccounts } from '../../server/modules/demo/demo.seed';
import { loadDemoPopulation } from '../../server/modules/organisation/demo/demo.load';
import { findDivision } from '../../server/modules/divisions/divisions.repo';
import { importCounty } from '../../server/modules/divisions/divisions.import';
import { listen } from './serve';
import { openDeps } from './shared';
import { buildWebIfNeeded } from './web-build';

export async function demo(_args: string[] = []): Promise<number> {
  await buildWebIfNeeded();
  const { config, db, deps } = await openDeps({ migrate: true });
  if (!(await findDivision(db, config.countyCode))) {
    const s = await importCounty(db, config.countyCode, 'demo');
    console.log(`已导入区划 Imported divisions of ${s.county.name}: ${s.towns} towns, ${s.villages} villages`);
  }
  await seedDemoAccounts(db, deps.crypto, config.countyCode);
  const { rows } = await db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM households');
  if (rows[0].n === 0) {
    console.log(`正在生成演示人口 Generating the demo population (scale ${config.demoScale}, synthetic, flagged as demo)…`);
    const r = await loadDemoPopulation(db, deps.crypto, { countyCode: config.countyCode, scale: config.demoScale });
    console.log(`  ${r.counts.households} 户 households, ${r.counts.residents} 人 residents, ${r.counts.partyMembers} 党员 party members (${r.seconds.toFixed(1)} s)`);
  }
  await listen(deps, true);
  return -1;
}
