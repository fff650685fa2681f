/** The contract of 共谋 proposals: supports, comments, official answers and the meetings they oblige. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable, literals } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf } from '../../platform/page';

const States = ['open', 'answered', 'adopted', 'declined'] as const;

export const NewProposal = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    body: Type.String({ minLength: 2, maxLength: 5000 }),
    divisionCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{12}$',
        description: 'staff: the village; residents: their own (taken from the register)',
      }),
    ),
    source: Type.Optional(
      literals(['branch', 'committee'], { description: 'staff: on behalf of the branch or the committees' }),
    ),
  },
  Closed,
);
export type NewProposalInput = Static<typeof NewProposal>;

export const ProposalSummary = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    source: literals(['resident', 'party_member', 'branch', 'committee']),
    title: Type.String(),
    body: Type.String(),
    state: literals(States),
    answer: Nullable(Type.String()),
    answeredAt: NullableDateTime,
    createdAt: DateTime,
    supports: Type.Integer(),
  },
  Closed,
);
export const ProposalPage = PageOf(ProposalSummary);

const Obligation = Type.Object(
  {
    meeting: literals(['villagers', 'representatives']),
    rule: Type.String(),
    article: Type.String(),
    required: Type.Integer(),
    present: Type.Integer(),
    met: Type.Boolean(),
  },
  Closed,
);

export const Proposal = Type.Object(
  {
    ...ProposalSummary.properties,
    comments: Type.Array(
      Type.Object({ id: Type.String(), author: Type.String(), body: Type.String(), createdAt: DateTime }, Closed),
    ),
    obligations: Type.Array(Obligation, { description: 'supports that oblige a meeting (§21, §26)' }),
    actions: Type.Array(literals(['support', 'comment', 'answer'])),
  },
  Closed,
);
export type ProposalView = Static<typeof Proposal>;

export const SupportResult = Type.Object({ supports: Type.Integer(), alreadySupported: Type.Boolean() }, Closed);
export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) }, Closed);
export const AnswerBody = Type.Object(
  { state: literals(['answered', 'adopted', 'declined']), answer: Type.String({ minLength: 2, maxLength: 5000 }) },
  Closed,
);
