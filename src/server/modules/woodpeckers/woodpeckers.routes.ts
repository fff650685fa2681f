import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { writeRosterXlsx } from './woodpeckers.export';
import * as S from './woodpeckers.schema';
import * as svc from './woodpeckers.service';

const tags = ['woodpeckers'];

export default async function woodpeckerRoutes(app: App, deps: Deps) {
  app.get(
    '/api/woodpeckers/me',
    {
      schema: {
        tags,
        summary: 'The resident’s villages, woodpecker memberships and applications with their state',
        response: { 200: S.MyEnrolment, ...errorResponses(401) },
      },
    },
    async (req) => svc.myEnrolment(deps, requireUser(req)),
  );
  app.post(
    '/api/woodpeckers/me/applications',
    {
      schema: {
        tags,
        summary: 'Apply to join the woodpecker team of one’s own village (one pending application at a time)',
        body: S.ApplyBody,
        response: { 201: S.MyEnrolment, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.apply(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/woodpeckers/applications',
    {
      schema: {
        tags,
        summary: 'Applications at the officer’s places, newest first',
        querystring: S.ApplicationQuery,
        response: { 200: S.ApplicationPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => svc.listApplications(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/woodpeckers/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (grants the woodpecker role at the village) or decline with a reason (audited)',
        params: IdParams,
        body: S.DecisionBody,
        response: { 200: S.Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.decide(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/woodpeckers/roster',
    {
      schema: {
        tags,
        summary: 'The woodpecker roster (台账) of the officer’s places: live woodpecker roles',
        querystring: S.RosterQuery,
        response: { 200: S.RosterPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => svc.roster(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/woodpeckers/roster/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The roster as an xlsx ledger, scoped like the list (audited)',
        querystring: S.ExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const rows = await svc.exportRoster(deps, requireUser(req), req.query.scope);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="woodpecker-roster.xlsx"')
        .send(fileBody(Readable.from([await writeRosterXlsx(rows)])));
    },
  );
}
