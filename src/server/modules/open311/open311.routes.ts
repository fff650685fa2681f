/**
 * Open311 GeoReport v2 at /open311/v2/, with mySociety's servicerequestupdates. The format is the
 * extension (.xml — the spec's mandatory one — or .json). Everything here, errors and unknown
 * paths included, answers in the spec's shapes; the routes live in their own encapsulated plugin
 * so the form-body parser and the error handler apply to them alone.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { AppError, pickLang } from '../../platform/errors';
import { toAppError } from '../../platform/http/error-handler';
import { type App, limitPerMinute } from '../../platform/http/types';
import { open311Error, presentError, readFields } from './open311.input';
import { MULTIPART_BODY_LIMIT, parseMultipart, uploadedFiles } from './open311.multipart';
import {
  checkJurisdiction,
  createRequest,
  discovery,
  getRequest,
  getServiceDefinition,
  listRequests,
  listServices,
  listUpdates,
  postUpdate,
  resolveToken,
} from './open311.service';
import { toXml, type XmlValue } from './open311.xml';
import {
  answer,
  Discovery,
  eitherFormat,
  FileParams,
  JurisdictionQuery,
  RequestReceipt,
  RequestsQuery,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  UpdateReceipt,
  UpdatesQuery,
} from './open311.schema';
import { MAX_RESULTS } from './open311.repo';

export const OPEN311_PREFIX = '/open311/v2';
const FORMATS = ['xml', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.status(status);
  // JSON goes through the route's response schema (open311.schema.ts) for this status, when it has one
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(value);
  return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
}

/** The format of a failed request: .json if the path asks for it, else the mandatory XML. */
export const formatOfUrl = (url: string): Format =>
  url.split('?')[0].toLowerCase().endsWith('.json') ? 'json' : 'xml';

/** `421081-20261125-000042.json` → the id and the format. */
function splitFile(file: string): { id: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1).toLowerCase();
  if (dot <= 0 || !(FORMATS as readonly string[]).includes(format)) throw open311Error('format_unsupported');
  return { id: file.slice(0, dot), format: format as Format };
}

