/**
 * The points module's labels, defined once: the server uses them in messages and exports, the web
 * (console and resident app) in its tags and lists. Plain data importing nothing (the web bundles it).
 */

export const AWARD_STATES = [
  'awaiting_approval',
  'pending',
  'reviewed',
  'published',
  'objected',
  'credited',
  'rejected',
] as const;
export type AwardState = (typeof AWARD_STATES)[number];

export const AWARD_ACTIONS = ['approve', 'review', 'publish', 'reject', 'object', 'resolve'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

export const REDEMPTION_STATES = ['reserved', 'fulfilled', 'cancelled', 'expired'] as const;
export type RedemptionState = (typeof REDEMPTION_STATES)[number];

/** Ledger transaction kinds (账本交易类型). */
export const TRANSACTION_KINDS = [
  'award',
  'deduction',
  'reserve',
  'release',
  'fulfil',
  'expiry',
  'correction',
] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export interface Label {
  zh: string;
  en: string;
}

export const AWARD_STATE_LABELS: Record<AwardState, Label> = {
  awaiting_approval: { zh: '待批准', en: 'awaiting approval' },
  pending: { zh: '待审核', en: 'pending' },
  reviewed: { zh: '已审核', en: 'reviewed' },
  published: { zh: '公示中', en: 'in publicity' },
  objected: { zh: '有异议', en: 'objected' },
  credited: { zh: '已入账', en: 'credited' },
  rejected: { zh: '未通过', en: 'rejected' },
};

export const AWARD_ACTION_LABELS: Record<AwardAction, Label> = {
  approve: { zh: '批准分值', en: 'approve the amount' },
  review: { zh: '审核通过', en: 'review' },
  publish: { zh: '公示', en: 'publish' },
  reject: { zh: '驳回', en: 'reject' },
  object: { zh: '提出异议', en: 'object' },
  resolve: { zh: '处理异议', en: 'resolve' },
};

export const REDEMPTION_STATE_LABELS: Record<RedemptionState, Label> = {
  reserved: { zh: '待领取', en: 'reserved' },
  fulfilled: { zh: '已领取', en: 'picked up' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  expired: { zh: '已过期', en: 'expired' },
};

export const TRANSACTION_KIND_LABELS: Record<TransactionKind, Label> = {
  award: { zh: '积分奖励', en: 'award' },
  deduction: { zh: '积分扣减', en: 'deduction' },
  reserve: { zh: '兑换预留', en: 'reserved for redemption' },
  release: { zh: '兑换退回', en: 'returned' },
  fulfil: { zh: '已领取', en: 'picked up' },
  expiry: { zh: '积分过期', en: 'expired' },
  correction: { zh: '更正', en: 'correction' },
};

/** The points actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, Label> = {
  'points.award_earned': { zh: '线索立案积分', en: 'Points earned by a report' },
  'points.award_manual': { zh: '申报积分', en: 'Points awarded' },
  'points.deduct_manual': { zh: '申报扣分', en: 'Points deducted' },
  'points.award_approve': { zh: '批准分值', en: 'Amount approved' },
  'points.award_review': { zh: '审核积分', en: 'Award reviewed' },
  'points.award_publish': { zh: '公示积分', en: 'Award published' },
  'points.award_reject': { zh: '驳回积分', en: 'Award rejected' },
  'points.award_resolve': { zh: '处理异议', en: 'Objection resolved' },
  'points.award_credited': { zh: '积分入账', en: 'Award credited' },
  'points.award_refused': { zh: '积分未发放', en: 'Award refused' },
  'points.objection': { zh: '提出异议', en: 'Objection raised' },
  'points.rule_version': { zh: '积分规则', en: 'Rule version' },
  'points.item_create': { zh: '上架商品', en: 'Item added' },
  'points.item_update': { zh: '修改商品', en: 'Item changed' },
  'points.item_restock': { zh: '补充库存', en: 'Item restocked' },
  'points.redeem': { zh: '兑换商品', en: 'Redeemed' },
  'points.redemption_cancel': { zh: '取消兑换', en: 'Redemption cancelled' },
  'points.redemption_expire': { zh: '兑换逾期释放', en: 'Redemption expired' },
  'points.pickup': { zh: '核销兑换', en: 'Pickup' },
  'points.expire': { zh: '积分过期', en: 'Points expired' },
  'points.settings': { zh: '积分设置', en: 'Points settings' },
  'points.place_confirm': { zh: '确认积分超市所属地', en: 'Shop place confirmed' },
};

/** The console home's count (今日待办): awards waiting for approval or review in the staff member's places. */
export const TODAY_LABELS = {
  review: {
    label: { zh: '积分待审核', en: 'Points awaiting review' },
    hint: { zh: '待审批、待审核、待公示的积分申报', en: 'Awards waiting for approval, review or publicity' },
  },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  points_award: { zh: '积分奖励', en: 'points award' },
  points_item: { zh: '积分商品', en: 'shop item' },
  points_redemption: { zh: '积分兑换', en: 'redemption' },
  points_rule: { zh: '积分规则', en: 'points rule' },
  points_settings: { zh: '积分设置', en: 'points settings' },
};
