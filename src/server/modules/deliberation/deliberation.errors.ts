/** Error codes of the deliberation module (meetings, votes, 四议两公开, 村务公开): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const DELIBERATION_ERRORS = defineErrors({
  deliberation_step_out_of_order: {
    status: 409,
    zh: '四议两公开须按顺序进行：事项当前为「{stateZh}」，不能进行「{eventZh}」',
    en: 'The four deliberations and two disclosures go in order: the matter is {state}; "{event}" is not allowed now',
  },
  deliberation_step_record_missing: {
    status: 400,
    zh: '「{eventZh}」须有记录：请指明已表决的会议议题（会议、签到、表决结果）',
    en: 'The step "{event}" needs its record: name the voted motion of its meeting (attendance and tally)',
  },
  deliberation_step_wrong_meeting: {
    status: 409,
    zh: '「{eventZh}」须由本村的{expectedZh}表决，所给议题属于{gotZh}或其他村',
    en: 'The step "{event}" must be voted by this village\'s {expected} meeting; the motion given is of a {got} meeting or another place',
  },
  deliberation_quorum_not_met: {
    status: 409,
    zh: '到会人数未达到法定人数（{rule}），不能表决：{explanation}',
    en: 'The meeting has no quorum ({rule}); no vote may be taken: {explanationEn}',
  },
  deliberation_vote_not_decided: {
    status: 409,
    zh: '该议题尚未完成表决（纸质选票须经第二人复核）',
    en: 'The motion is not decided yet (a paper ballot tally needs a second person to confirm it)',
  },
  deliberation_motion_used: {
    status: 409,
    zh: '该议题已作为另一步骤的记录',
    en: 'This motion is already the record of another step',
  },
  deliberation_tally_exceeds_present: {
    status: 400,
    zh: '表决票数合计 {sum} 超过到会{fieldZh} {limit}（赞成 + 反对 + 弃权不得超过到会数）',
    en: 'The tally ({sum}) exceeds those present ({limit} {field}): yes + no + abstain may not exceed attendance',
  },
  deliberation_tally_area_required: {
    status: 400,
    zh: '业主大会须按专有部分面积和人数分别计票（民法典第二百七十八条）：请填写赞成、反对、弃权的面积',
    en: "An owners' assembly counts by floor area and by headcount (Civil Code §278): give the area of yes, no and abstain",
  },
  deliberation_same_person_confirm: {
    status: 403,
    zh: '纸质选票结果须由另一人复核：录入人不能复核自己录入的结果',
    en: 'A paper ballot tally must be confirmed by a second person: whoever entered it cannot confirm it',
  },
  deliberation_tally_mismatch: {
    status: 409,
    zh: '复核结果与录入结果不一致（{field}：录入 {entered}，复核 {confirmed}），请重新清点',
    en: 'The confirmation differs from the entry ({field}: entered {entered}, confirmed {confirmed}); count again',
  },
  deliberation_motion_state: {
    status: 409,
    zh: '该议题当前为「{stateZh}」，不能{actionZh}',
    en: 'The motion is {state}; it cannot be {action}',
  },
  deliberation_meeting_state: {
    status: 409,
    zh: '会议当前为「{stateZh}」，不能{actionZh}',
    en: 'The meeting is {state}; it cannot be {action}',
  },
  deliberation_not_on_roster: {
    status: 409,
    zh: '此人不在本次会议的应到名单中（到会人数不能超过应到名单）',
    en: "This person is not on the meeting's roster (attendance cannot exceed the roster)",
  },
  deliberation_not_registered: {
    status: 403,
    zh: '您的账号尚未关联居民登记信息，无法签到，请联系村（社区）工作人员',
    en: 'Your account is not linked to a resident record, so you cannot sign in; ask your village or community staff',
  },
  deliberation_not_registered_here: {
    status: 409,
    zh: '以下人员不是本村（社区）登记的居民：{ids}',
    en: 'Not registered residents of this village or community: {ids}',
  },
  deliberation_proposal_closed: {
    status: 409,
    zh: '该建议已答复，不能再附议或评论',
    en: 'This proposal has been answered; it takes no more support or comments',
  },
  deliberation_signin_code_unknown: {
    status: 404,
    zh: '签到码 {code} 不存在或会议未在签到中',
    en: 'Sign-in code {code} is unknown or its meeting is not in session',
  },
  deliberation_proxy_not_allowed: {
    status: 409,
    zh: '{typeZh}不允许委托代理',
    en: 'A {type} meeting does not allow proxies',
  },
  deliberation_proxy_limit: {
    status: 409,
    zh: '每人最多接受 {limit} 人委托',
    en: 'One person may hold at most {limit} proxies',
  },
  deliberation_notice_too_short: {
    status: 400,
    zh: '会议通知须至少提前 {days} 天（{typeZh}），所定时间只提前了 {given} 天',
    en: 'A {type} meeting must be noticed at least {days} days ahead; this gives {given}',
  },
  deliberation_roster_empty: {
    status: 409,
    zh: '登记信息中没有该会议的应到人员（{typeZh}：{body}）',
    en: 'The registers hold nobody for this meeting ({type}: {body})',
  },
  deliberation_area_missing: {
    status: 409,
    zh: '业主大会须有专有部分面积：{missing} 户未登记面积',
    en: "An owners' assembly needs floor areas: {missing} households have none in the register",
  },
});

type DeliberationErrors = typeof DELIBERATION_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends DeliberationErrors {}
}
