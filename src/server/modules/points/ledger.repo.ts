/**
 * The double-entry ledger (账本): accounts, transactions and their entries. Queries only. A
 * transaction's entries are inserted in one statement; the database checks at commit that they
 * sum to zero, keeps person balances (points_balances) and refuses any balance below zero.
 */
import type { Queryable } from '../../platform/db/db';
import type { TransactionKind } from './points.labels';

export type { TransactionKind };
export type AccountKind = 'person' | 'issuer' | 'shop' | 'hold' | 'expiry';

export interface Account {
  id: number;
  kind: AccountKind;
  userId: string | null;
  divisionCode: string | null;
}

const accountKey = (kind: AccountKind, owner: string | null) => (kind === 'expiry' ? 'expiry' : `${kind}:${owner}`);

/** The account of a person, issuer, shop, hold or the expiry account, created on first use. */
export async function ensureAccount(
  q: Queryable,
  kind: AccountKind,
  owner: string | null,
  now: Date,
): Promise<Account> {
  const key = accountKey(kind, owner);
  const select = `SELECT id, kind, user_id AS "userId", division_code AS "divisionCode" FROM points_accounts WHERE key = $1`;
  const found = await q.query<Account>(select, [key]);
  if (found.rows[0]) return { ...found.rows[0], id: Number(found.rows[0].id) };
  await q.query(
    `INSERT INTO points_accounts (key, kind, user_id, division_code, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING`,
    [
      key,
      kind,
      kind === 'person' ? owner : null,
      kind === 'person' || kind === 'expiry' ? null : owner,
      now.toISOString(),
    ],
  );
  const { rows } = await q.query<Account>(select, [key]);
  const account = { ...rows[0], id: Number(rows[0].id) };
  if (kind === 'person')
    await q.query('INSERT INTO points_balances (account_id) VALUES ($1) ON CONFLICT DO NOTHING', [account.id]);
  return account;
}

/** The person's account and its cached balance, the balance row locked until commit. */
export async function lockPerson(
  q: Queryable,
  userId: string,
  now: Date,
): Promise<{ account: Account; balance: number }> {
  const account = await ensureAccount(q, 'person', userId, now);
  const { rows } = await q.query<{ balance: number }>(
    'SELECT balance FROM points_balances WHERE account_id = $1 FOR UPDATE',
    [account.id],
  );
  return { account, balance: Number(rows[0]?.balance ?? 0) };
}

export interface EntryInput {
  accountId: number;
  amount: number;
  expiresAt?: Date | null;
}

export interface PostInput {
  kind: TransactionKind;
  memo: string;
  awardId?: string | null;
  redemptionId?: string | null;
  createdBy: string | null;
  now: Date;
  entries: EntryInput[];
}

/** Posts one transaction with all its entries in one statement. Returns the transaction id. */
export async function post(q: Queryable, t: PostInput): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO points_transactions (kind, memo, award_id, redemption_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t.kind, t.memo, t.awardId ?? null, t.redemptionId ?? null, t.now.toISOString(), t.createdBy],
  );
  const id = Number(rows[0].id);
  await q.query(
    `INSERT INTO points_entries (transaction_id, account_id, amount, expires_at, created_at)
     SELECT $1, a, m, e, $5 FROM unnest($2::bigint[], $3::bigint[], $4::timestamptz[]) AS x(a, m, e)`,
    [
      id,
      t.entries.map((e) => e.accountId),
      t.entries.map((e) => e.amount),
      t.entries.map((e) => e.expiresAt?.toISOString() ?? null),
      t.now.toISOString(),
    ],
  );
  return id;
}

export async function balanceOf(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ balance: number }>(
    `SELECT b.balance FROM points_balances b JOIN points_accounts a ON a.id = b.account_id WHERE a.key = $1`,
    [`person:${userId}`],
  );
  return Number(rows[0]?.balance ?? 0);
}

export interface HistoryRow {
  entryId: number;
  at: Date;
  amount: number;
  kind: TransactionKind;
  memo: string;
  expiresAt: Date | null;
  awardId: string | null;
  redemptionId: string | null;
}

