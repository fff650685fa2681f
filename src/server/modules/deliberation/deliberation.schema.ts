/**
 * The deliberation module's contract: meetings, rosters, sign-in, motions and tallies, the meeting
 * types' defaults. Matters and the board are in matters.schema.ts. The web imports the `Static<>` types.
 */
import Type, { type Static } from 'typebox';
import { Closed, IdParams, Nullable, literals } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import {
  MEETING_STATES,
  MEETING_TYPES,
  MOTION_KINDS,
  MOTION_STATES,
  OWN_FRACTIONS,
  VOTE_METHODS,
} from './deliberation.labels';

export { IdParams };
export { PageQuery, type PageRequest } from '../../platform/page';

export const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() }, Closed);
export const MeetingType = literals(MEETING_TYPES);
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Area = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'floor area in dm² (0.01 m²)' });

export const RuleCheck = Type.Object(
  {
    rule: Type.String(),
    article: Type.String(),
    unit: literals(['people', 'households', 'area_dm2']),
    required: Type.Integer(),
    present: Type.Integer(),
    met: Type.Boolean(),
    explanation: Bilingual,
  },
  Closed,
);
export const RuleResult = Type.Object(
  { ...RuleCheck.properties, join: literals(['one', 'any', 'all']), parts: Type.Array(RuleCheck) },
  Closed,
);

export const Turnout = Type.Object(
  {
    members: Type.Integer(),
    present: Type.Integer(),
    households: Type.Optional(Type.Integer()),
    householdsPresent: Type.Optional(Type.Integer()),
    areaDm2: Type.Optional(Type.Integer()),
    areaPresentDm2: Type.Optional(Type.Integer()),
  },
  Closed,
);

export const Tally = Type.Object(
  {
    yes: Count,
    no: Count,
    abstain: Count,
    yesAreaDm2: Type.Optional(Area),
    noAreaDm2: Type.Optional(Area),
    abstainAreaDm2: Type.Optional(Area),
  },
  Closed,
);
export type TallyInput = Static<typeof Tally>;

/** A council meeting type's quorum and majority (its regulation's or its own rules; the statutory types have none). */
export const OwnRule = Type.Object(
  {
    quorum: literals(OWN_FRACTIONS),
    decision: literals(OWN_FRACTIONS),
    base: literals(['present', 'members'], { description: 'the majority counted of those present, or of all members' }),
  },
  Closed,
);

export const TypeRules = Type.Object(
  {
    meetingType: MeetingType,
    noticeDays: Type.Integer(),
    proxiesAllowed: Type.Boolean(),
    maxProxies: Type.Integer(),
    ownRule: Nullable(OwnRule),
    updatedAt: NullableDateTime,
  },
  Closed,
);
export const TypeRulesList = Type.Object({ items: Type.Array(TypeRules) }, Closed);
export const TypeParams = Type.Object({ type: MeetingType });
export const TypeRulesBody = Type.Object(
  {
    noticeDays: Type.Integer({ minimum: 0, maximum: 60 }),
    proxiesAllowed: Type.Boolean(),
    maxProxies: Type.Integer({ minimum: 0, maximum: 10 }),
    ownRule: Type.Optional(OwnRule),
  },
  Closed,
);

