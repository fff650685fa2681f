/** Error codes of the 头雁 records (leaders): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const LEADERS_ERRORS = defineErrors({
  leaders_term_invalid: {
    status: 400,
    zh: '任期结束日期 {end} 早于开始日期 {start}',
    en: 'The term ends ({end}) before it starts ({start})',
  },
  leaders_period_invalid: {
    status: 400,
    zh: '提级管理期限不正确：结束 {end} 早于开始 {start}，或复核日期 {review} 早于开始',
    en: 'The tiered-management period is not valid: it ends ({end}) before it starts ({start}), or the review date ({review}) is before the start',
  },
  leaders_date_invalid: {
    status: 400,
    zh: '日期不存在：{field} {value}',
    en: 'No such date: {field} {value}',
  },
  leaders_already_reviewed: {
    status: 409,
    zh: '这次提级管理已复核过',
    en: 'This tiered management has already been reviewed',
  },
  leaders_not_secretary: {
    status: 400,
    zh: '提级管理只适用于书记（六支队伍中的“书记”）',
    en: 'Tiered management applies to secretaries only (the team “secretary”)',
  },
  leaders_resident_outside: {
    status: 400,
    zh: '所选居民不在 {village} 的户籍台账中',
    en: 'The chosen resident is not on the register of {village}',
  },
  leaders_already_recorded: {
    status: 409,
    zh: '此居民已有头雁档案',
    en: 'This resident already has a leadership record',
  },
  leaders_not_village: {
    status: 400,
    zh: '{code} 不是村（社区）',
    en: 'The place {code} is not a village or community',
  },
  leaders_score_out_of_range: {
    status: 400,
    zh: '评分标准“{criterion}”的分数须在 {min} 到 {max} 之间，收到 {score}',
    en: 'The score for “{criterion}” must be between {min} and {max}; got {score}',
  },
  leaders_scores_incomplete: {
    status: 400,
    zh: '须对每项评分标准各打一次分：缺少 {missing}，多余或重复 {extra}',
    en: 'Score every criterion exactly once: missing {missing}; unknown or repeated {extra}',
  },
  leaders_already_scored: {
    status: 409,
    zh: '您已为该参赛对象打过分，不能重复打分',
    en: 'You have already scored this entrant; a judge scores once',
  },
  leaders_criteria_invalid: {
    status: 400,
    zh: '评分标准“{criterion}”的最高分须大于最低分',
    en: 'The criterion “{criterion}” needs a maximum above its minimum',
  },
});

type LeadersErrors = typeof LEADERS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends LeadersErrors {}
}
