/** Error codes of the services module (activities, errands, partner units): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const SERVICES_ERRORS = defineErrors({
  services_signup_closed: {
    status: 409,
    zh: '活动「{title}」已{why}，不能报名',
    en: 'The activity "{title}" is {whyEn}; sign-up is closed',
  },
  services_already_signed_up: {
    status: 409,
    zh: '您已报名活动「{title}」（{stateZh}）',
    en: 'You have already signed up for "{title}" ({state})',
  },
  services_audience_refused: {
    status: 403,
    zh: '活动「{title}」仅限{audienceZh}报名',
    en: 'Only {audience} may sign up for "{title}"',
  },
  services_not_enrolled: {
    status: 409,
    zh: '{who}未报名或仍在候补中，不能签到签退',
    en: 'Not enrolled (or still on the waiting list): {whoEn} cannot check in or out',
  },
  services_checkin_code_wrong: {
    status: 422,
    zh: '签到码不正确，请扫描活动现场的二维码或向组织者询问',
    en: 'The check-in code is wrong; scan the QR code at the place or ask the organiser',
  },
  services_outside_window: {
    status: 422,
    zh: '现在不在{stepZh}时间内（{from} 至 {to}）',
    en: 'It is not the time to {step} ({from} to {to})',
  },
  services_too_far: {
    status: 422,
    zh: '您距离活动地点约 {distance} 米，须在 {radius} 米以内才能{stepZh}',
    en: 'You are about {distance} m from the place; {step} is allowed within {radius} m',
  },
  services_checkin_locked: {
    status: 429,
    zh: '签到码错误次数过多，请由活动组织者为您签到',
    en: 'Too many wrong check-in codes: ask the organiser to check you in',
  },
  services_already_checked: {
    status: 409,
    zh: '已经{stepZh}过了（{at}）',
    en: 'Already done: {step} at {at}',
  },
  services_not_checked_in: { status: 409, zh: '尚未签到，不能签退', en: 'Not checked in yet: cannot check out' },
  services_attendance_missing: {
    status: 409,
    zh: '没有签到签退记录，请填写服务时长',
    en: 'No check-in and check-out recorded: give the hours served',
  },
  services_hours_invalid: {
    status: 422,
    zh: '服务时长须大于 0 且不超过活动时长 {max} 小时：{hours}',
    en: 'Hours must be above 0 and at most the activity’s {max} hours: {hours}',
  },
  services_hours_already_confirmed: {
    status: 409,
    zh: '该服务时长已于 {at} 确认，不能重复确认',
    en: 'These hours were already confirmed at {at}; they are never credited twice',
  },
  services_not_started: { status: 409, zh: '活动尚未开始，不能确认时长', en: 'The activity has not started yet' },
  services_self_confirm: {
    status: 403,
    zh: '不能确认自己的服务时长',
    en: 'You may not confirm your own hours',
  },
  services_cancel_too_late: {
    status: 409,
    zh: '活动已开始，不能再取消报名',
    en: 'The activity has started; the sign-up can no longer be cancelled',
  },
  services_capacity_below_enrolled: {
    status: 409,
    zh: '名额不能少于已报名人数 {enrolled}',
    en: 'Capacity cannot be below the {enrolled} already enrolled',
  },
  services_bad_place: {
    status: 422,
    zh: '地点不在本县范围内或不在您的管辖范围：{code}',
    en: 'The place is not in this county or not in your area: {code}',
  },
  services_errand_item_unknown: {
    status: 404,
    zh: '代办事项不存在或已停用：{item}',
    en: 'No such errand item (or it is no longer offered): {item}',
  },
  services_errand_step_not_allowed: {
    status: 409,
    zh: '代办当前为「{fromZh}」，不能{actionZh}',
    en: 'The errand is {from}; it cannot be {action}ed now',
  },
  services_handler_outside_area: {
    status: 422,
    zh: '{name}不是本村（社区）{village}的党员或下沉干部，不能承办该代办',
    en: 'Not a party member or embedded cadre of {village}: {name} cannot take this errand',
  },
  services_reason_required: {
    status: 400,
    zh: '代居民申请须填写原因',
    en: 'A reason is required when staff ask on a resident’s behalf',
  },
  services_already_rated: { status: 409, zh: '该代办已评价过', en: 'This errand has already been rated' },
  services_import_failed: {
    status: 422,
    zh: '台账有 {count} 行错误，未导入任何数据',
    en: 'The sheet has {count} row errors; nothing was imported',
  },
});

type ServicesErrors = typeof SERVICES_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends ServicesErrors {}
}
