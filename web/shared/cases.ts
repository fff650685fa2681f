/** Cases (案件) for both apps: shapes of the API answers and the names of states, events, tiers (zh, en). */
import type { Lang } from './i18n';

export type { CaseEventType, CaseState } from '../../src/server/modules/cases/case-machine';
import type { CaseEventType, CaseState } from '../../src/server/modules/cases/case-machine';
export type { Tier, Urgency, TimeLimits, ExtraField } from '../../src/server/modules/cases/taxonomy';
export type { TimeLimit } from '../../src/server/platform/calendar/working-time';
import type { ExtraField, Tier, TimeLimits, Urgency } from '../../src/server/modules/cases/taxonomy';

export interface RuleTrace {
  rule: string;
  zh: string;
  en: string;
}

export interface CasePhoto {
  id: string;
  stage: 'report' | 'progress' | 'feedback';
  url: string;
  width?: number;
  height?: number;
  publicApproved: boolean;
}

export interface CaseRow {
  id: string;
  number: string;
  title: string;
  description: string;
  categoryCode: string;
  /** Values of the category's extra fields. */
  extra: Record<string, unknown>;
  state: CaseState;
  tier: Tier;
  urgency: Urgency;
  lng: number;
  lat: number;
  address: string | null;
  /** 位置来源 (null: received before it was recorded) */
  locationSource: 'gps' | 'map' | 'household' | 'open311' | null;
  gridCode: string | null;
  divisionCode: string;
  handlerUserId: string | null;
  handlerDepartment: string | null;
  reporterName: string | null;
  anonymous: boolean;
  receivedAt: string;
  responseDueAt: string | null;
  filedAt: string | null;
  dispatchedAt: string | null;
  handleDueAt: string | null;
  feedbackAt: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
  reworkCount: number;
  suspended: boolean;
  suspensionRequested?: boolean;
  supervised: boolean;
  supervisionDueAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ruleTrace?: RuleTrace[];
  actions: CaseEventType[];
}

export interface TimelineEntry {
  id: number;
  at: string;
  actorLabel: string | null;
  type: CaseEventType | 'receive' | 'photo';
  fromState: CaseState | null;
  toState: CaseState | null;
  note: string | null;
  data: Record<string, unknown> | null;
  isPublic: boolean;
}

export interface CaseDetail extends CaseRow {
  timeline: TimelineEntry[];
  photos?: CasePhoto[];
  /** An Open311 client's link to the reporter's photo (http/https only, checked by the server). */
  mediaUrl?: string | null;
}

export interface Category {
  code: string;
  parentCode: string | null;
  kind: 'major' | 'component' | 'event' | 'local';
  name: string;
  nameEn: string | null;
  synonyms: string[];
  defaultTier: Tier;
  isPublic: boolean;
  active: boolean;
}

export type LimitUnit = TimeLimits['verify']['unit'];
/** A category as `GET /api/categories` answers it, with what county officers administer. */
export interface CategoryFull extends Category {
  /** The department's key without the county prefix (the department is `${county}-${key}`). */
  departmentKey: string | null;
  timeLimits: TimeLimits;
  extraFields: ExtraField[];
}

export interface Suggestion {
  label: string;
  probability: number;
  reasons: { term: string; weight: number }[];
  departmentCode: string | null;
  /** The county category model's top category for the same text, when the county has one. */
  topCategory?: { code: string; name: string; probability: number } | null;
}

export interface NearbyCase {
  id: string;
  number: string;
  title: string;
  state: CaseState;
  distanceMeters: number;
  receivedAt: string;
}

