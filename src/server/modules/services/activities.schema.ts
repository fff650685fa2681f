/** The contract of the service-activity routes (issue #14 item 2); the web imports its `Static<>` types. */
import { DrillQueryFields } from '../../platform/drill';
import Type, { type Static } from 'typebox';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { ACTIVITY_KINDS, AUDIENCES, ORGANISER_KINDS, SIGNUP_STATES } from './services.labels';

export { IdParams };
export const DivisionCode = Type.String({ pattern: '^[0-9]{6,15}$' });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const ActivityInput = Type.Object(
  {
    title: Text(100),
    kind: literals(ACTIVITY_KINDS),
    description: Type.Optional(Text(2000, 0)),
    divisionCode: DivisionCode,
    organiserKind: literals(ORGANISER_KINDS),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    partyOrgCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}-[0-9]{2}$' })),
    place: Text(200),
    lng: Lng,
    lat: Lat,
    radiusM: Type.Optional(Type.Integer({ minimum: 20, maximum: 5000, description: 'check-in radius, default 300 m' })),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    audience: literals(AUDIENCES),
  },
  Closed,
);
export type ActivityInput = Static<typeof ActivityInput>;

export const MySignup = Type.Object(
  {
    id: Type.String(),
    state: literals(SIGNUP_STATES),
    waitingPosition: Nullable(Type.Integer({ description: '1 = next to be promoted' })),
    checkedInAt: NullableDateTime,
    checkedOutAt: NullableDateTime,
    hours: Nullable(Type.Number()),
    confirmedAt: NullableDateTime,
  },
  Closed,
);
export type MySignup = Static<typeof MySignup>;

export const Activity = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    kind: literals(ACTIVITY_KINDS),
    description: Type.String(),
    divisionCode: Type.String(),
    divisionName: Type.String(),
    organiserKind: literals(ORGANISER_KINDS),
    unitId: Nullable(Type.String()),
    unitName: Nullable(Type.String()),
    partyOrgCode: Nullable(Type.String()),
    place: Type.String(),
    lng: Type.Number(),
    lat: Type.Number(),
    radiusM: Type.Integer(),
    startsAt: DateTime,
    endsAt: DateTime,
    capacity: Type.Integer(),
    enrolled: Type.Integer(),
    waiting: Type.Integer(),
    audience: literals(AUDIENCES),
    state: literals(['published', 'cancelled']),
    mine: Nullable(MySignup),
    organiser: Type.Boolean({ description: 'the reader organises it (sees the check-in code and the sign-ups)' }),
    checkinCode: Nullable(Type.String({ description: 'organisers only: the 6 digits shown at the place' })),
    checkinPath: Nullable(
      Type.String({
        description:
          'organisers only: the resident-app path the QR code at the place leads to (/m/activities/<id>?code=<code>; the console prefixes its origin)',
      }),
    ),
  },
  Closed,
);
export type Activity = Static<typeof Activity>;
export const ActivityPage = PageOf(Activity);

export const ActivityQuery = Type.Object(
  {
    ...PageQueryFields,
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  Closed,
);
export type ActivityQuery = Static<typeof ActivityQuery>;
/** The console's list: a place within the actor's and the days the activities start on (a cockpit drill). */
export const ConsoleActivityQuery = Type.Object(
  {
    ...PageQueryFields,
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
    ...DrillQueryFields,
  },
  Closed,
);
export type ConsoleActivityQuery = Static<typeof ConsoleActivityQuery>;

export const CheckBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 300,
      description:
        'the 6 digits, or the check-in URL / path of the QR code at the place (/m/activities/<id>?code=<code>)',
    }),
    lng: Lng,
    lat: Lat,
  },
  Closed,
);
export type CheckBody = Static<typeof CheckBody>;

export const Signup = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    userName: Type.String(),
    phoneMasked: Nullable(Type.String()),
    state: literals(SIGNUP_STATES),
    createdAt: DateTime,
    checkedInAt: NullableDateTime,
    checkedInBy: Nullable(literals(['self', 'organiser'])),
    checkedOutAt: NullableDateTime,
    checkedOutBy: Nullable(literals(['self', 'organiser'])),
    hours: Nullable(Type.Number()),
    confirmedAt: NullableDateTime,
    pointsAwardId: Nullable(Type.String()),
  },
  Closed,
);
export type Signup = Static<typeof Signup>;
export const SignupList = Type.Array(Signup);

export const AttendanceBody = Type.Object({ step: literals(['checkin', 'checkout']) }, Closed);
export const ConfirmBody = Type.Object(
  {
    hours: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 24, multipleOf: 0.25, description: 'default: from check-in/out' }),
    ),
  },
  Closed,
);
export type ConfirmBody = Static<typeof ConfirmBody>;
export const Confirmation = Type.Object(
  { signup: Signup, points: Nullable(Type.Integer({ description: 'points of the award created (pending review)' })) },
  Closed,
);

export const MyActivity = Type.Object(
  {
    activityId: Type.String(),
    title: Type.String(),
    place: Type.String(),
    startsAt: DateTime,
    endsAt: DateTime,
    signup: MySignup,
  },
  Closed,
);
export type MyActivity = Static<typeof MyActivity>;
export const MyActivityPage = PageOf(MyActivity);
export const MyHours = Type.Object(
  { hours: Type.Number(), activities: Type.Integer({ description: 'activities with confirmed hours' }) },
  Closed,
);
export type MyHours = Static<typeof MyHours>;
export const PageQuery = Type.Object(PageQueryFields, Closed);
