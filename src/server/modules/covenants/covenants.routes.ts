/** The covenants API: 村规民约 versions, drafts, adoption, the diff, article references, 我的村规民约. */
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './covenants.schema';
import * as svc from './covenants.service';

const tags = ['covenants'];

export default async function covenantRoutes(app: App, deps: Deps) {
  app.get(
    '/api/covenants',
    {
      schema: {
        tags,
        summary: 'Covenants (村规民约 / 居民公约) of my places, by division code',
        querystring: S.ScopeQuery,
        response: { 200: S.CovenantPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => svc.listCovenants(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/covenants',
    {
      schema: {
        tags,
        summary: 'Set up the covenant of a village or community (one per place)',
        body: S.NewCovenant,
        response: { 201: S.Covenant, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createCovenant(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/covenants/mine',
    {
      schema: {
        tags,
        summary: '我的村规民约: the version in force of the resident’s own village or community',
        response: { 200: S.MyCovenant, ...errorResponses(401) },
      },
    },
    async (req) => svc.myCovenant(deps, requireUser(req)),
  );
  app.get(
    '/api/covenants/:id',
    {
      schema: {
        tags,
        summary:
          'A covenant with its versions (draft, in force, superseded, with dates and the matter that adopted each)',
        params: IdParams,
        response: { 200: S.Covenant, ...errorResponses(401, 404) },
      },
    },
    async (req) => svc.getCovenant(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/covenants/:id/versions',
    {
      schema: {
        tags,
        summary: 'Draft a new version, starting from the articles in force (one draft at a time)',
        params: IdParams,
        body: S.NewVersion,
        response: { 201: S.Version, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.draftVersion(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/covenant-versions/diff',
    {
      schema: {
        tags,
        summary: 'The article-level diff between two versions: added, removed, changed, renumbered, moved',
        querystring: S.DiffQuery,
        response: { 200: S.Diff, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.diff(deps, requireUser(req), req.query.from, req.query.to),
  );
  app.get(
    '/api/covenant-versions/:id',
    {
      schema: {
        tags,
        summary: 'A version with its articles',
        params: IdParams,
        response: { 200: S.Version, ...errorResponses(401, 404) },
      },
    },
    async (req) => svc.getVersion(deps, requireUser(req), req.params.id),
  );
  app.put(
    '/api/covenant-versions/:id/articles',
    {
      schema: {
        tags,
        summary: 'Replace a draft’s articles (numbered 1..n; chapters and 红白事 limits optional)',
        params: IdParams,
        body: S.ArticlesBody,
        response: { 200: S.Version, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.saveArticles(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    '/api/covenant-versions/:id/adopt',
    {
      schema: {
        tags,
        summary:
          'Adopt a draft citing the 四议两公开 matter of the place whose resolution passed: in force, the previous superseded, published on the 村务公开 board',
        params: IdParams,
        body: S.AdoptBody,
        response: { 200: S.Version, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => svc.adopt(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/covenant-articles/:versionId/:number',
    {
      schema: {
        tags,
        summary: 'A stable article reference (version id + article number) resolved to its text',
        params: S.ArticleRefParams,
        response: { 200: S.ArticleRef, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.articleRef(deps, requireUser(req), req.params.versionId, req.params.number),
  );
}
