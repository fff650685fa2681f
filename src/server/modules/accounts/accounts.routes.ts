import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, DateTime, NullableDateTime, errorResponses } from '../../platform/http/types';
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

const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  totpEnabled: Type.Boolean(),
  isDemo: Type.Boolean(),
  disabledAt: NullableDateTime,
  createdAt: DateTime,
  roles: Type.Array(Type.String()),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export default async function accountRoutes(app: App, deps: Deps) {
  app.get(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Staff accounts (system administrator)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(Account), ...errorResponses(401, 403) },
      },
    },
    async (req) => listAccounts(deps, requireUser(req), req.query.q ?? ''),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create a staff account (system administrator); roles are granted by the security administrator',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,40}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 40 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
          ...errorResponses(400, 401, 403, 409),
        },
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
          tags: ['accounts'],
          summary: `${path === 'disable' ? 'Disable' : 'Enable'} a staff account`,
          params: IdParams,
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
        tags: ['accounts'],
        summary:
          "Reset a staff member's password to a one-time password (signs them out everywhere; not an administrator's, not an account of equal or broader scope)",
        params: IdParams,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
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
        tags: ['accounts'],
        summary: 'Password resets done by the system administrator, newest first (security administrator)',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              userId: Type.String(),
              username: Type.String(),
              displayName: Type.String(),
              resetBy: Type.String(),
              resetAt: DateTime,
              changedAt: NullableDateTime,
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => listPasswordResets(deps, requireUser(req)),
  );

  app.get(
    '/api/sms-outbox',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Messages sent by the development SMS gateway (system administrator)',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              phoneMasked: Type.String(),
              body: Type.String(),
              gateway: Type.String(),
              createdAt: DateTime,
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => readSmsOutbox(deps, requireUser(req)),
  );

  app.get(
    '/api/system/config',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Effective settings, without secrets (system administrator)',
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses(401, 403) },
      },
    },
    async (req) => describeConfig(deps, requireUser(req)),
  );

  app.put(
    '/api/accounts/:id/person',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Link a staff account to its person record (residents.id), or unlink it with null (system administrator)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { residentId: Type.Union([Type.Null(), Type.String({ format: 'uuid' })]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ userId: Type.String(), residentId: Type.Union([Type.Null(), Type.String()]) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => linkPersonRecord(deps, requireUser(req), req.params.id, req.body.residentId),
  );
}
