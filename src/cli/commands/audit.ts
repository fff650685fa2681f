import { verifyAuditChain } from '../../server/modules/audit/audit.service';
import type { ChainBreak } from '../../server/platform/audit/audit-chain';
import type { Database } from '../../server/platform/db/db';
import { openDeps } from './shared';

const REASONS: Record<ChainBreak['reason'], string> = {
  hash_mismatch: '内容被改动 content changed',
  link_mismatch: '链接断开（前一行被删除或插入） link broken (a row before it deleted or inserted)',
  link_and_hash_mismatch: '内容与链接均不符 content and link both wrong',
};
const describe = (b: ChainBreak) => `row ${b.id} (chain ${b.chain}): ${REASONS[b.reason]}`;

/** Verifies every row of the audit chains of an open database and prints every break; returns the exit code. */
export async function reportAuditChain(db: Database): Promise<number> {
  const r = await verifyAuditChain(db);
  if (r.ok) {
    console.log(`审计链完整 Audit chain intact: ${r.rows} rows`);
    return 0;
  }
  console.error(
    `审计链断裂 Audit chain broken: ${r.breaks} of ${r.rows} rows do not hold, in chains ${r.brokenChains.join(', ')}`,
  );
  console.error(`  first: ${describe(r.first!)}`);
  console.error(`  last:  ${describe(r.last!)}`);
  for (const b of r.listed) console.error(`  - ${describe(b)}`);
  if (r.breaks > r.listed.length) console.error(`  … ${r.breaks - r.listed.length} more`);
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
