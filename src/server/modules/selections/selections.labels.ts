/**
 * The selections module's labels (评选), defined once: the server uses them in messages, the web
 * (console and resident app) in its tags and forms. Plain data importing nothing (the web bundles it).
 */

export const SELECTION_KINDS = [
  'outstanding_cocreator',
  'red_flag_branch',
  'pioneer_post',
  'model_village',
  'model_site',
  'batch_model',
  'batch_talent',
] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];

export const SUBJECTS = ['person', 'party_org', 'division'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Each kind's nominee: a registered person, a party organisation or a place. */
export const KIND_SUBJECT: Record<SelectionKind, Subject> = {
  outstanding_cocreator: 'person',
  red_flag_branch: 'party_org',
  pioneer_post: 'person',
  model_village: 'division',
  model_site: 'division',
  batch_model: 'person',
  batch_talent: 'person',
};

export const KIND_LABELS: Record<SelectionKind, { zh: string; en: string }> = {
  outstanding_cocreator: { zh: '优秀共同缔造员', en: 'Outstanding co-creator' },
  red_flag_branch: { zh: '红旗党支部', en: 'Red-flag party branch' },
  pioneer_post: { zh: '党员先锋岗', en: 'Party-member pioneer post' },
  model_village: { zh: '示范村', en: 'Model village' },
  model_site: { zh: '示范点', en: 'Model site' },
  batch_model: { zh: '五个一批·一批典型', en: 'Five batches: models' },
  batch_talent: { zh: '五个一批·一批人才', en: 'Five batches: trained talents' },
};

export const PHASES = ['nomination', 'eligibility', 'scoring', 'voting', 'publicity', 'results'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, { zh: string; en: string }> = {
  nomination: { zh: '提名', en: 'nomination' },
  eligibility: { zh: '资格审查', en: 'eligibility check' },
  scoring: { zh: '评审打分', en: 'panel scoring' },
  voting: { zh: '群众投票', en: 'public vote' },
  publicity: { zh: '公示', en: 'publicity' },
  results: { zh: '结果公布', en: 'results' },
};

export const NOMINATION_ROUTES = ['self', 'organisation', 'residents'] as const;
export type NominationRoute = (typeof NOMINATION_ROUTES)[number];

export const ROUTE_LABELS: Record<NominationRoute, { zh: string; en: string }> = {
  self: { zh: '自荐', en: 'self-nomination' },
  organisation: { zh: '组织举荐', en: 'nominated by an organisation' },
  residents: { zh: '群众联名举荐', en: 'nominated by residents' },
};

export const NOMINEE_STATUSES = ['proposed', 'nominated', 'eligible', 'ineligible', 'disqualified'] as const;
export type NomineeStatus = (typeof NOMINEE_STATUSES)[number];

export const NOMINEE_STATUS_LABELS: Record<NomineeStatus, { zh: string; en: string }> = {
  proposed: { zh: '联名征集中', en: 'gathering endorsements' },
  nominated: { zh: '已提名', en: 'nominated' },
  eligible: { zh: '资格审查通过', en: 'eligible' },
  ineligible: { zh: '资格审查未通过', en: 'ineligible' },
  disqualified: { zh: '经异议取消', en: 'disqualified on objection' },
};

/** The eligibility rules a nomination is checked against (the 422's `rule`). */
export const ELIGIBILITY_RULES = {
  not_in_register: {
    zh: '在人口台账中找不到此人（姓名与手机号须一致）',
    en: 'no such person in the register (name and phone must match)',
  },
  outside_area: { zh: '不在本次评选的范围内', en: 'not within the selection’s area' },
  not_party_member: { zh: '本次评选只限党员参评', en: 'this selection is for party members only' },
  wrong_subject: { zh: '本次评选的参评对象类型不符', en: 'the wrong kind of nominee for this selection' },
  not_a_resident: { zh: '自荐须是本人在人口台账中登记', en: 'self-nomination needs your own register record' },
} as const;
export type EligibilityRule = keyof typeof ELIGIBILITY_RULES;

export const OBJECTION_OUTCOMES = ['dismissed', 'upheld'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<ObjectionOutcome, { zh: string; en: string }> = {
  dismissed: { zh: '异议不成立', en: 'dismissed' },
  upheld: { zh: '异议成立（取消资格）', en: 'upheld (nominee disqualified)' },
};

export const AUDIT_LABELS = {
  'selections.create': { zh: '创建评选', en: 'Selection created' },
  'selections.advance': { zh: '评选进入下一阶段', en: 'Selection moved to its next phase' },
  'selections.nominate': { zh: '提名候选人', en: 'Nominee proposed' },
  'selections.endorse': { zh: '联名举荐', en: 'Nomination endorsed' },
  'selections.check': { zh: '资格审查', en: 'Eligibility checked' },
  'selections.conflict': { zh: '申报回避', en: 'Conflict of interest declared' },
  'selections.score': { zh: '评审打分', en: 'Nominee scored' },
  'selections.paper_vote': { zh: '录入纸质选票', en: 'Paper vote entered' },
  'selections.paper_confirm': { zh: '确认纸质选票', en: 'Paper vote confirmed' },
  'selections.publish': { zh: '公布排名（公示）', en: 'Ranking published' },
  'selections.object': { zh: '提出异议', en: 'Objection filed' },
  'selections.answer': { zh: '答复异议', en: 'Objection answered' },
  'selections.certify': { zh: '颁发荣誉证书', en: 'Certificates issued' },
} as const;

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  selection: { zh: '评选', en: 'selection' },
  selection_nominee: { zh: '候选对象', en: 'nominee' },
  selection_objection: { zh: '公示异议', en: 'objection' },
};
