import { verifyAuditChain } from '../../server/modules/audit/audit.service';
import type { Database } from '../../server/platform/db/db';
import { openDeps } from './shared';

/** Verifies the audit chain of an open database and prints the outcome; returns the exit code. */
export async function reportAuditChain(db: Database): Promise<number> {
  const r = await verifyAuditChain(db);
  if (r.ok) {
    console.log(`审计链完整 Audit chain intact: ${r.rows} rows`);
    return 0;
  }
  console.error(`审计链断裂 Audit chain broken at row ${r.brokenAt} (${r.reason}); ${r.rows} rows before it verified`);
  return 1;
}

export async function auditVerify(_args: string[] = []): Promise<number> {
  const { db } = await openDeps({ migrate: false });
  try {
    return await reportAuditChain(db);
  } finally {
    await db.close();
  }
}
