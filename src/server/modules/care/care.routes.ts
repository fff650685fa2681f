import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import {
  MAX_SHEET_UPLOAD,
  SheetImportOutcome,
  SheetImportQuery,
  sendXlsx,
  uploadedSheet,
} from '../../platform/http/sheet-upload';
import { careImportTemplate, importCareRegister } from './care-import.service';
import { writeRegisterXlsx } from './care.export';
import * as S from './care.schema';
import * as reg from './register.service';
import * as visits from './visits.service';

const tags = ['care'];

export default async function careRoutes(app: App, deps: Deps) {
  app.get(
    '/api/care/persons',
    {
      schema: {
        tags,
        summary:
          'The register of people in special difficulty: officers their places, a grid worker their assigned persons (audited)',
        querystring: S.PersonQuery,
        response: { 200: S.PersonPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => reg.listPersons(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/care/persons/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The register as an xlsx ledger (台账), scoped like the list (audited)',
        querystring: S.ExportQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const rows = await reg.exportPersons(deps, requireUser(req), req.query.scope);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="care-register.xlsx"')
        .send(fileBody(Readable.from([await writeRegisterXlsx(rows)])));
    },
  );
  app.post(
    '/api/care/persons/imports',
    {
      bodyLimit: MAX_SHEET_UPLOAD,
      schema: {
        tags,
        summary:
          'Import the register (body: the template’s xlsx or csv): a dry run, or every row or none; the same person updated by ID number (audited)',
        querystring: SheetImportQuery,
        response: { 200: SheetImportOutcome, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const file = await uploadedSheet(req);
      return importCareRegister(deps, actor, file, req.query.format ?? 'xlsx', req.query.mode);
    },
  );
  app.get(
    '/api/care/persons/template.xlsx',
    {
      schema: {
        tags,
        summary:
          'The register’s import template (Chinese headers; the instructions sheet names each column in English)',
        response: { 200: XlsxFile, ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      requireUser(req);
      return sendXlsx(reply, 'care-register-template', careImportTemplate);
    },
  );
  app.post(
    '/api/care/persons',
    {
      schema: {
        tags,
        summary:
          'Register a resident in special difficulty (officers of the place), with separate consent and the assigned grid worker',
        body: S.RegisterBody,
        response: { 201: S.Created, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await reg.registerPerson(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/care/persons/:id',
    {
      schema: {
        tags,
        summary: "A person's care record and latest visits (the assigned worker and named officers only; audited)",
        params: IdParams,
        response: { 200: S.PersonRecord, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => reg.getPerson(deps, requireUser(req), req.params.id),
  );
  app.patch(
    '/api/care/persons/:id',
    {
      schema: {
        tags,
        summary: 'Change categories, risk tier, assigned worker or note (officers)',
        params: IdParams,
        body: S.UpdateBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => reg.updatePerson(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    '/api/care/persons/:id/change',
    {
      schema: {
        tags,
        summary: 'Report a change of circumstances: high tier, visit due within the first-visit hours (24 h)',
        params: IdParams,
        body: S.ChangeBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => reg.reportChange(deps, requireUser(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/care/persons/:id/visits',
    {
      schema: {
        tags,
        summary: 'Record a 九必问 visit (the assigned grid worker); needs found become problems on the three lists',
        params: IdParams,
        body: S.VisitBody,
        response: { 201: S.VisitResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await visits.recordVisit(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/care/due',
    {
      schema: {
        tags,
        summary: "The grid worker's due and overdue visits, by deadline (audited)",
        querystring: S.DueQuery,
        response: { 200: S.DuePage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => visits.dueVisits(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/care/rates',
    {
      schema: {
        tags,
        summary: 'The monthly visit rate per grid under a place (counts only; goal 100 %)',
        querystring: S.RateQuery,
        response: { 200: S.RateTable, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => visits.visitRates(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/care/settings',
    {
      schema: {
        tags,
        summary: "The county's categories, nine questions and visit schedule",
        querystring: S.SettingsQuery,
        response: { 200: S.Settings, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => visits.getSettings(deps, requireUser(req), req.query.county),
  );
  app.put(
    '/api/care/settings/:county',
    {
      schema: {
        tags,
        summary: "Change the county's categories, nine questions and visit schedule (county officers)",
        params: S.CountyParams,
        body: S.Settings,
        response: { 200: S.Settings, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => visits.putSettings(deps, requireUser(req), req.params.county, req.body),
  );
}
