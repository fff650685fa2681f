import { recomputeRanking } from '../../server/modules/selections';
import type { Database } from '../../server/platform/db/db';
import { openDeps } from './shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Recomputes a selection's published ranking and prints both; 0 when exactly equal, 1 otherwise. */
export async function reportRecompute(db: Database, id: string): Promise<number> {
  const r = await recomputeRanking(db, id);
  if (r.revision === 0) {
    console.error(`评选 ${id} 尚未公布排名 The selection has no published ranking yet`);
    return 1;
  }
  console.log(`评选 Selection ${id}, 排名第 ${r.revision} 版 ranking revision ${r.revision}`);
  console.log('position\tnominee\tpanel\tvotes\tcombined\tselected');
  for (const x of r.recomputed)
    console.log(
      `${x.position}\t${x.nomineeId}\t${x.panelScore}\t${x.votes}\t${x.combined}\t${x.selected ? 'yes' : 'no'}`,
    );
  if (r.equal) {
    console.log(`一致 The recomputed ranking equals the published one (${r.published.length} rows)`);
    return 0;
  }
  for (const d of r.differences) console.error(`不一致 ${d}`);
  console.error(`不一致 The recomputed ranking differs from the published one in ${r.differences.length} row(s)`);
  return 1;
}

/** `npx cocreate selections recompute <id>`. */
export async function selectionsRecompute(args: string[] = []): Promise<number> {
  const id = args[0];
  if (!id || !UUID.test(id)) {
    console.error('用法 Usage: cocreate selections recompute <selection id (uuid)>');
    return 2;
  }
  const { db } = await openDeps({ migrate: false });
  try {
    return await reportRecompute(db, id);
  } finally {
    await db.close();
  }
}
