/** Partner registers (units, work groups, cadres: lists, 台账 import and export) and 一社一品. */
import { PassThrough } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { pickLang } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, XLSX_TYPE, XlsxFile, errorResponses, fileBody } from '../../platform/http/types';
import {
  MAX_SHEET_UPLOAD,
  SheetImportOutcome,
  SheetImportQuery,
  uploadedSheet,
} from '../../platform/http/sheet-upload';
import { PageQuery } from './activities.schema';
import * as S from './units.schema';
import * as svc from './units.service';

const tags = ['services'];

export default async function unitRoutes(app: App, deps: Deps) {
  app.get(
    '/api/services/console/units',
    {
      schema: {
        tags,
        summary: 'Partner units with their totals (cadres, activities, hours, errands, thanks), by name',
        querystring: PageQuery,
        response: { 200: S.UnitPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.listUnits(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/console/cadres',
    {
      schema: {
        tags,
        summary: 'Embedded cadres reporting to communities in the actor’s area, with their record',
        querystring: S.CadreQuery,
        response: { 200: S.CadrePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.listCadres(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/console/groups',
    {
      schema: {
        tags,
        summary: 'Full-time work groups and their villages',
        response: { 200: S.GroupList, ...errorResponses(401, 403) },
      },
    },
    async (req) => svc.listGroups(deps, requireUser(req)),
  );
  app.post(
    '/api/services/console/registers/:sheet/imports',
    {
      bodyLimit: MAX_SHEET_UPLOAD,
      schema: {
        tags,
        summary: 'Import a partner register (body: the xlsx or csv file): a dry run, or every row or none',
        params: S.PartnerSheetParams,
        querystring: SheetImportQuery,
        response: { 200: SheetImportOutcome, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const file = await uploadedSheet(req);
      return svc.importPartnerSheet(deps, actor, req.params.sheet, file, req.query.format ?? 'xlsx', req.query.mode);
    },
  );
  app.get(
    '/api/services/console/registers/:sheet/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export a partner register (台账) of the actor’s area with each row’s record',
        params: S.PartnerSheetParams,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const lang = pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh';
      svc.readScopes(actor); // refused before the file starts
      const out = new PassThrough();
      const done = svc.exportPartnerSheet(deps, actor, req.params.sheet, out, lang);
      await Promise.race([done, new Promise((r) => out.once('readable', r))]); // a failure before the first byte is an error answer
      void done.catch((e) => out.destroy(e));
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', `attachment; filename="${req.params.sheet}.xlsx"`);
      return fileBody(out);
    },
  );
  app.get(
    '/api/services/signatures/:code',
    {
      schema: {
        tags,
        summary: '一社一品: the signature services of a community, or of every community under a town or county',
        params: S.SignatureParams,
        response: { 200: S.SignatureList, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireUser(req);
      return svc.signaturesUnder(deps, req.params.code);
    },
  );
  app.put(
    '/api/services/signatures/:code',
    {
      schema: {
        tags,
        summary: '一社一品: set a community’s signature service (its staff)',
        params: S.SignatureParams,
        body: S.SignatureInput,
        response: { 200: S.Signature, ...errorResponses(400, 401, 422) },
      },
    },
    async (req) => svc.saveSignature(deps, requireUser(req), req.params.code, req.body),
  );
}
