/** `cocreate rollups rebuild|verify [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: output in Chinese and English. */
import { flag, openDeps } from '../../../cli/commands/shared';
import type { Database } from '../../platform/db/db';
import { describeDifference, type DayRange } from './rollups.domain';
import { dayRangeOf, rebuildRollups, verifyRollups } from './rollups.service';

const rangeText = (r: DayRange) => `[${r.from ?? '…'}, ${r.to ?? '…'})`;

/** Opens the configured database (PGlite migrated first, as `account` and `open311` do; PostgreSQL by `cocreate migrate`). */
async function withDatabase(run: (db: Database) => Promise<number>): Promise<number> {
  const { db } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

export async function reportRebuild(db: Database, range: DayRange): Promise<number> {
  const started = Date.now();
  const r = await rebuildRollups(db, range);
  console.log(
    `汇总已重建 Rollups rebuilt for days ${rangeText(r.range)}: ${r.cases} case(s) recomputed, ${r.rows} row(s) written in ${Date.now() - started} ms`,
  );
  return 0;
}

/** Prints each figure that differs; 0 when the rollup equals the raw cases, 1 otherwise. */
export async function reportVerify(db: Database, range: DayRange): Promise<number> {
  const r = await verifyRollups(db, range);
  for (const d of r.differences) console.error(`不一致 Differs: ${describeDifference(d)}`);
  if (r.pending > 0)
    console.error(`提示 Note: ${r.pending} change message(s) not yet applied (the server's outbox applies them)`);
  if (r.differences.length === 0) {
    console.log(`一致 Rollups equal the raw cases for days ${rangeText(r.range)}`);
    return 0;
  }
  console.error(
    `不一致 Rollups differ from the raw cases in ${r.differences.length} figure(s) for days ${rangeText(r.range)}`,
  );
  return 1;
}

export async function rollupsRebuild(args: string[] = []): Promise<number> {
  const range = dayRangeOf(flag(args, 'from'), flag(args, 'to'));
  return withDatabase((db) => reportRebuild(db, range));
}

export async function rollupsVerify(args: string[] = []): Promise<number> {
  const range = dayRangeOf(flag(args, 'from'), flag(args, 'to'));
  return withDatabase((db) => reportVerify(db, range));
}
