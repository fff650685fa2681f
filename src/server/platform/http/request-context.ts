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

/**
 * The session cookie: http-only, SameSite=Strict, and Secure whenever the site is served over
 * HTTPS (directly, or by a proxy whose X-Forwarded-Proto is trusted: TRUST_PROXY) or when
 * COOKIE_SECURE forces it.
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, forceSecure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: forceSecure || req.protocol === 'https',
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, forceSecure: boolean) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: forceSecure || req.protocol === 'https',
  });
}
