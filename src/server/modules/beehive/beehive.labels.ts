/**
 * The beehive module's labels (红色蜂巢 stations, new-employment workers, 五帮 requests), defined once:
 * the server uses them in messages, the web in its tags and forms. Plain data importing nothing.
 */

export interface Label {
  zh: string;
  en: string;
}

export const STATION_KINDS = ['beehive', 'study_micro', 'service_point'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export const STATION_KIND_LABELS: Record<StationKind, Label> = {
  beehive: { zh: '红色蜂巢', en: 'Red beehive station' },
  study_micro: { zh: '党员学习微站', en: 'Study micro-station' },
  service_point: { zh: '服务点', en: 'Service point' },
};

export const STATION_SERVICES = [
  'cooling',
  'heating',
  'drinking_water',
  'charging',
  'toilet',
  'rest',
  'emergency_medicine',
  'microwave',
  'repair_kit',
  'wifi',
] as const;
export type StationService = (typeof STATION_SERVICES)[number];
export const SERVICE_LABELS: Record<StationService, Label> = {
  cooling: { zh: '纳凉', en: 'Cooling' },
  heating: { zh: '取暖', en: 'Heating' },
  drinking_water: { zh: '饮水', en: 'Drinking water' },
  charging: { zh: '充电', en: 'Charging' },
  toilet: { zh: '如厕', en: 'Toilet' },
  rest: { zh: '歇脚', en: 'Rest' },
  emergency_medicine: { zh: '应急药品', en: 'Emergency medicine' },
  microwave: { zh: '微波炉热饭', en: 'Microwave' },
  repair_kit: { zh: '维修工具', en: 'Repair kit' },
  wifi: { zh: '无线网络', en: 'Wi-Fi' },
};

export const WEEKDAY_LABELS: readonly Label[] = [
  { zh: '周一', en: 'Mon' },
  { zh: '周二', en: 'Tue' },
  { zh: '周三', en: 'Wed' },
  { zh: '周四', en: 'Thu' },
  { zh: '周五', en: 'Fri' },
  { zh: '周六', en: 'Sat' },
  { zh: '周日', en: 'Sun' },
];

export const AGREEMENT_STATES = ['not_started', 'active', 'renewal_due', 'expired'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
export const AGREEMENT_STATE_LABELS: Record<AgreementState, Label> = {
  not_started: { zh: '未生效', en: 'Not yet in force' },
  active: { zh: '有效', en: 'In force' },
  renewal_due: { zh: '即将到期，请续签', en: 'Renewal due' },
  expired: { zh: '已到期', en: 'Expired' },
};

export const WORK_KINDS = ['rider', 'courier', 'driver', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Record<WorkKind, Label> = {
  rider: { zh: '外卖骑手', en: 'Delivery rider' },
  courier: { zh: '快递员', en: 'Courier' },
  driver: { zh: '网约车/货车司机', en: 'Ride-hailing or truck driver' },
  other: { zh: '其他新就业群体', en: 'Other platform worker' },
};

/** 五帮 request kinds. */
export const REQUEST_KINDS = [
  'wage_arrears',
  'accident',
  'insurance',
  'dispute',
  'platform_rules',
  'training',
  'job_support',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, Label> = {
  wage_arrears: { zh: '欠薪', en: 'Wage arrears' },
  accident: { zh: '事故工伤', en: 'Accident or injury' },
  insurance: { zh: '社会保险', en: 'Insurance' },
  dispute: { zh: '纠纷调解', en: 'Dispute' },
  platform_rules: { zh: '平台规则与收费', en: 'Platform rules and fees' },
  training: { zh: '技能培训', en: 'Training' },
  job_support: { zh: '就业帮扶', en: 'Job support' },
};

/** The bodies a request goes to (the line departments of the 红新党建服务联盟). */
export const HELP_BODIES = ['rsj', 'zgh', 'sfj', 'scjg', 'platform'] as const;
export type HelpBody = (typeof HELP_BODIES)[number];
export const HELP_BODY_LABELS: Record<HelpBody, Label> = {
  rsj: { zh: '人力资源和社会保障局', en: 'Human Resources and Social Security Bureau' },
  zgh: { zh: '总工会', en: 'Federation of Trade Unions' },
  sfj: { zh: '司法局（司法所）', en: 'Justice Bureau (judicial offices)' },
  scjg: { zh: '市场监督管理局', en: 'Market Regulation Bureau' },
  platform: { zh: '劳动者所在平台的本地站点', en: "The worker's platform (its local station)" },
};

/** The 红新党建服务联盟's member organisations. */
export const MEMBER_KINDS = ['platform', 'station', 'department', 'party_org', 'association', 'enterprise'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, Label> = {
  platform: { zh: '平台企业', en: 'Platform company' },
  station: { zh: '配送站点', en: 'Delivery station' },
  department: { zh: '职能部门', en: 'Line department' },
  party_org: { zh: '党组织', en: 'Party organisation' },
  association: { zh: '行业协会', en: 'Trade association' },
  enterprise: { zh: '其他企业', en: 'Other enterprise' },
};

export const REQUEST_STATES = ['submitted', 'answered', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_STATE_LABELS: Record<RequestState, Label> = {
  submitted: { zh: '办理中', en: 'In progress' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const AUDIT_LABELS = {
  'beehive.station_create': { zh: '新建服务站点', en: 'Station created' },
  'beehive.station_update': { zh: '修改服务站点', en: 'Station changed' },
  'beehive.agreement_create': { zh: '签订共建协议', en: 'Co-building agreement added' },
  'beehive.medicine_set': { zh: '更新应急药品库存', en: 'Emergency-medicine stock set' },
  'beehive.worker_register': { zh: '新就业群体登记', en: 'Worker registered' },
  'beehive.worker_woodpecker': { zh: '骑手加入啄木鸟队伍', en: 'Worker enrolled as woodpecker' },
  'beehive.request_create': { zh: '提交五帮诉求', en: 'Help request submitted' },
  'beehive.request_answer': { zh: '答复五帮诉求', en: 'Help request answered' },
  'beehive.member_save': { zh: '登记联盟成员单位', en: 'Alliance member saved' },
  'beehive.route_set': { zh: '调整五帮诉求分办规则', en: 'Help request routing changed' },
  'beehive.request_rate': { zh: '评价五帮诉求', en: 'Help request rated' },
  'beehive.measure_save': { zh: '编辑扶持措施', en: 'Support measure saved' },
} as const satisfies Record<string, Label>;

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  alliance_member: { zh: '联盟成员单位', en: 'alliance member' },
  help_request: { zh: '五帮诉求', en: 'help request' },
  help_route: { zh: '诉求分办规则', en: 'help request route' },
  measure: { zh: '帮扶措施', en: 'support measure' },
  station: { zh: '红色蜂巢站点', en: 'station' },
  worker: { zh: '新就业群体人员', en: 'new-employment worker' },
};
