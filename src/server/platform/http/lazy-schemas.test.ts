import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { compileRouteSchemas, registerLazySchemas } from './lazy-schemas';

function appWith(routes: (app: FastifyInstance) => void) {
  const app = Fastify();
  registerLazySchemas(app);
  routes(app);
  return app;
}

const item = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
  required: ['id', 'name'],
  additionalProperties: false,
} as const;

function itemRoutes(app: FastifyInstance) {
  app.get(
    '/items',
    {
      schema: {
        querystring: { type: 'object', properties: { limit: { type: 'integer', default: 50 } } },
        response: { 200: { type: 'object', properties: { limit: { type: 'integer' }, kind: { type: 'string' } } } },
      },
    },
    async (req) => ({ ...(req.query as object), kind: typeof (req.query as { limit: unknown }).limit, extra: 'x' }),
  );
  app.post('/items', { schema: { body: item, response: { 200: item } } }, async (req) => req.body as object);
  app.post('/copies', { schema: { body: item, response: { 200: item } } }, async (req) => req.body as object);
}

describe('route schemas compiled on first use', () => {
  it('validates, coerces, fills defaults and serializes as the eager compilers do', async () => {
    const app = appWith(itemRoutes);
    await app.ready();
    const q = await app.inject({ url: '/items?limit=7' });
    expect(q.json()).toEqual({ limit: 7, kind: 'number' }); // coerced in place, unknown output field dropped
    expect((await app.inject({ url: '/items' })).json()).toEqual({ limit: 50, kind: 'number' });
    const bad = await app.inject({ url: '/items?limit=seven' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring/limit must be integer');
    const strict = await app.inject({ method: 'POST', url: '/items', payload: { id: '1', name: 'a' } });
    expect(strict.statusCode).toBe(400); // bodies are not coerced
    expect(strict.json().message).toContain('body/id must be integer');
    const extra = await app.inject({ method: 'POST', url: '/items', payload: { id: 1, name: 'a', more: 1 } });
    expect(extra.json().message).toContain('must NOT have additional properties');
    const ok = await app.inject({ method: 'POST', url: '/items', payload: { id: 1, name: 'a' } });
    expect(ok.json()).toEqual({ id: 1, name: 'a' });
  });

  it('compiles nothing before a request; compileRouteSchemas compiles the rest once, equal schemas once', async () => {
    const app = appWith(itemRoutes);
    await app.ready();
    // 3 distinct: the GET's querystring and response, the POSTs' body and response (shared by both routes)
    expect(await compileRouteSchemas(app)).toBe(4);
    expect(await compileRouteSchemas(app)).toBe(0);
    expect((await app.inject({ method: 'POST', url: '/copies', payload: { id: 2, name: 'b' } })).json()).toEqual({
      id: 2,
      name: 'b',
    });
  });

  it('a schema that does not compile is reported by compileRouteSchemas', async () => {
    const app = appWith((a) => {
      a.post('/broken', { schema: { body: { type: 'object', properties: { a: { type: 'nope' } } } } }, async () => 1);
    });
    await app.ready();
    await expect(compileRouteSchemas(app)).rejects.toThrow(/nope|type/);
  });
});
