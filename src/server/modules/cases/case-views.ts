/**
 * A case as it leaves the server (cases.schema.ts): staff get the staff view, residents (the
 * reporter, a follower) the resident view — only what the resident app shows, no handler, rule
 * trace, internal steps or staff names. Both carry the events this actor may take.
 */
import type { Actor } from '../../platform/actor';
import type { CaseEventRow, CaseRow } from './cases.repo';
import type {
  CaseResidentDetail,
  CaseResidentView,
  CaseStaffDetail,
  CaseStaffView,
  PhotoView,
  ResidentStep,
  StaffStep,
} from './cases.schema';
import { caseActions } from './events/table';
import { timelineFor, withoutReporter } from './reporter-privacy';

export const seesStaffView = (actor: Actor) => actor.kind === 'user' && actor.userKind === 'staff';

function residentView(actor: Actor, c: CaseRow): CaseResidentView {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    extra: c.extra as CaseResidentView['extra'],
    state: c.state,
    urgency: c.urgency,
    lng: c.lng,
    lat: c.lat,
    address: c.address,
    locationSource: c.locationSource,
    anonymous: c.anonymous,
    receivedAt: c.receivedAt,
    closedAt: c.closedAt,
    rating: c.rating,
    ratingComment: c.ratingComment,
    actions: caseActions(actor, c),
  };
}

function staffView(actor: Actor, c: CaseRow): CaseStaffView {
  const seen = withoutReporter(actor, c);
  return {
    ...seen,
    extra: seen.extra as CaseStaffView['extra'],
    rejection: seen.rejection as CaseStaffView['rejection'],
    actions: caseActions(actor, c),
  };
}

/** A case in a list or after a step, as this actor may see it. */
export function presentCase(actor: Actor, c: CaseRow): CaseStaffView | CaseResidentView {
  return seesStaffView(actor) ? staffView(actor, c) : residentView(actor, c);
}

const residentStep = (e: CaseEventRow): ResidentStep => ({
  id: e.id,
  at: e.at,
  type: e.type as ResidentStep['type'],
  fromState: e.fromState as ResidentStep['fromState'],
  toState: e.toState as ResidentStep['toState'],
  note: e.note,
  isPublic: e.isPublic,
});

export interface DetailParts {
  events: CaseEventRow[];
  photos: PhotoView[];
  /** staff triaging the case: the classifier's suggestions */
  triage: Pick<CaseStaffDetail, 'suggestions' | 'categorySuggestions'>;
}

/** One case with its timeline and photos: staff see every step with its actor; residents the public steps. */
export function presentDetail(
  actor: Actor,
  c: CaseRow,
  { events, photos, triage }: DetailParts,
): CaseStaffDetail | CaseResidentDetail {
  if (!seesStaffView(actor))
    return { ...residentView(actor, c), timeline: events.filter((e) => e.isPublic).map(residentStep), photos };
  const timeline = timelineFor(actor, c, events);
  // An Open311 client's link to the reporter's photo elsewhere, kept on the report's first step.
  const mediaUrl = timeline.find((e) => e.type === 'receive')?.data.mediaUrl;
  return {
    ...staffView(actor, c),
    timeline: timeline.map(
      (e): StaffStep => ({ ...residentStep(e), actorLabel: e.actorLabel, data: e.data as StaffStep['data'] }),
    ),
    photos,
    mediaUrl: typeof mediaUrl === 'string' ? mediaUrl : null,
    ...triage,
  };
}
