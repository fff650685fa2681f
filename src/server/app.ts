/** buildApp(deps): the platform plugins plus every module's routes. */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import Type from 'typebox';
import { capabilitiesOf } from './capabilities';
import accessRoutes from './modules/access/access.routes';
import accountRoutes from './modules/accounts/accounts.routes';
import auditRoutes from './modules/audit/audit.routes';
import caseRoutes, { categoryAdminRoutes } from './modules/cases/cases.routes';
import photoRoutes, { publicRoutes } from './modules/cases/photos.routes';
import { presentError } from './modules/open311/open311.input';
import open311Routes, { formatOfUrl, OPEN311_PREFIX, send as sendOpen311 } from './modules/open311/open311.routes';
import indicatorRoutes from './modules/indicators/indicators.routes';
import pointsRoutes from './modules/points';
import { provideTriageSuggestions } from './modules/cases';
import classifierRoutes from './modules/classifier/classifier.routes';
import { triageSuggestions } from './modules/classifier';
import similarRoutes from './modules/classifier/similar.routes';
import siteRoutes from './modules/demo/site.routes';
import divisionRoutes from './modules/divisions/divisions.routes';
import identityRoutes from './modules/identity/identity.routes';
import organisationRoutes from './modules/organisation/organisation.routes';
import registerRoutes from './modules/organisation/registers.routes';
import { resolveSession } from './modules/identity/sessions.service';
import type { Deps } from './platform/deps';
import { AppError, pickLang } from './platform/errors';
import { registerDocs } from './platform/http/docs';
import { registerErrorHandling, sendError, toAppError } from './platform/http/error-handler';
import { registerRequestContext } from './platform/http/request-context';
import { registerRequestGuards } from './platform/http/request-guards';
import { registerSecurityHeaders } from './platform/http/security-headers';
import type { App } from './platform/http/types';
import { registerLazySchemas } from './platform/http/lazy-schemas';
import { registerTextCheck } from './platform/http/validation';
import { registerWeb } from './platform/http/web';
import { VERSION } from './version';

export interface AppOptions {
  /** Built web apps (dist/web); omitted in API-only tests. */
  webDist?: string;
  /** Demo mode: the sign-in pages list demo accounts and show the 演示环境 banner. */
  demo: boolean;
  logger?: boolean | object;
}

export async function buildApp(deps: Deps, opts: AppOptions): Promise<App> {
  provideTriageSuggestions(triageSuggestions); // cases asks the classifier through a port (cases/triage.ts)
  const app = Fastify({
    logger: opts.logger ?? false,
    // One line per request only when debugging; errors and warnings are always logged.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(deps.config.logLevel) }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    // Errors raised before routing (a badly encoded path, an over-long parameter) answer like any other.
    frameworkErrors: (err, req, reply) => {
      const appErr = toAppError(err) ?? new AppError('internal');
      if (!req.url.startsWith(OPEN311_PREFIX)) return sendError(req, reply, appErr);
      const { status, errors } = presentError(appErr, pickLang(req.headers['accept-language']));
      return sendOpen311(reply, formatOfUrl(req.url), 'errors', errors, status);
    },
  }).withTypeProvider() as unknown as App;
  registerLazySchemas(app);
  registerErrorHandling(app, deps.config.bodyLimitBytes);
  registerTextCheck(app);

  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://*.tianditu.gov.cn'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Counties often serve the console over plain HTTP on an intranet; upgrading would break it.
        upgradeInsecureRequests: deps.config.session.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await registerDocs(app, VERSION);

  registerRequestGuards(app);
  registerRequestContext(app, (token, ip) => resolveSession(deps, token, ip));

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database backend',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            version: Type.String(),
          }),
        },
      },
    },
    async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, database: deps.db.kind, version: VERSION };
    },
  );

  for (const routes of [
    divisionRoutes,
    identityRoutes(capabilitiesOf),
    accessRoutes,
    accountRoutes,
    auditRoutes,
    organisationRoutes,
    registerRoutes,
    caseRoutes,
    categoryAdminRoutes,
    photoRoutes,
    publicRoutes,
    classifierRoutes,
    similarRoutes,
    indicatorRoutes,
    pointsRoutes,
  ])
    await routes(app, deps);
  await siteRoutes(app, deps, opts.demo);
  await open311Routes(app, deps);

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('route_not_found')));
  if (opts.webDist) await registerWeb(app, opts.webDist);
  return app;
}
