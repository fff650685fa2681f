/** Big-screen links (大屏): make (the token shown once), list and revoke (town and county officers of the place). */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { IdParams } from '../../platform/http/schema-helpers';
import { type App, errorResponses } from '../../platform/http/types';
import { CreatedScreen, NewScreen, ScreenList } from './screens.schema';
import { createScreen, listScreens, revokeScreen } from './screens.service';

const tags = ['cockpit'];

/** A big screen's token: the X-Screen-Token header, or `?token=` (the screen page's own URL). */
export function screenToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-screen-token'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromQuery = (req.query as { token?: unknown } | undefined)?.token;
  return fromHeader || (typeof fromQuery === 'string' ? fromQuery : undefined) || undefined;
}

export default async function screenRoutes(app: App, deps: Deps) {
  app.post(
    '/api/cockpit/screens',
    {
      schema: {
        tags,
        summary: 'Make a big-screen link (大屏) for a place of your subtree: its token is shown only in this answer',
        body: NewScreen,
        response: { 201: CreatedScreen, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await createScreen(deps, requireUser(req), req.body)),
  );

  app.get(
    '/api/cockpit/screens',
    {
      schema: {
        tags,
        summary: 'The big-screen links of your places (never their tokens)',
        response: { 200: ScreenList, ...errorResponses(401) },
      },
    },
    async (req) => listScreens(deps, requireUser(req)),
  );

  app.delete(
    '/api/cockpit/screens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a big-screen link (at once; revoking twice is fine)',
        params: IdParams,
        response: { 204: Type.Null({ description: 'revoked' }), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      await revokeScreen(deps, requireUser(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
