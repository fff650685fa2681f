/** buildApp(deps): the platform plugins plus every module's routes. */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import Type from 'typebox';
import { loadServerModules } from './assembly';
import { joinCapabilities } from './capabilities';
import { presentError } from './modules/open311/open311.input';
import { formatOfUrl, OPEN311_PREFIX, send as sendOpen311 } from './modules/open311/open311.routes';
import { resolveSession } from './modules/identity/sessions.service';
import type { Deps } from './platform/deps';
import { AppError, pickLang } from './platform/errors';
import { registerCompression } from './platform/http/compression';
import { registerDocs } from './platform/http/docs';
import { registerErrorHandling, sendError, toAppError } from './platform/http/error-handler';
import { registerRequestContext } from './platform/http/request-context';
import { registerRequestGuards } from './platform/http/request-guards';
import { registerSecurityHeaders } from './platform/http/security-headers';
import type { App } from './platform/http/types';
import { registerLazySchemas } from './platform/http/lazy-schemas';
import { registerTextCheck } from './platform/http/validation';
import { registerWeb } from './platform/http/web';
import { registerCockpit } from './cockpit/cockpit.routes';
import { registerToday } from './today/today.routes';
import { VERSION } from './version';

export interface AppOptions {
  /** Built web apps (dist/web); omitted in API-only tests. */
  webDist?: string;
  /** Demo mode: the sign-in pages list demo accounts and show the 演示环境 banner. */
  demo: boolean;
  logger?: boolean | object;
}

export async function buildApp(deps: Deps, opts: AppOptions): Promise<App> {
  const modules = await loadServerModules(); // src/server/modules.ts: every module's manifest
  for (const m of modules) m.server.wire?.();
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
  await registerCompression(app);
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

  const ctx = { demo: opts.demo, capabilitiesOf: joinCapabilities(modules) };
  for (const m of modules) for (const routes of m.server.routes ?? []) await routes(app, deps, ctx);
  registerToday(app, deps, modules);
  registerCockpit(app, deps, modules);

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('route_not_found')));
  if (opts.webDist) await registerWeb(app, opts.webDist);
  return app;
}
