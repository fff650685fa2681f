/**
 * The deliberation module's labels (议事协商: meetings, 四议两公开, 村务公开), defined once: the server
 * uses them in messages, the web in its tags and lists. Plain data importing nothing.
 */

export interface Label {
  zh: string;
  en: string;
}

/** Kinds of meeting, each with its statutory quorum and majority (quorum.domain.ts). */
export const MEETING_TYPES = [
  'villagers', // 村民会议
  'representatives', // 村民代表会议
  'group', // 村民小组会议
  'residents', // 居民会议
  'party', // 党员大会
  'owners', // 业主大会
  'committees', // 两委联席会议（两委会商议）
  // the councils (两会) of the covenants module, their roster the council's members (quorum.domain: own rules)
  'owners_committee', // 业主委员会会议 (not 业主大会)
  'autonomy_committee', // 小区自治委员会会议
  'villagers_council', // 村民议事会会议
  'red_white_council', // 红白理事会会议
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, Label> = {
  villagers: { zh: '村民会议', en: "villagers' meeting" },
  representatives: { zh: '村民代表会议', en: "villagers' representatives' meeting" },
  group: { zh: '村民小组会议', en: "villager group's meeting" },
  residents: { zh: '居民会议', en: "residents' meeting" },
  party: { zh: '党员大会', en: "party members' meeting" },
  owners: { zh: '业主大会', en: "owners' assembly" },
  committees: { zh: '两委联席会议', en: 'joint meeting of the two committees' },
  owners_committee: { zh: '业主委员会会议', en: "owners' committee meeting" },
  autonomy_committee: { zh: '小区自治委员会会议', en: 'compound autonomy committee meeting' },
  villagers_council: { zh: '村民议事会会议', en: "villagers' council meeting" },
  red_white_council: { zh: '红白理事会会议', en: 'weddings and funerals council meeting' },
};

/** The meeting types a council holds (one per council kind, named alike), convened from the council only. */
export const COUNCIL_MEETING_TYPES = [
  'owners_committee',
  'autonomy_committee',
  'villagers_council',
  'red_white_council',
] as const satisfies readonly MeetingType[];
export type CouncilMeetingType = (typeof COUNCIL_MEETING_TYPES)[number];
export const isCouncilMeeting = (t: MeetingType): t is CouncilMeetingType =>
  (COUNCIL_MEETING_TYPES as readonly string[]).includes(t);

/** The fractions a council's own rules may name (fractions.domain). */
export const OWN_FRACTIONS = [
  'more_than_half',
  'half_or_more',
  'two_thirds_or_more',
  'three_quarters_or_more',
  'four_fifths_or_more',
] as const;
export type OwnFraction = (typeof OWN_FRACTIONS)[number];
export const OWN_FRACTION_LABELS: Record<OwnFraction, Label> = {
  more_than_half: { zh: '过半数', en: 'more than half' },
  half_or_more: { zh: '半数以上', en: 'at least half' },
  two_thirds_or_more: { zh: '三分之二以上', en: 'at least two thirds' },
  three_quarters_or_more: { zh: '四分之三以上', en: 'at least three quarters' },
  four_fifths_or_more: { zh: '五分之四以上', en: 'at least four fifths' },
};

/** A council meeting's quorum and majority (its regulation's or its own rules), frozen on the meeting at notice. */
export interface OwnRule {
  quorum: OwnFraction;
  decision: OwnFraction;
  /** the majority counted of those present, or of all members */
  base: 'present' | 'members';
}

export const MEETING_STATES = ['noticed', 'open', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, Label> = {
  noticed: { zh: '已通知', en: 'noticed' },
  open: { zh: '签到中', en: 'in session' },
  closed: { zh: '已结束', en: 'closed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/** 一般事项 / 重大事项 (业主大会 §278: 3/4) / 选举 (党员大会: 4/5 present). */
export const MOTION_KINDS = ['ordinary', 'major', 'election'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];
export const MOTION_KIND_LABELS: Record<MotionKind, Label> = {
  ordinary: { zh: '一般事项', en: 'ordinary matter' },
  major: { zh: '重大事项', en: 'major matter' },
  election: { zh: '选举', en: 'election' },
};

/** 举手表决 (one person enters the count) or 纸质选票 (entered by one, confirmed by another). */
export const VOTE_METHODS = ['hands', 'paper'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_METHOD_LABELS: Record<VoteMethod, Label> = {
  hands: { zh: '举手表决', en: 'show of hands' },
  paper: { zh: '纸质选票', en: 'paper ballot' },
};

export const MOTION_STATES = ['open', 'entered', 'decided'] as const;
export type MotionState = (typeof MOTION_STATES)[number];
export const MOTION_STATE_LABELS: Record<MotionState, Label> = {
  open: { zh: '待表决', en: 'open' },
  entered: { zh: '待复核', en: 'awaiting confirmation' },
  decided: { zh: '已表决', en: 'decided' },
};

/** 四议两公开: the states of a matter (matter.machine.ts). */
export const MATTER_STATES = [
  'proposed', // 村党组织提议
  'consulted', // 两委会商议通过
  'reviewed', // 党员大会审议通过
  'resolved', // 村民（代表）会议决议通过
  'resolution_published', // 决议公开
  'implemented', // 组织实施
  'completed', // 实施结果公开
  'rejected', // 村民（代表）会议否决：事项终止
  'withdrawn', // 撤回
] as const;
export type MatterState = (typeof MATTER_STATES)[number];
export const MATTER_STATE_LABELS: Record<MatterState, Label> = {
  proposed: { zh: '党组织已提议', en: 'proposed by the branch' },
  consulted: { zh: '两委已商议', en: 'consulted by the two committees' },
  reviewed: { zh: '党员大会已审议', en: "reviewed by the party members' meeting" },
  resolved: { zh: '已决议', en: 'resolved' },
  resolution_published: { zh: '决议已公开', en: 'resolution disclosed' },
  implemented: { zh: '已组织实施', en: 'implemented' },
  completed: { zh: '实施结果已公开', en: 'result disclosed' },
  rejected: { zh: '已否决', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

export const MATTER_EVENTS = [
  'consult',
  'review',
  'resolve',
  'publish_resolution',
  'implement',
  'publish_result',
  'withdraw',
] as const;
export type MatterEvent = (typeof MATTER_EVENTS)[number];
export const MATTER_EVENT_LABELS: Record<MatterEvent, Label> = {
  consult: { zh: '两委会商议', en: 'consultation by the two committees' },
  review: { zh: '党员大会审议', en: "review by the party members' meeting" },
  resolve: { zh: '村民（代表）会议决议', en: "resolution by the villagers' (representatives') meeting" },
  publish_resolution: { zh: '决议公开', en: 'disclose the resolution' },
  implement: { zh: '组织实施', en: 'implement' },
  publish_result: { zh: '实施结果公开', en: 'disclose the result' },
  withdraw: { zh: '撤回', en: 'withdraw' },
};

/** 村务公开 categories (村民委员会组织法 §30) and how often each must be published. */
export const DISCLOSURE_CATEGORIES = ['affairs', 'finance', 'major', 'resolution', 'result'] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export const DISCLOSURE_CATEGORY_LABELS: Record<DisclosureCategory, Label> = {
  affairs: { zh: '一般村务（至少每季度）', en: 'general affairs (at least quarterly)' },
  finance: { zh: '财务收支（每月）', en: 'finances (monthly)' },
  major: { zh: '重大事项（随时）', en: 'major matters (at once)' },
  resolution: { zh: '决议公开', en: 'resolution' },
  result: { zh: '实施结果公开', en: 'implementation result' },
};

export const AUDIT_LABELS: Record<string, Label> = {
  'deliberation.rule_update': { zh: '修改会议类型默认设置', en: 'Meeting type defaults changed' },
  'deliberation.meeting_create': { zh: '发布会议通知', en: 'Meeting noticed' },
  'deliberation.meeting_open': { zh: '开始会议签到', en: 'Meeting opened' },
  'deliberation.meeting_close': { zh: '结束会议', en: 'Meeting closed' },
  'deliberation.meeting_cancel': { zh: '取消会议', en: 'Meeting cancelled' },
  'deliberation.signin': { zh: '会议签到', en: 'Signed in to a meeting' },
  'deliberation.meeting_export': {
    zh: '导出会议签到表/表决/纪要',
    en: 'Meeting exported (attendance, tallies, minutes)',
  },
  'deliberation.motion_create': { zh: '提出表决事项', en: 'Motion put' },
  'deliberation.tally_enter': { zh: '录入表决结果', en: 'Tally entered' },
  'deliberation.tally_confirm': { zh: '复核表决结果', en: 'Tally confirmed' },
  'deliberation.matter_create': { zh: '党组织提议事项', en: 'Matter proposed' },
  'deliberation.matter_step': { zh: '四议两公开步骤', en: 'Matter step recorded' },
  'deliberation.disclosure_publish': { zh: '发布村务公开', en: 'Disclosure published' },
  'deliberation.body_member_add': { zh: '登记村民代表/两委成员', en: 'Body member registered' },
  'deliberation.proposal_create': { zh: '提出议事建议', en: 'Proposal made' },
  'deliberation.proposal_support': { zh: '附议建议', en: 'Proposal supported' },
  'deliberation.proposal_comment': { zh: '评论建议', en: 'Proposal commented' },
  'deliberation.proposal_answer': { zh: '答复建议', en: 'Proposal answered' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  disclosure: { zh: '公开事项', en: 'disclosure' },
  matter: { zh: '议事事项', en: 'matter' },
  meeting: { zh: '会议', en: 'meeting' },
  meeting_type: { zh: '会议类型规则', en: 'meeting type rule' },
  motion: { zh: '表决事项', en: 'motion' },
  proposal: { zh: '建议', en: 'proposal' },
};
