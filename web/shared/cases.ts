/** Cases (案件) for both apps: the server's answers (cases.schema.ts) as JSON carries them, and their labels. */
import type { Lang } from './i18n';
import type * as S from '../../src/server/modules/cases/cases.schema';
import type { CategoryView } from '../../src/server/modules/cases/categories.schema';
import {
  EVENT_LABELS,
  type Label,
  REJECT_LABELS,
  type RejectReason,
  STATE_LABELS,
  TIER_LABELS,
  URGENCY_LABELS,
} from '../../src/server/modules/cases/cases.labels';
import type { Wire } from './wire';

export type { CaseEventType, CaseState } from '../../src/server/modules/cases/case-machine';
import type { CaseState } from '../../src/server/modules/cases/case-machine';
export type { Tier, Urgency, TimeLimits, ExtraField } from '../../src/server/modules/cases/taxonomy';
export type { TimeLimit } from '../../src/server/platform/calendar/working-time';
import type { ExtraField, TimeLimits, Urgency } from '../../src/server/modules/cases/taxonomy';
export type { RejectReason };

/** A case in the console (the staff view). */
export type CaseRow = Wire<S.CaseStaffView>;
/** A case in the resident app (the reporter's view). */
export type MyCase = Wire<S.CaseResidentView>;
export type CaseDetail = Wire<S.CaseStaffDetail>;
export type MyCaseDetail = Wire<S.CaseResidentDetail>;
export type TimelineEntry = Wire<S.StaffStep>;
export type CasePhoto = Wire<S.PhotoView>;
export type NearbyCase = Wire<S.NearbyCase>;
export type Notification = Wire<S.NotificationView>;
export type RegisteredPlace = Wire<S.RegisteredPlace>;
export type PlaceView = Wire<S.PlaceView>;
export type Candidate = Wire<S.Candidate>;
export type CandidateList = Wire<S.CandidateList>;
export type RevealedReporter = Wire<S.RevealedReporter>;
export type RuleTrace = CaseRow['ruleTrace'][number];

/** A category as `GET /api/categories` answers it, with what county officers administer. */
export type CategoryFull = Wire<CategoryView>;
export type Category = CategoryFull;
export type LimitUnit = TimeLimits['verify']['unit'];

/** The classifier's department line, with the county category model's top category for the same text. */
export type Suggestion = S.LineSuggestion & {
  topCategory?: Pick<S.CategorySuggestion, 'code' | 'name' | 'probability'> | null;
};

const pick = (l: Label | undefined, lang: Lang, fallback: string) => (l ? (lang === 'en' ? l.en : l.zh) : fallback);

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

export const REJECT_REASONS = Object.keys(REJECT_LABELS) as RejectReason[];

const label = <K extends string>(table: Record<K, Label>, key: string) =>
  Object.hasOwn(table, key) ? table[key as K] : undefined;
export const stateLabel = (s: string, lang: Lang) => pick(label(STATE_LABELS, s), lang, s);
export const eventLabel = (e: string, lang: Lang) => pick(label(EVENT_LABELS, e), lang, e);
export const tierLabel = (t: string, lang: Lang) => pick(label(TIER_LABELS, t), lang, t);
export const urgencyLabel = (u: string, lang: Lang) => pick(label(URGENCY_LABELS, u), lang, u);
export const rejectLabel = (r: string, lang: Lang) => pick(label(REJECT_LABELS, r), lang, r);
export const URGENCIES = Object.keys(URGENCY_LABELS) as Urgency[];

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
export function canStillReopen(c: Pick<MyCase, 'closedAt'>, now = Date.now()): boolean {
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
