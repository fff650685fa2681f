/** Points (积分) shapes and labels shared by the console and the resident app (the server's points module is the truth). */
import type { Lang } from './i18n';

export type AwardState =
  | 'awaiting_approval'
  | 'pending'
  | 'reviewed'
  | 'published'
  | 'objected'
  | 'credited'
  | 'rejected';
export type AwardAction = 'approve' | 'review' | 'publish' | 'reject' | 'object' | 'resolve';
export type RedemptionState = 'reserved' | 'fulfilled' | 'cancelled' | 'expired';

export interface MyPoints {
  balance: number;
  pending: number;
  pendingDeductions: number;
  exchange: { points: number; yuan: number };
  /** registered places whose shops serve me */
  shopPlaces: string[];
  /** the place I chose, waiting for staff to confirm it as my shop place */
  placeToConfirm: string | null;
}

export interface HistoryRow {
  entryId: number;
  at: string;
  amount: number;
  kind: string;
  memo: string;
  expiresAt: string | null;
  awardId: string | null;
  redemptionId: string | null;
}

export interface ShopItem {
  id: string;
  divisionCode: string;
  name: string;
  description: string;
  pricePoints: number;
  yuanValue: number;
  exchange: { points: number; yuan: number };
  stock: number;
  perPersonLimit: number | null;
  photoUrl: string | null;
  active: boolean;
  actions: string[];
}

export interface Redemption {
  id: string;
  itemId: string;
  itemName: string;
  divisionCode: string;
  userId: string;
  userName: string;
  quantity: number;
  points: number;
  state: RedemptionState;
  pickupCode?: string;
  qrPayload?: string;
  reservedAt: string;
  expiresAt: string;
  closedAt: string | null;
  stateLabel: { zh: string; en: string };
  actions: string[];
}

export interface Award {
  id: string;
  ruleCode: string;
  ruleName: string;
  userId: string;
  userName: string;
  issuerCode: string;
  sourceEvent: string;
  kind: 'earn' | 'deduct';
  amount: number;
  /** the rule's amount: `amount` differs only with `amountReason` and a second person's approval */
  ruleAmount: number;
  amountReason: string | null;
  appliedAmount: number | null;
  reason: string;
  state: AwardState;
  earnedAt: string;
  createdAt: string;
  createdBy: string | null;
  approvedBy: string | null;
  publishedAt: string | null;
  publicityUntil: string | null;
  rejectionReason: string | null;
  actions: AwardAction[];
}

export interface PublicityRow {
  id: string;
  name: string;
  issuerCode: string;
  kind: 'earn' | 'deduct';
  amount: number;
  reason: string;
  state: AwardState;
  publishedAt: string | null;
  publicityUntil: string | null;
  actions: AwardAction[];
}

export interface RuleVersion {
  id: string;
  scopeCode: string;
  code: string;
  version: number;
  name: string;
  kind: 'earn' | 'deduct';
  source: 'cases.filed' | 'manual';
  amount: number;
  dailyCap: number | null;
  monthlyCap: number | null;
  effectiveFrom: string;
  createdAt: string;
}

export interface PointsSettings {
  scopeCode: string | null;
  exchangePoints: number;
  exchangeYuan: number;
  publicityDays: number;
  reservationHours: number;
  expiryMonths: number | null;
  deskMaxFailures: number;
  deskLockMinutes: number;
  overrideFactor: number;
  overrideMonthlyCap: number;
  /** GET only: 'edit' when this user may change the settings of this place */
  actions?: 'edit'[];
}

const AWARD_STATES: Record<AwardState, [string, string, string]> = {
  awaiting_approval: ['待批准', 'Awaiting approval', 'orange'],
  pending: ['待审核', 'Pending', 'gold'],
  reviewed: ['已审核', 'Reviewed', 'blue'],
  published: ['公示中', 'In publicity', 'cyan'],
  objected: ['有异议', 'Objected', 'volcano'],
  credited: ['已入账', 'Credited', 'green'],
  rejected: ['未通过', 'Rejected', 'default'],
};

export const awardStateLabel = (s: AwardState, lang: Lang) => AWARD_STATES[s]?.[lang === 'en' ? 1 : 0] ?? s;
export const awardStateColor = (s: AwardState) => AWARD_STATES[s]?.[2] ?? 'default';

const REDEMPTION_STATES: Record<RedemptionState, [string, string]> = {
  reserved: ['待领取', 'Reserved'],
  fulfilled: ['已领取', 'Picked up'],
  cancelled: ['已取消', 'Cancelled'],
  expired: ['已过期', 'Expired'],
};

export const redemptionStateLabel = (s: RedemptionState, lang: Lang) =>
  REDEMPTION_STATES[s]?.[lang === 'en' ? 1 : 0] ?? s;

const ENTRY_KINDS: Record<string, [string, string]> = {
  award: ['积分奖励', 'Award'],
  deduction: ['积分扣减', 'Deduction'],
  reserve: ['兑换预留', 'Reserved for redemption'],
  release: ['兑换退回', 'Returned'],
  fulfil: ['已领取', 'Picked up'],
  expiry: ['积分过期', 'Expired'],
  correction: ['更正', 'Correction'],
};

export const entryKindLabel = (k: string, lang: Lang) => ENTRY_KINDS[k]?.[lang === 'en' ? 1 : 0] ?? k;

/** "10 积分 = 5 元" / "10 points = ¥5". */
export function exchangeText(e: { points: number; yuan: number }, lang: Lang): string {
  return lang === 'en' ? `${e.points} points = ¥${e.yuan}` : `${e.points} 积分 = ${e.yuan} 元`;
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
