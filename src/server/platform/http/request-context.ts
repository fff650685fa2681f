/** Attaches the acting user (or anonymous) to each request, from the session cookie. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, UserActor } from '../actor';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'cc_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionTokenHash?: string;
    sessionProblem?: 'session_expired';
  }
}

export type SessionResolver = (
  token: string | undefined,
  ip: string | null,
) => Promise<{ actor: Actor; tokenHash?: string; problem?: 'session_expired' }>;

export function registerRequestContext(app: FastifyInstance, resolve: SessionResolver) {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req) => {
    req.actor = { kind: 'anonymous', ip: req.ip };
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/open311/')) return;
    const r = await resolve(req.cookies[SESSION_COOKIE], req.ip);
    req.actor = r.actor;
    req.sessionTokenHash = r.tokenHash;
    req.sessionProblem = r.problem;
  });
}

/** The signed-in user, or 401 (session_expired when the cookie's session timed out). */
export function requireUser(req: FastifyRequest): UserActor {
  if (req.actor.kind === 'user') return req.actor;
  throw new AppError(req.sessionProblem ?? 'unauthenticated');
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
