/**
 * Labels of the services module (issue #14): activity kinds and audiences, sign-up and errand
 * states, unit kinds, thanks, and the audit actions. Plain data, imported by the server and the web.
 */
type Label = { zh: string; en: string };

export const ACTIVITY_KINDS = [
  'volunteer',
  'party_day',
  'care',
  'clean_up',
  'culture',
  'consultation',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, Label> = {
  volunteer: { zh: '志愿服务', en: 'volunteering' },
  party_day: { zh: '主题党日', en: 'party day' },
  care: { zh: '关爱帮扶', en: 'care visit' },
  clean_up: { zh: '环境整治', en: 'clean-up' },
  culture: { zh: '文体活动', en: 'culture and sport' },
  consultation: { zh: '义诊咨询', en: 'free consultation' },
  other: { zh: '其他', en: 'other' },
};

export const ORGANISER_KINDS = ['community', 'unit', 'branch'] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];
export const ORGANISER_KIND_LABELS: Record<OrganiserKind, Label> = {
  community: { zh: '村（社区）', en: 'community' },
  unit: { zh: '共建单位', en: 'partner unit' },
  branch: { zh: '党组织', en: 'party branch' },
};

export const AUDIENCES = ['everyone', 'residents_here', 'party_members', 'cadres'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, Label> = {
  everyone: { zh: '所有人', en: 'everyone' },
  residents_here: { zh: '本村（社区）居民', en: 'residents of the place' },
  party_members: { zh: '党员', en: 'party members' },
  cadres: { zh: '下沉干部', en: 'embedded cadres' },
};

export const SIGNUP_STATES = ['enrolled', 'waiting', 'cancelled'] as const;
export type SignupState = (typeof SIGNUP_STATES)[number];
export const SIGNUP_STATE_LABELS: Record<SignupState, Label> = {
  enrolled: { zh: '已报名', en: 'enrolled' },
  waiting: { zh: '候补中', en: 'waiting list' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

export const ERRAND_STATES = ['requested', 'assigned', 'accepted', 'done', 'failed', 'cancelled'] as const;
export type ErrandState = (typeof ERRAND_STATES)[number];
export const ERRAND_STATE_LABELS: Record<ErrandState, Label> = {
  requested: { zh: '待派单', en: 'awaiting assignment' },
  assigned: { zh: '待接单', en: 'assigned' },
  accepted: { zh: '办理中', en: 'in progress' },
  done: { zh: '已办结', en: 'done' },
  failed: { zh: '未能办成', en: 'could not be done' },
  cancelled: { zh: '已撤销', en: 'cancelled' },
};

export const ERRAND_ACTIONS = ['assign', 'accept', 'decline', 'progress', 'finish', 'cancel', 'rate'] as const;
export type ErrandAction = (typeof ERRAND_ACTIONS)[number];
export const ERRAND_ACTION_LABELS: Record<ErrandAction, Label> = {
  assign: { zh: '派单', en: 'assign' },
  accept: { zh: '接单', en: 'accept' },
  decline: { zh: '退回', en: 'decline' },
  progress: { zh: '报告进展', en: 'report progress' },
  finish: { zh: '办结', en: 'finish' },
  cancel: { zh: '撤销', en: 'cancel' },
  rate: { zh: '评价', en: 'rate' },
};

/** What an errand's timeline shows for each event (the request, then the steps). */
export const ERRAND_EVENT_LABELS: Record<string, Label> = {
  requested: { zh: '提交申请', en: 'requested' },
  ...ERRAND_ACTION_LABELS,
};

export const THANKS_KINDS = ['banner', 'praise'] as const;
export type ThanksKind = (typeof THANKS_KINDS)[number];
export const THANKS_LABELS: Record<ThanksKind, Label> = {
  banner: { zh: '锦旗', en: 'silk banner' },
  praise: { zh: '表扬', en: 'praise' },
};

export const UNIT_KINDS = ['organ', 'enterprise', 'two_new'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, Label> = {
  organ: { zh: '机关', en: 'government organ' },
  enterprise: { zh: '企事业', en: 'enterprise or institution' },
  two_new: { zh: '两新组织', en: 'new economic or social organisation' },
};

/** The services actions of the audit trail (审计日志). */
export const AUDIT_LABELS: Record<string, Label> = {
  'services.activity_create': { zh: '发布服务活动', en: 'Activity published' },
  'services.activity_import': { zh: '导入服务活动台账', en: 'Activities imported' },
  'services.activity_cancel': { zh: '取消服务活动', en: 'Activity cancelled' },
  'services.signup': { zh: '报名服务活动', en: 'Signed up for an activity' },
  'services.signup_cancel': { zh: '取消报名', en: 'Sign-up cancelled' },
  'services.checkin': { zh: '活动签到', en: 'Checked in' },
  'services.checkout': { zh: '活动签退', en: 'Checked out' },
  'services.checkin_code_wrong': { zh: '签到码错误', en: 'Wrong check-in code' },
  'services.hours_confirm': { zh: '确认服务时长', en: 'Hours confirmed' },
  'services.errand_item': { zh: '代办事项清单', en: 'Errand item saved' },
  'services.errand_request': { zh: '申请红色代办', en: 'Errand requested' },
  'services.errand_assign': { zh: '派发代办', en: 'Errand assigned' },
  'services.errand_accept': { zh: '接办代办', en: 'Errand accepted' },
  'services.errand_decline': { zh: '退回代办', en: 'Errand declined' },
  'services.errand_progress': { zh: '代办进展', en: 'Errand progress' },
  'services.errand_finish': { zh: '代办办结', en: 'Errand finished' },
  'services.errand_cancel': { zh: '撤销代办', en: 'Errand cancelled' },
  'services.errand_rate': { zh: '评价代办', en: 'Errand rated' },
  'services.errand_view': { zh: '查看代办材料', en: 'Errand documents viewed' },
  'services.unit_save': { zh: '保存共建单位', en: 'Partner unit saved' },
  'services.cadre_save': { zh: '保存下沉干部', en: 'Cadre saved' },
  'services.group_save': { zh: '保存工作组', en: 'Work group saved' },
  'services.register_import': { zh: '导入共建台账', en: 'Partner register imported' },
  'services.register_export': { zh: '导出共建台账', en: 'Partner register exported' },
  'services.signature_save': { zh: '保存一社一品', en: 'Signature service saved' },
};

/** The console home's count (今日待办): errands at the staff member's places waiting to be given to someone. */
export const TODAY_LABELS = {
  errands: {
    label: { zh: '红色代办待派单', en: 'Errands to assign' },
    hint: { zh: '群众申请的代办事项，等待指派党员或干部', en: 'Errands residents asked for, waiting for a helper' },
  },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  errand: { zh: '红色代办', en: 'proxy errand' },
  errand_item: { zh: '代办事项清单项', en: 'errand item' },
  partner_register: { zh: '共建单位台账', en: 'partner register' },
  service_activity: { zh: '服务活动', en: 'service activity' },
  service_signup: { zh: '活动报名', en: 'activity sign-up' },
  signature_service: { zh: '一社一品', en: 'signature service' },
};
