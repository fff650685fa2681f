/**
 * Open311 GeoReport v2 as a view of our cases (pure, no I/O): case states → the spec's open/closed
 * and mySociety's extended statuses, categories → services and service definitions, a public case
 * → a service request, a public timeline event → a request update. Only what a stranger may see
 * goes out: no reporter, no handler names, no private categories (the repo never loads them).
 */
import { maskContactNumbers } from '../../platform/crypto/text-masking';
import type { Lang } from '../../platform/errors';
import type { CaseState, Category } from '../cases';
import { cutText } from '../../platform/text';

export type Open311Status = 'open' | 'closed';
/** mySociety's extended statuses (FixMyStreet OpenAPI `Request.status`); updates use them upper-cased. */
export type ExtendedStatus =
  | 'open'
  | 'closed'
  | 'fixed'
  | 'investigating'
  | 'action_scheduled'
  | 'in_progress'
  | 'planned'
  | 'no_further_action'
  | 'not_councils_responsibility'
  | 'duplicate'
  | 'internal_referral'
  | 'cancelled'
  | 'for_triage';
export type RejectionReason = 'not_a_problem' | 'duplicate' | 'not_our_responsibility';

export const EXTENDED_STATUSES: readonly ExtendedStatus[] = [
  'open',
  'closed',
  'fixed',
  'investigating',
  'action_scheduled',
  'in_progress',
  'planned',
  'no_further_action',
  'not_councils_responsibility',
  'duplicate',
  'internal_referral',
  'cancelled',
  'for_triage',
];

export function openStatus(state: CaseState): Open311Status {
  return state === 'closed' || state === 'rejected' ? 'closed' : 'open';
}

/**
 * received (待受理) and filed (已立案) are both FixMyStreet's "open" (confirmed); dispatched (已派遣) is
 * "action scheduled"; handling (处置中) and feedback (待核查: done, awaiting verification) are "in
 * progress"; suspended (缓办) is "investigating"; closed (结案 after verification) is "fixed";
 * rejected (不予立案) follows its reason (not a problem, or no reason recorded: no further action).
 */
export function extendedStatus(state: CaseState, reason: string | null): ExtendedStatus {
  switch (state) {
    case 'received':
    case 'filed':
      return 'open';
    case 'dispatched':
      return 'action_scheduled';
    case 'handling':
    case 'feedback':
      return 'in_progress';
    case 'suspended':
      return 'investigating';
    case 'closed':
      return 'fixed';
    case 'rejected':
      // never a bare "closed": FixMyStreet reads that as fixed
      return reason === 'duplicate'
        ? 'duplicate'
        : reason === 'not_our_responsibility'
          ? 'not_councils_responsibility'
          : 'no_further_action';
  }
}

/** Which cases a `status` filter value selects: states, plus rejections with these reasons. */
export interface StatusSelection {
  states: CaseState[];
  rejectionReasons: RejectionReason[];
}

const ALL_STATES: readonly CaseState[] = [
  'received',
  'filed',
  'dispatched',
  'handling',
  'suspended',
  'feedback',
  'closed',
  'rejected',
];
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
    keywords: keywordList(c.synonyms),
    group,
    groups: group ? [group] : undefined,
  };
}

/**
 * The spec's "comma separated list", as FixMyStreet reads it (split on "," with nothing trimmed):
 * no spaces around the commas, no comma (ASCII or full-width) inside a keyword, no empty or repeated ones.
 */
