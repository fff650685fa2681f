/** Woodpecker enrolment's contract: the resident's application and state, the officers' review and roster. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { APPLICATION_STATES } from './woodpeckers.labels';

const Code = Type.String({ pattern: '^[0-9]{2,15}$', description: 'division code' });
const Village = Type.String({ pattern: '^[0-9]{12}$', description: 'village or community code (12 digits)' });

export const ApplyBody = Type.Object(
  {
    villageCode: Village,
    statement: Type.Optional(Type.String({ maxLength: 500, description: 'why they want to join (optional)' })),
  },
  Closed,
);
export type ApplyBody = Static<typeof ApplyBody>;

export const DecisionBody = Type.Object(
  {
    decision: literals(['approve', 'decline'] as const),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'required when declining' })),
  },
  Closed,
);
export type DecisionBody = Static<typeof DecisionBody>;

export const Place = Type.Object({ code: Type.String(), name: Type.String() }, Closed);

export const Application = Type.Object(
  {
    id: Type.String(),
    applicantName: Type.String(),
    phoneMasked: Nullable(Type.String()),
    villageCode: Type.String(),
    villageName: Type.String(),
    statement: Nullable(Type.String()),
    state: literals(APPLICATION_STATES),
    appliedAt: DateTime,
    decidedAt: NullableDateTime,
    deciderName: Nullable(Type.String()),
    reason: Nullable(Type.String()),
  },
  Closed,
);
export type Application = Static<typeof Application>;
export const ApplicationPage = PageOf(Application);

export const MyEnrolment = Type.Object(
  {
    villages: Type.Array(Place, { description: 'the villages the person may apply to (their own)' }),
    memberships: Type.Array(
      Type.Object({ villageCode: Type.String(), villageName: Type.String(), since: DateTime }, Closed),
    ),
    applications: Type.Array(Application),
  },
  Closed,
);
export type MyEnrolment = Static<typeof MyEnrolment>;

export const ApplicationQuery = Type.Object(
  { scope: Type.Optional(Code), state: Type.Optional(literals(APPLICATION_STATES)), ...PageQueryFields },
  Closed,
);
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const RosterQuery = Type.Object({ scope: Type.Optional(Code), ...PageQueryFields }, Closed);
export type RosterQuery = Static<typeof RosterQuery>;
export const ExportQuery = Type.Object({ scope: Type.Optional(Code) }, Closed);

export const RosterLine = Type.Object(
  {
    userId: Type.String(),
    name: Type.String(),
    phoneMasked: Nullable(Type.String()),
    villageCode: Type.String(),
    villageName: Type.String(),
    since: DateTime,
    statement: Nullable(Type.String()),
    viaApplication: Type.Boolean(),
  },
  Closed,
);
export type RosterLine = Static<typeof RosterLine>;
export const RosterPage = PageOf(RosterLine);
