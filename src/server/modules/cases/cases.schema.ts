/**
 * The contract of the case routes: request and response schemas (validation, serialisation and
 * OpenAPI at once). A case leaves the server in one of two views: the staff view (the console) and
 * the resident view (the reporter's app: what that app shows, no handler, staff notes or rule trace).
 * The web imports the `Static<>` types below instead of restating them.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { PageOf, PageQueryFields } from '../../platform/page';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { CANDIDATE_CAP, RoleHolder } from '../access';
import { ALLOWED, type CaseState } from './case-machine';
import { Closed, IdParams, Nullable } from '../../platform/http/schema-helpers';
import { CASE_SORTS } from './case-filters';

/** The machine's states and events (case-machine.ts ALLOWED: every state, and every event some state accepts). */
export const CASE_STATES = Object.keys(ALLOWED) as CaseState[];
export const CASE_EVENTS = [...new Set(Object.values(ALLOWED).flat())];
export const QUEUES = ['triage', 'tasks', 'verify', 'overdue', 'due_soon', 'supervised', 'mine', 'all'] as const;
/** A split queue's tabs: what the actor can act on (待我处理), what they can only follow (我关注的). */
export const QUEUE_VIEWS = ['actionable', 'following'] as const;

const State = Type.Enum(CASE_STATES);
const EventType = Type.Enum(CASE_EVENTS);
const Tier = Type.Enum(['grid', 'village', 'department'] as const);
const Urgency = Type.Enum(['normal', 'urgent', 'critical'] as const);
const LocationSource = Nullable(Type.Enum(['gps', 'map', 'household', 'open311'] as const));
const ExtraValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
/** Values of the category's extra fields. */
const Extra = Type.Record(Type.String(), ExtraValue);

export { IdParams };

// ---- photos ------------------------------------------------------------------------------------

export const PhotoStage = Type.Enum(['report', 'progress', 'feedback'] as const);
export const PhotoView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  stage: PhotoStage,
  mime: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
  publicApproved: Type.Boolean(),
  createdAt: DateTime,
  url: Type.String(),
});

// ---- the two views of a case -------------------------------------------------------------------

/** What the reporter's app shows of a case (their own report, or one they follow). */
const residentFields = {
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  description: Type.String(),
  categoryCode: Type.String(),
  extra: Extra,
  state: State,
  urgency: Urgency,
  lng: Type.Number(),
  lat: Type.Number(),
  address: Nullable(Type.String()),
  locationSource: LocationSource,
  anonymous: Type.Boolean(),
  receivedAt: DateTime,
  closedAt: NullableDateTime,
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  actions: Type.Array(EventType, { description: 'the events you may take' }),
};
export const CaseResidentView = Type.Object(residentFields);

const RuleStep = Type.Object({ rule: Type.String(), zh: Type.String(), en: Type.String() });
const Rejection = Type.Object({
  reason: Type.String(),
  note: Type.Optional(Nullable(Type.String())),
  referral: Type.Optional(Nullable(Type.String())),
});

/** The console's view: the case with its place, handler, deadlines, loop counters and routing trace. */
export const CaseStaffView = Type.Object({
  ...residentFields,
  categoryConfirmed: Type.Boolean(),
  gridCode: Nullable(Type.String()),
  divisionCode: Type.String(),
  tier: Tier,
  handlerUserId: Nullable(Type.String()),
  handlerDepartment: Nullable(Type.String()),
  reporterId: Nullable(Type.String({ description: 'null on an anonymous report (see the audited reveal)' })),
  reporterName: Nullable(Type.String()),
  enteredBy: Nullable(Type.String()),
  source: Type.Enum(['app', 'console', 'open311', 'phone', 'visit'] as const),
  isPublic: Type.Boolean(),
  ruleTrace: Type.Array(RuleStep),
  respondedAt: NullableDateTime,
  responseDueAt: DateTime,
  filedAt: NullableDateTime,
  dispatchedAt: NullableDateTime,
  handleDueAt: NullableDateTime,
  feedbackAt: NullableDateTime,
  closedOnTime: Nullable(Type.Boolean()),
  reworkCount: Type.Integer(),
  suspensionRequested: Type.Boolean(),
  suspended: Type.Boolean(),
  everSuspended: Type.Boolean(),
  supervised: Type.Boolean(),
  supervisionDueAt: NullableDateTime,
  rejection: Nullable(Rejection),
  duplicateOf: Nullable(Type.String()),
  updatedAt: DateTime,
});

/** The loop's events, the report itself (receive), a photo added and an Open311 client's note. */
const TimelineType = Type.Union([EventType, Type.Enum(['receive', 'photo', 'note'] as const)]);
/** A step as the reporter sees it: public steps only, no actor. */
const residentStepFields = {
  id: Type.Integer(),
  at: DateTime,
  type: TimelineType,
  fromState: Nullable(State),
  toState: Nullable(State),
  note: Nullable(Type.String()),
  isPublic: Type.Boolean(),
};
export const ResidentStep = Type.Object(residentStepFields);

