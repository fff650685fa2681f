import { PassThrough } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { writeIndicatorXlsx } from './indicators.export';
import * as S from './indicators.schema';
import { indicatorCases, indicatorTable, indicatorTrend } from './indicators.service';

const tags = ['indicators'];

export default async function indicatorRoutes(app: App, deps: Deps) {
  app.get(
    '/api/indicators',
    {
      schema: {
        tags,
        summary:
          'Indicators per grid, village, town, department or category for a period, ranked (town/county/village officers, department handlers)',
        querystring: S.TableQuery,
        response: { 200: S.IndicatorTable, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => indicatorTable(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/indicators/trend',
    {
      schema: {
        tags,
        summary:
          'The last 30 (7–90) days: cases received and closed, on-time and satisfaction rates, per day and in total (the console home)',
        querystring: S.TrendQuery,
        response: { 200: S.Trend, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => indicatorTrend(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/indicators/cases',
    {
      schema: {
        tags,
        summary: 'Drill-down: the cases behind one figure of one row, by time received (a page at a time)',
        querystring: S.DrillQuery,
        response: { 200: S.CaseLinePage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => indicatorCases(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/indicators/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The ranked indicator table as an xlsx ledger (台账)',
        querystring: S.TableQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const table = await indicatorTable(deps, requireUser(req), req.query);
      const stream = new PassThrough();
      void writeIndicatorXlsx(table, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="indicators-${table.dimension}-${table.scope}.xlsx"`)
        .send(fileBody(stream));
    },
  );
}
