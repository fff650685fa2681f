import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { verifyAuditChain } from '../../modules/audit/audit.service';
import type { Queryable } from '../db/db';
import { CHAINS, GENESIS } from './audit-chain';
import { auditCtes, auditParams, prepareAudit, sealAudit, type SealedAudit, withAuditChain } from './audit.batch';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const record = (action: string) =>
  prepareAudit({
    at: new Date(),
    actorId: null,
    actorLabel: 'test',
    ip: null,
    action,
    entityType: 'test',
    entityId: null,
    scopeCode: null,
    before: null,
    after: { n: 1 },
    outcome: 'success',
  });

/** A grouped statement with nothing but the audit rows. */
const writeSealed = (q: Queryable, s: SealedAudit) =>
  q.query(`WITH ${auditCtes('$1', '$2', '$3')} SELECT ok FROM au_lock`, auditParams(s));

/** Another writer (another process) appends one row to `chain`, past whatever this process knows. */
async function appendElsewhere(chain: number) {
  const { rows } = await ctx.db.query<{ hash: string }>(
    'SELECT hash FROM audit_log WHERE chain = $1 ORDER BY id DESC LIMIT 1',
    [chain],
  );
  await writeSealed(ctx.db, sealAudit([record('test.elsewhere')], chain, rows[0]?.hash ?? GENESIS));
}

describe('grouped audit rows', () => {
  it('links rows in order onto the head (pure)', () => {
    const s = sealAudit([record('a'), record('b')], 3, GENESIS);
    expect(s.rows[0].prevHash).toBe(GENESIS);
    expect(s.rows[1].prevHash).toBe(s.rows[0].hash);
    expect(s.head).toBe(s.rows[1].hash);
    expect(s.expectedHead).toBe(GENESIS);
  });

  it('writes sealed rows in one statement, and the chains verify', async () => {
    await withAuditChain(ctx.db, (seal) =>
      writeSealed(ctx.db, seal([record('test.one'), record('test.two'), record('test.three')])),
    );
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('refuses a stale head in the database, and the writer retries with the head it is told', async () => {
    // lease all chains at once, so each has a head cached in this process
    let release!: () => void;
    const hold = new Promise<void>((r) => {
      release = r;
    });
    const leased = Array.from({ length: CHAINS }, () =>
      withAuditChain(ctx.db, async (seal) => {
        const s = seal([record('test.lease')]);
        await writeSealed(ctx.db, s);
        await hold;
        return s.chain;
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(new Set(await Promise.all(leased)).size).toBe(CHAINS);
    // every chain moves on behind this process's back
    for (let chain = 0; chain < CHAINS; chain++) await appendElsewhere(chain);

    // the statement itself refuses a stale head: nothing is written
    const before = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await expect(writeSealed(ctx.db, sealAudit([record('test.stale')], 0, GENESIS))).rejects.toMatchObject({
      code: 'CC001',
    });
    expect((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);

    let attempts = 0;
    await withAuditChain(ctx.db, async (seal) => {
      attempts++;
      await writeSealed(ctx.db, seal([record('test.after_move')]));
    });
    expect(attempts).toBe(2); // refused once (stale cached head), then written on the head from the refusal
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
