/**
 * Audit rows written inside grouped statements (migration 0005; the case intake uses it). The
 * writer leases one of the chains, keeps its last hash in memory, seals the new rows (prev_hash,
 * hash) before it sends them, and the statement's audit_chain_expect(chain, head) — under the
 * chain's advisory lock — refuses when another writer has moved the chain on meanwhile. The
 * refusal carries the current head, so the writer seals again and retries at once.
 */
import type { Database } from '../db/db';
import {
  type AuditRecord,
  type BodyParts,
  CHAINS,
  chainBodyParts,
  chainHashOf,
  GENESIS,
  storableRecord,
} from './audit-chain';

export interface SealedAudit {
  chain: number;
  /** The head the statement expects to find (audit_chain_expect). */
  expectedHead: string;
  rows: (AuditRecord & { prevHash: string; hash: string })[];
  /** The chain's head once these rows are in. */
  head: string;
}

/** A record in its stored form (storableRecord) with its canonical body built ahead (off the writer's critical path). */
export interface PreparedAudit {
  record: AuditRecord;
  parts: BodyParts;
}

export function prepareAudit(r: AuditRecord): PreparedAudit {
  const record = storableRecord(r);
  return { record, parts: chainBodyParts(record) };
}

/** Pure: links prepared records onto a chain's head in order. */
export function sealAudit(items: readonly PreparedAudit[], chain: number, head: string): SealedAudit {
  let prev = head;
  const rows = items.map(({ record, parts }) => {
    const hash = chainHashOf(prev, parts, chain);
    const row = { ...record, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  return { chain, expectedHead: head, rows, head: prev };
}

/** The CTEs a grouped statement adds; the parameters are `$json`, `$chain` and `$head` (auditParams). */
export function auditCtes(json: string, chain: string, head: string): string {
  return `au_lock AS MATERIALIZED (SELECT audit_chain_expect(${chain}::smallint, ${head}::text) AS ok),
     au AS (
       INSERT INTO audit_log (chain, at, actor_id, actor_label, ip, action, entity_type, entity_id, scope_code, before, after, outcome, prev_hash, hash)
       SELECT ${chain}::smallint, a.at, a.actor_id, a.actor_label, a.ip, a.action, a.entity_type, a.entity_id, a.scope_code, a.before, a.after, a.outcome, a.prev_hash, a.hash
         FROM au_lock, jsonb_to_recordset(${json}::jsonb) AS a(n int, at timestamptz, actor_id uuid, actor_label text, ip text, action text, entity_type text,
              entity_id text, scope_code text, before jsonb, after jsonb, outcome text, prev_hash text, hash text)
        WHERE au_lock.ok ORDER BY a.n)`;
}

export function auditParams(s: SealedAudit): [string, number, string] {
  const rows = s.rows.map((r, n) => ({
    n,
    at: r.at.toISOString(),
    actor_id: r.actorId,
    actor_label: r.actorLabel,
    ip: r.ip,
    action: r.action,
    entity_type: r.entityType,
    entity_id: r.entityId,
    scope_code: r.scopeCode,
    before: r.before ?? undefined,
    after: r.after ?? undefined,
    outcome: r.outcome,
    prev_hash: r.prevHash,
    hash: r.hash,
  }));
  return [JSON.stringify(rows), s.chain, s.expectedHead];
}

/** Raised (SQLSTATE) by audit_chain_expect when another writer moved the chain on. */
export const MOVED_ON = 'CC001';
const ATTEMPTS = 8;

/** Chains this process is writing grouped statements to, and their heads as last written. */
class Leases {
  readonly heads = new Map<number, string>();
  private readonly busy = new Set<number>();

  take(): number {
    const free = Array.from({ length: CHAINS }, (_, i) => i).filter((c) => !this.busy.has(c));
    // all busy: share one (the statement's check keeps the chain whole; a loser retries)
    const chain = free.length ? free[Math.floor(Math.random() * free.length)] : Math.floor(Math.random() * CHAINS);
    this.busy.add(chain);
    return chain;
  }

  give(chain: number): void {
    this.busy.delete(chain);
  }
}

const leases = new WeakMap<Database, Leases>();

async function readHead(db: Database, chain: number): Promise<string> {
  const { rows } = await db.query<{ hash: string }>(
    'SELECT hash FROM audit_log WHERE chain = $1 ORDER BY id DESC LIMIT 1',
    [chain],
  );
  return rows[0]?.hash ?? GENESIS;
}

/**
 * Runs `write` with a sealer for one chain; `write` must send the sealed rows in one statement
 * using auditCtes/auditParams. Retries when the chain moved on (another process or writer).
 */
export async function withAuditChain<T>(
  db: Database,
  write: (seal: (items: readonly PreparedAudit[]) => SealedAudit) => Promise<T>,
): Promise<T> {
  let l = leases.get(db);
  if (!l) leases.set(db, (l = new Leases()));
  const chain = l.take();
  try {
    let head = l.heads.get(chain) ?? (await readHead(db, chain));
    for (let attempt = 1; ; attempt++) {
      let sealed: SealedAudit | undefined;
      try {
        const result = await write((items) => (sealed = sealAudit(items, chain, head)));
        if (sealed) l.heads.set(chain, sealed.head);
        return result;
      } catch (err) {
        const e = err as { code?: string; detail?: string };
        l.heads.delete(chain);
        if (e.code !== MOVED_ON || !e.detail || attempt >= ATTEMPTS) throw err;
        head = e.detail;
      }
    }
  } finally {
    l.give(chain);
  }
}
