import type { Command } from '../commands';
import { verifyAuditChain } from '../../server/modules/audit/audit.service';
import { openDeps } from './shared';

export const auditVerify: Command = {
  usage: '',
  description: 'Verify the audit trail hash chain; reports the first broken link and exits 1 if any.',
  async run() {
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
  },
};
