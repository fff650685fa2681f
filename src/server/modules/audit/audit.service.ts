/** The audit trail for the audit administrator: search, export, verify the chain. */
import type { Actor } from '../../platform/actor';
import { type VerifyResult, freshVerifyState, verifyResult, verifyRows } from '../../platform/audit/audit-chain';
import { type AuditFilter, auditPage, searchAudit } from '../../platform/audit/audit.repo';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { canReadAudit } from '../access';

export async function searchAuditLog(deps: Deps, actor: Actor, filter: AuditFilter) {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  return searchAudit(deps.db, filter);
}

/** Walks every row of every chain a page at a time; reports every break (count, first, last, chains). */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  const state = freshVerifyState();
  let afterId = 0;
  for (;;) {
    const page = await auditPage(db.owner, afterId, pageSize);
    if (page.length === 0) return verifyResult(state);
    verifyRows(page, state);
    afterId = page[page.length - 1].id;
  }
}

export async function verifyAuditForActor(deps: Deps, actor: Actor) {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  return verifyAuditChain(deps.db);
}
