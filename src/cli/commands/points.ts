import { reconcile } from '../../server/modules/points/reconcile';
import type { Database } from '../../server/platform/db/db';
import { openDeps } from './shared';

/** Reconciles the points ledger of an open database and prints the outcome; returns the exit code. */
export async function reportReconcile(db: Database): Promise<number> {
  const r = await reconcile(db.owner);
  for (const m of r.mismatches) {
    console.error(`不符 Mismatch [${m.check}] ${m.subject}: expected ${m.expected}, found ${m.actual}`);
  }
  if (r.ok) {
    console.log(
      `积分账平 Points ledger reconciled: ${r.transactions} transactions, ${r.entries} entries, sum ${r.ledgerSum}`,
    );
    return 0;
  }
  console.error(`积分账不平 Points ledger has ${r.mismatches.length} mismatch(es)`);
  return 1;
}

/** `npx cocreate points reconcile`: checks the points ledger; exit 1 and each mismatch if any. */
export async function pointsReconcile(_args: string[] = []): Promise<number> {
  const { db } = await openDeps({ migrate: false });
  try {
    return await reportReconcile(db);
  } finally {
    await db.close();
  }
}
