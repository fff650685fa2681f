/** The contract of 四议两公开 matters and the 村务公开 board. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable, literals } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { DISCLOSURE_CATEGORIES, MATTER_EVENTS, MATTER_STATES } from './deliberation.labels';
import { Motion } from './deliberation.schema';

const Village = Type.String({ pattern: '^[0-9]{12}$', description: 'the village or community' });
const DecisionBody = literals(['villagers', 'representatives']);

export const NewMatter = Type.Object(
  {
    divisionCode: Village,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    decisionBody: DecisionBody,
  },
  Closed,
);
export type NewMatterInput = Static<typeof NewMatter>;

export const StepBody = Type.Object(
  {
    event: literals(MATTER_EVENTS),
    motionId: Type.Optional(
      Type.String({ format: 'uuid', description: 'the voted motion (consult, review, resolve)' }),
    ),
    note: Type.Optional(
      Type.String({ maxLength: 5000, description: 'what was done (implement) or the result (publish_result)' }),
    ),
  },
  Closed,
);
export type StepInput = Static<typeof StepBody>;

export const Disclosure = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    category: literals(DISCLOSURE_CATEGORIES),
    title: Type.String(),
    body: Type.String(),
    matterId: Nullable(Type.String()),
    publishedAt: DateTime,
  },
  Closed,
);
export const DisclosurePage = PageOf(Disclosure);

export const NewDisclosure = Type.Object(
  {
    divisionCode: Village,
    category: literals(['affairs', 'finance', 'major']),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  Closed,
);

export const Step = Type.Object(
  {
    seq: Type.Integer(),
    event: Type.String(),
    outcome: literals(['proposed', 'passed', 'returned', 'rejected', 'done']),
    fromState: Nullable(literals(MATTER_STATES)),
    toState: literals(MATTER_STATES),
    meetingId: Nullable(Type.String()),
    meetingTitle: Nullable(Type.String()),
    motion: Nullable(Motion),
    disclosureId: Nullable(Type.String()),
    note: Type.String(),
    recordedAt: DateTime,
  },
  Closed,
);

export const MatterSummary = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    decisionBody: DecisionBody,
    state: literals(MATTER_STATES),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  Closed,
);
export const MatterPage = PageOf(MatterSummary);

export const Matter = Type.Object(
  {
    ...MatterSummary.properties,
    steps: Type.Array(Step),
    disclosures: Type.Array(Disclosure),
    actions: Type.Array(literals(MATTER_EVENTS)),
  },
  Closed,
);
export type MatterView = Static<typeof Matter>;

export const ScheduleQuery = Type.Object(
  { scope: Type.String({ pattern: '^[0-9]{6,12}$', description: 'a town (or county)' }), ...PageQueryFields },
  Closed,
);
const Due = Type.Object(
  { lastPublishedAt: NullableDateTime, dueAt: NullableDateTime, overdue: Type.Boolean() },
  Closed,
);
export const ScheduleRow = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    affairs: Due,
    finance: Due,
    lastMajorAt: NullableDateTime,
    article: Type.String(),
  },
  Closed,
);
export const SchedulePage = PageOf(ScheduleRow);