export const NewMeeting = Type.Object(
  {
    meetingType: MeetingType,
    bodyCode: Type.String({
      pattern: '^[0-9]{12}(C[0-9]{3})?$',
      description: 'the village or community (12 digits); a villager group or compound for group and owners meetings',
    }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    agenda: Type.String({ minLength: 1, maxLength: 5000 }),
    location: Type.Optional(Type.String({ maxLength: 200 })),
    startsAt: DateTime,
    noticedAt: Type.Optional(
      Type.Unsafe<Date | string>({
        type: 'string',
        format: 'date-time',
        description: 'when the notice was posted (a paper notice recorded later); now if omitted; never in the future',
      }),
    ),
  },
  Closed,
);
export type NewMeetingInput = Static<typeof NewMeeting>;
/** A council's meeting: the type is its kind's, the body its place, the roster its members. */
export const NewCouncilMeeting = Type.Omit(NewMeeting, ['meetingType', 'bodyCode']);

export const Motion = Type.Object(
  {
    id: Type.String(),
    seq: Type.Integer(),
    title: Type.String(),
    kind: literals(MOTION_KINDS),
    method: literals(VOTE_METHODS),
    state: literals(MOTION_STATES),
    tally: Nullable(Tally),
    turnout: Nullable(Turnout),
    quorum: Nullable(RuleResult),
    result: Nullable(
      Type.Object({ passed: Type.Boolean(), rule: Type.String(), explanation: Bilingual, check: RuleResult }, Closed),
    ),
    enteredBy: Nullable(Type.String()),
    confirmedBy: Nullable(Type.String()),
    enteredAt: NullableDateTime,
    confirmedAt: NullableDateTime,
    actions: Type.Array(literals(['enter', 'confirm'])),
  },
  Closed,
);

const Warning = Type.Object({ rule: Type.String(), article: Type.String(), explanation: Bilingual }, Closed);

export const MeetingSummary = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    bodyCode: Type.String(),
    councilId: Nullable(Type.String({ description: 'the council (两会) holding it, its members the roster' })),
    meetingType: MeetingType,
    title: Type.String(),
    location: Type.String(),
    noticedAt: DateTime,
    startsAt: DateTime,
    state: literals(MEETING_STATES),
  },
  Closed,
);
export const MeetingPage = PageOf(MeetingSummary);

export const Meeting = Type.Object(
  {
    ...MeetingSummary.properties,
    agenda: Type.String(),
    minutes: Type.String(),
    signinCode: Type.String({ description: '6 digits; the QR code carries /m/deliberation/sign-in?code=…' }),
    proxiesAllowed: Type.Boolean(),
    turnout: Turnout,
    quorum: Type.Object(
      {
        rule: Type.String(),
        required: Type.Integer(),
        present: Type.Integer(),
        met: Type.Boolean(),
        explanation: Bilingual,
        check: RuleResult,
      },
      Closed,
    ),
    warnings: Type.Array(Warning),
    motions: Type.Array(Motion),
    actions: Type.Array(literals(['open', 'close', 'cancel', 'sign_in', 'motion'])),
  },
  Closed,
);
export type MeetingView = Static<typeof Meeting>;

export const Quorum = Type.Object(
  { state: literals(MEETING_STATES), turnout: Turnout, quorum: RuleResult },
  { ...Closed, description: 'the live quorum panel (poll it)' },
);

export const RosterEntry = Type.Object(
  {
    residentId: Type.String(),
    name: Type.String(),
    householdCode: Type.String(),
    areaDm2: Type.Integer(),
    voting: Type.Boolean(),
    representative: Type.Boolean(),
    present: Type.Boolean(),
    via: Nullable(Type.String()),
    proxyHolderId: Nullable(Type.String()),
  },
  Closed,
);
export const RosterPage = PageOf(RosterEntry);

export const CloseBody = Type.Object({ minutes: Type.String({ maxLength: 20_000 }) }, Closed);

export const StaffSignIn = Type.Object(
  {
    residentId: Type.String({ format: 'uuid' }),
    proxyHolderId: Type.Optional(Type.String({ format: 'uuid', description: 'the roster member holding the proxy' })),
  },
  Closed,
);

export const CodeSignIn = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    onBehalfOf: Type.Optional(Type.String({ format: 'uuid', description: 'a roster member whose proxy I hold' })),
  },
  Closed,
);

export const SignInResult = Type.Object(
  {
    meetingId: Type.String(),
    title: Type.String(),
    residentId: Type.String(),
    alreadySignedIn: Type.Boolean(),
    quorum: RuleResult,
  },
  Closed,
);

export const MyMeeting = Type.Object(
  { ...MeetingSummary.properties, agenda: Type.String(), present: Type.Boolean() },
  Closed,
);
export const MyMeetingPage = PageOf(MyMeeting);

export const NewMotion = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    kind: Type.Optional(literals(MOTION_KINDS)),
    method: literals(VOTE_METHODS),
  },
  Closed,
);

export const ListQuery = Type.Object({ ...PageQueryFields }, Closed);

export const BodyMembers = Type.Object(
  {
    divisionCode: Type.String({ pattern: '^[0-9]{12}$' }),
    body: literals(['representatives', 'village_committee', 'party_committee']),
    residentIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }),
  },
  Closed,
);
export const BodyMembersAdded = Type.Object({ added: Type.Integer() }, Closed);
