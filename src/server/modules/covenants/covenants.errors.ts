/** Error codes of the covenants module (村规民约 / 居民公约, 两会, 红白事 register): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const COVENANTS_ERRORS = defineErrors({
  covenants_exists: {
    status: 409,
    zh: '本村（社区）已有村规民约（居民公约），请在其下起草新版本',
    en: 'This village or community already has its covenant; draft a new version of it',
  },
  covenants_draft_exists: {
    status: 409,
    zh: '已有一份草稿（{label}），请先修改或通过它',
    en: 'A draft already exists ({label}); edit or adopt it first',
  },
  covenants_version_not_draft: {
    status: 409,
    zh: '该版本已通过（{stateZh}），不能再修改；请起草新版本',
    en: 'This version is {state}, not a draft: it cannot change; draft a new version',
  },
  covenants_article_numbering: {
    status: 400,
    zh: '条款须从第 1 条起连续编号：应为第 {expected} 条，却是第 {got} 条',
    en: 'Articles are numbered 1, 2, 3… without gaps or repeats: expected article {expected}, got {got}',
  },
  covenants_article_empty: {
    status: 400,
    zh: '第 {number} 条没有内容',
    en: 'Article {number} has no text',
  },
  covenants_no_articles: {
    status: 409,
    zh: '草稿没有任何条款，不能通过',
    en: 'The draft has no articles; it cannot be adopted',
  },
  covenants_matter_not_found: {
    status: 404,
    zh: '找不到所引用的议事事项',
    en: 'The cited deliberation matter does not exist',
  },
  covenants_matter_other_place: {
    status: 409,
    zh: '村规民约须由本村（社区）的议事事项决议通过：所引用的事项属于其他村（社区）',
    en: "A covenant is adopted by a matter of its own village or community; the cited matter is another place's",
  },
  covenants_matter_not_resolved: {
    status: 409,
    zh: '村规民约须经村民会议或村民代表会议决议通过（四议两公开第四步）：所引用的事项当前为「{stateZh}」，尚未通过决议',
    en: 'A covenant is adopted only by a matter whose villagers\' (representatives\') meeting passed its resolution (step 4 of 四议两公开); the cited matter is "{state}"',
  },
  covenants_adoption_date: {
    status: 400,
    zh: '通过日期 {date} 须在 {earliest} 至今天之间（不早于决议日期，也不早于现行版本的施行日期）',
    en: 'The adoption date {date} must lie between {earliest} and today (not before the resolution nor before the version in force took effect)',
  },
  covenants_article_unknown: {
    status: 404,
    zh: '找不到该条款（版本 {versionId} 第 {number} 条）',
    en: 'No such article (version {versionId}, article {number})',
  },
  covenants_not_resident: {
    status: 409,
    zh: '以下人员不是本村（社区）登记的居民：{ids}',
    en: 'Not registered residents of this village or community: {ids}',
  },
  covenants_term_overlap: {
    status: 409,
    zh: '任期 {from} 至 {to} 与已有任期（{otherFrom} 至 {otherTo}）重叠',
    en: 'The term {from} – {to} overlaps an existing term ({otherFrom} – {otherTo})',
  },
  covenants_term_chair: {
    status: 400,
    zh: '每届须有且只有一名主任（现有 {chairs} 名）',
    en: 'A term has exactly one chair ({chairs} given)',
  },
  covenants_term_dates: {
    status: 400,
    zh: '任期结束日期须晚于开始日期',
    en: 'A term must end after it starts',
  },
  covenants_council_exists: {
    status: 409,
    zh: '本村（社区）已有同名的{kindZh}',
    en: 'This place already has a {kind} of that name',
  },
  covenants_event_date: {
    status: 400,
    zh: '红白事日期 {date} 不能晚于今天之后一年',
    en: 'The event date {date} is more than a year ahead',
  },
});

type CovenantsErrors = typeof COVENANTS_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends CovenantsErrors {}
}
