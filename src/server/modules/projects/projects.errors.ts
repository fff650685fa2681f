/** Error codes of livelihood projects (民生实事) and their supervision: status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const PROJECTS_ERRORS = defineErrors({
  projects_not_a_place: {
    status: 400,
    zh: '民生实事须登记到县、镇（街道）或村（社区）：{code} 不是',
    en: 'A project belongs to a county, town or village: {code} is not one',
  },
  projects_funds_mismatch: {
    status: 400,
    zh: '资金来源合计 {sumYuan} 元，与预算 {budgetYuan} 元不符',
    en: 'The funding sources add up to {sumYuan} yuan, not the budget of {budgetYuan} yuan',
  },
  projects_dates_invalid: {
    status: 400,
    zh: '完成期限 {dueOn} 早于开工日期 {startsOn}',
    en: 'The project is due on {dueOn}, before it starts on {startsOn}',
  },
  projects_milestone_before_start: {
    status: 400,
    zh: '节点“{title}”的期限 {dueOn} 早于项目开工日期 {startsOn}',
    en: 'Milestone “{title}” is due on {dueOn}, before the project starts on {startsOn}',
  },
  projects_progress_out_of_range: {
    status: 400,
    zh: '进度须在 0% 到 100% 之间，收到 {progress}%',
    en: 'Progress must be between 0 % and 100 %; got {progress} %',
  },
  projects_rating_out_of_range: {
    status: 400,
    zh: '评分须为 1 到 5 的整数（{field}：{value}）',
    en: 'A rating is a whole number from 1 to 5 ({field}: {value})',
  },
  projects_not_a_supervisor: {
    status: 403,
    zh: '只有被确定为该项目监督代表的村民代表可以评议',
    en: 'Only the representatives chosen to supervise this project may rate it',
  },
  projects_not_a_representative: {
    status: 400,
    zh: '{count} 人不是该村（社区）的村民代表，不能确定为监督代表',
    en: 'Not representatives (村民代表) of the village: {count} of those chosen',
  },
});

type ProjectsErrors = typeof PROJECTS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends ProjectsErrors {}
}
