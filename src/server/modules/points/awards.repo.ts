/** Awards (积分申报) and objections (异议). Queries only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { AwardPatch, AwardState } from './points.domain';

export interface AwardRow {
  id: string;
  ruleId: string;
  ruleCode: string;
  ruleName: string;
  userId: string;
  userName: string;
  issuerCode: string;
  sourceEvent: string;
  kind: 'earn' | 'deduct';
  amount: number;
  /** the rule version's amount; `amount` differs only with an `amountReason` and a second person's approval */
  ruleAmount: number;
  amountReason: string | null;
  appliedAmount: number | null;
  reason: string;
  state: AwardState;
  earnedAt: Date;
  createdAt: Date;
  createdBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  reviewedBy: string | null;
  publishedBy: string | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  publicityUntil: Date | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  transactionId: number | null;
}

const COLUMNS = `w.id, w.rule_id AS "ruleId", r.code AS "ruleCode", r.name AS "ruleName", w.user_id AS "userId", u.display_name AS "userName",
  w.issuer_code AS "issuerCode", w.source_event AS "sourceEvent", w.kind, w.amount, r.amount AS "ruleAmount", w.amount_reason AS "amountReason",
  w.applied_amount AS "appliedAmount", w.reason, w.state, w.earned_at AS "earnedAt", w.created_at AS "createdAt", w.created_by AS "createdBy",
  w.approved_by AS "approvedBy", w.approved_at AS "approvedAt", w.reviewed_by AS "reviewedBy", w.published_by AS "publishedBy", w.reviewed_at AS "reviewedAt", w.published_at AS "publishedAt",
  w.publicity_until AS "publicityUntil", w.decided_at AS "decidedAt", w.rejection_reason AS "rejectionReason", w.transaction_id AS "transactionId"`;
const FROM = 'points_awards w JOIN points_rules r ON r.id = w.rule_id JOIN users u ON u.id = w.user_id';

export async function findAward(q: Queryable, id: string, forUpdate = false): Promise<AwardRow | null> {
  const { rows } = await q.query<AwardRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE w.id = $1 ${forUpdate ? 'FOR UPDATE OF w' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface NewAward {
  ruleId: string;
  userId: string;
  issuerCode: string;
  sourceEvent: string;
  kind: 'earn' | 'deduct';
  amount: number;
  reason: string;
  earnedAt: Date;
  createdBy: string | null;
  /** set for an amount other than the rule's: the award then waits for approval */
  amountReason: string | null;
  now: Date;
}

/** Inserts an award (awaiting approval when its amount was adjusted); null when (rule, source event, person) already has one (idempotency). */
export async function insertAward(q: Queryable, a: NewAward): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO points_awards (rule_id, user_id, issuer_code, source_event, kind, amount, reason, state, earned_at, created_at, created_by, amount_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $11::text IS NULL THEN 'pending' ELSE 'awaiting_approval' END, $8, $9, $10, $11)
     ON CONFLICT (rule_id, source_event, user_id) DO NOTHING RETURNING id`,
    [
      a.ruleId,
      a.userId,
      a.issuerCode,
      a.sourceEvent,
      a.kind,
      a.amount,
      a.reason,
      a.earnedAt.toISOString(),
      a.now.toISOString(),
      a.createdBy,
      a.amountReason,
    ],
  );
  return rows[0]?.id ?? null;
}

/** Points under a rule code a person has earned (not rejected) in [from, to). */
export async function earnedBetween(
  q: Queryable,
  userId: string,
  ruleCode: string,
  from: Date,
  to: Date,
): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(sum(w.amount), 0) AS n FROM points_awards w JOIN points_rules r ON r.id = w.rule_id
      WHERE w.user_id = $1 AND r.code = $2 AND w.state <> 'rejected' AND w.earned_at >= $3 AND w.earned_at < $4`,
    [userId, ruleCode, from.toISOString(), to.toISOString()],
  );
  return Number(rows[0].n);
}

/** Adjusted amounts (other than the rule's) of one kind a person has been awarded, not rejected, earned in [from, to). */
export async function adjustedBetween(
  q: Queryable,
  userId: string,
  kind: 'earn' | 'deduct',
  from: Date,
  to: Date,
): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(sum(amount), 0) AS n FROM points_awards
      WHERE user_id = $1 AND kind = $2 AND amount_reason IS NOT NULL AND state <> 'rejected' AND earned_at >= $3 AND earned_at < $4`,
    [userId, kind, from.toISOString(), to.toISOString()],
  );
  return Number(rows[0].n);
}

export interface AwardUpdate extends AwardPatch {
  reviewedBy?: string;
  approvedBy?: string;
  publishedBy?: string;
  appliedAmount?: number;
  transactionId?: number;
}

export async function updateAward(q: Queryable, id: string, p: AwardUpdate): Promise<void> {
  await q.query(
    `UPDATE points_awards SET state = $2, reviewed_at = coalesce($3, reviewed_at), reviewed_by = coalesce($4, reviewed_by),
       published_at = coalesce($5, published_at), publicity_until = coalesce($6, publicity_until), decided_at = coalesce($7, decided_at),
       rejection_reason = coalesce($8, rejection_reason), applied_amount = coalesce($9, applied_amount), transaction_id = coalesce($10, transaction_id),
       approved_at = coalesce($11, approved_at), approved_by = coalesce($12, approved_by), published_by = coalesce($13, published_by)
     WHERE id = $1`,
    [
      id,
      p.state,
      p.reviewedAt?.toISOString() ?? null,
      p.reviewedBy ?? null,
      p.publishedAt?.toISOString() ?? null,
      p.publicityUntil?.toISOString() ?? null,
      p.decidedAt?.toISOString() ?? null,
      p.rejectionReason ?? null,
      p.appliedAmount ?? null,
      p.transactionId ?? null,
      p.approvedAt?.toISOString() ?? null,
      p.approvedBy ?? null,
      p.publishedBy ?? null,
    ],
  );
}

/** The key awards are listed by: newest first. */
export const awardKey = (a: AwardRow) => [a.createdAt, a.id] as const;

/** Awards in the given states within the scopes (issuer code prefixes), newest first, after the key `after`. */
export async function listAwards(
  q: Queryable,
  scopes: string[],
  states: AwardState[],
  limit: number,
  opts: { userId?: string; after?: readonly KeyValue[] | null } = {},
): Promise<AwardRow[]> {
  const [at, id] = opts.after ?? [null, null];
  const { rows } = await q.query<AwardRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE w.state = ANY($2::text[]) AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE w.issuer_code LIKE s || '%')
        AND ($4::uuid IS NULL OR w.user_id = $4)
        AND ($5::timestamptz IS NULL OR (w.created_at, w.id) < ($5::timestamptz, $6::uuid))
      ORDER BY w.created_at DESC, w.id DESC LIMIT $3`,
    [scopes, states, limit, opts.userId ?? null, at, id],
  );
  return rows;
}

