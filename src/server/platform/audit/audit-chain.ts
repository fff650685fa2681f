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

/** Number of independent chains (see migration 0001). */
export const CHAINS = 16;

/**
 * A row's canonical body split around its `chain` field (keys are sorted, so `chain` has a fixed
 * place): the expensive part can be built before the chain is chosen (grouped writes).
 */
export type BodyParts = readonly [before: string, after: string];

export function chainBodyParts(r: AuditRecord): BodyParts {
  // the fields whose keys sort before "chain", then those after it
  const head = canonicalJson({ action: r.action, actorId: r.actorId, actorLabel: r.actorLabel, after: r.after ?? null, at: r.at.toISOString(), before: r.before ?? null });
  const tail = canonicalJson({ entityId: r.entityId, entityType: r.entityType, ip: r.ip, outcome: r.outcome, scopeCode: r.scopeCode });
  return [`${head.slice(0, -1)},`, `,${tail.slice(1)}`];
}

/** hash = SM3(prev_hash || '|' || canonical(row with its chain)). */
export function chainHashOf(prevHash: string, parts: BodyParts, chain: number): string {
  return sm3Hex(prevHash, '|', `${parts[0]}"chain":${chain}${parts[1]}`);
}

export function chainHash(prevHash: string, r: AuditRecord, chain: number): string {
  return chainHashOf(prevHash, chainBodyParts(r), chain);
}

export interface ChainedRow extends AuditRecord {
  id: number;
  chain: number;
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' };

/** Where each chain stands while the verifier walks the table. */
export interface VerifyState {
  heads: Map<number, string>;
  count: number;
}

export const freshVerifyState = (): VerifyState => ({ heads: new Map(), count: 0 });

/** Walks rows in id order; reports the first row whose link or own hash does not hold. */
export function verifyRows(rows: Iterable<ChainedRow>, state: VerifyState = freshVerifyState()): VerifyResult {
  for (const row of rows) {
    const prev = state.heads.get(row.chain) ?? GENESIS;
    if (row.prevHash !== prev) return { ok: false, rows: state.count, brokenAt: row.id, reason: 'link_mismatch' };
    if (chainHash(prev, row, row.chain) !== row.hash) return { ok: false, rows: state.count, brokenAt: row.id, reason: 'hash_mismatch' };
    state.heads.set(row.chain, row.hash);
    state.count++;
  }
  return { ok: true, rows: state.count };
}