/** What a step records besides its note: the event's own fields and what the loop added. */
const StepData = Type.Object({
  type: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  trace: Type.Optional(Type.Array(Type.String())),
  mediaUrl: Type.Optional(Type.String()),
  photoId: Type.Optional(Type.String()),
  stage: Type.Optional(Type.String()),
  handlerUserId: Type.Optional(Type.String()),
  handlerLabel: Type.Optional(Type.String()),
  departmentCode: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  duplicateOf: Type.Optional(Type.String()),
  referral: Type.Optional(Type.String()),
  passed: Type.Optional(Type.Boolean()),
  score: Type.Optional(Type.Integer()),
  comment: Type.Optional(Type.String()),
  until: Type.Optional(Type.String()),
  due: Type.Optional(Type.String()),
  category: Type.Optional(Type.Object({ from: Type.String(), to: Type.String() })),
  routing: Type.Optional(
    Type.Object({
      from: Type.Object({ tier: Tier, handlerDepartment: Nullable(Type.String()) }),
      to: Type.Object({ tier: Tier, handlerDepartment: Nullable(Type.String()) }),
      trace: Type.Array(Type.String()),
    }),
  ),
  extra: Type.Optional(Extra),
  clientId: Type.Optional(Type.String({ description: 'an Open311 note: the client' })),
  clientUpdateId: Type.Optional(Nullable(Type.String())),
  requestedStatus: Type.Optional(Nullable(Type.String())),
});
export const StaffStep = Type.Object({
  ...residentStepFields,
  actorLabel: Nullable(Type.String()),
  data: StepData,
});

const Reasons = Type.Array(Type.Object({ term: Type.String(), weight: Type.Number() }), {
  description: 'the words that drove the suggestion',
});
/** The classifier's department line for a text (its answer through the triage port, cases/triage.ts). */
export const LineSuggestion = Type.Object({
  label: Type.String({ description: 'department line (部门条线)' }),
  probability: Type.Number(),
  reasons: Reasons,
  departmentCode: Nullable(Type.String({ description: 'the county department this line maps to' })),
});
/** The county category model's category for a text. */
export const CategorySuggestion = Type.Object({
  code: Type.String(),
  name: Type.String(),
  probability: Type.Number(),
  reasons: Reasons,
});

export const CaseResidentDetail = Type.Object({
  ...residentFields,
  timeline: Type.Array(ResidentStep),
  photos: Type.Array(PhotoView),
});
export const CaseStaffDetail = Type.Object({
  ...CaseStaffView.properties,
  timeline: Type.Array(StaffStep),
  photos: Type.Array(PhotoView),
  mediaUrl: Nullable(Type.String({ description: "an Open311 client's link to the reporter's photo" })),
  suggestions: Type.Optional(Nullable(Type.Array(LineSuggestion))),
  categorySuggestions: Type.Optional(Nullable(Type.Array(CategorySuggestion))),
});

/** Staff get the staff view, residents the resident view (the serializer tries the staff one first). */
export const CaseView = Type.Union([CaseStaffView, CaseResidentView]);
export const CaseDetail = Type.Union([CaseStaffDetail, CaseResidentDetail]);

// ---- reporting ---------------------------------------------------------------------------------

export const ReportBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 60 })),
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    categoryCode: Type.String({ maxLength: 10 }),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    locationSource: Type.Optional(
      Type.Enum(['gps', 'map', 'household'] as const, {
        description:
          "where the location comes from: gps (the phone's position) or map (a pick) with lng/lat — coordinates without a source count as a map pick — or household (the reporter's registered household, no lng/lat). A report without any location is refused (422 location_missing)",
      }),
    ),
    householdCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{22}$',
        description: 'with locationSource household: which household (required for staff reporting on behalf)',
      }),
    ),
    coordSystem: Type.Optional(Type.Enum(['wgs84', 'gcj02'] as const)),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    urgency: Type.Optional(Urgency),
    anonymous: Type.Optional(Type.Boolean()),
    extra: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    photoIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        maxItems: 9,
        uniqueItems: true,
        description:
          'photos uploaded first (POST /api/photos), attached to the case as its report photos; a retried report (same Idempotency-Key) attaches those not attached yet',
      }),
    ),
    onBehalfOf: Type.Optional(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 40 }), phone: Type.Optional(Type.String({ maxLength: 20 })) },
        Closed,
      ),
    ),
  },
  Closed,
);
export const ReportHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});

export const NearbyQuery = Type.Object(
  { categoryCode: Type.String({ maxLength: 10 }), lng: Type.Number(), lat: Type.Number() },
  Closed,
);
export const NearbyCase = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  state: State,
  distanceMeters: Type.Integer(),
  receivedAt: DateTime,
});

