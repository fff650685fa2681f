import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  type ChainedRow,
  GENESIS,
  canonicalJson,
  chainBodyParts,
  chainHash,
  chainHashOf,
  storableRecord,
  verifyRows,
} from './audit-chain';

const record = (action: string, after: unknown = null): AuditRecord => ({
  at: new Date('2026-10-01T08:00:00.000Z'),
  actorId: null,
  actorLabel: 'x',
  ip: '127.0.0.1',
  action,
  entityType: 'user',
  entityId: '1',
  scopeCode: null,
  before: null,
  after,
  outcome: 'success',
});

/** Rows alternate between two chains, as concurrent writers would leave them. */
function chain(records: AuditRecord[]): ChainedRow[] {
  const heads = new Map<number, string>();
  return records.map((r, i) => {
    const c = i % 2;
    const prev = heads.get(c) ?? GENESIS;
    const hash = chainHash(prev, r, c);
    heads.set(c, hash);
    return { ...r, id: i + 1, chain: c, prevHash: prev, hash };
  });
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('verifies an intact chain', () => {
    const rows = chain([record('a'), record('b', { k: 1 }), record('c')]);
    expect(verifyRows(rows)).toMatchObject({ ok: true, rows: 3, breaks: 0, brokenChains: [], listed: [] });
  });

  it('reports the first changed row', () => {
    const rows = chain([record('a'), record('b', { k: 1 }), record('c')]);
    rows[1] = { ...rows[1], after: { k: 2 } };
    expect(verifyRows(rows)).toMatchObject({
      ok: false,
      rows: 3,
      breaks: 1,
      brokenAt: 2,
      reason: 'hash_mismatch',
      first: { id: 2, chain: 1, reason: 'hash_mismatch' },
    });
  });

  it('reports a deleted row as a broken link', () => {
    const rows = chain([record('a'), record('b'), record('c')]);
    expect(verifyRows([rows[1], rows[2]])).toMatchObject({ ok: false, brokenAt: 3, reason: 'link_mismatch' });
  });

  it('detects a row moved to another chain', () => {
    const rows = chain([record('a'), record('b'), record('c'), record('d')]);
    rows[3] = { ...rows[3], chain: 0 };
    expect(verifyRows(rows)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('checks every row and reports every break, not only the first', () => {
    const rows = chain(Array.from({ length: 10 }, (_, i) => record(`r${i}`)));
    rows[1] = { ...rows[1], actorLabel: 'changed' }; // chain 1
    rows[6] = { ...rows[6], action: 'changed' }; // chain 0
    const withoutRow8 = rows.filter((r) => r.id !== 8); // chain 1: row 10 no longer links
    expect(verifyRows(withoutRow8)).toMatchObject({
      ok: false,
      rows: 9,
      breaks: 3,
      brokenChains: [0, 1],
      first: { id: 2, chain: 1, reason: 'hash_mismatch' },
      last: { id: 10, chain: 1, reason: 'link_mismatch' },
      listed: [
        { id: 2, chain: 1, reason: 'hash_mismatch' },
        { id: 7, chain: 0, reason: 'hash_mismatch' },
        { id: 10, chain: 1, reason: 'link_mismatch' },
      ],
    });
  });

  it('hashes a record as stored: text the database cannot keep verifies after the round trip', () => {
    const raw: AuditRecord = {
      ...record('auth.sign_in', { username: '\ud800\0', ['k\0']: 1 }),
      actorLabel: '\ud800',
      outcome: 'failure',
    };
    const stored = storableRecord(raw);
    expect(stored).toMatchObject({ actorLabel: '\uFFFD', after: { username: '\uFFFD\uFFFD', 'k\uFFFD': 1 } });
    // what the database returns is exactly the stored record: its hash holds
    const row: ChainedRow = {
      ...JSON.parse(JSON.stringify(stored)),
      at: stored.at,
      id: 1,
      chain: 0,
      prevHash: GENESIS,
      hash: chainHash(GENESIS, stored, 0),
    };
    expect(verifyRows([row])).toMatchObject({ ok: true });
    expect(chainHash(GENESIS, raw, 0)).not.toBe(row.hash); // hashing the record as sent was the defect
  });
});

describe('the body split around the chain (grouped writes)', () => {
  it('hashes exactly as the canonical JSON of the whole row, whatever the values', () => {
    const odd: AuditRecord = {
      ...record('x'),
      actorLabel: '"chain":1,',
      entityId: null,
      before: { chain: 9, z: [1] },
      after: { entityId: 'e', '': null },
    };
    for (const r of [record('a'), record('b', { k: 1, number: '421081-20261125-000001' }), odd]) {
      for (const chain of [0, 7, 15]) {
        const whole = canonicalJson({
          chain,
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
        const [before, after] = chainBodyParts(r);
        expect(`${before}"chain":${chain}${after}`).toBe(whole);
        expect(chainHashOf(GENESIS, chainBodyParts(r), chain)).toBe(chainHash(GENESIS, r, chain));
      }
    }
  });
});
