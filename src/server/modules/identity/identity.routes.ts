import type { Deps } from '../../platform/deps';
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import type { Actor } from '../../platform/actor';
import type { Capability } from '../access';
import * as S from './identity.schema';
import { describeMe, setMyPlace } from './me.service';
import { hashToken } from './identity.domain';
import { revokeAllSessions, signOut } from './sessions.service';
import { completePasswordChange } from './password.service';
import { completeTotp, signInWithPassword } from './signin.service';
import { requestSmsCode, signInWithSms } from './sms-signin.service';

/** `/api/me` sends what `capabilitiesOf` (src/server/capabilities.ts, every module's) says of the actor. */
export default function identityRoutes(capabilitiesOf: (actor: Actor) => Capability[]) {
  return (app: App, deps: Deps) => registerIdentityRoutes(app, deps, capabilitiesOf);
}

async function registerIdentityRoutes(app: App, deps: Deps, capabilities: (actor: Actor) => Capability[]) {
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: (req.headers['user-agent'] as string) ?? null,
  });
  const signInLimit = limitPerMinute(deps.config.rateLimit.signInPerMinute);
  const secure = deps.config.session.cookieSecure;

  app.post(
    '/api/auth/sign-in',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with username and password (first step)',
        body: S.SignInBody,
        response: { 200: S.SignInStep, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (req, reply) => {
      const step = await signInWithPassword(deps, req.body, meta(req));
      setSessionCookie(req, reply, step.token, secure);
      const { token: _t, ...rest } = step;
      return rest;
    },
  );

  app.post(
    '/api/auth/totp',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Second step: the 6-digit TOTP code (also confirms a new enrolment)',
        body: S.TotpBody,
        response: { 200: S.TotpDone, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      return completeTotp(deps, token ? hashToken(token) : null, req.body.code, meta(req));
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Last step after a one-time password (stage password_change): choose a new password',
        body: S.NewPasswordBody,
        response: { 200: S.Active, ...errorResponses(400, 401, 429) },
      },
    },
    async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      return completePasswordChange(deps, token ? hashToken(token) : null, req.body.newPassword, meta(req));
    },
  );

  app.post(
    '/api/auth/sms-code',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Send a sign-in code to a resident phone',
        body: S.SmsCodeBody,
        response: { 200: S.SmsCodeSent, ...errorResponses(400, 429) },
      },
    },
    async (req) => requestSmsCode(deps, req.body.phone, meta(req)),
  );

  app.post(
    '/api/auth/sms-sign-in',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Resident sign-in with phone and SMS code',
        body: S.SmsSignInBody,
        response: { 200: S.SmsSignedIn, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (req, reply) => {
      const r = await signInWithSms(deps, req.body, meta(req));
      setSessionCookie(req, reply, r.token, secure);
      return { stage: 'active' as const, created: r.created };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: { tags: ['auth'], summary: 'Sign out (revokes the session server-side)', response: { 204: S.NoContent } },
    },
    async (req, reply) => {
      await signOut(deps, req.actor, req.sessionTokenHash);
      clearSessionCookie(req, reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who am I: roles, scopes and what I may do (menus follow this)',
        response: { 200: S.Me, ...errorResponses(401) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      return { ...(await describeMe(deps, actor)), capabilities: capabilities(actor) };
    },
  );

  app.put(
    '/api/me/place',
    {
      schema: {
        tags: ['auth'],
        summary: "Set the resident's own village or community (我的村/社区)",
        body: S.PlaceBody,
        response: { 200: S.Me, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      await setMyPlace(deps, actor, req.body.divisionCode);
      const fresh = { ...actor, homeDivisionCode: req.body.divisionCode };
      return { ...(await describeMe(deps, fresh)), capabilities: capabilities(fresh) };
    },
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign a user out everywhere (system administrator)',
        params: S.UserParams,
        response: { 200: S.Revoked, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => revokeAllSessions(deps, requireUser(req), req.params.id),
  );
}
