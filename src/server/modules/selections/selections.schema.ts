/**
 * The selections module's contract (评选): every route's params, query, body and response. The
 * server validates and serialises with these; the web imports their `Static<>` types.
 */
import Type, { type Static } from 'typebox';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import {
  NOMINATION_ROUTES,
  NOMINEE_STATUSES,
  OBJECTION_OUTCOMES,
  PHASES,
  SELECTION_KINDS,
  SUBJECTS,
} from './selections.labels';

export { IdParams };
const Code = Type.String({ pattern: '^[0-9]{6,15}$' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
export const Phase = literals(PHASES);
const Fraction = Type.String({ description: 'an exact fraction "numerator/denominator"' });
const Decimal = Type.String({ description: 'the fraction rounded to 2 decimals, for display' });

export const SelectionQuery = Type.Object({ ...PageQueryFields, scope: Type.Optional(Code) }, Closed);

export const CriterionBody = Type.Object(
  {
    name: Text(60),
    weight: Type.Integer({ minimum: 1, maximum: 100, description: 'percent; the weights add up to 100' }),
    minScore: Type.Integer({ minimum: 0, maximum: 999 }),
    maxScore: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  Closed,
);

export const CreateSelectionBody = Type.Object(
  {
    kind: literals(SELECTION_KINDS),
    title: Text(200),
    divisionCode: Code,
    quota: Type.Integer({ minimum: 1, maximum: 1000 }),
    partyMemberRequired: Type.Optional(Type.Boolean({ description: 'default: true for 党员先锋岗, else false' })),
    endorsementsRequired: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, default: 5, description: '举荐 by residents: endorsements needed' }),
    ),
    panelWeight: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'percent of the panel score; the vote weighs the rest',
    }),
    trimmedMean: Type.Optional(Type.Boolean({ default: false })),
    criteria: Type.Array(CriterionBody, { minItems: 1, maxItems: 20 }),
    panel: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    nominationEndsAt: Type.String({ format: 'date-time' }),
    votingStartsAt: Type.String({ format: 'date-time' }),
    votingEndsAt: Type.String({ format: 'date-time' }),
    publicityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, default: 5 })),
    publicityCalendar: Type.Optional(literals(['working', 'calendar'], { default: 'working' })),
  },
  Closed,
);

const Criterion = Type.Object({
  position: Type.Integer(),
  name: Type.String(),
  weight: Type.Integer(),
  minScore: Type.Integer(),
  maxScore: Type.Integer(),
});

export const SelectionSummary = Type.Object({
  id: Type.String(),
  kind: literals(SELECTION_KINDS),
  subject: literals(SUBJECTS),
  title: Type.String(),
  divisionCode: Type.String(),
  divisionName: Type.String(),
  quota: Type.Integer(),
  phase: Phase,
  nominationEndsAt: DateTime,
  votingStartsAt: DateTime,
  votingEndsAt: DateTime,
  publicityEndsAt: NullableDateTime,
  createdAt: DateTime,
});
export const SelectionPage = PageOf(SelectionSummary);

export const SelectionAction = literals([
  'advance',
  'check',
  'paper_vote',
  'answer',
  'certify',
  'score',
  'nominate',
  'endorse',
  'vote',
  'object',
]);

export const Selection = Type.Object({
  ...SelectionSummary.properties,
  partyMemberRequired: Type.Boolean(),
  endorsementsRequired: Type.Integer(),
  panelWeight: Type.Integer(),
  voteWeight: Type.Integer(),
  trimmedMean: Type.Boolean(),
  publicityDays: Type.Integer(),
  publicityCalendar: literals(['working', 'calendar']),
  votingClosedAt: NullableDateTime,
  publishedAt: NullableDateTime,
  resultsAt: NullableDateTime,
  rankingRevision: Type.Integer(),
  criteria: Type.Array(Criterion),
  panel: Type.Array(Type.Object({ userId: Type.String(), displayName: Type.String() })),
  turnout: Type.Integer({ description: 'votes cast so far (whom for is shown only after close)' }),
  actions: Type.Array(SelectionAction),
});
export type SelectionView = Static<typeof Selection>;

export const Nominee = Type.Object({
  id: Type.String(),
  name: Type.String(),
  placeCode: Type.String(),
  placeName: Type.String(),
  route: literals(NOMINATION_ROUTES),
  statement: Type.String(),
  evidence: Type.String(),
  orgName: Nullable(Type.String()),
  status: literals(NOMINEE_STATUSES),
  checkNote: Nullable(Type.String()),
  endorsements: Type.Integer(),
  createdAt: DateTime,
});
export const NomineePage = PageOf(Nominee);
export const NomineeQuery = Type.Object(
  { ...PageQueryFields, status: Type.Optional(literals(NOMINEE_STATUSES)) },
  Closed,
);

