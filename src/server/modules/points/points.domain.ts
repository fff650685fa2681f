/**
 * Points (积分) as pure rules: the award state machine (申报 → 审核 → 公示 → 入账), rule versions,
 * caps, the exchange shown to residents (10 分 = 5 元), name masking for the publicity list (公示),
 * and the expiry formula. No I/O; expected failures are values.
 */
import { type Result, fail, ok } from '../../platform/errors';
import { AWARD_ACTION_LABELS, AWARD_STATE_LABELS, type AwardAction, type AwardState } from './points.labels';

export {
  AWARD_ACTION_LABELS,
  AWARD_STATE_LABELS,
  type AwardAction,
  type AwardState,
  REDEMPTION_STATE_LABELS,
  type RedemptionState,
} from './points.labels';

/** Which actions each state accepts (the UI shows only these buttons). */
export const AWARD_ALLOWED: Record<AwardState, readonly AwardAction[]> = {
  awaiting_approval: ['approve', 'reject'],
  pending: ['review', 'reject'],
  reviewed: ['publish', 'reject'],
  published: ['object'],
  objected: ['resolve', 'object'],
  credited: [],
  rejected: [],
};

export type AwardStep =
  | { type: 'approve' }
  | { type: 'review' }
  | { type: 'publish'; publicityDays: number }
  | { type: 'reject'; reason: string }
  | { type: 'object' }
  | { type: 'resolve'; upheld: boolean; reason: string };

export interface AwardPatch {
  state: AwardState;
  approvedAt?: Date;
  reviewedAt?: Date;
  publishedAt?: Date;
  publicityUntil?: Date;
  decidedAt?: Date;
  rejectionReason?: string;
}

const DAY_MS = 86_400_000;

/** One step of the award machine. Objections are accepted only while the publicity period runs. */
export function stepAward(
  a: { state: AwardState; publicityUntil: Date | null },
  step: AwardStep,
  now: Date,
): Result<AwardPatch> {
  if (!AWARD_ALLOWED[a.state].includes(step.type)) {
    return fail('points_award_step_not_allowed', {
      from: a.state,
      fromZh: AWARD_STATE_LABELS[a.state].zh,
      action: step.type,
      actionZh: AWARD_ACTION_LABELS[step.type].zh,
    });
  }
  switch (step.type) {
    case 'approve':
      return ok({ state: 'pending', approvedAt: now });
    case 'review':
      return ok({ state: 'reviewed', reviewedAt: now });
    case 'publish':
      return ok({
        state: 'published',
        publishedAt: now,
        publicityUntil: new Date(now.getTime() + step.publicityDays * DAY_MS),
      });
    case 'reject':
      if (!step.reason.trim()) return fail('validation_failed', { summary: 'a reason is required' });
      return ok({ state: 'rejected', decidedAt: now, rejectionReason: step.reason.trim() });
    case 'object':
      if (a.state === 'published' && a.publicityUntil && now >= a.publicityUntil)
        return fail('points_objection_closed');
      return ok({ state: 'objected' });
    case 'resolve':
      if (!step.reason.trim()) return fail('validation_failed', { summary: 'a reason is required' });
      return step.upheld
        ? ok({ state: 'rejected', decidedAt: now, rejectionReason: step.reason.trim() })
        : ok({ state: 'published' });
  }
}

/** Is the award due to be credited (its publicity period is over and nobody holds it up)? */
export function isDue(a: { state: AwardState; publicityUntil: Date | null }, now: Date): boolean {
  return a.state === 'published' && a.publicityUntil !== null && a.publicityUntil <= now;
}

export interface RuleVersion {
  id: string;
  scopeCode: string;
  code: string;
  version: number;
  effectiveFrom: Date;
}

/**
 * The rule version that applies at `place` at time `at`: the deepest scope (village before town
 * before county) holding a version already in force then, and within it the latest effective one.
 * A version effective later never applies to an earlier event (never backwards).
 */
export function pickRule<R extends RuleVersion>(versions: readonly R[], place: string, at: Date): R | null {
  const inForce = versions.filter((v) => place.startsWith(v.scopeCode) && v.effectiveFrom <= at);
  inForce.sort(
    (a, b) =>
      b.scopeCode.length - a.scopeCode.length ||
      b.effectiveFrom.getTime() - a.effectiveFrom.getTime() ||
      b.version - a.version,
  );
  return inForce[0] ?? null;
}

