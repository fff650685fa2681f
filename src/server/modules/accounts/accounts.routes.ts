import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './accounts.schema';
import {
  createStaffAccount,
  describeConfig,
  linkPersonRecord,
  listAccounts,
  listPasswordResets,
  readSmsOutbox,
  resetPassword,
  setAccountDisabled,
} from './accounts.service';

const tags = ['accounts'];

export default async function accountRoutes(app: App, deps: Deps) {
  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Staff accounts (system administrator)',
        querystring: S.AccountsQuery,
        response: { 200: S.AccountPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listAccounts(deps, requireUser(req), req.query.q ?? '', req.query),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Create a staff account (system administrator); roles are granted by the security administrator',
        body: S.CreateAccountBody,
        response: { 201: S.AccountCreated, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createStaffAccount(deps, requireUser(req), req.body)),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/accounts/:id/${path}`,
      {
        schema: {
          tags,
          summary: `${path === 'disable' ? 'Disable' : 'Enable'} a staff account`,
          params: S.IdParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await setAccountDisabled(deps, requireUser(req), req.params.id, disabled);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/api/accounts/:id/password',
    {
      schema: {
        tags,
        summary:
          "Reset a staff member's password to a one-time password (signs them out everywhere; not an administrator's, not an account of equal or broader scope)",
        params: S.IdParams,
        body: S.PasswordBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await resetPassword(deps, requireUser(req), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/password-resets',
    {
      schema: {
        tags,
        summary: 'Password resets done by the system administrator, newest first (security administrator)',
        querystring: S.PageQuery,
        response: { 200: S.PasswordResetPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listPasswordResets(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/sms-outbox',
    {
      schema: {
        tags,
        summary: 'Messages sent by the development SMS gateway (system administrator)',
        querystring: S.PageQuery,
        response: { 200: S.SmsPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => readSmsOutbox(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/system/config',
    {
      schema: {
        tags,
        summary: 'Effective settings, without secrets (system administrator)',
        response: { 200: S.SystemConfig, ...errorResponses(401, 403) },
      },
    },
    async (req) => describeConfig(deps, requireUser(req)),
  );

  app.put(
    '/api/accounts/:id/person',
    {
      schema: {
        tags,
        summary:
          'Link a staff account to its person record (residents.id), or unlink it with null (system administrator)',
        params: S.IdParams,
        body: S.LinkPersonBody,
        response: { 200: S.PersonLinked, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => linkPersonRecord(deps, requireUser(req), req.params.id, req.body.residentId),
  );
}