export const PlaceQuery = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    coordSystem: Type.Optional(Type.Enum(['wgs84', 'gcj02'] as const)),
  },
  Closed,
);
export const PlaceView = Type.Object({
  inCounty: Type.Boolean(),
  gridCode: Nullable(Type.String()),
  names: Type.Array(Type.String()),
});
export const RegisteredPlace = Type.Object({
  householdCode: Type.String(),
  address: Type.String(),
  gridName: Type.String(),
  located: Type.Boolean(),
});

// ---- queues and the loop -----------------------------------------------------------------------

const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });

/** The filters and the sort of every case list (case-filters.ts), also the export's. */
export const CaseListFields = {
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 60, description: 'part of the case number, title or description' }),
  ),
  state: Type.Optional(Type.Array(State, { maxItems: 8, description: 'any of these states (repeat the field)' })),
  category: Type.Optional(
    Type.String({ minLength: 2, maxLength: 10, description: 'a category, with its sub-categories' }),
  ),
  grid: Type.Optional(
    Type.String({ pattern: '^[0-9]{6,22}$', description: 'a grid, village or town code: the cases of its subtree' }),
  ),
  department: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'the department handling the case' }),
  ),
  from: Type.Optional(Day('reported on or after this day (Asia/Shanghai)')),
  to: Type.Optional(Day('reported on or before this day (Asia/Shanghai)')),
  overdue: Type.Optional(
    Type.Enum(['1', '0', 'true', 'false'] as const, { description: 'being handled past the deadline (1) or not (0)' }),
  ),
  reporter: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'reported by this person (staff only; anonymous reports never match)',
    }),
  ),
  sort: Type.Optional(
    Type.Enum(CASE_SORTS, {
      default: 'received',
      description: 'received: newest first; deadline: the handling deadline soonest first, none last',
    }),
  ),
};
export const QueueQuery = Type.Object(
  {
    queue: Type.Enum(QUEUES),
    view: Type.Optional(
      Type.Enum(QUEUE_VIEWS, {
        default: 'actionable',
        description: 'triage and verify: the cases you can act on, or those you can only follow',
      }),
    ),
    ...CaseListFields,
    ...PageQueryFields,
  },
  Closed,
);
export const CaseExportQuery = Type.Object(CaseListFields, Closed);
export const CasePage = PageOf(CaseView);

export const RevealedReporter = Type.Object({
  reporterId: Nullable(Type.String()),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  anonymous: Type.Boolean(),
});

export const CandidatesQuery = Type.Object(
  {
    departmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'part of a name, user name or place (narrows the list)',
      }),
    ),
  },
  Closed,
);
/** One candidate assignment: the access module's role holder. */
export const Candidate = RoleHolder;
export const CandidateList = Type.Object(
  {
    items: Type.Array(Candidate, { maxItems: CANDIDATE_CAP }),
    more: Type.Boolean({ description: `true when more than the first ${CANDIDATE_CAP} match: narrow with q` }),
  },
  {
    description: `The first ${CANDIDATE_CAP} candidates, best placed first (the case's own grid or village, then by role, place and name)`,
  },
);

// ---- notifications -----------------------------------------------------------------------------

export const NotificationView = Type.Object({
  id: Type.Integer(),
  caseId: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
  readAt: NullableDateTime,
});
export { PageQuery as NotificationQuery } from '../../platform/page';
export const NotificationPage = PageOf(NotificationView);
export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })) },
  Closed,
);
export const Marked = Type.Object({ marked: Type.Integer() });

export type CaseStaffView = Static<typeof CaseStaffView>;
export type CaseResidentView = Static<typeof CaseResidentView>;
export type CaseStaffDetail = Static<typeof CaseStaffDetail>;
export type CaseResidentDetail = Static<typeof CaseResidentDetail>;
export type StaffStep = Static<typeof StaffStep>;
export type ResidentStep = Static<typeof ResidentStep>;
export type PhotoView = Static<typeof PhotoView>;
export type LineSuggestion = Static<typeof LineSuggestion>;
export type CategorySuggestion = Static<typeof CategorySuggestion>;
export type NearbyCase = Static<typeof NearbyCase>;
export type PlaceView = Static<typeof PlaceView>;
export type RegisteredPlace = Static<typeof RegisteredPlace>;
export type Candidate = Static<typeof Candidate>;
export type CandidateList = Static<typeof CandidateList>;
export type RevealedReporter = Static<typeof RevealedReporter>;
export type NotificationView = Static<typeof NotificationView>;
export type QueueName = Static<typeof QueueQuery>['queue'];
export type QueueView = (typeof QUEUE_VIEWS)[number];
export type QueueQuery = Static<typeof QueueQuery>;
export type CaseListQuery = Static<typeof CaseExportQuery>;