/** A new version may not take effect before it is created (a minute of leeway for clocks). */
export function checkEffectiveFrom(effectiveFrom: Date, now: Date): Result<Date> {
  if (effectiveFrom.getTime() < now.getTime() - 60_000)
    return fail('points_rule_backdated', { effectiveFrom: effectiveFrom.toISOString() });
  return ok(effectiveFrom);
}

/** Positive whole points only; 0, negatives and fractions are refused (400). */
export function checkAmount(value: number): Result<number> {
  return Number.isSafeInteger(value) && value > 0 ? ok(value) : fail('points_invalid_amount', { value });
}

/**
 * How much of a rule's amount may still be earned today and this month.
 * `earnedToday` / `earnedThisMonth`: the person's non-rejected awards under the same rule code.
 */
export function capAllowance(
  amount: number,
  caps: { daily: number | null; monthly: number | null },
  earnedToday: number,
  earnedThisMonth: number,
): Result<number> {
  let allowed = amount;
  if (caps.daily !== null) allowed = Math.min(allowed, caps.daily - earnedToday);
  if (caps.monthly !== null) allowed = Math.min(allowed, caps.monthly - earnedThisMonth);
  if (allowed <= 0) {
    const daily = caps.daily !== null && earnedToday >= caps.daily;
    return fail('points_cap_reached', {
      period: daily ? '每日' : '每月',
      periodEn: daily ? 'daily' : 'monthly',
      cap: daily ? caps.daily : caps.monthly,
    });
  }
  return ok(allowed);
}

/**
 * An amount other than the rule's (调整分值): it needs a reason, at most `factor` times the rule's
 * amount, and with the person's other adjusted amounts of the CST month at most `monthlyCap`.
 * `overridden`: whether the award must wait for a second person's approval.
 */
export function checkOverride(
  ruleAmount: number,
  amount: number,
  reason: string | undefined,
  caps: { factor: number; monthlyCap: number },
  adjustedThisMonth: number,
): Result<{ overridden: boolean }> {
  if (amount === ruleAmount) return ok({ overridden: false });
  if (!reason?.trim()) return fail('points_amount_reason_required', { ruleAmount, amount });
  const cap = ruleAmount * caps.factor;
  if (amount > cap) return fail('points_amount_over_award_cap', { ruleAmount, amount, factor: caps.factor, cap });
  if (adjustedThisMonth + amount > caps.monthlyCap) {
    return fail('points_amount_over_period_cap', { amount, used: adjustedThisMonth, cap: caps.monthlyCap });
  }
  return ok({ overridden: true });
}

/** The exchange shown with every price: `exchangePoints` points are worth `exchangeYuan` yuan. */
export function yuanValue(points: number, exchange: { exchangePoints: number; exchangeYuan: number }): number {
  return Math.round((points * exchange.exchangeYuan * 100) / exchange.exchangePoints) / 100;
}

/** Names on the publicity list: 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('') || '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Expiry, soonest-expiring first. `expiringCredits`: award credits to the person whose expiry
 * time has passed; `allCredits`: every award credit; `balance`: the current balance. Everything
 * consumed so far (spent, deducted, expired; refunds count back) is allCredits − balance, and it
 * used up the soonest-expiring credits first, so what must expire now is what is left of them.
 */
export function expiringNow(expiringCredits: number, allCredits: number, balance: number): number {
  const consumed = allCredits - balance;
  return Math.max(0, Math.min(balance, expiringCredits - consumed));
}

/** Credits expire `months` calendar months after the moment they are credited. */
export function expiryOf(creditedAt: Date, months: number | null): Date | null {
  if (months === null) return null;
  const d = new Date(creditedAt.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The QR payload a resident shows at the desk; the desk may scan it or type the 6 digits. */
export function qrPayload(redemptionId: string, pickupCode: string): string {
  return `cocreate:points:pickup:${redemptionId}:${pickupCode}`;
}

/** The village (12 digits) of a place code; grids and below belong to their village. */
export function villageOf(code: string): string {
  return code.length > 12 ? code.slice(0, 12) : code;
}
