/**
 * Labels of the 头雁 records (leaders), defined once for the server and the console. Plain data
 * importing nothing (the web bundles it).
 */
export interface Label {
  zh: string;
  en: string;
}

/** 六支队伍. */
export const TEAMS = ['secretary', 'committee', 'unposted_member', 'reserve', 'rural_talent', 'resident_team'] as const;
export type Team = (typeof TEAMS)[number];
export const TEAM_LABELS: Record<Team, Label> = {
  secretary: { zh: '书记', en: 'Secretaries' },
  committee: { zh: '两委干部', en: 'Committee members' },
  unposted_member: { zh: '无职党员', en: 'Party members without post' },
  reserve: { zh: '后备干部', en: 'Reserve cadres' },
  rural_talent: { zh: '乡村人才', en: 'Rural talents' },
  resident_team: { zh: '驻村工作队/第一书记', en: 'Resident work teams / first secretaries' },
};

export const EDUCATIONS = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, Label> = {
  primary: { zh: '小学', en: 'primary' },
  junior: { zh: '初中', en: 'junior secondary' },
  senior: { zh: '高中', en: 'senior secondary' },
  vocational: { zh: '中专', en: 'vocational' },
  college: { zh: '大专', en: 'college' },
  bachelor: { zh: '本科', en: 'bachelor' },
  master: { zh: '研究生', en: 'postgraduate' },
};

/** 两委: the party organisation (党组织) and the village/residents' committee (村/居委会). */
export const BODIES = ['party', 'committee'] as const;
export type Body = (typeof BODIES)[number];
export const BODY_LABELS: Record<Body, Label> = {
  party: { zh: '党组织', en: 'Party organisation' },
  committee: { zh: '村（居）委会', en: "Villagers'/residents' committee" },
};
export const POSTS = ['secretary', 'deputy_secretary', 'director', 'deputy_director', 'member'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, Label> = {
  secretary: { zh: '书记', en: 'secretary' },
  deputy_secretary: { zh: '副书记', en: 'deputy secretary' },
  director: { zh: '主任', en: 'director' },
  deputy_director: { zh: '副主任', en: 'deputy director' },
  member: { zh: '委员', en: 'member' },
};

export const DIRECTIONS = ['positive', 'negative'] as const;
export const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], Label> = {
  positive: { zh: '正向提级管理', en: 'positive (fostering)' },
  negative: { zh: '负向提级管理', en: 'negative (correcting)' },
};
export const TIERS = ['town', 'county'] as const;
export const TIER_LABELS: Record<(typeof TIERS)[number], Label> = {
  town: { zh: '提级至镇管理', en: 'managed by the town' },
  county: { zh: '提级至县（市）管理', en: 'managed by the county' },
};
export const OUTCOMES = ['continue', 'lift', 'escalate', 'end'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], Label> = {
  continue: { zh: '继续提级管理', en: 'continue' },
  lift: { zh: '解除提级管理', en: 'lifted' },
  escalate: { zh: '升级管理', en: 'escalated' },
  end: { zh: '调整出岗位', en: 'removed from post' },
};

export const UPGRADE_KINDS = ['education', 'ability'] as const;
export const UPGRADE_LABELS: Record<(typeof UPGRADE_KINDS)[number], Label> = {
  education: { zh: '学历提升', en: 'education' },
  ability: { zh: '能力提升', en: 'ability' },
};

export const ENTRANT_KINDS = ['village', 'secretary'] as const;
export const ENTRANT_KIND_LABELS: Record<(typeof ENTRANT_KINDS)[number], Label> = {
  village: { zh: '村（社区）', en: 'villages' },
  secretary: { zh: '书记', en: 'secretaries' },
};

/** The audit actions: ids only, never a name or a reason. */
export const AUDIT_LABELS: Record<string, Label> = {
  'leaders.person_create': { zh: '新建头雁档案', en: 'Leadership record created' },
  'leaders.person_update': { zh: '修改头雁档案', en: 'Leadership record changed' },
  'leaders.person_view': { zh: '查看头雁档案', en: 'Leadership record viewed' },
  'leaders.person_list': { zh: '查看头雁名单', en: 'Leadership records listed' },
  'leaders.export': { zh: '导出头雁台账', en: 'Leadership ledger exported' },
  'leaders.post_add': { zh: '登记两委职务', en: 'Post recorded' },
  'leaders.training_add': { zh: '登记培训', en: 'Training recorded' },
  'leaders.tier_add': { zh: '登记提级管理', en: 'Tiered management recorded' },
  'leaders.tier_review': { zh: '提级管理复核', en: 'Tiered management reviewed' },
  'leaders.tier_list': { zh: '查看待复核名单', en: 'Due reviews listed' },
  'leaders.goal_add': { zh: '登记培养目标', en: 'Development goal recorded' },
  'leaders.goal_progress': { zh: '更新培养目标进度', en: 'Development goal progress updated' },
  'leaders.upgrade_set': { zh: '登记双提升目标与进度', en: 'Education and ability (双提升) target and progress set' },
  'leaders.contest_create': { zh: '新建擂台赛', en: 'Contest created' },
  'leaders.contest_score': { zh: '擂台赛评分', en: 'Contest scored' },
  'leaders.talk_add': { zh: '登记宣讲', en: 'Talk recorded' },
};

/** The kinds of record its audit rows name (`entityType`), as the console's audit page shows them. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  leader_contest: { zh: '擂台赛', en: 'contest' },
  leader_person: { zh: '头雁人员', en: 'leadership record' },
  leader_talk: { zh: '宣讲', en: 'talk' },
  leader_tier: { zh: '分级管理', en: 'tiered management' },
};
