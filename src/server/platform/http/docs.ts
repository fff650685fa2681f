/** The OpenAPI document (/api/openapi.json) and its Swagger UI (/api/docs). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from './types';

/** Registers the OpenAPI collector (before any route, so it sees them all) and the docs routes. */
export async function registerDocs(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Cocreate 共同缔造智慧平台 API',
        version,
        description: 'Errors are `{code, message, details}`; messages follow Accept-Language (zh-CN default, en).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cc_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