export const historyKey = (r: HistoryRow) => [r.entryId] as const;

/** A person's entries, newest first (before the entry `beforeId`), each with the reason (the transaction's memo). */
export async function history(
  q: Queryable,
  userId: string,
  limit: number,
  beforeId: number | null,
): Promise<HistoryRow[]> {
  const { rows } = await q.query<HistoryRow>(
    `SELECT e.id AS "entryId", e.created_at AS at, e.amount, t.kind, t.memo, e.expires_at AS "expiresAt", t.award_id AS "awardId", t.redemption_id AS "redemptionId"
       FROM points_entries e JOIN points_transactions t ON t.id = e.transaction_id JOIN points_accounts a ON a.id = e.account_id
      WHERE a.key = $1 AND ($3::bigint IS NULL OR e.id < $3) ORDER BY e.id DESC LIMIT $2`,
    [`person:${userId}`, limit, beforeId],
  );
  return rows.map((r) => ({ ...r, entryId: Number(r.entryId), amount: Number(r.amount) }));
}

/**
 * A person's entries whose transaction has an issuer, shop or hold account in the scopes (the place
 * it happened), plus, with `withPlaceless`, those with no such account (expiry, corrections).
 */
export async function historyIn(
  q: Queryable,
  userId: string,
  scopes: string[],
  withPlaceless: boolean,
  limit: number,
  beforeId: number | null,
): Promise<HistoryRow[]> {
  const { rows } = await q.query<HistoryRow>(
    `SELECT e.id AS "entryId", e.created_at AS at, e.amount, t.kind, t.memo, e.expires_at AS "expiresAt", t.award_id AS "awardId", t.redemption_id AS "redemptionId"
       FROM points_entries e JOIN points_transactions t ON t.id = e.transaction_id JOIN points_accounts a ON a.id = e.account_id
       LEFT JOIN LATERAL (SELECT o.division_code FROM points_entries x JOIN points_accounts o ON o.id = x.account_id
                           WHERE x.transaction_id = t.id AND o.kind IN ('issuer', 'shop', 'hold') LIMIT 1) p ON true
      WHERE a.key = $1 AND (CASE WHEN p.division_code IS NULL THEN $3::boolean
                                 ELSE EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE p.division_code LIKE s || '%') END)
        AND ($5::bigint IS NULL OR e.id < $5)
      ORDER BY e.id DESC LIMIT $4`,
    [`person:${userId}`, scopes, withPlaceless, limit, beforeId],
  );
  return rows.map((r) => ({ ...r, entryId: Number(r.entryId), amount: Number(r.amount) }));
}