export function keywordList(synonyms: readonly string[]): string | undefined {
  const words = [
    ...new Set(
      synonyms
        .map((w) =>
          w
            .replace(/[,，、]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter(Boolean),
    ),
  ];
  return words.length ? words.join(',') : undefined;
}

const YES_NO = (lang: Lang) => [
  { key: 'true', name: lang === 'en' ? 'Yes' : '是' },
  { key: 'false', name: lang === 'en' ? 'No' : '否' },
];

/** extra_fields → attributes: string/number as they are, enum and boolean as single-value lists. */
export function presentServiceDefinition(c: Category, lang: Lang) {
  return {
    service_code: c.code,
    attributes: c.extraFields.map((f, i) => ({
      variable: true,
      code: f.key,
      datatype: f.type === 'enum' || f.type === 'boolean' ? ('singlevaluelist' as const) : f.type,
      required: f.required,
      datatype_description: f.type === 'number' ? (lang === 'en' ? 'A number' : '数字') : undefined,
      order: i + 1,
      description: pick(lang, f.label.zh, f.label.en),
      values:
        f.type === 'enum'
          ? (f.options ?? []).map((o) => ({ key: o, name: o }))
          : f.type === 'boolean'
            ? YES_NO(lang)
            : undefined,
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
  /** The client's media_url kept with the report, if any. */
  mediaUrl: string | null;
  /** The first of the case's photos approved for the public, if any. */
  photoId: string | null;
}

const publicPhotoUrl = (origin: string, id: string) => `${origin}/api/public/photos/${id}`;

/** Why a rejected case was closed, in words (duplicate of which case, referred to whom). */
function rejectionNote(reason: string | null, duplicateOf: string | null, referral: string | null, lang: Lang): string {
  const en = lang === 'en';
  if (reason === 'duplicate')
    return duplicateOf
      ? en
        ? `Duplicate of ${duplicateOf}`
        : `与 ${duplicateOf} 重复`
      : en
        ? 'Duplicate of an earlier report'
        : '与已有报告重复';
  if (reason === 'not_our_responsibility')
    return referral
      ? en
        ? `Not the county's responsibility; referred to ${referral}`
        : `不属于本级职责，已转交：${referral}`
      : en
        ? "Not the county's responsibility"
        : '不属于本级职责';
  return en ? 'Checked: no action is needed' : '经核实，无需处理';
}

/** What explains the current status: the last public note, else for a closed or rejected case why it closed. */
export function statusNotes(c: PublicCase, lang: Lang): string | undefined {
  if (c.state === 'rejected') {
    const why = rejectionNote(c.rejectionReason, c.duplicateOfNumber, c.referral, lang);
    return c.lastNote && c.lastNote !== why ? `${why}${lang === 'en' ? '. ' : '。'}${c.lastNote}` : why;
  }
  if (c.lastNote) return c.lastNote;
  if (c.state === 'closed') return lang === 'en' ? 'Fixed and verified' : '已处置并核查，结案';
  return undefined;
}

/**
 * A request's status: open or closed as the spec has it, except a rejected case, which says why
 * it closed with mySociety's extended status (duplicate, not_councils_responsibility,
 * no_further_action), because FixMyStreet imports a plain "closed" as fixed.
 */
export function requestStatus(c: Pick<PublicCase, 'state' | 'rejectionReason'>): ExtendedStatus {
  return c.state === 'rejected' ? extendedStatus('rejected', c.rejectionReason) : openStatus(c.state);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Free text a stranger reads: phone and ID numbers typed into it are masked. */
const publicText = (t: string | null | undefined) => (t ? maskContactNumbers(t) : undefined);

/** `origin` (scheme and host of this endpoint) makes photo links absolute. */
export function presentRequest(c: PublicCase, lang: Lang, origin: string) {
  const status = requestStatus(c);
  return {
    service_request_id: c.number,
    status,
    status_notes: publicText(statusNotes(c, lang)),
    service_name: pick(lang, c.categoryName, c.categoryNameEn),
    service_code: c.categoryCode,
    description: publicText(cutText(c.description, 4000)),
    agency_responsible: c.agency ? pick(lang, c.agency, c.agencyEn) : undefined,
    requested_datetime: w3(c.receivedAt),
    updated_datetime: w3(openStatus(c.state) === 'closed' && c.closedAt ? c.closedAt : c.updatedAt),
    expected_datetime: c.handleDueAt ? w3(c.handleDueAt) : undefined,
    address: publicText(c.address),
    lat: round6(c.lat),
    long: round6(c.lng),
    media_url: c.mediaUrl ?? (c.photoId ? publicPhotoUrl(origin, c.photoId) : undefined),
  };
}

export interface PublicEvent {
  id: number;
  number: string;
  type: string;
  toState: CaseState;
  rejectionReason: string | null;
  duplicateOfNumber: string | null;
  referral: string | null;
  /** verify: whether the work passed. */
  passed: boolean | null;
  at: Date;
  note: string | null;
  /** receive / note: the client's media_url; photo: the photo, when approved for the public. */
  mediaUrl: string | null;
  photoId: string | null;
}

/** What a step without a note says (受理, 立案, 派遣 …), so that every update has a description. */
const STEP_TEXT: Record<string, { zh: string; en: string }> = {
  receive: { zh: '已收到，等待受理', en: 'Received; awaiting review' },
  file: { zh: '已立案', en: 'Accepted for action' },
  dispatch: { zh: '已派遣承办单位', en: 'Assigned to the responsible department' },
  accept: { zh: '承办单位已签收，正在处置', en: 'The department has taken it on and is working on it' },
  send_back: { zh: '退回重新派遣', en: 'Sent back for reassignment' },
  progress: { zh: '处置中', en: 'Work in progress' },
  request_suspension: { zh: '申请缓办', en: 'Postponement requested' },
  approve_suspension: { zh: '已批准缓办', en: 'Postponed' },
  deny_suspension: { zh: '缓办申请未获批准，继续处置', en: 'Postponement refused; work continues' },
  resume: { zh: '恢复办理', en: 'Work resumed' },
  feedback: { zh: '已处置，等待核查', en: 'Work done; awaiting verification' },
  reopen: { zh: '重新办理', en: 'Reopened' },
  note: { zh: '补充说明', en: 'Note added' },
  photo: { zh: '上传了照片', en: 'Photo added' },
};

function stepText(e: PublicEvent, lang: Lang): string {
  if (e.type === 'reject' || (e.toState === 'rejected' && e.type !== 'photo' && e.type !== 'note')) {
    return rejectionNote(e.rejectionReason, e.duplicateOfNumber, e.referral, lang);
  }
  if (e.type === 'verify') {
    return e.passed === false
      ? lang === 'en'
        ? 'Verification failed; work resumes'
        : '核查未通过，重新处置'
      : lang === 'en'
        ? 'Fixed and verified'
        : '已处置并核查，结案';
  }
  const t = STEP_TEXT[e.type];
  return t ? pick(lang, t.zh, t.en) : pick(lang, STATE_TEXT[e.toState].zh, STATE_TEXT[e.toState].en);
}

const STATE_TEXT: Record<CaseState, { zh: string; en: string }> = {
  received: STEP_TEXT.receive,
  filed: STEP_TEXT.file,
  dispatched: STEP_TEXT.dispatch,
  handling: STEP_TEXT.progress,
  suspended: STEP_TEXT.approve_suspension,
  feedback: STEP_TEXT.feedback,
  closed: { zh: '已结案', en: 'Closed' },
  rejected: { zh: '不予立案', en: 'Declined' },
};

/**
 * Our own finer status (FixMyStreet keeps it as external_status_code, for its response templates):
 * the case state, or for a rejection its reason.
 */
export function externalStatusCode(state: CaseState, reason: string | null): string {
  return state === 'rejected' && reason ? reason : state;
}

/** One update of mySociety's servicerequestupdates: always with a description; notes masked like all public text. */
export function presentUpdate(e: PublicEvent, lang: Lang, origin: string) {
  const described = e.note
    ? e.type === 'reject'
      ? `${stepText(e, lang)}${lang === 'en' ? '. ' : '。'}${e.note}`
      : e.note
    : stepText(e, lang);
  return {
    update_id: String(e.id),
    service_request_id: e.number,
    status: extendedStatus(e.toState, e.rejectionReason).toUpperCase(),
    updated_datetime: w3(e.at),
    description: publicText(described)!,
    media_url: e.mediaUrl ?? (e.photoId ? publicPhotoUrl(origin, e.photoId) : undefined),
    external_status_code: externalStatusCode(e.toState, e.rejectionReason),
  };
}
