/** Error codes of woodpecker enrolment (啄木鸟志愿者报名): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const WOODPECKERS_ERRORS = defineErrors({
  woodpeckers_pending: {
    status: 409,
    zh: '您已有一份待村里审核的报名，请等审核结果出来后再报名',
    en: 'You already have an application waiting for the village’s answer; apply again once it is decided',
  },
  woodpeckers_already_member: {
    status: 409,
    zh: '您已经是{village}的啄木鸟志愿者',
    en: 'You are already a woodpecker volunteer of {village}',
  },
  woodpeckers_not_your_village: {
    status: 403,
    zh: '只能报名加入您所在村（社区）的啄木鸟队伍，{village}不是您登记的村（社区）',
    en: 'You can only join the woodpecker team of your own village or community; {village} is not one you are registered in',
  },
  woodpeckers_no_village: {
    status: 400,
    zh: '还不知道您住在哪个村（社区）：请先在“我的”里设置所在村（社区）',
    en: 'We do not know your village or community yet: set it under “Me” first',
  },
  woodpeckers_decided: {
    status: 409,
    zh: '这份报名已经处理过了（{state}），不能再次审核',
    en: 'This application has already been decided ({state}); it cannot be decided again',
  },
  woodpeckers_reason_required: {
    status: 400,
    zh: '不通过时须写明理由，报名人会看到',
    en: 'Declining needs a reason; the applicant will see it',
  },
});

type WoodpeckersErrors = typeof WOODPECKERS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends WoodpeckersErrors {}
}
