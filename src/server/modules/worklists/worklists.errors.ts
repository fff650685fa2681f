/** Error codes of the three lists (problems, tasks, effects): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const WORKLISTS_ERRORS = defineErrors({
  worklists_not_a_village: {
    status: 400,
    zh: '问题须登记到村（社区）：{code} 不是村（社区）',
    en: 'A problem belongs to a village or community: {code} is not one',
  },
  worklists_owner_out_of_area: {
    status: 400,
    zh: '任务责任人须是负责该村（社区）的工作人员',
    en: 'The task owner must be staff whose area covers the village',
  },
  worklists_deadline_past: {
    status: 400,
    zh: '任务期限 {deadline} 早于今天（{today}）',
    en: 'The task deadline {deadline} is before today ({today})',
  },
  worklists_problem_closed: {
    status: 409,
    zh: '该问题已{stateZh}，不能再{actionZh}',
    en: 'The problem is {state}; you cannot {action} now',
  },
  worklists_tasks_open: {
    status: 409,
    zh: '还有 {open} 项任务未完成，不能登记效果',
    en: 'Tasks still open: {open}; record the effect when all are done',
  },
  worklists_no_tasks: {
    status: 409,
    zh: '问题还没有分解任务，不能登记效果',
    en: 'The problem has no task yet; assign and finish one before recording the effect',
  },
  worklists_task_done: { status: 409, zh: '该任务已完成', en: 'The task is already done' },
  worklists_not_your_task: {
    status: 403,
    zh: '只有任务责任人或管辖该村的干部可以完成任务',
    en: 'Only the task owner or an officer of the village may finish the task',
  },
  worklists_case_ref_missing: {
    status: 400,
    zh: '来源为案件时须填写案件编号',
    en: 'A problem from a case needs the case number (sourceRef)',
  },
  worklists_case_not_found: {
    status: 404,
    zh: '找不到案件 {ref}，或您无权查看该案件',
    en: 'Case {ref} does not exist or you may not read it',
  },
  worklists_case_other_place: {
    status: 400,
    zh: '案件 {number} 不在该村（社区）{village}，不能登记为其问题',
    en: 'Case {number} is not in village {village}; list it as a problem of its own place',
  },
  worklists_problem_listed: {
    status: 409,
    zh: '该来源已登记过同名问题“{title}”',
    en: 'A problem titled “{title}” is already listed from this source',
  },
  worklists_nothing_to_confirm: {
    status: 409,
    zh: '该问题当前没有待您确认的效果',
    en: 'There is no effect awaiting your confirmation on this problem',
  },
});

type WorklistsErrors = typeof WORKLISTS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends WorklistsErrors {}
}
