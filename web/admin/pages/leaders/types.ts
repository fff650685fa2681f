/** 头雁 records for the console: the server's contract types and labels. */
export type {
  ContestDetail,
  ContestLine,
  PersonLine,
  PersonRecord,
  TalkLine,
  TeamCountsResult,
  TierLine,
  UpgradeProgressResult,
} from '../../../../src/server/modules/leaders/leaders.schema';
export {
  BODY_LABELS,
  DIRECTION_LABELS,
  EDUCATION_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  POST_LABELS,
  TEAM_LABELS,
  TEAMS,
  TIER_LABELS,
  UPGRADE_LABELS,
} from '../../../../src/server/modules/leaders/leaders.labels';
export const label = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);
