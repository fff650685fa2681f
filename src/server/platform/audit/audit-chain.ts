/**
 * Pure part of the audit trail: the canonical form of a row and its SM3 chain hash.
 * hash = SM3(prev_hash || canonical(row without hashes)). The first row links to GENESIS.
 */
import { sm3Hex } from '../crypto/field-crypto';

export const GENESIS = '0'.repeat(64);

export interface AuditRecord {
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  scopeCode: string | null;
  before: unknown;
  after: unknown;
  outcome: 'success' | 'failure' | 'denied';
}

/** JSON with object keys sorted at every depth, so jsonb's reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, r: AuditRecord): string {
  const body = canonicalJson({
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    ip: r.ip,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    scopeCode: r.scopeCode,
    before: r.before ?? null,
    after: r.after ?? null,
    outcome: r.outcome,
  });
  return sm3Hex(prevHash, '|', body);
}

export interface ChainedRow extends AuditRecord {
  id: number;
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/** Walks rows in id order; reports the first row whose link or own hash does not hold. */
export function verifyRows(rows: Iterable<ChainedRow>, start = { prevHash: GENESIS, count: 0 }): VerifyResult {
  let prev = start.prevHash;
  let count = start.count;
  for (const row of rows) {
    if (row.prevHash !== prev) return { ok: false, rows: count, brokenAt: row.id, reason: 'link_mismatch' };
    if (chainHash(prev, row) !== row.hash) return { ok: false, rows: count, brokenAt: row.id, reason: 'hash_mismatch' };
    prev = row.hash;
    count++;
  }
  return { ok: true, rows: count, lastHash: prev };
}
