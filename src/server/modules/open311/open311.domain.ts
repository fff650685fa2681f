/**
 * Open311 GeoReport v2 as a view of our cases (pure, no I/O): case states → the spec's open/closed
 * and mySociety's extended statuses, categories → services and service definitions, a public case
 * → a service request, a public timeline event → a request update. Only what a stranger may see
 * goes out: no reporter, no handler names, no private categories (the repo never loads them).
 */
import type { Lang } from '../../platform/errors';
import type { CaseState } from '../cases/case-machine';
import type { Category } from '../cases/categories.repo';
import { cutText } from '../../platform/text';

export type Open311Status = 'open' | 'closed';
/** mySociety's extended statuses (FixMyStreet OpenAPI `Request.status`); updates use them upper-cased. */
export type ExtendedStatus =
  | 'open' | 'closed' | 'fixed' | 'investigating' | 'action_scheduled' | 'in_progress' | 'planned'
  | 'no_further_action' | 'not_councils_responsibility' | 'duplicate' | 'internal_referral' | 'cancelled' | 'for_triage';
export type RejectionReason = 'not_a_problem' | 'duplicate' | 'not_our_responsibility';

export const EXTENDED_STATUSES: readonly ExtendedStatus[] = [
  'open', 'closed', 'fixed', 'investigating', 'action_scheduled', 'in_progress', 'planned',
  'no_further_action', 'not_councils_responsibility', 'duplicate', 'internal_referral', 'cancelled', 'for_triage',
];

export function openStatus(state: CaseState): Open311Status {
  return state === 'closed' || state === 'rejected' ? 'closed' : 'open';
}

/**
 * received (待受理) and filed (已立案) are both FixMyStreet's "open" (confirmed); dispatched (已派遣) is
 * "action scheduled"; handling (处置中) and feedback (待核查: done, awaiting verification) are "in
 * progress"; suspended (缓办) is "investigating"; closed (结案 after verification) is "fixed";
 * rejected (不予立案) follows its reason.
 */
export function extendedStatus(state: CaseState, reason: string | null): ExtendedStatus {
  switch (state) {
    case 'received': case 'filed': return 'open';
    case 'dispatched': return 'action_scheduled';
    case 'handling': case 'feedback': return 'in_progress';
    case 'suspended': return 'investigating';
    case 'closed': return 'fixed';
    case 'rejected':
      return reason === 'duplicate' ? 'duplicate' : reason === 'not_our_responsibility' ? 'not_councils_responsibility'
        : reason === 'not_a_problem' ? 'no_further_action' : 'closed';
  }
}

/** Which cases a `status` filter value selects: states, plus rejections with these reasons. */
export interface StatusSelection { states: CaseState[]; rejectionReasons: RejectionReason[] }

const ALL_STATES: readonly CaseState[] = ['received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback', 'closed', 'rejected'];
const REASONS: readonly RejectionReason[] = ['not_a_problem', 'duplicate', 'not_our_responsibility'];

/** `status=open,closed` or extended names; null when a value is not a status. */
export function selectStatuses(values: readonly string[]): StatusSelection | null {
  const sel: StatusSelection = { states: [], rejectionReasons: [] };
  for (const raw of values) {
    const v = raw.trim().toLowerCase().replace(/ /g, '_');
    if (v === 'open' || v === 'closed') {
      sel.states.push(...ALL_STATES.filter((s) => openStatus(s) === v));
      continue;
    }
    if (!(EXTENDED_STATUSES as readonly string[]).includes(v)) return null;
    sel.states.push(...ALL_STATES.filter((s) => s !== 'rejected' && extendedStatus(s, null) === v));
    sel.rejectionReasons.push(...REASONS.filter((r) => extendedStatus('rejected', r) === v));
  }
  return sel;
}

