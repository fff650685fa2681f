/** Error codes of the points module (points, the points shop and the pickup desk): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const POINTS_ERRORS = defineErrors({
  points_invalid_amount: {
    status: 400,
    zh: '积分数量必须是正整数：{value}',
    en: 'Points must be a positive whole number: {value}',
  },
  points_insufficient: {
    status: 409,
    zh: '积分不足：需要 {required} 分，当前余额 {balance} 分',
    en: 'Not enough points: {required} needed, balance {balance}',
  },
  points_out_of_stock: { status: 409, zh: '「{item}」库存不足', en: 'Out of stock: "{item}"' },
  points_limit_reached: {
    status: 409,
    zh: '「{item}」每人限兑 {limit} 件，您已兑换 {used} 件',
    en: 'Limit reached: "{item}" is limited to {limit} per person; you have {used}',
  },
  points_item_unavailable: {
    status: 409,
    zh: '该物品已下架或不在您所在村（社区）、镇的积分超市',
    en: 'This item is withdrawn or not offered to your village or town',
  },
  points_cap_reached: {
    status: 409,
    zh: '已达到该积分项目的{period}上限（{cap} 分）',
    en: 'The {periodEn} cap of this item ({cap} points) has been reached',
  },
  points_amount_reason_required: {
    status: 400,
    zh: '分值 {amount} 与规则分值（{ruleAmount} 分）不同，须填写调整理由',
    en: 'The amount {amount} differs from the rule’s ({ruleAmount} points): give a reason for it',
  },
  points_amount_over_award_cap: {
    status: 400,
    zh: '单笔分值不得超过规则分值的 {factor} 倍（{cap} 分），申报了 {amount} 分',
    en: 'One award may be at most {factor} times the rule’s amount ({cap} points); {amount} was asked',
  },
  points_amount_over_period_cap: {
    status: 409,
    zh: '此人本月调整分值合计不得超过 {cap} 分（已有 {used} 分，本次 {amount} 分）',
    en: 'Adjusted amounts for this person may total at most {cap} points a month ({used} already, {amount} now)',
  },
  points_self_dealing: {
    status: 403,
    zh: '不能为本人或同户家庭成员办理积分事项（{actionZh}）',
    en: 'You cannot {action} for yourself or a member of your household',
  },
  points_second_person_required: {
    status: 403,
    zh: '{roleZh}不能再{actionZh}这笔积分：须由另一名工作人员办理',
    en: 'As its {role} you cannot also {action} this award: a second person must',
  },
  points_objection_not_allowed: {
    status: 403,
    zh: '只有本村（社区）居民或管辖该村的工作人员可以对这笔积分提出异议',
    en: 'Only residents of the award’s village or staff whose scope covers it may object',
  },
  points_place_not_requested: {
    status: 409,
    zh: '此人没有申请把积分超市所属地改为 {code}',
    en: 'This person has not asked to make {code} their shop place',
  },
  points_rule_backdated: {
    status: 400,
    zh: '积分规则的生效时间不能早于现在（{effectiveFrom}）：规则不溯及既往',
    en: 'A rule cannot take effect in the past ({effectiveFrom}); rules never apply backwards',
  },
  points_unknown_rule: {
    status: 400,
    zh: '此处没有生效的积分项目：{code}',
    en: 'No points rule {code} is in force here',
  },
  points_award_step_not_allowed: {
    status: 409,
    zh: '积分申报当前为「{fromZh}」，不能执行「{actionZh}」',
    en: 'The award is {from}; "{action}" is not allowed from that state',
  },
  points_objection_closed: {
    status: 409,
    zh: '公示期已结束，不能再提出异议',
    en: 'The publicity period is over; objections are closed',
  },
  points_reservation_closed: {
    status: 409,
    zh: '该兑换已{stateZh}，不能再操作',
    en: 'This redemption is already {state}',
  },
  pickup_code_unknown: {
    status: 404,
    zh: '取货码 {code} 不存在或不属于您负责的积分超市（还可尝试 {remaining} 次）',
    en: 'Pickup code {code} is unknown or not for your shop ({remaining} attempts left)',
  },
  pickup_code_expired: {
    status: 410,
    zh: '取货码 {code} 已失效：该兑换{stateZh}',
    en: 'Pickup code {code} is no longer valid: the redemption is {state}',
  },
  pickup_desk_locked: {
    status: 423,
    zh: '取货码连续错误次数过多，兑换台已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong pickup codes in a row; the desk is locked for {minutes} minutes',
  },
});

type PointsErrors = typeof POINTS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends PointsErrors {}
}
