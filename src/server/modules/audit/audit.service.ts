/** The audit trail for the audit administrator: search, export, verify the chain. */
import type { Actor } from '../../platform/actor';
import { type VerifyResult, freshVerifyState, verifyRows } from '../../platform/audit/audit-chain';
import { type AuditFilter, auditPage, searchAudit } from '../../platform/audit/audit.repo';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { canReadAudit } from '../access/access.policy';

export async function searchAuditLog(deps: Deps, actor: Actor, filter: AuditFilter) {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  return searchAudit(deps.db, filter);
}

/** Walks the whole chain a page at a time; reports the first broken link. */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  const state = freshVerifyState();
  let afterId = 0;
  for (;;) {
    const page = await auditPage(db.owner, afterId, pageSize);
    if (page.length === 0) return { ok: true, rows: state.count };
    const r = verifyRows(page, state);
    if (!r.ok) return r;
    afterId = page[page.length - 1].id;
  }
}

export async function verifyAuditForActor(deps: Deps, actor: Actor) {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  return verifyAuditChain(deps.db);
}