export interface Notification {
  id: number;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

type Pair = [zh: string, en: string];
const pick = (p: Pair | undefined, lang: Lang, fallback: string) => (p ? (lang === 'en' ? p[1] : p[0]) : fallback);

const STATES: Record<CaseState, Pair> = {
  received: ['待受理', 'Received'],
  rejected: ['不予立案', 'Rejected'],
  filed: ['已立案', 'Filed'],
  dispatched: ['已派遣', 'Dispatched'],
  handling: ['处置中', 'Being handled'],
  suspended: ['缓办', 'Suspended'],
  feedback: ['待核查', 'Awaiting verification'],
  closed: ['已结案', 'Closed'],
};

export const STATE_COLORS: Record<CaseState, string> = {
  received: 'gold',
  rejected: 'default',
  filed: 'blue',
  dispatched: 'geekblue',
  handling: 'processing',
  suspended: 'purple',
  feedback: 'orange',
  closed: 'green',
};

const EVENTS: Record<CaseEventType | 'receive' | 'photo', Pair> = {
  receive: ['受理', 'Received'],
  photo: ['上传照片', 'Photo added'],
  file: ['立案', 'File'],
  reject: ['不予立案', 'Reject'],
  dispatch: ['派遣', 'Dispatch'],
  accept: ['签收', 'Accept'],
  send_back: ['退回', 'Send back'],
  progress: ['处置进展', 'Progress note'],
  request_suspension: ['申请缓办', 'Request suspension'],
  approve_suspension: ['批准缓办', 'Approve suspension'],
  deny_suspension: ['驳回缓办', 'Deny suspension'],
  resume: ['恢复办理', 'Resume'],
  feedback: ['处置反馈', 'Feedback'],
  verify: ['核查', 'Verify'],
  rate: ['评价', 'Rate'],
  reopen: ['重新办理', 'Reopen'],
  supervise: ['督办', 'Supervise'],
};

const TIERS: Record<Tier, Pair> = {
  grid: ['网格', 'Grid'],
  village: ['村（社区）', 'Village / community'],
  department: ['职能部门', 'Department'],
};
const URGENCY: Record<Urgency, Pair> = {
  normal: ['一般', 'Normal'],
  urgent: ['紧急', 'Urgent'],
  critical: ['特急', 'Critical'],
};
export const REJECT_REASONS = ['not_a_problem', 'duplicate', 'not_our_responsibility'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
const REJECTS: Record<RejectReason, Pair> = {
  not_a_problem: ['不属于问题', 'Not a problem'],
  duplicate: ['重复上报', 'Duplicate'],
  not_our_responsibility: ['非本级职责', 'Not our responsibility'],
};

export const stateLabel = (s: string, lang: Lang) => pick(STATES[s as CaseState], lang, s);
export const eventLabel = (e: string, lang: Lang) => pick(EVENTS[e as CaseEventType | 'photo'], lang, e);
export const tierLabel = (t: string, lang: Lang) => pick(TIERS[t as Tier], lang, t);
export const urgencyLabel = (u: string, lang: Lang) => pick(URGENCY[u as Urgency], lang, u);
export const rejectLabel = (r: string, lang: Lang) => pick(REJECTS[r as RejectReason], lang, r);
export const URGENCIES: Urgency[] = ['normal', 'urgent', 'critical'];

/** A category's name in the UI language (many have no English name yet: the Chinese one then). */
export function categoryName(c: Category | undefined, lang: Lang, code = ''): string {
  if (!c) return code;
  return lang === 'en' && c.nameEn ? c.nameEn : c.name;
}

/** Leaf categories a reporter can choose, each with its major's name, matching a name or synonym. */
export function searchCategories<C extends Category>(all: readonly C[], q: string): C[] {
  const needle = q.trim().toLowerCase();
  const leaves = all.filter((c) => c.active && c.kind !== 'major');
  if (!needle) return leaves;
  return leaves.filter(
    (c) =>
      c.name.includes(needle) ||
      c.code.startsWith(needle) ||
      (c.nameEn ?? '').toLowerCase().includes(needle) ||
      c.synonyms.some((s) => s.includes(needle)),
  );
}

/** "建议：城乡建设 0.82（因为：垃圾、小区…）" — the department line the classifier suggests. */
export function suggestionText(s: Suggestion, lang: Lang): string {
  const terms = s.reasons
    .slice(0, 3)
    .map((r) => r.term)
    .join(lang === 'en' ? ', ' : '、');
  return lang === 'en'
    ? `Suggested line: ${s.label} ${s.probability.toFixed(2)} (because of: ${terms}${s.reasons.length > 3 ? '…' : ''})`
    : `建议：${s.label} ${s.probability.toFixed(2)}（因为：${terms}${s.reasons.length > 3 ? '…' : ''}）`;
}

/** The reporter may reopen within 7 days of the closure. */
export const REOPEN_DAYS = 7;
export function canStillReopen(c: Pick<CaseRow, 'closedAt'>, now = Date.now()): boolean {
  return !!c.closedAt && now - new Date(c.closedAt).getTime() < REOPEN_DAYS * 86_400_000;
}

/** A category's extra field label in the page's language. */
export function extraFieldLabel(f: ExtraField, lang: Lang): string {
  return lang === 'en' ? f.label.en || f.label.zh : f.label.zh;
}

/** The entered extra values as the server takes them: only this category's fields, empty ones left out, numbers as numbers. */
export function cleanExtra(fields: readonly ExtraField[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '') continue;
    out[f.key] = f.type === 'number' ? Number(v) : v;
  }
  return out;
}

/** The first required field left empty (null when all are filled). */
export function missingExtra(fields: readonly ExtraField[], values: Record<string, unknown>): ExtraField | null {
  const clean = cleanExtra(fields, values);
  return fields.find((f) => f.required && f.type !== 'boolean' && clean[f.key] === undefined) ?? null;
}
