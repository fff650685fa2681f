import { loadModuleDemos } from '../../server/assembly';
import { prepareDemo } from '../../server/modules/demo/demo.prepare';
import { listen } from './serve';
import { openDeps } from './shared';
import { buildWebIfNeeded } from './web-build';

export async function demo(_args: string[] = []): Promise<number> {
  await buildWebIfNeeded();
  const { config, deps } = await openDeps({ migrate: true });
  const r = await prepareDemo(deps, () => {
    console.log(
      `正在生成演示人口 Generating the demo population (scale ${config.demoScale}, synthetic, flagged as demo)…`,
    );
  });
  for (const code of r.imported) console.log(`已导入区划 Imported the divisions of ${code}`);
  if (r.population) {
    const { counts, seconds } = r.population;
    console.log(
      `  ${counts.households} 户 households, ${counts.residents} 人 residents, ${counts.partyMembers} 党员 party members (${seconds.toFixed(1)} s)`,
    );
  }
  for (const line of await loadModuleDemos(deps)) console.log(line);
  await listen(deps, true);
  return -1;
}
