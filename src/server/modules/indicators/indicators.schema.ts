/** The indicators module's contract: the ranked table, the cases behind one figure (a keyset page), the xlsx export. */
import Type, { type Static, type TSchema } from 'typebox';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { COUNT_KEYS, DIMENSIONS, MEASURES, SORT_KEYS } from './indicators.domain';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';

const Instant = Type.String({
  maxLength: 40,
  description: 'YYYY-MM-DD (midnight UTC+8) or an ISO date-time with offset',
});
const Scope = Type.String({
  pattern: '^[0-9]{2,24}$',
  description: 'division code: the subtree counted (default: your own)',
});

export const TableQuery = Type.Object(
  {
    dimension: literals(DIMENSIONS),
    scope: Type.Optional(Scope),
    from: Instant,
    to: Type.String({ maxLength: 40, description: 'exclusive end of the period (same forms as from)' }),
    sort: Type.Optional(literals(SORT_KEYS)),
  },
  Closed,
);
export type TableQuery = Static<typeof TableQuery>;

export const DrillQuery = Type.Object(
  {
    dimension: literals(DIMENSIONS),
    key: Type.String({ minLength: 1, maxLength: 40, description: "the row's code; 'none' for the unassigned row" }),
    scope: Type.Optional(Scope),
    from: Instant,
    to: Instant,
    measure: literals(MEASURES),
    ...PageQueryFields,
  },
  Closed,
);
export type DrillQuery = Static<typeof DrillQuery>;

const Rate = Nullable(Type.Number({ description: 'a percentage with one decimal; null when nothing to divide by' }));
const IndicatorFields = {
  received: Type.Integer(),
  filed: Type.Integer(),
  due: Type.Integer(),
  closed: Type.Integer(),
  closureRate: Rate,
  onTimeRate: Rate,
  reworkRate: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  avgHandlingHours: Nullable(Type.Number({ description: 'hours, one decimal' })),
};
const Counts = Type.Object(
  Object.fromEntries(COUNT_KEYS.map((k) => [k, k === 'handlingHours' ? Type.Number() : Type.Integer()])) as Record<
    (typeof COUNT_KEYS)[number],
    ReturnType<typeof Type.Number>
  >,
  { description: 'the counts behind the indicators' },
);

export const IndicatorRow = Type.Object({
  rank: Nullable(Type.Integer()),
  key: Nullable(Type.String({ description: 'the group’s code; null for cases with none' })),
  name: Nullable(Type.String()),
  nameEn: Nullable(Type.String()),
  counts: Counts,
  ...IndicatorFields,
});
export type IndicatorRow = Static<typeof IndicatorRow>;

export const IndicatorTable = Type.Object({
  dimension: literals(DIMENSIONS),
  scope: Type.String(),
  scopeName: Nullable(Type.String()),
  departments: Nullable(Type.Array(Type.String(), { description: 'set when only these departments’ cases count' })),
  from: DateTime,
  to: DateTime,
  sort: literals(SORT_KEYS),
  rows: Type.Array(IndicatorRow, { description: 'every group of the scope with something in the period, ranked' }),
  total: Type.Object({ ...IndicatorFields, counts: Counts }),
});
export type IndicatorTable = Static<typeof IndicatorTable>;

export const CaseLine = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  state: Type.String(),
  categoryCode: Type.String(),
  divisionCode: Type.String(),
  gridCode: Nullable(Type.String()),
  handlerDepartment: Nullable(Type.String()),
  receivedAt: DateTime,
  respondedAt: NullableDateTime,
  filedAt: NullableDateTime,
  handleDueAt: NullableDateTime,
  closedAt: NullableDateTime,
  closedOnTime: Nullable(Type.Boolean()),
  everSuspended: Type.Boolean(),
  reworkCount: Type.Integer(),
  rating: Nullable(Type.Integer()),
});
export type CaseLine = Static<typeof CaseLine>;
export const CaseLinePage = PageOf(CaseLine);

export const TrendQuery = Type.Object(
  {
    scope: Type.Optional(Scope),
    days: Type.Optional(
      Type.Integer({ minimum: 7, maximum: 90, description: 'how many days up to today (default 30)' }),
    ),
  },
  Closed,
);
export type TrendQuery = Static<typeof TrendQuery>;

const TrendFigures = {
  received: Type.Integer({ description: 'cases received (受理)' }),
  closed: Type.Integer({ description: 'cases closed (结案)' }),
  onTimeRate: Rate,
  satisfactionRate: Rate,
};

export const Trend = Type.Object(
  {
    scope: Type.String(),
    scopeName: Nullable(Type.String()),
    departments: Nullable(Type.Array(Type.String())),
    from: DateTime,
    to: DateTime,
    days: Type.Array(
      Type.Object({ date: Type.String({ description: 'YYYY-MM-DD (China time)' }), ...TrendFigures }, Closed),
      {
        description: 'every day of the period, oldest first (the sparkline)',
      },
    ),
    total: Type.Object(TrendFigures, { ...Closed, description: 'the whole period (the headline figure)' }),
  },
  Closed,
);
export type Trend = Static<typeof Trend>;
