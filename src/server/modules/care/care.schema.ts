/** The care contract: the register (keyset pages), a person's record, due visits, visits, rates, settings. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { Day as CstDay } from '../../platform/drill';
import { PageOf, PageQueryFields } from '../../platform/page';
import { NewTask } from '../worklists';
import { RISK_TIERS } from './schedule.domain';

const Tier = literals(RISK_TIERS);
const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const Code = Type.String({ pattern: '^[0-9]{2,15}$', description: 'division code' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Note = Type.String({ maxLength: 500 });

export const Consent = Type.Object(
  {
    by: literals(['self', 'guardian'] as const),
    on: Day,
    note: Type.Optional(Note),
  },
  { ...Closed, description: 'the separate consent (本人或监护人同意) to keep the record and to visit' },
);

export const RegisterBody = Type.Object(
  {
    residentId: Type.String({ format: 'uuid' }),
    categories: Type.Array(Key, { minItems: 1, maxItems: 12, uniqueItems: true }),
    tier: Tier,
    workerId: Type.String({ format: 'uuid', description: 'the grid worker assigned to visit' }),
    consent: Consent,
    note: Type.Optional(Note),
  },
  Closed,
);
export type RegisterBody = Static<typeof RegisterBody>;

export const UpdateBody = Type.Object(
  {
    categories: Type.Optional(Type.Array(Key, { minItems: 1, maxItems: 12, uniqueItems: true })),
    tier: Type.Optional(Tier),
    workerId: Type.Optional(Type.String({ format: 'uuid' })),
    note: Type.Optional(Note),
  },
  Closed,
);
export type UpdateBody = Static<typeof UpdateBody>;

export const ChangeBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, Closed);

export const PersonQuery = Type.Object(
  {
    scope: Type.Optional(Code),
    tier: Type.Optional(Tier),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'part of the name' })),
    ...PageQueryFields,
  },
  Closed,
);
export type PersonQuery = Static<typeof PersonQuery>;

const Status = literals(['overdue', 'due', 'scheduled'] as const);

export const PersonLine = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    gender: literals(['M', 'F'] as const),
    birthDate: Type.String(),
    address: Type.String(),
    gridCode: Type.String(),
    gridName: Type.String(),
    categories: Type.Array(Type.String()),
    tier: Tier,
    workerId: Type.String(),
    workerName: Type.String(),
    dueAt: NullableDateTime,
    status: Nullable(Status),
  },
  Closed,
);
export type PersonLine = Static<typeof PersonLine>;
export const PersonPage = PageOf(PersonLine);

const AnswerSchema = Type.Object(
  { key: Key, answer: Type.String({ minLength: 1, maxLength: 500 }), concern: Type.Boolean() },
  Closed,
);

export const Visit = Type.Object(
  {
    id: Type.String(),
    visitedAt: DateTime,
    workerName: Type.String(),
    answers: Type.Array(AnswerSchema),
    summary: Nullable(Type.String()),
  },
  Closed,
);

export const PersonRecord = Type.Object(
  {
    person: PersonLine,
    consent: Type.Object(
      { by: literals(['self', 'guardian'] as const), on: Type.String(), note: Nullable(Type.String()) },
      Closed,
    ),
    note: Nullable(Type.String()),
    registeredAt: DateTime,
    visits: Type.Array(Visit),
    actions: Type.Array(literals(['visit', 'edit', 'report_change'] as const)),
  },
  Closed,
);
export type PersonRecord = Static<typeof PersonRecord>;

export const DueQuery = Type.Object(
  {
    status: Type.Optional(
      literals(['due', 'overdue', 'all'] as const, {
        description: 'due: due and overdue (default); overdue: past the deadline; all: every open visit',
      }),
    ),
    ...PageQueryFields,
  },
  Closed,
);
export type DueQuery = Static<typeof DueQuery>;

export const DueLine = Type.Object(
  {
    dueId: Type.Integer(),
    personId: Type.String(),
    name: Type.String(),
    address: Type.String(),
    gridCode: Type.String(),
    categories: Type.Array(Type.String()),
    tier: Tier,
    reason: literals(['registered', 'visited', 'change_reported', 'tier_changed'] as const),
    dueAt: DateTime,
    status: Status,
    lastVisitAt: NullableDateTime,
  },
  Closed,
);
export const DuePage = PageOf(DueLine);

export const Need = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    tasks: Type.Optional(Type.Array(NewTask, { maxItems: 10 })),
  },
  { ...Closed, description: 'a need found: listed as a problem on the three lists (source: visit)' },
);

export const VisitBody = Type.Object(
  {
    visitedAt: Type.Optional(Type.String({ format: 'date-time' })),
    answers: Type.Array(AnswerSchema, { minItems: 1, maxItems: 30 }),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    needs: Type.Optional(Type.Array(Need, { maxItems: 10 })),
  },
  Closed,
);
export type VisitBody = Static<typeof VisitBody>;

export const VisitResult = Type.Object(
  { visitId: Type.String(), nextDueAt: DateTime, problemIds: Type.Array(Type.String()) },
  Closed,
);

export const RateQuery = Type.Object(
  {
    scope: Type.Optional(Code),
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'YYYY-MM (CST)' })),
    from: Type.Optional(CstDay('instead of a month (a cockpit drill): the first day of the period (CST), with `to`')),
    to: Type.Optional(CstDay('the last day of the period (CST), with `from`')),
  },
  Closed,
);
export type RateQuery = Static<typeof RateQuery>;

const RateFields = {
  due: Type.Integer({ description: 'visits due in the month (due in it, or overdue and open when it began)' }),
  met: Type.Integer({ description: 'of those, made before the month ended' }),
  rate: Nullable(Type.Number({ description: 'percent, one decimal; goal 100' })),
};
export const RateTable = Type.Object(
  {
    scope: Type.String(),
    month: Type.String({ description: 'the month asked for, or the period as `from/to`' }),
    rows: Type.Array(Type.Object({ gridCode: Type.String(), gridName: Type.String(), ...RateFields }, Closed)),
    total: Type.Object(RateFields, Closed),
  },
  Closed,
);
export type RateTable = Static<typeof RateTable>;

const Labelled = Type.Object(
  { key: Key, zh: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 120 }) },
  Closed,
);
const Whole = (min: number, max: number) => Type.Integer({ minimum: min, maximum: max });
export const Settings = Type.Object(
  {
    schedule: Type.Object(
      {
        high: Type.Object({ firstHours: Whole(1, 168), everyDays: Whole(1, 31) }, Closed),
        key: Type.Object({ everyMonths: Whole(1, 12) }, Closed),
        general: Type.Object({ everyMonths: Whole(1, 12) }, Closed),
      },
      Closed,
    ),
    categories: Type.Array(Labelled, { minItems: 1, maxItems: 30 }),
    questions: Type.Array(Labelled, { minItems: 9, maxItems: 9 }),
  },
  Closed,
);
export type Settings = Static<typeof Settings>;
export const SettingsQuery = Type.Object({ county: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }, Closed);
export const Created = Type.Object({ id: Type.String() }, Closed);
export const ExportQuery = Type.Object({ scope: Type.Optional(Code) }, Closed);
export const CountyParams = Type.Object({ county: Type.String({ pattern: '^[0-9]{6}$' }) }, Closed);

/** A visit's need filed as a case on the resident's behalf (source 'visit', located at their household). */
export const NeedCaseBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 32 }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  Closed,
);
export type NeedCaseBody = Static<typeof NeedCaseBody>;
export type Need = Static<typeof Need>;
export const VisitOutcomes = Type.Array(
  Type.Object(
    {
      kind: literals(['case', 'problem'] as const),
      id: Type.String(),
      label: Type.String({ description: 'the case number or the problem title' }),
    },
    Closed,
  ),
);
export const NeedCaseResult = Type.Object({ id: Type.String(), number: Type.String() }, Closed);
export const NeedProblemResult = Type.Object({ id: Type.String() }, Closed);