/** application/x-www-form-urlencoded, the spec's POST body; repeated keys become lists. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);
const isMultipart = (req: FastifyRequest) => /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
/** Scheme and host of this endpoint, for absolute photo links. */
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export default async function open311Routes(app: App, deps: Deps) {
  await app.register(
    async (instance) => {
      const scope = instance as unknown as App;
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
        done(null, parseForm(String(body))),
      );
      // FixMyStreet sends multipart/form-data when a report or update carries photos.
      scope.addContentTypeParser(
        'multipart/form-data',
        { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT },
        (req: FastifyRequest, body: string | Buffer) =>
          parseMultipart(String(req.headers['content-type']), body as Buffer),
      );

      scope.setErrorHandler((err, req, reply) => {
        let appErr = toAppError(err as Parameters<typeof toAppError>[0]);
        if (!appErr) {
          req.log.error({ err }, 'unhandled error');
          appErr = new AppError('internal');
        }
        if (appErr.code === 'body_too_large')
          appErr.details.limit = isMultipart(req) ? MULTIPART_BODY_LIMIT : deps.config.bodyLimitBytes;
        const { status, errors } = presentError(appErr, lang(req));
        return send(reply, formatOfUrl(req.url), 'errors', errors, status);
      });
      scope.setNotFoundHandler((req, reply) => {
        const { status, errors } = presentError(new AppError('route_not_found'), lang(req));
        return send(reply, formatOfUrl(req.url), 'errors', errors, status);
      });

      const tags = ['open311'];
      const writeLimit = limitPerMinute(deps.config.rateLimit.publicWritePerMinute);
      const fields = (req: FastifyRequest) => readFields(req.body, req.query);

      for (const format of FORMATS) {
        scope.get(
          `/discovery.${format}`,
          {
            schema: {
              tags,
              summary: `Open311 service discovery (${format})`,
              response: { 200: answer(format, Discovery) },
            },
          },
          async (req, reply) =>
            send(reply, format, 'discovery', await discovery(deps, `${origin(req)}${OPEN311_PREFIX}`, lang(req))),
        );

        scope.get(
          `/services.${format}`,
          {
            schema: {
              tags,
              summary: `GeoReport v2 service list: public categories, grouped by major class (${format})`,
              querystring: JurisdictionQuery,
              response: { 200: answer(format, Type.Array(Service)) },
            },
          },
          async (req, reply) => {
            await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
            return send(reply, format, 'services', await listServices(deps, lang(req)));
          },
        );

        scope.post(
          `/requests.${format}`,
          {
            config: writeLimit,
            schema: {
              tags,
              summary: `GeoReport v2 create a service request (${format}); form-encoded, multipart (with photos, as FixMyStreet sends them) or JSON body: api_key, service_code, lat, long, description, address_string, media_url, attribute[code]`,
              response: { 200: answer(format, Type.Array(RequestReceipt)) },
            },
          },
          async (req, reply) => {
            const f = fields(req);
            await checkJurisdiction(deps, f.get('jurisdiction_id'));
            return send(
              reply,
              format,
              'service_requests',
              await createRequest(deps, f, uploadedFiles(req.body), req.ip, lang(req)),
            );
          },
        );

        scope.get(
          `/requests.${format}`,
          {
            schema: {
              tags,
              summary: `GeoReport v2 service requests: service_request_id, service_code, start_date, end_date, status (${format}). As the spec allows, at most ${MAX_RESULTS}, newest first, within at most 90 days (default: the last 90); GeoReport v2 has no paging, so narrow start_date/end_date to read further back.`,
              querystring: RequestsQuery,
              response: { 200: answer(format, Type.Array(ServiceRequest)) },
            },
          },
          async (req, reply) => {
            await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
            return send(
              reply,
              format,
              'service_requests',
              await listRequests(deps, req.query as Record<string, unknown>, lang(req), origin(req)),
            );
          },
        );

        scope.get(
          `/servicerequestupdates.${format}`,
          {
            schema: {
              tags,
              summary: `mySociety extension: public updates to requests between start_date and end_date (${format}); oldest first, at most ${MAX_RESULTS} (no paging in the extension: start the next read at the last update's updated_datetime)`,
              querystring: UpdatesQuery,
              response: { 200: answer(format, Type.Array(ServiceRequestUpdate)) },
            },
          },
          async (req, reply) => {
            await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
            return send(
              reply,
              format,
              'service_request_updates',
              await listUpdates(deps, req.query as Record<string, unknown>, lang(req), origin(req)),
            );
          },
        );

        scope.post(
          `/servicerequestupdates.${format}`,
          {
            config: writeLimit,
            schema: {
              tags,
              summary: `mySociety extension: add a public note to a request (${format}); api_key, service_request_id, description, media_url, photos as multipart parts. Never changes its state.`,
              response: { 200: answer(format, Type.Array(UpdateReceipt)) },
            },
          },
          async (req, reply) => {
            const f = fields(req);
            await checkJurisdiction(deps, f.get('jurisdiction_id'));
            return send(
              reply,
              format,
              'service_request_updates',
              await postUpdate(deps, f, uploadedFiles(req.body), req.ip),
            );
          },
        );
      }

      scope.get(
        '/services/:file',
        {
          schema: {
            tags,
            summary: 'GeoReport v2 service definition: /services/{service_code}.{xml|json}',
            params: FileParams,
            querystring: JurisdictionQuery,
            response: { 200: eitherFormat(ServiceDefinition) },
          },
        },
        async (req, reply) => {
          const { id, format } = splitFile(req.params.file);
          await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
          return send(reply, format, 'service_definition', await getServiceDefinition(deps, id, lang(req)));
        },
      );

      scope.get(
        '/requests/:file',
        {
          schema: {
            tags,
            summary: 'GeoReport v2 one service request: /requests/{service_request_id}.{xml|json}',
            params: FileParams,
            querystring: JurisdictionQuery,
            response: { 200: eitherFormat(Type.Array(ServiceRequest)) },
          },
        },
        async (req, reply) => {
          const { id, format } = splitFile(req.params.file);
          await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
          return send(reply, format, 'service_requests', await getRequest(deps, id, lang(req), origin(req)));
        },
      );

      scope.get(
        '/tokens/:file',
        {
          schema: {
            tags,
            summary:
              'GeoReport v2 request id from a token: /tokens/{token}.{xml|json} (requests are created at once; a token is the request id)',
            params: FileParams,
            querystring: JurisdictionQuery,
            response: { 200: eitherFormat(Type.Array(RequestReceipt)) },
          },
        },
        async (req, reply) => {
          const { id, format } = splitFile(req.params.file);
          await checkJurisdiction(deps, fields(req).get('jurisdiction_id'));
          return send(reply, format, 'service_requests', await resolveToken(deps, id));
        },
      );
    },
    { prefix: OPEN311_PREFIX },
  );
}