export const NominateBody = Type.Object(
  {
    route: literals(NOMINATION_ROUTES),
    statement: Text(2000),
    evidence: Type.Optional(Text(2000, 0)),
    residentId: Type.Optional(Type.String({ format: 'uuid', description: 'staff: the register person' })),
    name: Type.Optional(Text(40, 1)),
    phone: Type.Optional(
      Type.String({ pattern: '^1[0-9]{10}$', description: 'a resident names a neighbour by name and mobile number' }),
    ),
    partyOrgCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}-[0-9]{2}$' })),
    subjectDivisionCode: Type.Optional(Code),
    orgName: Type.Optional(Text(100)),
  },
  Closed,
);

export const CheckBody = Type.Object({ eligible: Type.Boolean(), note: Text(500) }, Closed);
export const ConflictBody = Type.Object({ reason: Text(500) }, Closed);
export const ScoreBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        {
          criterion: Type.Integer({ minimum: 1, maximum: 20 }),
          score: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
        },
        Closed,
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  Closed,
);
export const NomineeParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  nomineeId: Type.String({ format: 'uuid' }),
});

export const PanelSheet = Type.Object({
  nomineeId: Type.String(),
  name: Type.String(),
  conflict: Nullable(Type.String()),
  scores: Type.Array(Type.Object({ criterion: Type.Integer(), score: Type.Integer() })),
});
export const PanelView = Type.Object({ items: Type.Array(PanelSheet) });

export const VoteBody = Type.Object(
  {
    nomineeId: Type.String({ format: 'uuid' }),
    device: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  Closed,
);
export const VoteResult = Type.Object({
  nomineeId: Type.String(),
  changed: Type.Boolean({ description: 'true when this replaced the person’s earlier vote' }),
  castAt: DateTime,
});
export const MyVote = Type.Object({
  verified: Type.Boolean({ description: 'whether you are a verified resident of the area (may vote)' }),
  vote: Nullable(Type.Object({ nomineeId: Type.String(), channel: literals(['online', 'paper']), castAt: DateTime })),
});

export const PaperVoteBody = Type.Object(
  {
    voterName: Text(40),
    voterIdNumber: Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' }),
    nomineeId: Type.String({ format: 'uuid' }),
  },
  Closed,
);
export const PaperVote = Type.Object({
  residentId: Type.String(),
  voterName: Type.String(),
  nomineeId: Type.String(),
  nomineeName: Type.String(),
  villageCode: Type.String(),
  enteredByName: Type.String(),
  confirmed: Type.Boolean(),
  castAt: DateTime,
  actions: Type.Array(literals(['confirm'])),
});
export const PaperVoteList = Type.Object({ items: Type.Array(PaperVote) });
export const PaperParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  residentId: Type.String({ format: 'uuid' }),
});

export const RankRow = Type.Object({
  position: Type.Integer(),
  nomineeId: Type.String(),
  name: Type.String(),
  placeName: Type.String(),
  panelScore: Fraction,
  panelScoreDisplay: Decimal,
  votes: Type.Integer(),
  combined: Fraction,
  combinedDisplay: Decimal,
  selected: Type.Boolean(),
});
export const Results = Type.Object({
  revision: Type.Integer(),
  formula: Type.String(),
  ranking: Type.Array(RankRow),
  byVillage: Type.Array(
    Type.Object({
      villageCode: Type.String(),
      villageName: Type.String(),
      nomineeId: Type.String(),
      votes: Type.Integer(),
    }),
  ),
});

export const VoteSigns = Type.Object({
  threshold: Type.Integer(),
  windowMinutes: Type.Integer(),
  items: Type.Array(
    Type.Object({
      by: literals(['ip', 'device']),
      value: Type.String(),
      votes: Type.Integer(),
      from: DateTime,
      to: DateTime,
    }),
  ),
});

export const AdvanceBody = Type.Object({ reason: Type.Optional(Text(500)) }, Closed);

export const ObjectionBody = Type.Object(
  { nomineeId: Type.Optional(Type.String({ format: 'uuid' })), reason: Text(1000, 5) },
  Closed,
);
export const AnswerBody = Type.Object({ outcome: literals(OBJECTION_OUTCOMES), answer: Text(1000) }, Closed);
export const Objection = Type.Object({
  id: Type.String(),
  nomineeId: Nullable(Type.String()),
  nomineeName: Nullable(Type.String()),
  reason: Type.String(),
  createdAt: DateTime,
  outcome: Nullable(literals(OBJECTION_OUTCOMES)),
  answer: Nullable(Type.String()),
  answeredAt: NullableDateTime,
  mine: Type.Boolean(),
});
export const ObjectionList = Type.Object({ items: Type.Array(Objection) });
export const Created = Type.Object({ id: Type.String() });

// the web's types (import type)
export type SelectionSummaryView = Static<typeof SelectionSummary>;
export type CreateSelectionInput = Static<typeof CreateSelectionBody>;
export type NomineeView = Static<typeof Nominee>;
export type PanelSheetView = Static<typeof PanelSheet>;
export type PaperVoteView = Static<typeof PaperVote>;
export type ResultsView = Static<typeof Results>;
export type VoteSignsView = Static<typeof VoteSigns>;
export type ObjectionView = Static<typeof Objection>;
export type MyVoteView = Static<typeof MyVote>;