/** Published awards whose publicity period has ended, oldest first. */
export async function dueAwards(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM points_awards WHERE state = 'published' AND publicity_until <= $1 ORDER BY publicity_until LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => r.id);
}

/** The person's awards still on their way (awaiting approval, pending, reviewed, in publicity, objected); only those issued in `scopes` when given. */
export async function pendingPoints(
  q: Queryable,
  userId: string,
  scopes?: string[],
): Promise<{ earn: number; deduct: number }> {
  const { rows } = await q.query<{ kind: string; n: number }>(
    `SELECT kind, coalesce(sum(amount), 0) AS n FROM points_awards w
      WHERE user_id = $1 AND state IN ('awaiting_approval', 'pending', 'reviewed', 'published', 'objected')
        AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE w.issuer_code LIKE s || '%'))
      GROUP BY kind`,
    [userId, scopes ?? null],
  );
  return {
    earn: Number(rows.find((r) => r.kind === 'earn')?.n ?? 0),
    deduct: Number(rows.find((r) => r.kind === 'deduct')?.n ?? 0),
  };
}

export interface ObjectionRow {
  id: string;
  awardId: string;
  userId: string;
  reason: string;
  createdAt: Date;
  resolvedAt: Date | null;
  upheld: boolean | null;
  resolution: string | null;
  issuerCode: string;
  /** the award's person and reason */
  awardUserName: string;
  awardReason: string;
}

const OBJECTION_COLUMNS = `o.id, o.award_id AS "awardId", o.user_id AS "userId", o.reason, o.created_at AS "createdAt", o.resolved_at AS "resolvedAt",
  o.upheld, o.resolution, w.issuer_code AS "issuerCode", p.display_name AS "awardUserName", w.reason AS "awardReason"`;
const OBJECTION_FROM = 'points_objections o JOIN points_awards w ON w.id = o.award_id JOIN users p ON p.id = w.user_id';

export async function insertObjection(
  q: Queryable,
  awardId: string,
  userId: string,
  reason: string,
  now: Date,
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO points_objections (award_id, user_id, reason, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (award_id, user_id) DO NOTHING RETURNING id`,
    [awardId, userId, reason, now.toISOString()],
  );
  return rows[0]?.id ?? null;
}

export async function findObjection(q: Queryable, id: string): Promise<ObjectionRow | null> {
  const { rows } = await q.query<ObjectionRow>(`SELECT ${OBJECTION_COLUMNS} FROM ${OBJECTION_FROM} WHERE o.id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

export const objectionKey = (o: ObjectionRow) => [o.createdAt, o.id] as const;

/** Objections in the scopes (only unresolved ones when `open`), newest first, after the key `after`. */
export async function listObjections(
  q: Queryable,
  scopes: string[],
  open: boolean,
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<ObjectionRow[]> {
  const [at, id] = after ?? [null, null];
  const { rows } = await q.query<ObjectionRow>(
    `SELECT ${OBJECTION_COLUMNS} FROM ${OBJECTION_FROM}
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE w.issuer_code LIKE s || '%') AND ($2::boolean = false OR o.resolved_at IS NULL)
        AND ($4::timestamptz IS NULL OR (o.created_at, o.id) < ($4::timestamptz, $5::uuid))
      ORDER BY o.created_at DESC, o.id DESC LIMIT $3`,
    [scopes, open, limit, at, id],
  );
  return rows;
}

/** Who objected to an award (they do not resolve it). */
export async function objectorsOf(q: Queryable, awardId: string): Promise<string[]> {
  const { rows } = await q.query<{ userId: string }>(
    'SELECT user_id AS "userId" FROM points_objections WHERE award_id = $1',
    [awardId],
  );
  return rows.map((r) => r.userId);
}

/** Resolving one objection resolves every open objection to the same award. */
export async function resolveObjections(
  q: Queryable,
  awardId: string,
  by: string,
  upheld: boolean,
  resolution: string,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE points_objections SET resolved_at = $2, resolved_by = $3, upheld = $4, resolution = $5 WHERE award_id = $1 AND resolved_at IS NULL`,
    [awardId, now.toISOString(), by, upheld, resolution],
  );
}

/** How many awards `listAwards` would list in these states within the scopes (the console home's count). */
export async function countAwards(q: Queryable, scopes: string[], states: AwardState[]): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM points_awards w
      WHERE w.state = ANY($2::text[]) AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE w.issuer_code LIKE s || '%')`,
    [scopes, states],
  );
  return rows[0].n;
}
