import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/harness';
import { insertUser } from '../identity/identity.repo';
import { expirePoints } from './ledger.service';
import { ensureAccount, post } from './ledger.repo';
import { createPointsContext, fund } from './points.harness';
import { reconcile } from './reconcile';

const VILLAGE = '421081107212'; // 百子庵村, 高基庙镇
let ctx: TestContext;
let personId: string;

beforeAll(async () => {
  ctx = await createPointsContext();
  personId = await ctx.db.ownerTransaction((tx) =>
    insertUser(tx, { kind: 'resident', displayName: '张三明', phoneIndex: 'ledger-test-1' }),
  );
  await ctx.db.transaction((tx) => fund(tx, personId, VILLAGE, 50, ctx.clock.now()));
});
afterAll(async () => {
  await ctx.close();
});

const accounts = async () =>
  ctx.db.transaction(async (tx) => ({
    person: await ensureAccount(tx, 'person', personId, ctx.clock.now()),
    issuer: await ensureAccount(tx, 'issuer', VILLAGE, ctx.clock.now()),
  }));

describe('the points ledger in the database', () => {
  it('refuses a transaction whose entries do not sum to zero, at commit, for the app role and the owner', async () => {
    const { person, issuer } = await accounts();
    const now = ctx.clock.now();
    await expect(
      ctx.db.transaction((tx) =>
        post(tx, {
          kind: 'correction',
          memo: 'x',
          createdBy: null,
          now,
          entries: [
            { accountId: person.id, amount: 5 },
            { accountId: issuer.id, amount: -4 },
          ],
        }),
      ),
    ).rejects.toThrow(/does not balance/);
    await expect(
      ctx.db.ownerTransaction((tx) =>
        post(tx, {
          kind: 'correction',
          memo: 'x',
          createdBy: null,
          now,
          entries: [{ accountId: issuer.id, amount: -7 }],
        }),
      ),
    ).rejects.toThrow(/does not balance/);
    // nor can an entry be added later to a transaction that balanced
    const { rows } = await ctx.db.owner.query<{ id: number }>('SELECT id FROM points_transactions ORDER BY id LIMIT 1');
    await expect(
      ctx.db.transaction((tx) =>
        tx.query(
          'INSERT INTO points_entries (transaction_id, account_id, amount, created_at) VALUES ($1, $2, 3, now())',
          [rows[0].id, person.id],
        ),
      ),
    ).rejects.toThrow(/does not balance/);
    expect((await reconcile(ctx.db.owner)).ok).toBe(true);
  });

  it('never updates or deletes entries or transactions: no privilege for the app role, a trigger for the owner', async () => {
    for (const sql of [
      'UPDATE points_entries SET amount = amount * 2',
      'DELETE FROM points_entries',
      'UPDATE points_transactions SET memo = $$x$$',
      'DELETE FROM points_transactions',
      'TRUNCATE points_entries CASCADE',
      'UPDATE points_rules SET amount = 1',
    ]) {
      await expect(
        ctx.db.transaction((tx) => tx.query(sql)),
        sql,
      ).rejects.toThrow(/permission denied|append-only/);
    }
    await expect(ctx.db.owner.query('UPDATE points_entries SET amount = amount * 2')).rejects.toThrow(/append-only/);
    await expect(ctx.db.owner.query('DELETE FROM points_entries')).rejects.toThrow(/append-only/);
    await expect(ctx.db.owner.query('DELETE FROM points_transactions')).rejects.toThrow(/append-only/);
    await expect(ctx.db.owner.query('TRUNCATE points_entries CASCADE')).rejects.toThrow(/append-only/);
  });

  it('keeps the cached balance from the entries only, and never below zero', async () => {
    const { person, issuer } = await accounts();
    await expect(ctx.db.transaction((tx) => tx.query('UPDATE points_balances SET balance = 1000000'))).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      ctx.db.transaction((tx) => tx.query('INSERT INTO points_balances (account_id, balance) VALUES (999999, 5)')),
    ).rejects.toThrow(/permission denied/);
    const now = ctx.clock.now();
    await expect(
      ctx.db.transaction((tx) =>
        post(tx, {
          kind: 'correction',
          memo: 'overdraw',
          createdBy: null,
          now,
          entries: [
            { accountId: person.id, amount: -51 },
            { accountId: issuer.id, amount: 51 },
          ],
        }),
      ),
    ).rejects.toThrow(/points_balances_balance_check|violates check constraint/);
    const { rows } = await ctx.db.owner.query<{ balance: number }>(
      'SELECT balance FROM points_balances WHERE account_id = $1',
      [person.id],
    );
    expect(Number(rows[0].balance)).toBe(50);
    // a correction is a compensating transaction
    await ctx.db.transaction((tx) =>
      post(tx, {
        kind: 'correction',
        memo: '冲正：多记 5 分',
        createdBy: null,
        now,
        entries: [
          { accountId: person.id, amount: -5 },
          { accountId: issuer.id, amount: 5 },
        ],
      }),
    );
    expect(
      Number(
        (
          await ctx.db.owner.query<{ balance: number }>('SELECT balance FROM points_balances WHERE account_id = $1', [
            person.id,
          ])
        ).rows[0].balance,
      ),
    ).toBe(45);
  });

  it('expires points soonest-expiring first, only what is left of them', async () => {
    const now = ctx.clock.now();
    const month = 30 * 86_400_000;
    const userId = await ctx.db.ownerTransaction((tx) =>
      insertUser(tx, { kind: 'resident', displayName: '李四', phoneIndex: 'ledger-test-2' }),
    );
    await ctx.db.transaction(async (tx) => {
      await fund(tx, userId, VILLAGE, 30, now, new Date(now.getTime() + month));
      await fund(tx, userId, VILLAGE, 20, now, new Date(now.getTime() + 2 * month));
      await fund(tx, userId, VILLAGE, 5, now, null); // never expires
      const person = await ensureAccount(tx, 'person', userId, now);
      const issuer = await ensureAccount(tx, 'issuer', VILLAGE, now);
      await post(tx, {
        kind: 'deduction',
        memo: '扣减',
        createdBy: null,
        now,
        entries: [
          { accountId: person.id, amount: -10 },
          { accountId: issuer.id, amount: 10 },
        ],
      });
    });
    const bal = async () =>
      Number(
        (
          await ctx.db.owner.query<{ balance: number }>(
            `SELECT b.balance FROM points_balances b JOIN points_accounts a ON a.id = b.account_id WHERE a.user_id = $1`,
            [userId],
          )
        ).rows[0].balance,
      );
    expect(await bal()).toBe(45);
    expect((await expirePoints(ctx.deps)).points).toBe(0);
    ctx.clock.advance(month + 1000);
    await expirePoints(ctx.deps);
    expect(await bal()).toBe(25); // 30 − the 10 already spent from them
    expect((await expirePoints(ctx.deps)).points).toBe(0); // nothing twice
    ctx.clock.advance(month);
    await expirePoints(ctx.deps);
    expect(await bal()).toBe(5); // the 20, and the never-expiring 5 stays
    ctx.clock.set(now);
    expect((await reconcile(ctx.db.owner)).ok).toBe(true);
  });

  it('reconciliation finds a planted mismatch in balances, entries and stock', async () => {
    const clean = await reconcile(ctx.db.owner);
    expect(clean).toMatchObject({ ok: true, ledgerSum: 0, mismatches: [] });
    const { person } = await accounts();
    await ctx.db.owner.query('UPDATE points_balances SET balance = balance + 7 WHERE account_id = $1', [person.id]);
    // a tamperer with owner rights who disables the triggers and the balance check
    await ctx.db.ownerTransaction(async (tx) => {
      await tx.exec('ALTER TABLE points_entries DISABLE TRIGGER USER');
      await tx.query(
        'UPDATE points_entries SET amount = amount + 3 WHERE id = (SELECT min(id) FROM points_entries WHERE amount > 0)',
      );
      await tx.exec('ALTER TABLE points_entries ENABLE TRIGGER USER');
      await tx.exec('ALTER TABLE points_items DROP CONSTRAINT points_items_stock_check');
      await tx.query(
        `INSERT INTO points_items (division_code, name, price_points, stock, created_at, updated_at) VALUES ($1, '毛巾', 10, -2, now(), now())`,
        [VILLAGE],
      );
    });
    const r = await reconcile(ctx.db.owner);
    expect(r.ok).toBe(false);
    expect(r.ledgerSum).toBe(3);
    const checks = r.mismatches.map((m) => m.check);
    expect(checks).toEqual(
      expect.arrayContaining(['ledger_sum', 'transaction_sum', 'cached_balance', 'negative_stock']),
    );
    expect(r.mismatches.find((m) => m.check === 'cached_balance')).toMatchObject({
      subject: `account person:${personId}`,
    });
  });
});
