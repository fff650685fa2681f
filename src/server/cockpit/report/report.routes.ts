/**
 * The monthly reports' routes (#17 item 4): a report drawn on demand, the stored ones listed and
 * downloaded. Registered by the cockpit's routes with the list of modules.
 */
import type { LoadedModule } from '../../assembly';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { IdParams, PDF_TYPE, PdfFile, ReportQuery, ReportsQuery, StoredReports } from './report.schema';
import { reportFor, storedReportPdf, storedReports } from './report.service';

const tags = ['cockpit'];

const sendPdf = (reply: import('fastify').FastifyReply, r: { pdf: Buffer; filename: string }) =>
  reply
    .header('content-type', PDF_TYPE)
    .header('content-disposition', `attachment; filename="${r.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(r.pdf as unknown as string);

export function registerReports(app: App, deps: Deps, modules: readonly LoadedModule[]) {
  app.get(
    '/api/cockpit/report.pdf',
    {
      schema: {
        tags,
        summary:
          'The monthly report (月度报告) of a place as a PDF: every ready panel with the previous period and last year, rankings, charts, each figure’s 台账 (cockpit viewers; audited)',
        querystring: ReportQuery,
        response: { 200: PdfFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendPdf(reply, await reportFor(deps, modules, requireUser(req), req.query)),
  );
  app.get(
    '/api/cockpit/reports',
    {
      schema: {
        tags,
        summary: 'The monthly reports the server stored (the county and each town, on the 1st for the month before)',
        querystring: ReportsQuery,
        response: { 200: StoredReports, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => storedReports(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/cockpit/reports/:id/pdf',
    {
      schema: {
        tags,
        summary: 'A stored monthly report (PDF; audited)',
        params: IdParams,
        response: { 200: PdfFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendPdf(reply, await storedReportPdf(deps, requireUser(req), req.params.id)),
  );
}
