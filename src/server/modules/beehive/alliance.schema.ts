/** The contract of the alliance's members and the 五帮 routing. The web imports the `Static<>` types. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { HELP_BODIES, MEMBER_KINDS, REQUEST_KINDS } from './beehive.labels';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date', description: 'YYYY-MM-DD' });

export const MemberBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: literals(MEMBER_KINDS),
    platformName: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    answersRequests: Type.Optional(
      Type.Boolean({ description: "a platform's local station answers its workers' requests" }),
    ),
    partyOrgCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    joinedOn: Day,
    leftOn: Type.Optional(Nullable(Day)),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  Closed,
);
export type MemberBody = Static<typeof MemberBody>;

export const Member = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: literals(MEMBER_KINDS),
  platformName: Nullable(Type.String()),
  departmentCode: Nullable(Type.String()),
  answersRequests: Type.Boolean(),
  partyOrgCode: Nullable(Type.String()),
  partyOrgName: Nullable(Type.String()),
  joinedOn: Type.String(),
  leftOn: Nullable(Type.String()),
  note: Type.String(),
  workers: Nullable(Type.Integer({ description: 'registered workers naming this platform' })),
});
export type Member = Static<typeof Member>;
export const Members = Type.Object({ items: Type.Array(Member) });
export type Members = Static<typeof Members>;

export const PublicMembers = Type.Object({
  items: Type.Array(
    Type.Object({ name: Type.String(), kind: literals(MEMBER_KINDS), platformName: Nullable(Type.String()) }),
  ),
});
export type PublicMembers = Static<typeof PublicMembers>;

export const RouteBody = Type.Object(
  { body: literals(HELP_BODIES), workingDays: Type.Integer({ minimum: 1, maximum: 60 }) },
  Closed,
);
export type RouteBody = Static<typeof RouteBody>;
export const RouteParams = Type.Object({ kind: literals(REQUEST_KINDS) }, Closed);

export const Routes = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: literals(REQUEST_KINDS),
      kindName: Type.String(),
      body: literals(HELP_BODIES),
      workingDays: Type.Integer(),
      custom: Type.Boolean({ description: 'changed by the county (else the default)' }),
    }),
  ),
});
export type Routes = Static<typeof Routes>;