/** For expiry: per person account, award credits already past expiry, all award credits, balance. */
export async function expiryCandidates(q: Queryable, now: Date, limit: number) {
  const { rows } = await q.query<{
    accountId: number;
    userId: string;
    expiring: number;
    credits: number;
    balance: number;
  }>(
    `WITH due AS (
       SELECT DISTINCT e.account_id FROM points_entries e WHERE e.expires_at IS NOT NULL AND e.expires_at <= $1
     )
     SELECT a.id AS "accountId", a.user_id AS "userId", b.balance,
            (SELECT coalesce(sum(e.amount), 0) FROM points_entries e JOIN points_transactions t ON t.id = e.transaction_id
              WHERE e.account_id = a.id AND t.kind = 'award' AND e.amount > 0 AND e.expires_at <= $1) AS expiring,
            (SELECT coalesce(sum(e.amount), 0) FROM points_entries e JOIN points_transactions t ON t.id = e.transaction_id
              WHERE e.account_id = a.id AND t.kind = 'award' AND e.amount > 0) AS credits
       FROM due JOIN points_accounts a ON a.id = due.account_id JOIN points_balances b ON b.account_id = a.id
      WHERE b.balance > 0 LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({
    ...r,
    accountId: Number(r.accountId),
    expiring: Number(r.expiring),
    credits: Number(r.credits),
    balance: Number(r.balance),
  }));
}

export interface PlaceKindTotal {
  divisionCode: string;
  kind: TransactionKind;
  accountKind: AccountKind;
  total: number;
}

/** For the village report: the places in the scopes whose issuer, shop or hold accounts have entries, by code, after `afterCode`. */
export async function placesWithEntries(
  q: Queryable,
  scopes: string[],
  limit: number,
  afterCode: string | null,
): Promise<{ divisionCode: string; name: string }[]> {
  const { rows } = await q.query<{ divisionCode: string; name: string }>(
    `SELECT d.code AS "divisionCode", d.name FROM divisions d
      WHERE EXISTS (SELECT 1 FROM points_accounts a WHERE a.division_code = d.code AND a.kind IN ('issuer', 'shop', 'hold')
                      AND EXISTS (SELECT 1 FROM points_entries e WHERE e.account_id = a.id))
        AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE d.code LIKE s || '%') AND ($3::text IS NULL OR d.code > $3)
      ORDER BY d.code LIMIT $2`,
    [scopes, limit, afterCode],
  );
  return rows;
}

/** Entry sums per place (issuer, shop and hold accounts of the places), transaction kind and account kind. */
export async function placeKindTotals(q: Queryable, places: string[]): Promise<PlaceKindTotal[]> {
  const { rows } = await q.query<PlaceKindTotal>(
    `SELECT a.division_code AS "divisionCode", t.kind, a.kind AS "accountKind", sum(e.amount) AS total
       FROM points_entries e JOIN points_accounts a ON a.id = e.account_id JOIN points_transactions t ON t.id = e.transaction_id
      WHERE a.kind IN ('issuer', 'shop', 'hold') AND a.division_code = ANY($1::text[])
      GROUP BY a.division_code, t.kind, a.kind`,
    [places],
  );
  return rows;
}

/** Points on the hold accounts of the places (reserved, not yet picked up). */
export async function heldByPlace(q: Queryable, places: string[]): Promise<{ divisionCode: string; total: number }[]> {
  const { rows } = await q.query<{ divisionCode: string; total: number }>(
    `SELECT a.division_code AS "divisionCode", sum(e.amount) AS total FROM points_entries e JOIN points_accounts a ON a.id = e.account_id
      WHERE a.kind = 'hold' AND a.division_code = ANY($1::text[]) GROUP BY a.division_code`,
    [places],
  );
  return rows;
}

export interface LedgerLine {
  transactionId: number;
  entryId: number;
  at: Date;
  placeCode: string;
  placeName: string;
  personName: string;
  kind: string;
  amount: number;
  memo: string;
}

/** Person entries of transactions that touch an issuer, shop or hold account in the scopes, newest first, before the entry `before`. */
export async function ledgerLinesIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  before: { transactionId: number; entryId: number } | null,
): Promise<LedgerLine[]> {
  const { rows } = await q.query<LedgerLine>(
    `SELECT t.id AS "transactionId", e.id AS "entryId", t.created_at AS at, o.division_code AS "placeCode", d.name AS "placeName", u.display_name AS "personName",
            t.kind, e.amount, t.memo
       FROM points_transactions t
       JOIN points_entries e ON e.transaction_id = t.id JOIN points_accounts p ON p.id = e.account_id AND p.kind = 'person' JOIN users u ON u.id = p.user_id
       JOIN LATERAL (SELECT a.division_code FROM points_entries x JOIN points_accounts a ON a.id = x.account_id
                      WHERE x.transaction_id = t.id AND a.kind IN ('issuer', 'shop', 'hold') LIMIT 1) o ON true
       JOIN divisions d ON d.code = o.division_code
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE o.division_code LIKE s || '%')
        AND ($3::bigint IS NULL OR (t.id, e.id) < ($3::bigint, $4::bigint))
      ORDER BY t.id DESC, e.id DESC LIMIT $2`,
    [scopes, limit, before?.transactionId ?? null, before?.entryId ?? null],
  );
  return rows.map((r) => ({
    ...r,
    transactionId: Number(r.transactionId),
    entryId: Number(r.entryId),
    amount: Number(r.amount),
  }));
}