/** w3 datetime in China Standard Time, e.g. 2026-11-25T09:00:00+08:00. */
export function w3(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const pick = (lang: Lang, zh: string, en: string | null | undefined) => (lang === 'en' && en ? en : zh);

// ---- services -----------------------------------------------------------------------------

/** A category a stranger may report to: active, public, not a major class, its class public too. */
export function isOpen311Service(c: Category, major: Category | undefined): boolean {
  return c.active && c.isPublic && c.kind !== 'major' && (!major || (major.active && major.isPublic));
}

export function presentService(c: Category, major: Category | undefined, lang: Lang) {
  const group = major ? pick(lang, major.name, major.nameEn) : undefined;
  return {
    service_code: c.code,
    service_name: pick(lang, c.name, c.nameEn),
    description: c.nameEn && lang !== 'en' ? `${c.name} (${c.nameEn})` : pick(lang, c.name, c.nameEn),
    metadata: c.extraFields.length > 0,
    type: 'realtime' as const,
    keywords: c.synonyms.length ? c.synonyms.join(', ') : undefined,
    group,
    groups: group ? [group] : undefined,
  };
}

const YES_NO = (lang: Lang) => [{ key: 'true', name: lang === 'en' ? 'Yes' : '是' }, { key: 'false', name: lang === 'en' ? 'No' : '否' }];

/** extra_fields → attributes: string/number as they are, enum and boolean as single-value lists. */
export function presentServiceDefinition(c: Category, lang: Lang) {
  return {
    service_code: c.code,
    attributes: c.extraFields.map((f, i) => ({
      variable: true,
      code: f.key,
      datatype: f.type === 'enum' || f.type === 'boolean' ? 'singlevaluelist' as const : f.type,
      required: f.required,
      datatype_description: f.type === 'number' ? (lang === 'en' ? 'A number' : '数字') : undefined,
      order: i + 1,
      description: pick(lang, f.label.zh, f.label.en),
      values: f.type === 'enum' ? (f.options ?? []).map((o) => ({ key: o, name: o })) : f.type === 'boolean' ? YES_NO(lang) : undefined,
    })),
  };
}

// ---- requests and updates -----------------------------------------------------------------

/** What the repo loads for a public case: no personal data is even selected. */
export interface PublicCase {
  id: string;
  number: string;
  state: CaseState;
  rejectionReason: string | null;
  referral: string | null;
  duplicateOfNumber: string | null;
  lastNote: string | null;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string | null;
  description: string;
  agency: string | null;
  agencyEn: string | null;
  receivedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  handleDueAt: Date | null;
  address: string | null;
  lat: number;
  lng: number;
}

export function statusNotes(c: PublicCase, lang: Lang): string | undefined {
  if (c.lastNote) return c.lastNote;
  if (c.state !== 'rejected') return undefined;
  if (c.rejectionReason === 'duplicate' && c.duplicateOfNumber) return lang === 'en' ? `Duplicate of ${c.duplicateOfNumber}` : `与 ${c.duplicateOfNumber} 重复`;
  if (c.rejectionReason === 'not_our_responsibility' && c.referral) return lang === 'en' ? `Referred to ${c.referral}` : `已转交：${c.referral}`;
  return undefined;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function presentRequest(c: PublicCase, lang: Lang) {
  const status = openStatus(c.state);
  return {
    service_request_id: c.number,
    status,
    status_notes: statusNotes(c, lang),
    service_name: pick(lang, c.categoryName, c.categoryNameEn),
    service_code: c.categoryCode,
    description: cutText(c.description, 4000),
    agency_responsible: c.agency ? pick(lang, c.agency, c.agencyEn) : undefined,
    requested_datetime: w3(c.receivedAt),
    updated_datetime: w3(status === 'closed' && c.closedAt ? c.closedAt : c.updatedAt),
    expected_datetime: c.handleDueAt ? w3(c.handleDueAt) : undefined,
    address: c.address ?? undefined,
    lat: round6(c.lat),
    long: round6(c.lng),
  };
}

export interface PublicEvent {
  id: number;
  number: string;
  toState: CaseState;
  rejectionReason: string | null;
  at: Date;
  note: string | null;
}

export function presentUpdate(e: PublicEvent) {
  return {
    update_id: String(e.id),
    service_request_id: e.number,
    status: extendedStatus(e.toState, e.rejectionReason).toUpperCase(),
    updated_datetime: w3(e.at),
    description: e.note ?? '',
  };
}
