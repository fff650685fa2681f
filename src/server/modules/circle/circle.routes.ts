/** The service circle's API: coverage, uncovered homes, what-if, gaps (the seam), and keeping kinds, facilities, roads, settings. */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError, pickLang } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { Readable } from 'node:stream';
import { uploadedBuffer } from '../../platform/http/uploads';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { readsCircleAt } from './circle.policy';
import * as S from './circle.schema';
import * as admin from './circle.service';
import { coverageXlsx } from './circle.export';
import { countyPoint, coverageRows, uncoveredHomes, whatIf } from './coverage.service';
import { gapsWithProblems, listGap } from './gaps.service';

const tags = ['circle'];
const P = '/api/circle';
const XLSX_UPLOAD = [XLSX_TYPE];
const GEOJSON_UPLOAD = ['application/geo+json'];

/** The scope asked for (else the actor's first), if the actor reads it. */
function scopeOf(actor: UserActor, asked: string | undefined): string {
  const scopes = admin.requireReader(actor);
  const scope = asked ?? scopes.sort((a, b) => a.length - b.length)[0];
  if (!readsCircleAt(actor, scope)) throw new AppError('forbidden');
  return scope;
}

/** The uploaded file whole: a buffer from our parser, or read from the stream another module's parser of the same type leaves. */
async function fileOf(req: FastifyRequest, types: readonly string[], limit: number): Promise<Buffer> {
  if (!(req.body instanceof Readable)) return uploadedBuffer(req, types);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.body as Readable) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('body_too_large', { limit });
    parts.push(chunk as Buffer);
  }
  if (size === 0) throw new AppError('upload_empty');
  return Buffer.concat(parts);
}

async function coverage(deps: Deps, req: FastifyRequest<{ Querystring: { scope?: string } }>) {
  const scope = scopeOf(requireUser(req), req.query.scope);
  const { state, rows } = await coverageRows(deps, scope);
  return {
    scope,
    usesNetwork: state.model.usesNetwork,
    detourFactor: state.detourFactor,
    homesWithoutPoint: state.withoutPoint,
    kinds: state.kinds.map((k) => ({ ...k, facilities: state.facilities.get(k.key) ?? 0 })),
    rows,
  };
}

