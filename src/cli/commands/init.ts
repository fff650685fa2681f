import { KIND_LABELS } from '../../server/modules/divisions/divisions.domain';
import { importCounty, importNational, loadCountyRows } from '../../server/init';
import { readSource } from '../../server/modules/divisions/divisions.source';
import { flag, openDeps } from './shared';

export async function init(args: string[]): Promise<number> {
  if (args.includes('--all')) return initAll(flag(args, 'within'));
  const province = flag(args, 'province');
  if (province !== undefined) return initTree(province, true);
  const county = flag(args, 'county');
  if (!county) {
    console.error(
      '请指定县级代码 Give a county code: npx cocreate init --county 421081\n查找代码 Find a code: npx cocreate divisions find 石首',
    );
    return 2;
  }
  await loadCountyRows(county); // an unknown code fails here, before any database is touched
  const { db } = await openDeps({ migrate: true });
  try {
    const s = await importCounty(db, county);
    console.log(
      `已导入 Imported ${s.county.name} (${s.county.code}): ${s.towns} 乡级 town-level, ${s.villages} 村级 village-level`,
    );
    for (const [kind, n] of Object.entries(s.byKind))
      console.log(
        `  ${KIND_LABELS[kind as keyof typeof KIND_LABELS].zh} ${KIND_LABELS[kind as keyof typeof KIND_LABELS].en}: ${n}`,
      );
    return 0;
  } finally {
    await db.close();
  }
}

export async function divisionsFind(args: string[]): Promise<number> {
  const text = args.find((a) => !a.startsWith('-'));
  if (!text) {
    console.error('请给出名称 Give a name: npx cocreate divisions find 石首');
    return 2;
  }
  let n = 0;
  for await (const r of readSource('areas')) {
    if (r.name.includes(text)) {
      console.log(`${r.code}  ${r.name}`);
      n++;
    }
  }
  if (n === 0) console.log(`没有找到 Nothing found: ${text}`);
  return n ? 0 : 1;
}

const initAll = (within: string | undefined) => initTree(within, false);

/** The whole tree, or the part under `within`; a province's (2 or 4 digits) with every county's departments. */
async function initTree(within: string | undefined, province: boolean): Promise<number> {
  if (province && !/^\d{2}(\d{2})?$/.test(within ?? '')) {
    console.error(
      '--province 需要省级（2 位）或地级（4 位）代码 needs a province (2 digits) or city (4 digits) code, e.g. --province 42',
    );
    return 2;
  }
  if (within !== undefined && !/^\d{2,12}$/.test(within)) {
    console.error('--within 需要区划代码前缀 needs a division code prefix, e.g. --within 42');
    return 2;
  }
  const { config, db } = await openDeps({ migrate: true });
  try {
    const total = 2978 + 41352 + 620573 + 31 + 342;
    const s = await importNational(db, {
      within,
      everyCountysDepartments: province,
      countyCode: config.countyCode,
      onProgress: (done) => {
        const pct = within ? '' : ` (${Math.min(100, Math.round((done / total) * 100))}%)`;
        process.stdout.write(`\r导入中 Importing… ${done.toLocaleString('en')} rows${pct}`);
      },
    });
    process.stdout.write('\n');
    const names: Record<number, string> = {
      1: '省级 provinces',
      2: '地级 cities',
      3: '县级 counties',
      4: '乡级 towns',
      5: '村级 villages',
    };
    for (const [level, n] of Object.entries(s.byLevel))
      console.log(`  ${names[Number(level)]}: ${n.toLocaleString('en')}`);
    if (s.countySetUp)
      console.log(
        `  已设置 ${s.countySetUp} 的职能部门与类别 Set up departments and categories of COUNTY_CODE ${s.countySetUp}`,
      );
    console.log(`用时 Took ${s.seconds.toFixed(1)} s`);
    return 0;
  } finally {
    await db.close();
  }
}
