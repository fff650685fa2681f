/** The three lists' contract: problems (a keyset page), tasks, effects, the resident's answer, the counts. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { Day as CstDay } from '../../platform/drill';
import { PageOf, PageQueryFields } from '../../platform/page';
import { CONFIRMATIONS, PROBLEM_SOURCES, PROBLEM_STATES, RESULT_KINDS } from './worklists.labels';

const Code = Type.String({ pattern: '^[0-9]{2,15}$', description: 'division code' });
const Title = Type.String({ minLength: 1, maxLength: 100 });
const Text = Type.String({ minLength: 1, maxLength: 2000 });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (China Standard Time)' });
const UnitRef = Type.String({ minLength: 1, maxLength: 64, description: 'the partner unit (共建单位) it belongs to' });

export const NewTask = Type.Object(
  { title: Title, ownerId: Type.String({ format: 'uuid' }), deadline: Day },
  { ...Closed, description: 'a task: owner (staff covering the village) and deadline date' },
);
export type NewTask = Static<typeof NewTask>;

export const NewProblemBody = Type.Object(
  {
    villageCode: Code,
    source: literals(['meeting', 'proposal', 'case', 'manual'] as const),
    sourceRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'what it came from; for `case`, required: the case number (or id), readable by you, in the village',
      }),
    ),
    unitRef: Type.Optional(UnitRef),
    title: Title,
    description: Text,
    tasks: Type.Optional(Type.Array(NewTask, { maxItems: 20 })),
  },
  Closed,
);
export type NewProblemBody = Static<typeof NewProblemBody>;

export const ProblemQuery = Type.Object(
  {
    scope: Type.Optional(Code),
    state: Type.Optional(literals(PROBLEM_STATES)),
    source: Type.Optional(literals(PROBLEM_SOURCES)),
    unitRef: Type.Optional(UnitRef),
    from: Type.Optional(CstDay('listed on or after this day (Asia/Shanghai; a cockpit drill)')),
    to: Type.Optional(CstDay('listed on or before this day (Asia/Shanghai)')),
    ...PageQueryFields,
  },
  Closed,
);
export type ProblemQuery = Static<typeof ProblemQuery>;

export const Problem = Type.Object(
  {
    id: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    unitRef: Nullable(Type.String()),
    source: literals(PROBLEM_SOURCES),
    sourceRef: Nullable(Type.String()),
    title: Type.String(),
    description: Type.String(),
    subject: Nullable(Type.String({ description: 'who it concerns, masked (e.g. 王*)' })),
    raisedByResident: Type.Boolean(),
    state: literals(PROBLEM_STATES),
    createdAt: DateTime,
    closedAt: NullableDateTime,
    tasksTotal: Type.Integer(),
    tasksOpen: Type.Integer(),
  },
  Closed,
);
export type Problem = Static<typeof Problem>;
export const ProblemPage = PageOf(Problem);

export const Task = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    ownerId: Type.String(),
    ownerName: Type.String(),
    deadline: Type.String(),
    late: Type.Boolean(),
    doneAt: NullableDateTime,
    outcome: Nullable(Type.String()),
  },
  Closed,
);
export type Task = Static<typeof Task>;

export const Effect = Type.Object(
  {
    summary: Type.String(),
    resultKind: literals(RESULT_KINDS),
    recordedAt: DateTime,
    confirmation: literals(CONFIRMATIONS),
    confirmedAt: NullableDateTime,
    comment: Nullable(Type.String()),
  },
  Closed,
);

export const ProblemDetail = Type.Object(
  {
    problem: Problem,
    tasks: Type.Array(Task),
    effect: Nullable(Effect),
    actions: Type.Array(literals(['add_task', 'record_effect', 'confirm'] as const)),
  },
  Closed,
);
export type ProblemDetail = Static<typeof ProblemDetail>;

export const TaskDoneBody = Type.Object({ outcome: Text }, Closed);
export const EffectBody = Type.Object({ summary: Text, resultKind: literals(RESULT_KINDS) }, Closed);
export const ConfirmBody = Type.Object(
  { confirmed: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 500 })) },
  Closed,
);

export const SummaryQuery = Type.Object(
  { scope: Type.Optional(Code), by: literals(['village', 'unit'] as const) },
  Closed,
);
export type SummaryQuery = Static<typeof SummaryQuery>;

const SummaryCounts = {
  problems: Type.Integer(),
  open: Type.Integer(),
  closed: Type.Integer(),
  tasks: Type.Integer(),
  tasksLate: Type.Integer(),
  confirmed: Type.Integer(),
  results: Type.Record(Type.String(), Type.Integer(), { description: '"七个一" results per kind (closed problems)' }),
};
export const Summary = Type.Object(
  {
    scope: Type.String(),
    by: literals(['village', 'unit'] as const),
    rows: Type.Array(
      Type.Object({ key: Nullable(Type.String()), name: Nullable(Type.String()), ...SummaryCounts }, Closed),
    ),
    total: Type.Object(SummaryCounts, Closed),
  },
  Closed,
);
export type Summary = Static<typeof Summary>;
export const Created = Type.Object({ id: Type.String() }, Closed);
