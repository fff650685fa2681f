/**
 * Cross-site request forgery and caching guards, beyond the SameSite=Strict cookie:
 * - every state-changing API request (POST, PUT, PATCH, DELETE) with a foreign `Origin` is
 *   refused; one without `Origin` that carries the session cookie must carry `X-Requested-With`
 *   (the web apps' API client always sends it; a cross-site form cannot). Open311 (API keys, no
 *   cookies) is exempt.
 * - every API response to a signed-in request, or that is part of signing in, is `no-store`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { sendError } from './error-handler';
import { SESSION_COOKIE } from './request-context';
import type { App } from './types';

export const CLIENT_HEADER = 'x-requested-with';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestFacts {
  method: string;
  url: string;
  origin: string | undefined;
  requestedWith: string | undefined;
  hasSessionCookie: boolean;
  /** The host the client addressed (Host, or X-Forwarded-Host behind a trusted proxy). */
  host: string;
  /** http or https, as the client sees it (X-Forwarded-Proto behind a trusted proxy). */
  protocol: string;
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

function sameOrigin(origin: string, host: string, protocol: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything unparseable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // Served over HTTPS (directly or by a trusted proxy): only an HTTPS page of this site may write.
  if (protocol === 'https' && url.protocol !== 'https:') return false;
  const ours = host
    .toLowerCase()
    .replace(/:(\d+)$/, (m, port: string) => (port === DEFAULT_PORT[url.protocol] ? '' : m));
  return url.host.toLowerCase() === ours;
}

/** Why the request is refused as cross-site, or null. */
export function crossSiteProblem(r: RequestFacts): string | null {
  if (!STATE_CHANGING.has(r.method.toUpperCase())) return null;
  if (!r.url.startsWith('/api/')) return null; // Open311 and the web pages
  if (r.origin !== undefined) return sameOrigin(r.origin, r.host, r.protocol) ? null : 'foreign origin';
  if (r.hasSessionCookie && !r.requestedWith) return 'no Origin and no X-Requested-With';
  return null;
}

const factsOf = (req: FastifyRequest): RequestFacts => ({
  method: req.method,
  url: req.url,
  origin: req.headers.origin,
  requestedWith: req.headers[CLIENT_HEADER] as string | undefined,
  hasSessionCookie: Boolean(req.cookies?.[SESSION_COOKIE]),
  host: req.host,
  protocol: req.protocol,
});

function isSensitive(req: FastifyRequest): boolean {
  return (
    req.url.startsWith('/api/') &&
    (req.actor?.kind === 'user' || Boolean(req.cookies?.[SESSION_COOKIE]) || req.url.startsWith('/api/auth/'))
  );
}

export function registerRequestGuards(app: App): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const problem = crossSiteProblem(factsOf(req));
    if (!problem) return;
    req.log.warn({ origin: req.headers.origin, url: req.url, problem }, 'cross-site request refused');
    return sendError(req, reply, new AppError('cross_site_request'));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!isSensitive(req)) return payload;
    const json = String(reply.getHeader('content-type') ?? '').includes('json');
    // JSON is never cached; a route's own choice stands for files (e.g. a case photo, private)
    if (json || !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