export default async function circleRoutes(app: App, deps: Deps) {
  app.addContentTypeParser(GEOJSON_UPLOAD, { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  if (!app.hasContentTypeParser(XLSX_TYPE))
    app.addContentTypeParser(XLSX_UPLOAD, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );

  app.get(
    `${P}/coverage`,
    {
      schema: {
        tags,
        summary: 'Homes and people covered per village and facility kind',
        querystring: S.ScopeQuery,
        response: { 200: S.Coverage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => coverage(deps, req),
  );
  app.get(
    `${P}/coverage.xlsx`,
    {
      schema: {
        tags,
        summary: 'The coverage report as xlsx',
        querystring: S.ScopeQuery,
        response: { 200: XlsxFile, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const report = await coverage(deps, req);
      const stream = await coverageXlsx(report, pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh');
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="circle-${report.scope}.xlsx"`)
        .send(fileBody(stream));
    },
  );
  app.get(
    `${P}/uncovered`,
    {
      schema: {
        tags,
        summary: 'Homes beyond the kind’s walking distance, farthest first',
        querystring: S.UncoveredQuery,
        response: { 200: S.Uncovered, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) =>
      uncoveredHomes(deps, scopeOf(requireUser(req), req.query.scope), req.query.kind, req.query.limit ?? 500),
  );
  app.post(
    `${P}/what-if`,
    {
      schema: {
        tags,
        summary: 'What one new facility of a kind here would cover (nothing is written)',
        body: S.WhatIfBody,
        response: { 200: S.WhatIf, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const scope = scopeOf(requireUser(req), req.body.scope);
      const [lng, lat] = countyPoint(deps, req.body.lng, req.body.lat, req.body.coordSystem);
      return whatIf(deps, scope, req.body.kind, lng, lat);
    },
  );
  app.get(
    `${P}/gaps`,
    {
      schema: {
        tags,
        summary: 'Every (village, kind) with uncovered homes: the seam for the three lists',
        querystring: S.ScopeQuery,
        response: { 200: S.Gaps, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await gapsWithProblems(deps, scopeOf(requireUser(req), req.query.scope)),
    }),
  );
  app.post(
    `${P}/gaps/problem`,
    {
      schema: {
        tags,
        summary: "List a village's gap for a facility kind as a problem on the three lists (once while it is open)",
        body: S.GapBody,
        response: { 200: S.GapListed, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => listGap(deps, requireUser(req), req.body.villageCode, req.body.kind),
  );

  app.post(
    `${P}/recompute`,
    {
      schema: {
        tags,
        summary:
          'Rebuild the kept coverage on the next read (after register imports; it is rebuilt every 15 minutes anyway)',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => {
      admin.recompute(deps, requireUser(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${P}/kinds`,
    {
      schema: {
        tags,
        summary: 'Facility kinds (GB 50180-2018, 便民生活圈 guide; editable)',
        response: { 200: S.Kinds, ...errorResponses(401, 403) },
      },
    },
    async (req) => admin.kinds(deps, requireUser(req)),
  );
  app.put(
    `${P}/kinds/:key`,
    {
      schema: {
        tags,
        summary: 'Add or change a facility kind (county officers)',
        params: S.KindParams,
        body: S.KindBody,
        response: { 200: S.Kinds, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => admin.saveKind(deps, requireUser(req), req.params.key, req.body),
  );
  app.get(
    `${P}/facilities`,
    {
      schema: {
        tags,
        summary: 'Facilities of every kind',
        response: { 200: S.Facilities, ...errorResponses(401, 403) },
      },
    },
    async (req) => admin.facilities(deps, requireUser(req)),
  );
  app.post(
    `${P}/facilities`,
    {
      schema: {
        tags,
        summary: 'A facility (inside the county)',
        body: S.FacilityBody,
        response: { 201: S.Facility, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.addFacility(deps, requireUser(req), req.body)),
  );
  app.put(
    `${P}/facilities/:id`,
    {
      schema: {
        tags,
        summary: 'Move or change a facility',
        params: S.IdParams,
        body: S.FacilityBody,
        response: { 200: S.Facility, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => admin.moveFacility(deps, requireUser(req), req.params.id, req.body),
  );
  app.delete(
    `${P}/facilities/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a facility',
        params: S.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await admin.removeFacility(deps, requireUser(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${P}/facilities/import`,
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import a facility 台账 (body: the xlsx; 名称, 类型, 经度, 纬度, 坐标系); any bad row → nothing written',
        response: { 200: S.ImportResult, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => admin.importFacilities(deps, requireUser(req), await fileOf(req, XLSX_UPLOAD, 20 * 1024 * 1024)),
  );
  app.put(
    `${P}/roads`,
    {
      bodyLimit: 100 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Replace the road network (body: GeoJSON LineStrings, application/geo+json); any bad feature → nothing written',
        response: { 200: S.RoadsResult, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => admin.importRoads(deps, requireUser(req), await fileOf(req, GEOJSON_UPLOAD, 100 * 1024 * 1024)),
  );
  app.get(
    `${P}/settings`,
    {
      schema: {
        tags,
        summary: 'The detour factor and the road network in use',
        response: { 200: S.Settings, ...errorResponses(401, 403) },
      },
    },
    async (req) => admin.settings(deps, requireUser(req)),
  );
  app.put(
    `${P}/settings`,
    {
      schema: {
        tags,
        summary: 'Set the detour factor (county officers)',
        body: S.SettingsBody,
        response: { 200: S.Settings, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => admin.saveSettings(deps, requireUser(req), req.body.detourFactor),
  );
}
