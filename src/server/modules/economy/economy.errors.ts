/** Error codes of the collective economy (村级集体经济): status, Chinese and English message naming the rule. */
import { defineErrors } from '../../platform/errors';

export const ECONOMY_ERRORS = defineErrors({
  economy_year_future: {
    status: 400,
    zh: '收入年度 {year} 晚于当前年度 {current}：不能登记未来年度的收入',
    en: 'The income year {year} is after the current year {current}: future income cannot be entered',
  },
  economy_amount_invalid: {
    status: 400,
    zh: '金额无效：{field} 须为不小于 0 的金额（单位：分，整数，至多 {max}）',
    en: 'Invalid amount: {field} must be a whole number of fen, at least 0 and at most {max}',
  },
  economy_source_unknown: {
    status: 400,
    zh: '收入来源「{source}」不存在（可选：资源发包、产业发展、合作经营、资产运营）',
    en: 'Unknown income source "{source}" (one of: resources, industry, cooperation, asset_operation)',
  },
  economy_not_village: {
    status: 400,
    zh: '区划 {code} 不是村委会：集体经济按村登记',
    en: 'The division {code} is not a village committee: collective economy is kept per village',
  },
  economy_out_of_scope: {
    status: 403,
    zh: '村 {code} 不在您的管辖范围内，不能登记或修改其集体经济',
    en: 'The village {code} is outside your area: you cannot write its collective economy',
  },
  economy_term_invalid: {
    status: 400,
    zh: '合同期限有误：结束日期 {endsOn} 须晚于开始日期 {startsOn}',
    en: 'Invalid contract term: the end date {endsOn} must be after the start date {startsOn}',
  },
  economy_due_outside_term: {
    status: 400,
    zh: '应收日期 {dueOn} 不在合同期限（{startsOn} 至 {endsOn}）内，或重复',
    en: 'The due date {dueOn} is outside the contract term ({startsOn} to {endsOn}) or repeated',
  },
  economy_payment_invalid: {
    status: 400,
    zh: '收款有误：本期应收 {amountFen} 分，已收 {paidFen} 分，本次 {payFen} 分超过未收金额',
    en: 'Invalid payment: {payFen} fen exceeds what is outstanding ({amountFen} due, {paidFen} paid)',
  },
  economy_duplicate: {
    status: 409,
    zh: '本村已有同名的{what}：{name}',
    en: 'The village already has a {whatEn} named {name}',
  },
  economy_month_invalid: {
    status: 400,
    zh: '公开月份 {month} 有误：须为 1–12，且不晚于当前月份',
    en: 'Invalid month {month}: it must be 1–12 and not in the future',
  },
});

type EconomyErrors = typeof ECONOMY_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends EconomyErrors {}
}
