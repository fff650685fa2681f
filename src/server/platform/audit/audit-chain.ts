/**
 * Pure part of the audit trail: the canonical form of a row and its SM3 chain hash.
 * hash = SM3(prev_hash || canonical(row without hashes)). The first row links to GENESIS.
 */
import { sm3Hex } from '../crypto/field-crypto';
import { storableJson, storableText } from '../text';

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

const storableOrNull = (s: string | null): string | null => (s === null ? null : storableText(s));

/**
 * The record exactly as the database keeps it, which is what is hashed: text well-formed and
 * without NUL (a lone surrogate would be stored as U+FFFD and the row would never verify), the
 * before/after values as they come back from jsonb, the time in whole milliseconds. Every writer
 * (appendAudit, the grouped audit.batch) stores and hashes this form.
 */
export function storableRecord(r: AuditRecord): AuditRecord {
  return {
    at: new Date(Math.floor(r.at.getTime())),
    actorId: r.actorId,
    actorLabel: storableOrNull(r.actorLabel),
    ip: storableOrNull(r.ip),
    action: storableText(r.action),
    entityType: storableOrNull(r.entityType),
    entityId: storableOrNull(r.entityId),
    scopeCode: storableOrNull(r.scopeCode),
    before: storableJson(r.before ?? null),
    after: storableJson(r.after ?? null),
    outcome: r.outcome,
  };
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
  const head = canonicalJson({
    action: r.action,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    after: r.after ?? null,
    at: r.at.toISOString(),
    before: r.before ?? null,
  });
  const tail = canonicalJson({
    entityId: r.entityId,
    entityType: r.entityType,
    ip: r.ip,
    outcome: r.outcome,
    scopeCode: r.scopeCode,
  });
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

export type BreakReason = 'hash_mismatch' | 'link_mismatch' | 'link_and_hash_mismatch';

/** A row that does not hold: its link to the chain's previous row, its own hash, or both. */
export interface ChainBreak {
  id: number;
  chain: number;
  reason: BreakReason;
}

/** Breaks listed in full in a result (all are counted). */
export const LISTED_BREAKS = 100;

export interface VerifyResult {
  ok: boolean;
  /** Rows checked (every row of the table). */
  rows: number;
  /** Rows that do not hold. */
  breaks: number;
  first?: ChainBreak;
  last?: ChainBreak;
  /** The chains with at least one break. */
  brokenChains: number[];
  /** The first LISTED_BREAKS breaks. */
  listed: ChainBreak[];
  /** The first break's row and reason (as `first`). */
  brokenAt?: number;
  reason?: BreakReason;
}

/** Where each chain stands while the verifier walks the table, and what it found so far. */
export interface VerifyState {
  heads: Map<number, string>;
  count: number;
  breaks: number;
  listed: ChainBreak[];
  last?: ChainBreak;
  brokenChains: Set<number>;
}

export const freshVerifyState = (): VerifyState => ({
  heads: new Map(),
  count: 0,
  breaks: 0,
  listed: [],
  brokenChains: new Set(),
});

/**
 * Walks rows in id order and checks every one: its link (prev_hash is the chain's previous hash)
 * and its own hash (over its stored body and the prev_hash it names). A break does not stop the
 * walk: the chain goes on from the row's stored hash, so a changed row is one break, a deleted
 * row one broken link, and tampering later in the table is still found.
 */
export function verifyRows(rows: Iterable<ChainedRow>, state: VerifyState = freshVerifyState()): VerifyResult {
  for (const row of rows) {
    const linked = row.prevHash === (state.heads.get(row.chain) ?? GENESIS);
    const intact = chainHash(row.prevHash, row, row.chain) === row.hash;
    if (!linked || !intact) {
      const b: ChainBreak = {
        id: row.id,
        chain: row.chain,
        reason: !linked && !intact ? 'link_and_hash_mismatch' : linked ? 'hash_mismatch' : 'link_mismatch',
      };
      state.breaks++;
      if (state.listed.length < LISTED_BREAKS) state.listed.push(b);
      state.last = b;
      state.brokenChains.add(row.chain);
    }
    state.heads.set(row.chain, row.hash);
    state.count++;
  }
  return verifyResult(state);
}

export function verifyResult(state: VerifyState): VerifyResult {
  const first = state.listed[0];
  return {
    ok: state.breaks === 0,
    rows: state.count,
    breaks: state.breaks,
    first,
    last: state.last,
    brokenChains: [...state.brokenChains].sort((a, b) => a - b),
    listed: state.listed,
    brokenAt: first?.id,
    reason: first?.reason,
  };
}
