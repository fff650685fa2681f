/** The one way services record an audit event, inside their own transaction. */
import type { Actor } from '../actor';
import type { Queryable } from '../db/db';
import type { AuditRecord } from './audit-chain';
import { appendAudit } from './audit.repo';

export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  scopeCode?: string | null;
  before?: unknown;
  after?: unknown;
  outcome?: 'success' | 'failure' | 'denied';
  /** Who, when the actor is not signed in yet (e.g. the username tried at sign-in). */
  label?: string;
}

/** The stored form of an event by an actor (without time and chain). */
export function auditRecord(actor: Actor, e: AuditEvent): Omit<AuditRecord, 'at'> {
  return {
    actorId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: e.label ?? (actor.kind === 'user' ? actor.displayName : null),
    ip: actor.ip,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    scopeCode: e.scopeCode ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    outcome: e.outcome ?? 'success',
  };
}

export async function audit(tx: Queryable, actor: Actor, e: AuditEvent): Promise<void> {
  await appendAudit(tx, auditRecord(actor, e));
}

/**
 * Records an event the platform does on its own (a division import, the demo seed): no user and no
 * address; `label` names the process in the trail (e.g. 'demo-seed', 'init').
 */
export async function auditSystem(tx: Queryable, label: string, e: Omit<AuditEvent, 'label'>): Promise<void> {
  await audit(tx, { kind: 'anonymous', ip: null }, { ...e, label });
}
