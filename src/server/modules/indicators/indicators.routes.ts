import { PassThrough } from 'node:stream';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { DIMENSIONS, MEASURES, SORT_KEYS } from './indicators.domain';
import { writeIndicatorXlsx } from './indicators.export';
import { indicatorCases, indicatorTable } from './indicators.service';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Instant = Type.String({
  maxLength: 40,
  description: 'YYYY-MM-DD (midnight UTC+8) or an ISO date-time with offset',
});

const TableQuery = Type.Object(
  {
    dimension: literals(DIMENSIONS),
    scope: Type.Optional(
      Type.String({ pattern: '^[0-9]{2,24}$', description: 'division code: the subtree counted (default: your own)' }),
    ),
    from: Instant,
    to: Type.String({ maxLength: 40, description: 'exclusive end of the period (same forms as from)' }),
    sort: Type.Optional(literals(SORT_KEYS)),
  },
  { additionalProperties: false },
);

const DrillQuery = Type.Object(
  {
    dimension: literals(DIMENSIONS),
    key: Type.String({ minLength: 1, maxLength: 40, description: "the row's code; 'none' for the unassigned row" }),
    scope: TableQuery.properties.scope,
    from: Instant,
    to: Instant,
    measure: literals(MEASURES),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  },
  { additionalProperties: false },
);

const Table = Type.Unknown({
  description: 'dimension, scope, scopeName, from, to, sort, rows[] (rank, key, name, counts, every indicator), total',
});
const Cases = Type.Unknown({
  description:
    'The cases behind the figure: id, number, title, state, places, deadlines, closedOnTime, reworkCount, rating',
});

export default async function indicatorRoutes(app: App, deps: Deps) {
  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Indicators per grid, village, town, department or category for a period, ranked (town/county/village officers, department handlers)',
        querystring: TableQuery,
        response: { 200: Table, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => indicatorTable(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/indicators/cases',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Drill-down: the cases behind one figure of one row',
        querystring: DrillQuery,
        response: { 200: Cases, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => indicatorCases(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/indicators/export.xlsx',
    {
      schema: {
        tags: ['indicators'],
        summary: 'The ranked indicator table as an xlsx ledger (台账)',
        querystring: TableQuery,
      },
    },
    async (req, reply) => {
      const table = await indicatorTable(deps, requireUser(req), req.query);
      const stream = new PassThrough();
      void writeIndicatorXlsx(table, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="indicators-${table.dimension}-${table.scope}.xlsx"`)
        .send(stream);
    },
  );
}
