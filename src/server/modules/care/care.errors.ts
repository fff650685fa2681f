/** Error codes of the 九必问 visits (care): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const CARE_ERRORS = defineErrors({
  care_visit_outside_grid: {
    status: 403,
    zh: '此人不在您负责的网格内，不能登记走访',
    en: 'This person is not in your grid; you cannot record a visit',
  },
  care_visit_not_assigned: {
    status: 403,
    zh: '此人的走访由另一名网格员负责',
    en: 'Another grid worker is assigned to visit this person',
  },
  care_visit_in_future: {
    status: 400,
    zh: '走访时间 {visitedAt} 晚于现在',
    en: 'The visit time {visitedAt} is in the future',
  },
  care_answers_incomplete: {
    status: 400,
    zh: '九必问须逐项回答：缺少 {missing}，多余 {extra}',
    en: 'Every one of the nine questions needs an answer: missing {missing}; not asked {extra}',
  },
  care_unknown_category: {
    status: 400,
    zh: '本市没有这个困难类别：{category}',
    en: 'No such category of difficulty in this county: {category}',
  },
  care_worker_outside_grid: {
    status: 400,
    zh: '指定的走访人须是负责该网格的网格员',
    en: 'The assigned visitor must be a grid worker whose area covers the person’s grid',
  },
  care_already_registered: {
    status: 409,
    zh: '此人已在特殊困难群体台账中',
    en: 'This person is already on the register',
  },
  care_settings_invalid: {
    status: 400,
    zh: '走访设置不正确：{field}',
    en: 'The visit settings are not valid: {field}',
  },
});

type CareErrors = typeof CARE_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends CareErrors {}
}
