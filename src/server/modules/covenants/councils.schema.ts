/** The contract of the councils (两会) and the 红白事 register. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable, literals } from '../../platform/http/schema-helpers';
import { DateTime } from '../../platform/http/types';
import { PageOf } from '../../platform/page';
import { COUNCIL_KINDS, COUNCIL_ROLES, EVENT_KINDS } from './covenants.labels';
import { Day, Village } from './covenants.schema';

export const NewCouncil = Type.Object(
  { divisionCode: Village, kind: literals(COUNCIL_KINDS), name: Type.String({ minLength: 1, maxLength: 100 }) },
  Closed,
);

export const NewTerm = Type.Object(
  {
    startsOn: Day,
    endsOn: Day,
    members: Type.Array(
      Type.Object({ residentId: Type.String({ format: 'uuid' }), role: literals(COUNCIL_ROLES) }, Closed),
      { minItems: 1, maxItems: 50 },
    ),
  },
  Closed,
);
export type NewTermInput = Static<typeof NewTerm>;

export const Term = Type.Object(
  {
    id: Type.String(),
    startsOn: Type.String(),
    endsOn: Type.String(),
    members: Type.Array(
      Type.Object({ residentId: Type.String(), name: Type.String(), role: literals(COUNCIL_ROLES) }, Closed),
    ),
  },
  Closed,
);

export const Council = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    divisionName: Type.String(),
    kind: literals(COUNCIL_KINDS),
    name: Type.String(),
    createdAt: DateTime,
    terms: Type.Array(Term),
    currentTermId: Nullable(Type.String()),
    actions: Type.Array(literals(['term'])),
  },
  Closed,
);
export type CouncilView = Static<typeof Council>;
export const CouncilPage = PageOf(Council);

export const NewEvent = Type.Object(
  {
    divisionCode: Village,
    family: Type.String({ minLength: 1, maxLength: 100, description: '户主 or family name' }),
    kind: literals(EVENT_KINDS),
    heldOn: Day,
    tables: Type.Integer({ minimum: 0, maximum: 10_000 }),
    days: Type.Integer({ minimum: 1, maximum: 60 }),
    costFen: Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: 'cost in fen (0.01 yuan)' }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  Closed,
);

export const FamilyEvent = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    family: Type.String(),
    kind: literals(EVENT_KINDS),
    heldOn: Type.String(),
    tables: Type.Integer(),
    days: Type.Integer(),
    costFen: Type.Integer(),
    note: Type.String(),
    versionId: Nullable(Type.String({ description: 'the article exceeded or checked: covenant version…' })),
    articleNumber: Nullable(
      Type.Integer({ description: '…and article number (GET /api/covenant-articles/{versionId}/{number})' }),
    ),
    overTables: Type.Boolean(),
    overDays: Type.Boolean(),
    recordedAt: DateTime,
  },
  Closed,
);
export type FamilyEventView = Static<typeof FamilyEvent>;
export const FamilyEventPage = PageOf(FamilyEvent);
