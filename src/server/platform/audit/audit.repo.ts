import type { Queryable } from '../db/db';
import { type AuditRecord, CHAINS, type ChainedRow, chainHash, storableRecord } from './audit-chain';

/**
 * Appends to one of the chains (chosen at random, so concurrent writers rarely share a lock). Call
 * it as late as possible in a transaction: the chain's lock is held until commit.
 */
export async function appendAudit(tx: Queryable, record: Omit<AuditRecord, 'at'> & { at?: Date }): Promise<void> {
  const chain = Math.floor(Math.random() * CHAINS);
  // audit_chain_head (migration 0001) takes the chain's advisory lock, then reads its last hash.
  const { rows } = await tx.query<{ head: string }>('SELECT audit_chain_head($1::smallint) AS head', [chain]);
  const prevHash = rows[0].head;
  // Stored exactly as hashed: well-formed text, jsonb's values, millisecond precision.
  const full = storableRecord({ ...record, at: record.at ?? new Date() });
  const at = full.at;
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, actor_label, ip, action, entity_type, entity_id, scope_code, before, after, outcome, prev_hash, hash, chain)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      at.toISOString(),
      full.actorId,
      full.actorLabel,
      full.ip,
      full.action,
      full.entityType,
      full.entityId,
      full.scopeCode,
      full.before === undefined || full.before === null ? null : JSON.stringify(full.before),
      full.after === undefined || full.after === null ? null : JSON.stringify(full.after),
      full.outcome,
      prevHash,
      chainHash(prevHash, full, chain),
      chain,
    ],
  );
}

interface Row {
  id: number;
  chain: number;
  at: Date;
  actor_id: string | null;
  actor_label: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  scope_code: string | null;
  before: unknown;
  after: unknown;
  outcome: AuditRecord['outcome'];
  prev_hash: string;
  hash: string;
}

export function toChainedRow(r: Row): ChainedRow {
  return {
    id: Number(r.id),
    chain: Number(r.chain),
    at: new Date(r.at),
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    scopeCode: r.scope_code,
    before: r.before,
    after: r.after,
    outcome: r.outcome,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS =
  'id, chain, at, actor_id, actor_label, ip, action, entity_type, entity_id, scope_code, before, after, outcome, prev_hash, hash';

/** Rows after `afterId` in id order, a page at a time (the verifier streams the whole table). */
export async function auditPage(q: Queryable, afterId: number, limit: number): Promise<ChainedRow[]> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [
    afterId,
    limit,
  ]);
  return rows.map(toChainedRow);
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  limit: number;
  beforeId?: number;
}

/** The filter's conditions (all of them, AND), adding their values to `params`. */
function filterWhere(f: Omit<AuditFilter, 'limit'>, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add('at >= ?', f.from.toISOString());
  if (f.to) add('at < ?', f.to.toISOString());
  if (f.actorId) add('actor_id = ?', f.actorId);
  if (f.action) add('action LIKE ?', `${f.action.replace(/[%_]/g, '\\$&')}%`);
  if (f.entityType) add('entity_type = ?', f.entityType);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.outcome) add('outcome = ?', f.outcome);
  if (f.beforeId) add('id < ?', f.beforeId);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

export async function searchAudit(q: Queryable, f: AuditFilter): Promise<ChainedRow[]> {
  const params: unknown[] = [];
  const where = filterWhere(f, params);
  params.push(f.limit);
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toChainedRow);
}

/** How many rows match the filter (the console home's count of the audit administrator's day). */
export async function countAudit(q: Queryable, f: Omit<AuditFilter, 'limit' | 'beforeId'>): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log ${filterWhere(f, params)}`,
    params,
  );
  return rows[0].n;
}
