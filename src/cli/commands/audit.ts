import { verifyAuditChain } from '../../server/modules/audit/audit.service';
import { openDeps } from './shared';

export async function auditVerify(_args: string[] = []): Promise<number> {
  const { db } = await openDeps({ migrate: false });
  try {
    const r = await verifyAuditChain(db);
    if (r.ok) {
      console.log(`审计链完整 Audit chain intact: ${r.rows} rows`);
      return 0;
    }
    console.error(`审计链断裂 Audit chain broken at row ${r.brokenAt} (${r.reason}); ${r.rows} rows before it verified`);
    return 1;
  } finally {
    await db.close();
  }
}
