import { PassThrough } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { writeAuditXlsx } from './audit.export';
import * as S from './audit.schema';
import { auditRowsForExport, searchAuditLog, verifyAuditForActor } from './audit.service';

const tags = ['audit'];

export default async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Search the audit trail, newest first, a page at a time (audit administrator)',
        querystring: S.SearchQuery,
        response: { 200: S.AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => searchAuditLog(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'The filtered audit trail as an xlsx ledger, every matching row or the newest `limit` (audit administrator)',
        querystring: S.ExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const rows = auditRowsForExport(deps, requireUser(req), req.query);
      const stream = new PassThrough();
      void writeAuditXlsx(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.xlsx"`)
        .send(fileBody(stream));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify every row of the hash chains and report every break (audit administrator)',
        response: { 200: S.VerifyResult, ...errorResponses(401, 403) },
      },
    },
    async (req) => verifyAuditForActor(deps, requireUser(req)),
  );
}
